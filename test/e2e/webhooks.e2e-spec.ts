import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { migrate } from '../../src/database/migrate.js';
import { dataSourceOptions } from '../../src/database/options.js';
import { verify } from '../../src/webhooks/signature.js';
import { runCli } from './child-process.js';
import { TEST_DATABASE_URL } from './env.js';
import { auth, eventually, resetState, startWorker, TestApp } from './harness.js';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Records every request; answers 200. Each webhook gets its own path, so a test can tell them apart. */
class Receiver {
  readonly received: Received[] = [];
  private server!: Server;
  base = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        this.received.push({ path: req.url ?? '', headers: req.headers, body });
        const answer = () => res.writeHead(200).end();
        const held = this.holding.get(req.url ?? '');
        if (held) held.push(answer);
        else answer();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Paths whose answers are held (the sender's attempt stays in progress) until `release`. */
  private readonly holding = new Map<string, Array<() => void>>();

  hold(path: string): void {
    this.holding.set(path, []);
  }

  /** Answers what was held on `path`, and answers at once from now on. */
  release(path: string): void {
    const held = this.holding.get(path) ?? [];
    this.holding.delete(path);
    for (const answer of held) answer();
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Waits for the next request on `path` after the `before` already seen there. */
  next(path: string, before: number): Promise<Received> {
    return eventually(async () => this.at(path)[before], 15000, `a delivery on ${path}`);
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** What an off-the-shelf receiver does: the standardwebhooks library's own verify. */
function standardVerifies(secret: string, r: Received): boolean {
  const headers: Record<string, string> = {};
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) headers[name] = String(r.headers[name] ?? '');
  try {
    new Webhook(secret).verify(r.body, headers);
    return true;
  } catch {
    return false;
  }
}

/** What an existing receiver does with Claimcheck-Signature (README's verifier). */
const legacyVerifies = (secret: string, r: Received) => verify(secret, r.body, String(r.headers['claimcheck-signature'] ?? ''));

const newKey = () => randomBytes(32).toString('base64');
let articleNo = 0;
const uniqueArticle = () => `Rescuers said ${40 + ++articleNo} people were pulled from the rubble in district ${articleNo} on Monday.`;

describe('webhook signing, secret rotation and updates', () => {
  const env = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_SECRET_KEYS: `k1:${newKey()}` };
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: string;
  let editor: string;
  const receiver = new Receiver();

  const createHook = async (path: string, events = ['article.extracted']) =>
    (await t.http.post('/v1/webhooks').set(auth(admin)).send({ url: `${receiver.base}${path}`, events }).expect(201)).body;

  beforeAll(async () => {
    t = await TestApp.start('api', env);
    await resetState(t);
    [admin, editor] = [await t.token('admin', 'ops'), await t.token('editor', 'ed')];
    await receiver.start();
    worker = await startWorker(env);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await receiver.stop();
  });

  test('deliveries follow Standard Webhooks (the standardwebhooks library verifies them); Claimcheck-Signature still verifies', async () => {
    const hook = await createHook('/std');
    // A standard base64 secret of 32 bytes, prefixed whsec_, as the specification shows it to users.
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await t.seed(editor, uniqueArticle());
    const r = await receiver.next('/std', 0);
    expect(r.headers['webhook-id']).toBe(r.headers['claimcheck-delivery']);
    expect(Math.abs(Number(r.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+={0,2}$/);
    expect(new Webhook(hook.secret).verify(r.body, { 'webhook-id': String(r.headers['webhook-id']), 'webhook-timestamp': String(r.headers['webhook-timestamp']), 'webhook-signature': String(r.headers['webhook-signature']) }))
      .toMatchObject({ event: 'article.extracted' });
    expect(legacyVerifies(hook.secret, r)).toBe(true);
    // Tampering is caught by both.
    const tampered = { ...r, body: r.body.replace('article.extracted', 'article.extracteD') };
    expect(standardVerifies(hook.secret, tampered)).toBe(false);
    expect(legacyVerifies(hook.secret, tampered)).toBe(false);
  });

  test('the webhooks row holds no clear text of the secret, only ciphertext and the id of the key that encrypted it', async () => {
    const hook = await createHook('/at-rest');
    const [row] = await t.db.query(`SELECT * FROM webhooks WHERE id = $1`, [hook.id]);
    const secretBody = hook.secret.slice('whsec_'.length);
    const rawKey = Buffer.from(secretBody, 'base64');
    const dump = Object.values(row).map((v) => (Buffer.isBuffer(v) ? [v.toString('hex'), v.toString('base64'), v.toString('latin1')].join(' ') : JSON.stringify(v))).join(' ');
    expect(dump).not.toContain(secretBody);
    expect(dump).not.toContain(rawKey.toString('hex'));
    expect(dump).not.toContain(rawKey.toString('latin1'));
    expect(Object.keys(row)).not.toContain('secret');
    expect(row.secret_key_id).toBe('k1');
    // The API never shows a secret again.
    const list = await t.http.get('/v1/webhooks').set(auth(admin)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(secretBody);
  });

  test('rotate-secret: both secrets sign during the overlap, only the new one after; errors are problem+json; audited without secrets', async () => {
    const hook = await createHook('/rot');
    await t.seed(editor, uniqueArticle());
    const first = await receiver.next('/rot', 0);
    const deliveryId = String(first.headers['claimcheck-delivery']);

    const before = Date.now();
    const rotated = await t.http.post(`/v1/webhooks/${hook.id}/rotate-secret`).set(auth(admin)).send({ overlapSeconds: 3600 }).expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(rotated.body.secret).not.toBe(hook.secret);
    const expires = new Date(rotated.body.previousSecretExpiresAt).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 3600_000 - 5000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000 + 5000);
    const listed = (await t.http.get('/v1/webhooks').set(auth(admin)).expect(200)).body.find((w: any) => w.id === hook.id);
    expect(listed.previousSecretExpiresAt).toBe(rotated.body.previousSecretExpiresAt);

    await t.http.post(`/v1/webhooks/${hook.id}/deliveries/${deliveryId}/redeliver`).set(auth(admin)).expect(202);
    const during = await receiver.next('/rot', 1);
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(standardVerifies(rotated.body.secret, during)).toBe(true);
    expect(standardVerifies(hook.secret, during)).toBe(true);
    expect(legacyVerifies(rotated.body.secret, during)).toBe(true);
    expect(legacyVerifies(hook.secret, during)).toBe(true);

    // No overlap: the previous secret stops at once.
    const again = await t.http.post(`/v1/webhooks/${hook.id}/rotate-secret`).set(auth(admin)).send({ overlapSeconds: 0 }).expect(200);
    await t.http.post(`/v1/webhooks/${hook.id}/deliveries/${deliveryId}/redeliver`).set(auth(admin)).expect(202);
    const after = await receiver.next('/rot', 2);
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(standardVerifies(again.body.secret, after)).toBe(true);
    expect(standardVerifies(rotated.body.secret, after)).toBe(false);
    expect(legacyVerifies(again.body.secret, after)).toBe(true);
    expect(legacyVerifies(rotated.body.secret, after)).toBe(false);

    // Without a body: the default overlap of 24 h.
    const byDefault = await t.http.post(`/v1/webhooks/${hook.id}/rotate-secret`).set(auth(admin)).expect(200);
    expect(new Date(byDefault.body.previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000 - 60_000);

    const unknown = await t.http.post('/v1/webhooks/00000000-0000-4000-8000-000000000000/rotate-secret').set(auth(admin)).send({}).expect(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    expect(unknown.body.code).toBe('webhook_not_found');
    for (const bad of [{ overlapSeconds: -1 }, { overlapSeconds: 'soon' }, { overlapSeconds: 30 * 86400 }, { secret: 'mine' }]) {
      const res = await t.http.post(`/v1/webhooks/${hook.id}/rotate-secret`).set(auth(admin)).send(bad);
      expect({ bad, status: res.status, type: res.headers['content-type'] }).toEqual({ bad, status: 400, type: expect.stringMatching(/problem\+json/) });
    }
    await t.http.post(`/v1/webhooks/${hook.id}/rotate-secret`).set(auth(editor)).expect(403);

    const audit = await t.http.get('/v1/audit-events').query({ entityType: 'webhook', entityId: hook.id }).set(auth(admin)).expect(200);
    expect(audit.body.items.filter((e: any) => e.action === 'webhook.secret_rotated')).toHaveLength(3);
    const text = JSON.stringify(audit.body);
    for (const s of [hook.secret, rotated.body.secret, again.body.secret, byDefault.body.secret]) expect(text).not.toContain(s.slice(6));
  });

  test('a redelivery asked while an attempt is in progress waits for it to end, and is sent again (not absorbed by it)', async () => {
    receiver.hold('/busy');
    try {
      const hook = await createHook('/busy');
      await t.seed(editor, uniqueArticle());
      const first = await receiver.next('/busy', 0); // (its answer held: the attempt is in progress)
      const deliveryId = String(first.headers['claimcheck-delivery']);
      // The attempt ends (delivered) while the redelivery waits: the delivery is sent again all the same.
      const waiting = t.http.post(`/v1/webhooks/${hook.id}/deliveries/${deliveryId}/redeliver`).set(auth(admin)).then((res) => res);
      await new Promise((resolve) => setTimeout(resolve, 300));
      receiver.release('/busy');
      expect((await waiting).status).toBe(202);
      const again = await receiver.next('/busy', 1);
      expect(again.headers['claimcheck-delivery']).toBe(deliveryId);
    } finally {
      receiver.release('/busy');
    }
  });

  test('PATCH /v1/webhooks/:id changes url and events, validated like creation (SSRF included), audited; 404 for an unknown id', async () => {
    const hook = await createHook('/old', ['verdict.published']);
    const patched = await t.http.patch(`/v1/webhooks/${hook.id}`).set(auth(admin))
      .send({ url: `${receiver.base}/new`, events: ['article.extracted', 'verdict.published'] }).expect(200);
    expect(patched.body).toMatchObject({ id: hook.id, url: `${receiver.base}/new`, events: ['article.extracted', 'verdict.published'], active: true });
    expect(patched.body.secret).toBeUndefined();
    await t.seed(editor, uniqueArticle());
    const r = await receiver.next('/new', 0);
    expect(legacyVerifies(hook.secret, r)).toBe(true); // the secret is unchanged
    expect(receiver.at('/old')).toHaveLength(0);

    // Only the events: the url stays.
    const eventsOnly = await t.http.patch(`/v1/webhooks/${hook.id}`).set(auth(admin)).send({ events: ['verdict.corrected'] }).expect(200);
    expect(eventsOnly.body).toMatchObject({ url: `${receiver.base}/new`, events: ['verdict.corrected'] });

    for (const bad of [{}, { url: 'ftp://example.org/x' }, { events: [] }, { events: ['claim.deleted'] }, { events: ['verdict.corrected', 'verdict.corrected'] }, { secret: 'mine' }, { url: 42 }]) {
      const res = await t.http.patch(`/v1/webhooks/${hook.id}`).set(auth(admin)).send(bad);
      expect({ bad, status: res.status, type: res.headers['content-type'] }).toEqual({ bad, status: 400, type: expect.stringMatching(/problem\+json/) });
      expect(res.body.detail).toBeTruthy();
    }
    const unresolvable = await t.http.patch(`/v1/webhooks/${hook.id}`).set(auth(admin)).send({ url: 'http://no-such-host.invalid/h' }).expect(422);
    expect(unresolvable.body.code).toBe('unsafe_webhook_target');
    const unknown = await t.http.patch('/v1/webhooks/00000000-0000-4000-8000-000000000000').set(auth(admin)).send({ events: ['verdict.published'] }).expect(404);
    expect(unknown.body).toMatchObject({ code: 'webhook_not_found' });
    await t.http.patch(`/v1/webhooks/${hook.id}`).set(auth(editor)).send({ events: ['verdict.published'] }).expect(403);

    // Private targets are refused unless WEBHOOK_ALLOW_PRIVATE.
    const strict = await TestApp.start('api', { ...env, WEBHOOK_ALLOW_PRIVATE: 'false' });
    try {
      for (const url of ['http://127.0.0.1:9/x', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:10.0.0.1]/h']) {
        const res = await strict.http.patch(`/v1/webhooks/${hook.id}`).set(auth(admin)).send({ url });
        expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 422, code: 'unsafe_webhook_target' });
      }
    } finally {
      await strict.close();
    }

    const [row] = await t.db.query(`SELECT url, events FROM webhooks WHERE id = $1`, [hook.id]);
    expect(row).toEqual({ url: `${receiver.base}/new`, events: ['verdict.corrected'] });
    const audit = await t.http.get('/v1/audit-events').query({ entityType: 'webhook', entityId: hook.id, action: 'webhook.updated' }).set(auth(admin)).expect(200);
    expect(audit.body.items.map((e: any) => e.changes)).toEqual([
      { events: { from: ['article.extracted', 'verdict.published'], to: ['verdict.corrected'] } },
      { url: { from: `${receiver.base}/old`, to: `${receiver.base}/new` }, events: { from: ['verdict.published'], to: ['article.extracted', 'verdict.published'] } },
    ]);
  });
});

describe('webhook secret keys', () => {
  const cli = (env: Record<string, string>, ...args: string[]) => runCli(args, env);

  test('a new key put first: old secrets still decrypt, new ones use it; `cli webhooks reencrypt` moves them all; deliveries verify throughout', async () => {
    const [k1, k2] = [newKey(), newKey()];
    const receiver = await new Receiver().start();
    const boot = async (keys: string) => {
      const env = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_SECRET_KEYS: keys };
      const app = await TestApp.start('api', env);
      const worker = await startWorker(env);
      return { app, stop: async () => { await worker.close(); await app.close(); } };
    };
    const keyIds = async (app: TestApp, id: string) =>
      (await app.db.query(`SELECT secret_key_id AS current, previous_secret_key_id AS previous FROM webhooks WHERE id = $1`, [id]))[0];

    // 1. Only k1: a webhook, rotated once so that it holds two secrets.
    let run: Awaited<ReturnType<typeof boot>> | undefined = await boot(`k1:${k1}`);
    try {
      await resetState(run.app);
      const admin = await run.app.token('admin', 'ops');
      const editor = await run.app.token('editor', 'ed');
      const hook = (await run.app.http.post('/v1/webhooks').set(auth(admin)).send({ url: `${receiver.base}/keys`, events: ['article.extracted'] }).expect(201)).body;
      const rotated = (await run.app.http.post(`/v1/webhooks/${hook.id}/rotate-secret`).set(auth(admin)).send({ overlapSeconds: 3600 }).expect(200)).body;
      const secrets = [hook.secret as string, rotated.secret as string];
      await run.app.seed(editor, uniqueArticle());
      const first = await receiver.next('/keys', 0);
      for (const s of secrets) expect([standardVerifies(s, first), legacyVerifies(s, first)]).toEqual([true, true]);
      expect(await keyIds(run.app, hook.id)).toEqual({ current: 'k1', previous: 'k1' });
      const deliveryId = String(first.headers['claimcheck-delivery']);
      await run.stop();
      run = undefined;

      // 2. k2 put first: old secrets still decrypt; a new webhook is encrypted with k2.
      run = await boot(`k2:${k2},k1:${k1}`);
      await run.app.http.post(`/v1/webhooks/${hook.id}/deliveries/${deliveryId}/redeliver`).set(auth(admin)).expect(202);
      const second = await receiver.next('/keys', 1);
      for (const s of secrets) expect([standardVerifies(s, second), legacyVerifies(s, second)]).toEqual([true, true]);
      const other = (await run.app.http.post('/v1/webhooks').set(auth(admin)).send({ url: `${receiver.base}/other`, events: ['verdict.published'] }).expect(201)).body;
      expect(await keyIds(run.app, other.id)).toEqual({ current: 'k2', previous: null });
      expect(await keyIds(run.app, hook.id)).toEqual({ current: 'k1', previous: 'k1' });

      await run.stop();
      run = undefined;

      // Without k1 (before re-encryption) the delivery fails, saying which key is missing, and is retried.
      run = await boot(`k2:${k2}`);
      await run.app.http.post(`/v1/webhooks/${hook.id}/deliveries/${deliveryId}/redeliver`).set(auth(admin)).expect(202);
      const failed = await eventually(async () => {
        const [d] = (await run!.app.http.get(`/v1/webhooks/${hook.id}/deliveries`).set(auth(admin)).expect(200)).body;
        return d.lastError && d;
      }, 15000, 'failed attempts');
      expect(failed.lastError).toMatch(/key k1, which WEBHOOK_SECRET_KEYS does not contain/);
      expect(receiver.at('/keys')).toHaveLength(2);

      // 3. Re-encryption with the CLI moves everything to k2; a second run finds nothing to do.
      const reencrypted = await cli({ WEBHOOK_SECRET_KEYS: `k2:${k2},k1:${k1}` }, 'webhooks', 'reencrypt');
      expect({ code: reencrypted.code, stderr: reencrypted.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
      expect(reencrypted.stdout).toMatch(/re-encrypted 2 secrets? of 1 webhook/);
      expect(await keyIds(run.app, hook.id)).toEqual({ current: 'k2', previous: 'k2' });
      const idle = await cli({ WEBHOOK_SECRET_KEYS: `k2:${k2},k1:${k1}` }, 'webhooks', 'reencrypt');
      expect(idle.stdout).toMatch(/re-encrypted 0 secrets/);
      for (const leak of [k1, k2, ...secrets]) expect(reencrypted.stdout + reencrypted.stderr).not.toContain(leak);
      await run.stop();
      run = undefined;

      // 4. k1 retired: deliveries still verify with both secrets.
      run = await boot(`k2:${k2}`);
      await run.app.http.post(`/v1/webhooks/${hook.id}/deliveries/${deliveryId}/redeliver`).set(auth(admin)).expect(202);
      const third = await receiver.next('/keys', 2);
      for (const s of secrets) expect([standardVerifies(s, third), legacyVerifies(s, third)]).toEqual([true, true]);
    } finally {
      await run?.stop();
      await receiver.stop();
    }
  }, 120_000); // four app boots and two CLI processes: ~27 s on a loaded 2-core machine, too close to the 30 s default

  test('migration: the clear-text secrets of existing webhooks end up encrypted and the clear-text column is dropped; they still sign', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `${url.pathname}_secrets_migration`;
    const admin = new DataSource({ type: 'postgres', url: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${url.pathname.slice(1)}"`);
    const receiver = await new Receiver().start();
    const key = newKey();
    const legacySecret = `whsec_${randomBytes(32).toString('base64url')}`;
    let app: TestApp | undefined;
    let worker: INestApplicationContext | undefined;
    try {
      // The schema as it was before secrets were encrypted, with a webhook registered then.
      const before = MIGRATIONS.filter((m) => Number(/\d+$/.exec(m.name)![0]) < 1765500000000);
      const old = new DataSource({ ...dataSourceOptions(url.toString()), migrations: before });
      await old.initialize();
      await old.runMigrations();
      const [{ id }] = await old.query(`INSERT INTO webhooks (url, events, secret) VALUES ($1, $2, $3) RETURNING id`, [`${receiver.base}/legacy`, ['article.extracted'], legacySecret]);
      await old.destroy();

      // The migration reads WEBHOOK_SECRET_KEYS like the application does.
      const saved = process.env.WEBHOOK_SECRET_KEYS;
      process.env.WEBHOOK_SECRET_KEYS = `k1:${key}`;
      try {
        await migrate(url.toString(), () => undefined);
      } finally {
        if (saved === undefined) delete process.env.WEBHOOK_SECRET_KEYS;
        else process.env.WEBHOOK_SECRET_KEYS = saved;
      }
      const client = new DataSource({ type: 'postgres', url: url.toString() });
      await client.initialize();
      const columns = (await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'webhooks'`)).map((r: { column_name: string }) => r.column_name);
      const [row] = await client.query(`SELECT * FROM webhooks WHERE id = $1`, [id]);
      await client.destroy();
      expect(columns).not.toContain('secret');
      expect(row.secret_key_id).toBe('k1');
      const dump = Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') + v.toString('hex') + v.toString('base64') : JSON.stringify(v))).join(' ');
      expect(dump).not.toContain(legacySecret.slice(6));

      // The application, with the same key, signs with the secret the receiver has had all along.
      const env = { DATABASE_URL: url.toString(), QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-migration`, WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_SECRET_KEYS: `k1:${key}` };
      app = await TestApp.start('api', env);
      worker = await startWorker(env);
      const editor = await app.token('editor', 'ed');
      await app.seed(editor, uniqueArticle());
      const r = await receiver.next('/legacy', 0);
      expect(legacyVerifies(legacySecret, r)).toBe(true);
    } finally {
      await worker?.close();
      await app?.close();
      await receiver.stop();
      await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await admin.destroy();
    }
  });
});
