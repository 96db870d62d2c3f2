import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { auth, eventually, LogCapture, resetState, TestApp } from './harness.js';

/** What operators read: one line per request, the request id on every answer, errors once, and the service's milestones. */

const MISSING = '00000000-0000-4000-8000-000000000000';
const INFO = { LOG_LEVEL: 'info' };

/** The lines of one request, once its request line (written when the answer is finished) is there. */
async function linesOf(logs: LogCapture, id: string): Promise<any[]> {
  await eventually(async () => logs.forRequest(id).some((l) => l.res?.statusCode), 5000, `request line of ${id}`);
  return logs.forRequest(id);
}

describe('request ids and error logging', () => {
  let t: TestApp;
  let editor: string;
  const logs = new LogCapture();

  beforeAll(async () => {
    t = await TestApp.start('api', INFO, { logs });
    await resetState(t);
    editor = await t.token('editor');
  });
  afterAll(() => t.close());

  test('answers made before any controller (malformed JSON, 413, too deep, 404, 405) carry the request id and are logged once', async () => {
    const cases = [
      { id: 'edge-malformed', status: 400, send: () => t.http.post('/v1/articles').set(auth(editor)).set('Content-Type', 'application/json').send('{"title": ') },
      { id: 'edge-too-large', status: 413, send: () => t.http.post('/v1/articles').set(auth(editor)).send({ title: 't', text: 'x'.repeat(70 * 1024) }) },
      { id: 'edge-too-deep', status: 400, send: () => t.http.post('/v1/articles').set(auth(editor)).set('Content-Type', 'application/json').send('['.repeat(5000) + ']'.repeat(5000)) },
      { id: 'edge-no-route', status: 404, send: () => t.http.get('/v1/nowhere').set(auth(editor)) },
      { id: 'edge-method', status: 405, send: () => t.http.delete('/v1/claims').set(auth(editor)) },
      { id: 'edge-no-token', status: 401, send: () => t.http.get('/v1/claims') },
    ];
    for (const c of cases) {
      const res = await c.send().set('X-Request-Id', c.id);
      expect({ id: c.id, status: res.status, requestId: res.body.requestId, header: res.headers['x-request-id'] }).toEqual({
        id: c.id, status: c.status, requestId: c.id, header: c.id,
      });
      const lines = await linesOf(logs, c.id);
      expect({ id: c.id, count: lines.length }).toEqual({ id: c.id, count: 1 });
      expect(lines[0]).toMatchObject({ level: 40, res: { statusCode: c.status }, problem: { code: res.body.code, detail: res.body.detail } });
      expect(lines[0].err).toBeUndefined();
    }
  });

  test('without an incoming X-Request-Id, one is made up and is the same in the header, the body and the log', async () => {
    const res = await t.http.post('/v1/articles').set(auth(editor)).set('Content-Type', 'application/json').send('{oops');
    expect(res.status).toBe(400);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(id);
    expect(await linesOf(logs, id)).toHaveLength(1);
  });

  test('an unexpected 500: one request line and one error line with the stack, both with the request id; no stack in the answer', async () => {
    // A real failure: the query of GET /v1/articles/:id meets a column that is not there.
    await t.db.query(`ALTER TABLE articles RENAME COLUMN publisher TO publisher_gone`);
    let res;
    try {
      res = await t.http.get(`/v1/articles/${MISSING}`).set(auth(editor)).set('X-Request-Id', 'edge-500');
    } finally {
      await t.db.query(`ALTER TABLE articles RENAME COLUMN publisher_gone TO publisher`);
    }
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: 'internal_error', requestId: 'edge-500' });
    expect(JSON.stringify(res.body)).not.toMatch(/publisher|\.js:\d+/);

    const lines = await linesOf(logs, 'edge-500');
    expect(lines).toHaveLength(2);
    const request = lines.find((l) => l.res);
    const error = lines.find((l) => !l.res);
    expect(request).toMatchObject({ level: 50, msg: expect.stringMatching(`^GET /v1/articles/${MISSING} 500 \\d+ms$`), problem: { code: 'internal_error' } });
    expect(request.err).toBeUndefined();
    expect(error).toMatchObject({ level: 50, context: 'ProblemFilter', err: { message: expect.stringMatching(/publisher does not exist/) } });
    expect(error.err.stack).toMatch(/\n\s+at /);
    // The failed query's parameters may hold anything a client sent (a webhook secret, a whole article): not logged.
    expect(error.err.parameters).toBe('[redacted]');
  });

  test('a 4xx from a controller is logged once, with its problem code', async () => {
    await t.http.get(`/v1/claims/${MISSING}`).set(auth(editor)).set('X-Request-Id', 'edge-404').expect(404);
    const lines = await linesOf(logs, 'edge-404');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: expect.stringMatching(`^GET /v1/claims/${MISSING} 404 \\d+ms$`), problem: { code: 'claim_not_found' } });
  });

  test('health probes: successes are not logged, failures are', async () => {
    await t.http.get('/health/live').set('X-Request-Id', 'probe-ok').expect(200);
    await t.http.get('/health/nope').set('X-Request-Id', 'probe-404').expect(404);
    expect(await linesOf(logs, 'probe-404')).toHaveLength(1);
    expect(logs.forRequest('probe-ok')).toHaveLength(0);
  });

  test('the request line: method, path, status and duration, and no headers', async () => {
    await t.http.get('/v1/claims?limit=5').set(auth(editor)).set('X-Request-Id', 'edge-ok').expect(200);
    const [line] = await linesOf(logs, 'edge-ok');
    expect(line).toMatchObject({
      level: 30,
      msg: expect.stringMatching(/^GET \/v1\/claims\?limit=5 200 \d+ms$/),
      req: { id: 'edge-ok', method: 'GET', url: '/v1/claims?limit=5' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(Object.keys(line.req).sort()).toEqual(['id', 'method', 'url']);
    expect(Object.keys(line.res)).toEqual(['statusCode']);
    expect(logs.text).not.toContain(editor);
    expect(logs.text.toLowerCase()).not.toMatch(/"headers"|"authorization"|"user-agent"|"host"/);
  });
});

describe('log format', () => {
  test('on a terminal (LOG_FORMAT=auto) lines are pretty: level, method, path, status, duration and request id, no JSON', async () => {
    const terminal = new LogCapture(true);
    const t = await TestApp.start('api', { ...INFO, LOG_FORMAT: 'auto' }, { logs: terminal });
    try {
      const editor = await t.token('editor');
      await t.http.get('/v1/claims').set(auth(editor)).set('X-Request-Id', 'pretty-1').expect(200);
      await t.http.get('/v1/nowhere').set(auth(editor)).set('X-Request-Id', 'pretty-2').expect(404);
      const text = () => terminal.text.replace(/\u001b\[[0-9;]*m/g, '');
      await eventually(async () => text().includes('pretty-2'), 5000, 'pretty lines');
      expect(text()).toMatch(/^\[[\d:.]+\] INFO: GET \/v1\/claims 200 \d+ms \(pretty-1\)$/m);
      // An error answer says which problem it was.
      expect(text()).toMatch(/^\[[\d:.]+\] WARN: GET \/v1\/nowhere 404 \d+ms \(pretty-2\) not_found: Cannot GET \/v1\/nowhere$/m);
      expect(text()).not.toMatch(/^\{/m);
      expect(text()).not.toContain(editor);
    } finally {
      await t.close();
    }
  });

  test('elsewhere (not a terminal), or with LOG_FORMAT=json, lines are JSON', async () => {
    for (const [capture, format] of [[new LogCapture(false), 'auto'], [new LogCapture(true), 'json']] as const) {
      const t = await TestApp.start('api', { ...INFO, LOG_FORMAT: format }, { logs: capture });
      try {
        await t.http.get('/v1/claims').set('X-Request-Id', 'json-1').expect(401);
        await eventually(async () => capture.text.includes('json-1'), 5000, 'json line');
        expect(capture.lines.find((l) => l.req?.id === 'json-1')).toMatchObject({ level: 40, res: { statusCode: 401 } });
      } finally {
        await t.close();
      }
    }
  });
});

describe('worker milestones', () => {
  let t: TestApp;
  let receiver: Server;
  const logs = new LogCapture();

  beforeAll(async () => {
    receiver = createHttpServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    t = await TestApp.start('api+worker', { ...INFO, REQUIRE_APPROVAL: 'false', WEBHOOK_ALLOW_PRIVATE: 'true' }, { logs });
    await resetState(t);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => receiver.close(r));
  });

  test('a published verdict and each delivered webhook: one info line each, with ids and no secrets', async () => {
    const [admin, editor] = [await t.token('admin'), await t.token('editor')];
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const hook = (await t.http.post('/v1/webhooks').set(auth(admin)).send({ url, events: ['verdict.published'] }).expect(201)).body;

    const article = await t.http.post('/v1/articles').set(auth(editor))
      .send({ title: 'Drill', text: 'The navy said on Monday that about 4,000 sailors took part in the drill.', publishedAt: '2026-11-25T09:00:00Z' }).expect(202);
    await eventually(async () => (await t.http.get(`/v1/articles/${article.body.id}`).set(auth(editor))).body.status === 'extracted', 20000, 'extraction');
    const task = (await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(200)).body;
    const verdict = (await t.http.post(`/v1/claims/${task.claimId}/verdict`).set(auth(editor)).send({ rating: 'unverifiable', summary: 'No record to compare with yet.', sourceIds: [] }).expect(201)).body;
    expect(verdict.status).toBe('published');

    const published = await eventually(async () => logs.lines.filter((l) => l.msg === 'verdict published'), 5000, 'verdict published line');
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ level: 30, verdictId: verdict.id, claimId: task.claimId, version: 1, rating: 'unverifiable' });

    const [delivery] = (await eventually(async () => {
      const list = (await t.http.get(`/v1/webhooks/${hook.id}/deliveries`).set(auth(admin))).body;
      return list[0]?.status === 'delivered' && list;
    }, 15000, 'webhook delivered')) as any[];
    const delivered = await eventually(async () => logs.lines.filter((l) => l.msg === 'webhook delivered'), 5000, 'webhook delivered line');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ level: 30, deliveryId: delivery.id, attempt: 1 });

    for (const secret of [hook.secret, admin, editor]) expect(logs.text).not.toContain(secret);
  });

  test('a failed job attempt is one warning through the logger, with its queue, job and ids, not a stack on stderr', async () => {
    await t.extractionQueue.add('extract-article', { articleId: 'not-a-uuid' }, { jobId: 'logging-failing-job', attempts: 1 });
    const failedLines = () => logs.lines.filter((l) => l.msg === 'job attempt failed' && l.jobId === 'logging-failing-job');
    await eventually(async () => failedLines().length > 0, 10000, 'job attempt failed line');
    const failed = failedLines();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ level: 40, queue: 'extraction', job: 'extract-article', data: { articleId: 'not-a-uuid' } });
    expect(typeof failed[0].error).toBe('string');
  });
});

