import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { UsersService } from '../../src/auth/users.service.js';
import type { Role } from '../../src/auth/user.entity.js';
import { runCli } from './child-process.js';
import { auth, resetState, TestApp } from './harness.js';

/** People sign in to the desk (sessions, passwords, CSRF, lockout): through the real HTTP stack, cookies and all. */

const PASSWORD = 'correct horse battery staple';

/** The session cookie's attributes from a Set-Cookie answer. */
function sessionCookie(res: request.Response): { value: string; attributes: string[] } | undefined {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = raw?.find((c) => c.startsWith('claimcheck_session='));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((p) => p.trim());
  return { value: pair.slice('claimcheck_session='.length), attributes };
}

describe('desk sign-in', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    // Low limits, so lockouts are reached in a few requests.
    // No delay before failed answers here (its own test below): these tests fail many sign-ins.
    t = await TestApp.start('api', {
      SIGN_IN_MAX_FAILURES_PER_NAME: '3', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '6', SIGN_IN_WINDOW_MINUTES: '15', SIGN_IN_DELAY_BASE_MS: '0',
    });
  });
  beforeEach(async () => {
    await resetState(t);
    admin = await t.token('admin', 'root');
  });
  afterAll(() => t.close());

  /** A user with their own password already set (what the desk has after a first sign-in). */
  async function person(role: Role, name = `${role}-${Math.random().toString(36).slice(2, 8)}`): Promise<{ id: string; name: string }> {
    const created = await t.app.get(UsersService).create(name, role, null);
    const agent = request.agent(t.app.getHttpServer());
    const session = (await agent.post('/v1/auth/sign-in').send({ name, password: created.oneTimePassword }).expect(200)).body;
    await agent.post('/v1/auth/password').set('X-CSRF-Token', session.csrfToken).send({ currentPassword: created.oneTimePassword, newPassword: PASSWORD }).expect(200);
    await t.db.query(`TRUNCATE sign_in_attempts`);
    return { id: created.user.id, name };
  }

  /** A browser signed in as `name`: its agent keeps the cookie; `csrf` is the token for writes. */
  async function signIn(name: string, password = PASSWORD) {
    const agent = request.agent(t.app.getHttpServer());
    const res = await agent.post('/v1/auth/sign-in').send({ name, password });
    expect(res.status).toBe(200);
    return { agent, csrf: res.body.csrfToken as string, body: res.body, res };
  }

  const signInAs = (name: string, password: string, headers: Record<string, string> = {}) =>
    t.http.post('/v1/auth/sign-in').set(headers).send({ name, password });

  test('sign-in with the right password: 200 SessionDto and a session cookie that works; GET /v1/auth/session after a reload', async () => {
    const alice = await person('editor', 'alice');
    const { agent, body, res } = await signIn('alice');
    expect(body).toEqual({
      user: { id: alice.id, name: 'alice', role: 'editor' },
      csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
      mustChangePassword: false,
      expiresAt: expect.any(String),
    });
    // Idle expiry (120 min by default) comes first.
    const expiresIn = new Date(body.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(118 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(120 * 60_000 + 5000);
    expect(sessionCookie(res)?.value).toMatch(/^[\w-]{40,}$/);
    // The answers that carry the CSRF token are never stored by a cache.
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await agent.get('/v1/auth/session').expect(200)).headers['cache-control']).toBe('no-store');

    await agent.get('/v1/claims').expect(200);
    const again = (await agent.get('/v1/auth/session').expect(200)).body;
    expect(again).toEqual({ ...body, expiresAt: expect.any(String) });

    // Only the SHA-256 of the cookie's secret is stored.
    const [row] = await t.db.query(`SELECT secret_hash, csrf_token FROM sessions`);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.secret_hash).not.toContain(sessionCookie(res)!.value);
    // The password is argon2id; last sign-in is shown to admins.
    const [user] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [alice.id]);
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    const listed = (await t.http.get('/v1/users').set(auth(admin)).expect(200)).body.find((u: any) => u.name === 'alice');
    expect(listed).toMatchObject({ hasPassword: true, mustChangePassword: false, lastSignInAt: expect.any(String), activeSessions: 2 });
  });

  test('wrong password, unknown user, user without a password, disabled user: the same 401 invalid_credentials; a consumer is refused with 403', async () => {
    await person('editor', 'alice');
    const wrong = await signInAs('alice', 'not the password at all');
    const unknown = await signInAs('nobody', PASSWORD);
    await t.token('editor', 'tokenonly'); // a machine user: no password
    const noPassword = await signInAs('tokenonly', PASSWORD);
    const bob = await person('approver', 'bob');
    await t.http.patch(`/v1/users/${bob.id}`).set(auth(admin)).send({ disabled: true }).expect(200);
    const disabled = await signInAs('bob', PASSWORD);
    for (const res of [wrong, unknown, noPassword, disabled]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).toMatchObject({ code: 'invalid_credentials', detail: 'The name or the password is wrong.' });
      expect(sessionCookie(res)).toBeUndefined();
    }

    const carol = await person('editor', 'carol');
    await t.http.patch(`/v1/users/${carol.id}`).set(auth(admin)).send({ role: 'consumer' }).expect(200);
    const consumer = await signInAs('carol', PASSWORD);
    expect(consumer.status).toBe(403);
    expect(consumer.body.code).toBe('desk_not_allowed');
    expect(sessionCookie(consumer)).toBeUndefined();
    // Wrong password for a consumer: still the plain 401 (the role is not revealed).
    expect((await signInAs('carol', 'not the password at all')).body.code).toBe('invalid_credentials');
    // Bad bodies are 400s, unknown fields too.
    expect((await t.http.post('/v1/auth/sign-in').send({ name: 'alice' })).status).toBe(400);
    expect((await t.http.post('/v1/auth/sign-in').send({ name: 'alice', password: PASSWORD, remember: true })).status).toBe(400);
  });

  test('cookie flags: HttpOnly, SameSite=Lax, Path=/; Secure only over https (X-Forwarded-Proto from a proxy on loopback)', async () => {
    await person('editor', 'alice');
    const plain = sessionCookie(await signInAs('alice', PASSWORD))!;
    expect(plain.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax']));
    expect(plain.attributes.some((a) => /^Expires=/.test(a))).toBe(true);
    expect(plain.attributes).not.toContain('Secure');

    const https = sessionCookie(await signInAs('alice', PASSWORD, { 'X-Forwarded-Proto': 'https' }))!;
    expect(https.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax', 'Secure']));
  });

  test('CSRF: a write with the session cookie needs X-CSRF-Token; missing or wrong is 403 csrf_failed, the right one passes; bearer writes need none', async () => {
    const alice = await person('admin', 'alice');
    const { agent, csrf } = await signIn('alice');
    const body = { name: 'dave', role: 'editor' };

    const missing = await agent.post('/v1/users').send(body);
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_failed');
    expect(missing.body.detail).toMatch(/X-CSRF-Token/);
    const wrong = await agent.post('/v1/users').set('X-CSRF-Token', csrf.slice(0, -2) + 'xx').send(body);
    expect([wrong.status, wrong.body.code]).toEqual([403, 'csrf_failed']);
    expect(wrong.body.detail).toMatch(/does not match/);
    // Nothing was created.
    expect((await t.db.query(`SELECT 1 FROM users WHERE name = 'dave'`)).length).toBe(0);
    // Sign-out is a write too.
    expect((await agent.post('/v1/auth/sign-out')).body.code).toBe('csrf_failed');

    const created = await agent.post('/v1/users').set('X-CSRF-Token', csrf).send(body).expect(201);
    expect(created.body.user).toMatchObject({ name: 'dave', role: 'editor', hasPassword: true, mustChangePassword: true, lastSignInAt: null });
    // Reads need no token; the audit names the person who acted.
    await agent.get('/v1/users').expect(200);
    const events = (await agent.get('/v1/audit-events?entityType=user&action=user.created').expect(200)).body.items;
    expect(events[0]).toMatchObject({ entityId: created.body.user.id, actorId: alice.id, actorName: 'alice' });
    // Bearer tokens are unaffected.
    await t.http.post('/v1/users').set(auth(admin)).send({ name: 'erin', role: 'editor' }).expect(201);
  });

  test('session expiry: idle (last seen too long ago) and absolute; both 401 session_expired and the cookie is cleared', async () => {
    await person('editor', 'alice');
    const idle = await signIn('alice');
    await idle.agent.get('/v1/claims').expect(200);
    await t.changeCredentials(`UPDATE sessions SET last_seen_at = now() - interval '121 minutes' WHERE csrf_token = $1`, [idle.csrf]);
    const expired = await idle.agent.get('/v1/claims');
    expect([expired.status, expired.body.code]).toEqual([401, 'session_expired']);
    expect(expired.body.detail).toMatch(/120 minutes/);
    expect(sessionCookie(expired)?.value).toBe('');

    const absolute = await signIn('alice');
    // Used a second ago, but signed in 13 hours ago (absolute expiry 12 h).
    await t.changeCredentials(`UPDATE sessions SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 hour' WHERE csrf_token = $1`, [absolute.csrf]);
    const old = await absolute.agent.get('/v1/auth/session');
    expect([old.status, old.body.code]).toEqual([401, 'session_expired']);
    expect(old.body.detail).toMatch(/12 hours/);

    // Just inside the idle limit still works, and counts as use: last_seen_at moves (written at most once a minute).
    const live = await signIn('alice');
    await t.changeCredentials(`UPDATE sessions SET last_seen_at = now() - interval '119 minutes' WHERE csrf_token = $1`, [live.csrf]);
    await live.agent.get('/v1/claims').expect(200);
    const seen = async () => (await t.db.query(`SELECT now() - last_seen_at < interval '1 minute' AS fresh FROM sessions WHERE csrf_token = $1`, [live.csrf]))[0].fresh;
    for (let i = 0; i < 50 && !(await seen()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await seen()).toBe(true);
  });

  test('last seen is written at most once a minute per session', async () => {
    await person('editor', 'alice');
    const { agent, csrf } = await signIn('alice');
    const lastSeen = async () => (await t.db.query(`SELECT last_seen_at FROM sessions WHERE csrf_token = $1`, [csrf]))[0].last_seen_at as Date;
    const first = await lastSeen();
    for (let i = 0; i < 5; i++) await agent.get('/v1/claims').expect(200);
    await new Promise((r) => setTimeout(r, 200)); // let any (wrong) write land before looking
    expect(await lastSeen()).toEqual(first);
  });

  test('sign-out: 204, the cookie is cleared, the session row revoked, and the old cookie gets 401', async () => {
    await person('editor', 'alice');
    const { agent, csrf, res } = await signIn('alice');
    const secret = sessionCookie(res)!.value;
    const out = await agent.post('/v1/auth/sign-out').set('X-CSRF-Token', csrf).expect(204);
    expect(sessionCookie(out)?.value).toBe('');
    const [row] = await t.db.query(`SELECT revoked_at, revoked_reason FROM sessions WHERE csrf_token = $1`, [csrf]);
    expect(row).toMatchObject({ revoked_at: expect.any(Date), revoked_reason: 'signed_out' });
    // A copy of the cookie (the agent dropped it) is refused.
    const replay = await t.http.get('/v1/claims').set('Cookie', `claimcheck_session=${secret}`);
    expect([replay.status, replay.body.code]).toEqual([401, 'unauthorized']);
    expect(replay.body.detail).toMatch(/sign in again/);
    // No cookie at all: the 401 says both ways in.
    const none = await t.http.get('/v1/claims');
    expect(none.status).toBe(401);
    expect(none.body.detail).toMatch(/bearer token/i);
    expect(none.body.detail).toMatch(/sign-in/);
    // Session routes are for sessions: a bearer token has none.
    const bearer = await t.http.get('/v1/auth/session').set(auth(admin));
    expect([bearer.status, bearer.body.code]).toEqual([401, 'session_required']);
  });

  test('disabling a user ends their sessions at once; a role change applies on the next request', async () => {
    const bob = await person('editor', 'bob');
    const { agent } = await signIn('bob');
    await agent.get('/v1/claims').expect(200);
    // Editors may not list users; after promotion to admin, the same session may.
    expect((await agent.get('/v1/users')).status).toBe(403);
    await t.http.patch(`/v1/users/${bob.id}`).set(auth(admin)).send({ role: 'admin' }).expect(200);
    await agent.get('/v1/users').expect(200);
    // Made a consumer: the desk is closed to them at once.
    await t.http.patch(`/v1/users/${bob.id}`).set(auth(admin)).send({ role: 'consumer' }).expect(200);
    expect((await agent.get('/v1/claims')).body.code).toBe('desk_not_allowed');
    await t.http.patch(`/v1/users/${bob.id}`).set(auth(admin)).send({ role: 'editor' }).expect(200);
    await agent.get('/v1/claims').expect(200);

    await t.http.patch(`/v1/users/${bob.id}`).set(auth(admin)).send({ disabled: true }).expect(200);
    expect((await agent.get('/v1/claims')).status).toBe(401);
    // Every live session (this one, and the one person() left after its password change) ended.
    const reasons = await t.db.query(`SELECT DISTINCT revoked_reason FROM sessions WHERE user_id = $1 AND revoked_reason IS DISTINCT FROM 'replaced'`, [bob.id]);
    expect(reasons).toEqual([{ revoked_reason: 'user_disabled' }]);
    // Enabled again: the old session stays ended; a new sign-in works.
    await t.http.patch(`/v1/users/${bob.id}`).set(auth(admin)).send({ disabled: false }).expect(200);
    expect((await agent.get('/v1/claims')).status).toBe(401);
    await (await signIn('bob')).agent.get('/v1/claims').expect(200);
  });

  test('lockout per name: after 3 failures, 429 too_many_attempts with Retry-After, even with the right password; every attempt audited', async () => {
    await person('editor', 'alice');
    await person('editor', 'bob');
    const ip = { 'X-Forwarded-For': '203.0.113.7' };
    for (let i = 0; i < 3; i++) expect((await signInAs('alice', `wrong password ${i}`, ip)).status).toBe(401);
    const locked = await signInAs('alice', PASSWORD, ip);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_attempts');
    expect(locked.body.detail).toMatch(/user name/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(sessionCookie(locked)).toBeUndefined();
    // Another name from the same address is not locked by it.
    expect((await signInAs('bob', PASSWORD, ip)).status).toBe(200);

    const attempts = await t.db.query(`SELECT name, address, outcome, user_id FROM sign_in_attempts ORDER BY id`);
    expect(attempts.map((a: any) => [a.name, a.address, a.outcome])).toEqual([
      ['alice', '203.0.113.7', 'invalid_credentials'],
      ['alice', '203.0.113.7', 'invalid_credentials'],
      ['alice', '203.0.113.7', 'invalid_credentials'],
      ['alice', '203.0.113.7', 'throttled'],
      ['bob', '203.0.113.7', 'success'],
    ]);
    expect(attempts[0].user_id).toEqual(expect.any(String));
    // Admins read the same audit through the API, newest first, filtered and paged.
    const page = (await t.http.get('/v1/auth/sign-in-attempts?name=alice&limit=3').set(auth(admin)).expect(200)).body;
    expect(page.items.map((a: any) => a.outcome)).toEqual(['throttled', 'invalid_credentials', 'invalid_credentials']);
    expect(page.items[0]).toMatchObject({ name: 'alice', address: '203.0.113.7', userId: attempts[0].user_id, createdAt: expect.any(String) });
    const rest = (await t.http.get(`/v1/auth/sign-in-attempts?name=alice&limit=3&cursor=${page.nextCursor}`).set(auth(admin)).expect(200)).body;
    expect([rest.items.length, rest.nextCursor]).toEqual([1, null]);
    expect((await t.http.get('/v1/auth/sign-in-attempts?outcome=success').set(auth(admin)).expect(200)).body.items.map((a: any) => a.name)).toEqual(['bob']);
    expect((await t.http.get('/v1/auth/sign-in-attempts').set(auth(await t.token('editor')))).status).toBe(403);

    // When the window has passed (simulated: the failures are older), the right password works again.
    await t.db.query(`UPDATE sign_in_attempts SET created_at = created_at - interval '16 minutes' WHERE name = 'alice'`);
    expect((await signInAs('alice', PASSWORD, ip)).status).toBe(200);
  });

  test('a successful sign-in clears the name\'s count; refused attempts do not extend the lockout', async () => {
    await person('editor', 'alice');
    for (let i = 0; i < 2; i++) expect((await signInAs('alice', 'wrong password')).status).toBe(401);
    expect((await signInAs('alice', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await signInAs('alice', 'wrong password')).status).toBe(401);
    expect((await signInAs('alice', PASSWORD)).status).toBe(200);

    for (let i = 0; i < 3; i++) await signInAs('alice', 'wrong password');
    for (let i = 0; i < 3; i++) expect((await signInAs('alice', PASSWORD)).status).toBe(429);
    // Only the failures count: moving them (not the refusals) out of the window ends the lockout.
    await t.db.query(`UPDATE sign_in_attempts SET created_at = created_at - interval '16 minutes' WHERE outcome = 'invalid_credentials'`);
    expect((await signInAs('alice', PASSWORD)).status).toBe(200);
  });

  test('lockout per address: 6 failures from one address, whatever the names, lock that address only', async () => {
    await person('editor', 'alice');
    const attacker = { 'X-Forwarded-For': '198.51.100.9' };
    for (let i = 0; i < 6; i++) expect((await signInAs(`guess-${i}`, 'password123456', attacker)).status).toBe(401);
    const locked = await signInAs('alice', PASSWORD, attacker);
    expect([locked.status, locked.body.code]).toEqual([429, 'too_many_attempts']);
    expect(locked.body.detail).toMatch(/address/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not locked.
    expect((await signInAs('alice', PASSWORD, { 'X-Forwarded-For': '198.51.100.10' })).status).toBe(200);
    const counts = await t.db.query(`SELECT address, outcome, count(*)::int AS n FROM sign_in_attempts GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(counts).toEqual([
      { address: '198.51.100.10', outcome: 'success', n: 1 },
      { address: '198.51.100.9', outcome: 'invalid_credentials', n: 6 },
      { address: '198.51.100.9', outcome: 'throttled', n: 1 },
    ]);
  });

  test('parallel guesses cannot slip past the limit', async () => {
    await person('editor', 'alice');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => signInAs('alice', `wrong password ${i}`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
  });

  test('admin creates a user: one-time password; that user signs in, must change the password before anything else, then works', async () => {
    const created = (await t.http.post('/v1/users').set(auth(admin)).send({ name: 'frank', role: 'approver' }).expect(201)).body;
    expect(created.user).toMatchObject({ name: 'frank', role: 'approver', hasPassword: true, mustChangePassword: true, activeTokens: 0 });
    expect(created.oneTimePassword).toMatch(/^[\w-]{20,}$/);
    expect((await t.http.post('/v1/users').set(auth(admin)).send({ name: 'frank', role: 'editor' })).body.code).toBe('user_exists');
    expect((await t.http.post('/v1/users').set(auth(admin)).send({ name: 'machine', role: 'consumer' })).status).toBe(400);

    const first = await signIn('frank', created.oneTimePassword);
    expect(first.body.mustChangePassword).toBe(true);
    // Everything but the session routes answers 403 password_change_required.
    for (const res of [await first.agent.get('/v1/claims'), await first.agent.get('/v1/review-tasks')]) {
      expect([res.status, res.body.code]).toEqual([403, 'password_change_required']);
      expect(res.body.detail).toMatch(/POST \/v1\/auth\/password/);
    }
    expect((await first.agent.get('/v1/auth/session').expect(200)).body.mustChangePassword).toBe(true);

    const change = (body: object) => first.agent.post('/v1/auth/password').set('X-CSRF-Token', first.csrf).send(body);
    const oneTimeCookie = sessionCookie(first.res)!.value;
    const short = await change({ currentPassword: created.oneTimePassword, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.detail).toMatch(/newPassword must be at least 12 characters/);
    expect((await change({ currentPassword: created.oneTimePassword, newPassword: 'x'.repeat(201) })).status).toBe(400);
    expect((await change({ currentPassword: created.oneTimePassword, newPassword: created.oneTimePassword })).body.code).toBe('password_unchanged');
    expect((await change({ currentPassword: 'not my password', newPassword: PASSWORD })).body.code).toBe('wrong_current_password');

    // A second browser of frank's, to see it end.
    const second = await signIn('frank', created.oneTimePassword);
    const changed = await change({ currentPassword: created.oneTimePassword, newPassword: PASSWORD });
    expect(changed.status).toBe(200);
    // The session made with the one-time password is replaced: a new cookie and CSRF token; the old ones are dead.
    expect(changed.headers['cache-control']).toBe('no-store');
    expect(changed.body).toMatchObject({ user: { name: 'frank', role: 'approver' }, mustChangePassword: false, csrfToken: expect.any(String) });
    expect(changed.body.csrfToken).not.toBe(first.csrf);
    const renewedCookie = sessionCookie(changed)!;
    expect(renewedCookie.value).not.toBe(oneTimeCookie);
    expect(renewedCookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    const old = await t.http.get('/v1/auth/session').set('Cookie', `claimcheck_session=${oneTimeCookie}`);
    expect([old.status, old.body.code]).toEqual([401, 'unauthorized']);
    await t.http.post('/v1/auth/sign-out').set('Cookie', `claimcheck_session=${oneTimeCookie}`).set('X-CSRF-Token', first.csrf).expect(401);
    // The agent took the new cookie; writes need the new token.
    await first.agent.get('/v1/claims').expect(200);
    expect((await first.agent.get('/v1/auth/session').expect(200)).body).toEqual({ ...changed.body, expiresAt: expect.any(String) });
    expect((await first.agent.post('/v1/auth/sign-out').set('X-CSRF-Token', first.csrf)).body.code).toBe('csrf_failed');
    const sessions = await t.db.query(`SELECT revoked_reason FROM sessions WHERE user_id = $1 ORDER BY created_at`, [created.user.id]);
    expect(sessions.map((r: any) => r.revoked_reason)).toEqual(['replaced', 'password_changed', null]);
    expect((await second.agent.get('/v1/claims')).status).toBe(401);
    // The one-time password no longer works; the new one does.
    expect((await signInAs('frank', created.oneTimePassword)).status).toBe(401);
    await signIn('frank');
    const events = (await t.http.get('/v1/audit-events?entityType=user').set(auth(admin)).expect(200)).body.items.map((e: any) => e.action);
    expect(events).toEqual(expect.arrayContaining(['user.created', 'user.password_changed']));
  });

  test('reset password: a new one-time password, the user\'s sessions end, and they must change it again', async () => {
    const alice = await person('editor', 'alice');
    const { agent } = await signIn('alice');
    await agent.get('/v1/claims').expect(200);
    const reset = (await t.http.post(`/v1/users/${alice.id}/reset-password`).set(auth(admin)).expect(200)).body;
    expect(Object.keys(reset)).toEqual(['oneTimePassword']);
    expect((await agent.get('/v1/claims')).status).toBe(401);
    expect((await signInAs('alice', PASSWORD)).status).toBe(401);
    const again = await signIn('alice', reset.oneTimePassword);
    expect(again.body.mustChangePassword).toBe(true);
    expect((await again.agent.get('/v1/claims')).body.code).toBe('password_change_required');
    expect((await t.http.post('/v1/users/00000000-0000-4000-8000-000000000000/reset-password').set(auth(admin))).status).toBe(404);
    // Admins only.
    const editor = await t.token('editor');
    expect((await t.http.post(`/v1/users/${alice.id}/reset-password`).set(auth(editor))).status).toBe(403);
  });

  test('CLI: user create prints the one-time password on its last line; it signs in', async () => {
    const run = await runCli(['user', 'create', '--name', 'grace', '--role', 'editor']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const password = lines[lines.length - 1];
    expect(password).toMatch(/^[\w-]{20,}$/);
    expect((await signIn('grace', password)).body).toMatchObject({ user: { name: 'grace', role: 'editor' }, mustChangePassword: true });

    const reset = await runCli(['user', 'reset-password', '--name', 'grace']);
    expect(reset.code).toBe(0);
    const newPassword = reset.stdout.trim().split('\n').pop()!;
    expect(newPassword).not.toBe(password);
    await signIn('grace', newPassword);

    const bad = await runCli(['user', 'create', '--name', 'henry', '--role', 'consumer']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--role/);
    const dup = await runCli(['user', 'create', '--name', 'grace', '--role', 'editor']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/exists/);
  }, 60_000);
});

describe('failed sign-ins are slowed before they are refused', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start('api', { SIGN_IN_DELAY_BASE_MS: '300', SIGN_IN_MAX_FAILURES_PER_NAME: '5' });
    await resetState(t);
  });
  afterAll(() => t.close());

  test('each failure for a name waits longer: the third is answered after at least 300 × 2² ms', async () => {
    const created = await t.app.get(UsersService).create('slowpoke', 'editor', null);
    const timed = async (password: string) => {
      const started = Date.now();
      const res = await t.http.post('/v1/auth/sign-in').send({ name: 'slowpoke', password });
      return { status: res.status, ms: Date.now() - started };
    };
    const first = await timed('wrong 1');
    await timed('wrong 2');
    const third = await timed('wrong 3');
    expect([first.status, third.status]).toEqual([401, 401]);
    expect(first.ms).toBeGreaterThanOrEqual(300);
    expect(third.ms).toBeGreaterThanOrEqual(1000);
    // The right password is not slowed down.
    expect((await timed(created.oneTimePassword)).status).toBe(200);
  });
});

describe('TRUST_PROXY: which X-Forwarded-For the sign-in lockout believes', () => {
  const failFrom = async (env: Record<string, string>, name: string) => {
    const t = await TestApp.start('api', { SIGN_IN_DELAY_BASE_MS: '0', ...env });
    try {
      await t.http.post('/v1/auth/sign-in').set('X-Forwarded-For', '203.0.113.77').send({ name, password: 'wrong' }).expect(401);
      const [row] = await t.db.query(`SELECT address FROM sign_in_attempts WHERE name = $1`, [name]);
      return row.address as string;
    } finally {
      await t.close();
    }
  };

  test('TRUST_PROXY=1 (one proxy in front): the forwarded address is recorded; TRUST_PROXY=false: the socket address is', async () => {
    expect(await failFrom({ TRUST_PROXY: '1' }, 'proxied-one-hop')).toBe('203.0.113.77');
    expect(await failFrom({ TRUST_PROXY: '127.0.0.0/8, ::1' }, 'proxied-cidr')).toBe('203.0.113.77');
    expect(await failFrom({ TRUST_PROXY: 'false' }, 'not-proxied')).not.toBe('203.0.113.77');
    expect(await failFrom({ TRUST_PROXY: '10.0.0.0/8' }, 'other-proxy')).not.toBe('203.0.113.77');
  });
});
