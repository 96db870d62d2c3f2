import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { runCli } from './child-process.js';
import { auth, eventually, resetState, TestApp } from './harness.js';

/** Token expiry and last use (issue 9): through the API route, the compiled CLI, and the guard. */

const cli = (...args: string[]) => runCli(args);

const HOUR = 3600_000;

describe('API tokens: expiry and last use', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start('api');
  });
  beforeEach(async () => {
    await resetState(t);
    admin = await t.token('admin', 'root');
  });
  afterAll(() => t.close());

  const stored = async (id: string) =>
    (await t.db.query(`SELECT expires_at, last_used_at FROM api_tokens WHERE id = $1`, [id]))[0] as { expires_at: Date | null; last_used_at: Date | null };

  test('POST /v1/tokens takes expiresIn or expiresAt; the list shows both times; no expiry by default', async () => {
    const before = Date.now();
    const inAnHour = (await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'cms', role: 'consumer', label: 'a', expiresIn: '1h' }).expect(201)).body;
    const expiresAt = new Date(inAnHour.expiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + HOUR - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + HOUR + 1000);

    const fixed = (await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'cms', role: 'consumer', label: 'b', expiresAt: '2099-01-31T12:00:00Z' }).expect(201)).body;
    expect(fixed.expiresAt).toBe('2099-01-31T12:00:00.000Z');
    const forever = (await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'cms', role: 'consumer', label: 'c' }).expect(201)).body;
    expect(forever.expiresAt).toBeNull();

    const list = (await t.http.get('/v1/tokens').set(auth(admin)).expect(200)).body;
    const byLabel = Object.fromEntries(list.map((x: any) => [x.label, x]));
    expect(byLabel.b).toMatchObject({ expiresAt: '2099-01-31T12:00:00.000Z', lastUsedAt: null });
    expect(byLabel.c).toMatchObject({ expiresAt: null, lastUsedAt: null });

    for (const [body, what] of [
      [{ expiresAt: '2001-01-01T00:00:00Z' }, 'past'],
      [{ expiresIn: '1h', expiresAt: '2099-01-01T00:00:00Z' }, 'both'],
      [{ expiresIn: 'ten years' }, 'duration'],
      [{ expiresIn: '0h' }, 'duration'],
      [{ expiresAt: 'tomorrow' }, 'date'],
    ] as const) {
      const res = await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'cms', role: 'consumer', ...body });
      expect({ what, status: res.status, type: res.headers['content-type'] }).toEqual({ what, status: 400, type: expect.stringMatching(/problem\+json/) });
      expect(res.body.detail).toMatch(/expires/i);
    }
  });

  test('an expired token gets 401 token_expired, with a detail that says so; a live one works', async () => {
    const soon = (await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'ed', role: 'editor', expiresIn: '1s' }).expect(201)).body;
    await t.http.get('/v1/review-tasks').set(auth(soon.token)).expect(200);
    await new Promise((r) => setTimeout(r, 1500));
    const res = await t.http.get('/v1/review-tasks').set(auth(soon.token)).expect(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'token_expired' });
    expect(res.body.detail).toMatch(/expired/);
    expect(res.body.detail).toContain(new Date(soon.expiresAt).toISOString());
    // A revoked or unknown token still says so, not "expired".
    expect((await t.http.get('/v1/review-tasks').set(auth('cc_nonsense')).expect(401)).body.code).toBe('unauthorized');
  });

  test('last use is recorded, at most once a minute per token', async () => {
    const created = (await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'reader', role: 'consumer' }).expect(201)).body;
    expect((await stored(created.id)).last_used_at).toBeNull();
    await t.http.get('/v1/claims').set(auth(created.token)).expect(200);
    // Recorded off the request path: it lands a moment after the answer.
    const first = await eventually(async () => (await stored(created.id)).last_used_at, 5000, 'last_used_at recorded');
    expect(Math.abs(first!.getTime() - Date.now())).toBeLessThan(60_000);
    for (let i = 0; i < 5; i++) await t.http.get('/v1/claims').set(auth(created.token)).expect(200);
    await new Promise((r) => setTimeout(r, 300)); // let any (wrong) write land before looking
    expect((await stored(created.id)).last_used_at).toEqual(first); // no write within the minute

    // A minute later (moved back in the database rather than waited for), the next request records it again.
    await t.changeCredentials(`UPDATE api_tokens SET last_used_at = last_used_at - interval '61 seconds' WHERE id = $1`, [created.id]);
    await t.http.get('/v1/claims').set(auth(created.token)).expect(200);
    const later = await eventually(async () => {
      const at = (await stored(created.id)).last_used_at!;
      return at.getTime() > first.getTime() - 61_000 + 1000 && at;
    }, 5000, 'last_used_at recorded again');
    const listed = (await t.http.get('/v1/tokens').set(auth(admin)).expect(200)).body.find((x: any) => x.id === created.id);
    expect(listed.lastUsedAt).toBe(later.toISOString());
  });

  test('cli token create --expires-in / --expires-at', async () => {
    const before = Date.now();
    const inTwoHours = await cli('token', 'create', '--role', 'consumer', '--name', 'cli-cms', '--expires-in', '2h');
    expect({ code: inTwoHours.code, stderr: inTwoHours.stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/expires/) });
    const token = inTwoHours.stdout.trim().split('\n').pop()!;
    await t.http.get('/v1/claims').set(auth(token)).expect(200);
    const [row] = await t.db.query(`SELECT expires_at FROM api_tokens WHERE prefix = $1`, [token.slice(0, 9)]);
    expect(row.expires_at.getTime()).toBeGreaterThanOrEqual(before + 2 * HOUR - 1000);
    expect(row.expires_at.getTime()).toBeLessThanOrEqual(Date.now() + 2 * HOUR + 1000);

    const at = await cli('token', 'create', '--role', 'consumer', '--name', 'cli-cms', '--expires-at', '2099-06-01T00:00:00Z');
    expect(at.code).toBe(0);
    const [fixed] = await t.db.query(`SELECT expires_at FROM api_tokens WHERE prefix = $1`, [at.stdout.trim().split('\n').pop()!.slice(0, 9)]);
    expect(fixed.expires_at.toISOString()).toBe('2099-06-01T00:00:00.000Z');

    for (const args of [['--expires-in', 'soon'], ['--expires-at', '1999-01-01T00:00:00Z'], ['--expires-in', '1h', '--expires-at', '2099-01-01T00:00:00Z']]) {
      const bad = await cli('token', 'create', '--role', 'consumer', '--name', 'cli-cms', ...args);
      expect({ args, code: bad.code }).toEqual({ args, code: 2 });
      expect(bad.stderr).toMatch(/expires/);
    }
  });
});