describe('process milestones (compiled entry points)', () => {
  /** Starts an entry point with JSON logs, waits for a line matching `ready`, stops it with SIGTERM; returns the lines so far. */
  async function startAndStop(entry: string, env: Record<string, string>, ready: RegExp): Promise<any[]> {
    const child = spawn(process.execPath, [entry], { cwd: process.cwd(), env: { ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const lines = () => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
      await eventually(async () => lines().some((l) => ready.test(l.msg)), 20000, `${entry}: ${ready}`);
      const seen = lines();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      return seen;
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }

  test('the API says where it listens', async () => {
    const port = await freePort();
    const lines = await startAndStop('dist/src/main.api.js', { PORT: String(port) }, /^API listening/);
    expect(lines.find((l) => /^API listening/.test(l.msg))).toMatchObject({ level: 30, msg: expect.stringMatching(new RegExp(`^API listening on http://\\S+:${port}$`)) });
    // Nest's start-up chatter (a line per module and per route) is debug, not info.
    expect(lines.filter((l) => /dependencies initialized|Mapped \{/.test(l.msg))).toEqual([]);
  });

  test('the worker says when it is ready, and what it runs', async () => {
    const lines = await startAndStop('dist/src/main.worker.js', {}, /^worker ready/);
    expect(lines.find((l) => /^worker ready/.test(l.msg)).msg).toMatch(/^worker ready: extraction \(concurrency \d+\), webhooks \(concurrency \d+\)/);
  });

  test('API and worker in one process (npm start) say both', async () => {
    const port = await freePort();
    const lines = await startAndStop('dist/src/main.js', { PORT: String(port) }, /^worker ready/);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(`^API listening on http://\\S+:${port}$`), expect.stringMatching(/^worker ready/)]));
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
