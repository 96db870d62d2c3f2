import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { TEST_DATABASE_URL } from './env.js';
import { ARTICLE_TEXT, auth, eventually, resetState, TestApp } from './harness.js';
import { TcpProxy } from './tcp-proxy.js';

/**
 * Postgres or Redis going away while the API runs. The shared servers are never touched: the app under test
 * reaches them through a TCP proxy that the test cuts (connections reset, new ones refused) and restores.
 */
describe('dependencies down', () => {
  let app: TestApp | undefined;
  let proxy: TcpProxy | undefined;

  afterEach(async () => {
    jest.restoreAllMocks();
    await proxy?.restore().catch(() => undefined); // let the app close its connections cleanly
    await app?.close();
    await proxy?.close();
    app = undefined;
    proxy = undefined;
  });

  /** Messages logged through Nest's Logger at `level` (the app's logger is off in tests; the calls still happen). */
  const logged = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map(([message]) => (typeof message === 'string' ? message : JSON.stringify(message)));

  test('Postgres unreachable: 503 database_unavailable with Retry-After (not 500); answers again once it is back', async () => {
    proxy = await TcpProxy.start(5432);
    const url = new URL(TEST_DATABASE_URL);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    app = await TestApp.start('api', { DATABASE_URL: url.toString() });
    await resetState(app);
    const editor = await app.token('editor');
    await app.http.get('/v1/review-tasks').set(auth(editor)).expect(200);

    await proxy.cut();
    // The first request finds pooled connections reset, the next ones a refused connect: both are "database down".
    for (let i = 0; i < 3; i++) {
      const res = await app.http.get('/v1/review-tasks').set(auth(editor));
      expect({ status: res.status, code: res.body.code, retryAfter: res.headers['retry-after'] }).toEqual({
        status: 503,
        code: 'database_unavailable',
        retryAfter: '5',
      });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toMatch(/database/i);
    }
    const ingest = await app.http.post('/v1/articles').set(auth(editor)).send({ title: 'down', text: ARTICLE_TEXT });
    expect([ingest.status, ingest.body.code]).toEqual([503, 'database_unavailable']);

    await proxy.restore();
    await eventually(async () => (await app!.http.get('/v1/review-tasks').set(auth(editor))).status === 200, 10000, 'database requests answered again');
  });

  test('Redis unreachable: consumer requests do not wait for the rate limiter (each within 1 s); the log says once that limits are off, once that they are back', async () => {
    proxy = await TcpProxy.start(6379);
    app = await TestApp.start('api', { REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    await resetState(app);
    const consumer = await app.token('consumer');
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const log = jest.spyOn(Logger.prototype, 'log');
    const limited = await app.http.get('/v1/verdicts').set(auth(consumer)).expect(200);
    expect(limited.headers['ratelimit-limit']).toBeDefined();

    await proxy.cut();
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      await app.http.get('/v1/verdicts').set(auth(consumer)).expect(200); // fails open: let through, unlimited
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect(logged(warn).filter((m) => /rate limits are NOT enforced/.test(m))).toHaveLength(1);

    await proxy.restore();
    await eventually(async () => (await app!.http.get('/v1/verdicts').set(auth(consumer)).expect(200)).headers['ratelimit-limit'], 15000, 'limits enforced again');
    expect(logged(log).filter((m) => /rate limits are enforced again/.test(m))).toHaveLength(1);
  }, 40000);

  test('Redis unreachable: ingest answers 202 as soon as the article is stored; the article is extracted once Redis is back; Redis errors are logged, not printed as stack traces', async () => {
    proxy = await TcpProxy.start(6379);
    app = await TestApp.start('api+worker', { REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    await resetState(app);
    const editor = await app.token('editor');
    const consoleError = jest.spyOn(console, 'error');
    const stderr = jest.spyOn(process.stderr, 'write');
    const warn = jest.spyOn(Logger.prototype, 'warn');

    await proxy.cut();
    const started = Date.now();
    const res = await app.http
      .post('/v1/articles')
      .set(auth(editor))
      .send({ title: 'Redis away', text: `${ARTICLE_TEXT}\nWritten while Redis was away.` })
      .timeout(10000);
    expect(res.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(5000);
    const [row] = await app.db.query(`SELECT status FROM articles WHERE id = $1`, [res.body.id]);
    expect(row.status).toBe('queued');

    await new Promise((r) => setTimeout(r, 3000)); // the worker's and queues' connections keep failing meanwhile
    expect(consoleError).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
    const redisLines = logged(warn).filter((m) => m.includes('"msg":"redis error"'));
    expect(redisLines.length).toBeGreaterThan(0);
    // One line per connection per 10 s, whatever the number of failures.
    const perConnection = new Map<string, number>();
    for (const line of redisLines) perConnection.set(JSON.parse(line).connection, (perConnection.get(JSON.parse(line).connection) ?? 0) + 1);
    expect(Math.max(...perConnection.values())).toBe(1);

    await proxy.restore();
    await eventually(async () => {
      const [r] = await app!.db.query(`SELECT status FROM articles WHERE id = $1`, [res.body.id]);
      return r.status === 'extracted';
    }, 20000, 'extracted once Redis is back');
  }, 45000);
});
