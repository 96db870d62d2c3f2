import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './child-process.js';
import { auth, eventually, resetState, startWorker, TestApp } from './harness.js';

/**
 * The compiled entry points as an operator runs them (`npm test` builds dist/ first): the CLI, and the
 * service's behaviour on SIGTERM. Child processes get the test configuration from the environment.
 */
const ROOT = process.cwd();
const ARTICLE = [
  'Border build-up continues',
  '',
  'An estimated 90,000 soldiers have gathered near the northern frontier, the defence ministry said on Monday.',
  'More than 1,200 families have fled the nearby villages since Friday, a local aid group said.',
].join('\n');

const cli = (...args: string[]) => runCli(args);

/** A compiled entry point as a child process, with its exit as a promise. */
function startProcess(entry: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [entry], { cwd: ROOT, env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return { child, exited, stderr: () => stderr };
}

const stopIfRunning = (child: ChildProcess) => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};

/** POST with a JSON body on a given (keep-alive) agent; resolves with the status and body, rejects on a socket error. */
function postJson(agent: Agent, port: number, path: string, token: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { agent, host: '127.0.0.1', port, path, method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('the compiled CLI and processes', () => {
  let t: TestApp;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    t = await TestApp.start('api');
    await resetState(t);
    dir = await mkdtemp(join(tmpdir(), 'claimcheck-'));
    file = join(dir, 'article.txt');
    await writeFile(file, ARTICLE);
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('cli extract prints the claims of a file as a JSON array, with exact spans and resolved dates', async () => {
    const out = await cli('extract', file, '--published-at', '2026-11-25T09:00:00Z');
    expect(out.code).toBe(0);
    const claims = JSON.parse(out.stdout);
    const troops = claims.find((c: any) => c.category === 'troop_count');
    expect(troops).toMatchObject({
      quantity: { text: 'An estimated 90,000 soldiers', value: 90000, qualifier: 'approximate' },
      attribution: { speaker: 'the defence ministry' },
      timeRef: { text: 'on Monday', from: '2026-11-23' },
    });
    expect(ARTICLE.slice(troops.start, troops.end)).toBe(troops.text);
    const fled = claims.find((c: any) => c.category === 'displacement');
    expect(fled.quantity).toMatchObject({ low: 1200, qualifier: 'lower_bound' });
  });

  test('cli token create prints a working token on its last line; cli ingest goes through the service and de-duplicates', async () => {
    const created = await cli('token', 'create', '--role', 'editor', '--name', 'cli-alice');
    expect(created.code).toBe(0);
    const token = created.stdout.trim().split('\n').pop()!;
    expect(created.stderr).not.toContain(token); // shown once, on stdout only
    await t.http.get('/v1/review-tasks').set(auth(token)).expect(200);
    const [stored] = await t.db.query(`SELECT token_hash FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.name = 'cli-alice'`);
    expect(stored.token_hash).not.toContain(token);

    const first = await cli('ingest', file, '--title', 'Border build-up', '--url', 'https://news.example.org/border?utm_source=x');
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(a).toMatchObject({ status: 'queued', created: true });
    const again = await cli('ingest', file, '--title', 'Border build-up', '--url', 'https://news.example.org/border');
    expect(JSON.parse(again.stdout)).toMatchObject({ id: a.id, created: false });
    const article = await t.http.get(`/v1/articles/${a.id}`).set(auth(token)).expect(200);
    expect(article.body).toMatchObject({ title: 'Border build-up', text: ARTICLE });
  });

  test('cli usage errors exit 2 and say what is wrong', async () => {
    const badRole = await cli('token', 'create', '--role', 'wizard', '--name', 'x');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role/);
    const noTitle = await cli('ingest', file);
    expect(noTitle.code).toBe(2);
    expect(noTitle.stderr).toMatch(/--title/);
    const badDate = await cli('extract', file, '--published-at', 'someday');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--published-at/);
  });

  test('SIGTERM: the service stops cleanly (exit 0) and an article it accepted is not lost', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env: { ...process.env, PORT: String(port) } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    try {
      await eventually(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status === 200, 20000, 'service up');
      const editor = await t.token('editor', 'sigterm');
      const res = await fetch(`http://127.0.0.1:${port}/v1/articles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${editor}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Late edition', text: 'Officials said 300 people were evacuated from the flooded district on Sunday.' }),
      });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };

      const started = Date.now();
      child.kill('SIGTERM');
      const { code, signal } = await exited;
      expect({ code, signal, stderr: stderr.slice(0, 500) }).toEqual({ code: 0, signal: null, stderr: '' });
      expect(Date.now() - started).toBeLessThan(15000);

      // Whatever the stopped process did not finish, a fresh worker does: nothing accepted is lost.
      const worker = await startWorker();
      try {
        await eventually(async () => {
          const [row] = await t.db.query(`SELECT status FROM articles WHERE id = $1`, [id]);
          return row.status === 'extracted';
        }, 20000, 'article extracted after restart');
      } finally {
        await worker.close();
      }
      const claims = (await t.http.get(`/v1/articles/${id}/claims`).set(auth(editor)).expect(200)).body;
      expect(claims.find((c: any) => c.category === 'displacement')?.quantity?.value).toBe(300);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  test('SIGTERM: the worker entry point leaves the queue (its BullMQ worker unregisters) and exits 0', async () => {
    const before = (await t.extractionQueue.getWorkers()).length;
    const child = spawn(process.execPath, ['dist/src/main.worker.js'], { cwd: ROOT, env: process.env });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    try {
      await eventually(async () => (await t.extractionQueue.getWorkers()).length > before, 20000, 'worker registered');
      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(stderr).toBe('');
      await eventually(async () => (await t.extractionQueue.getWorkers()).length === before, 5000, 'worker gone from the queue');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  test('SIGTERM under load: with 8 keep-alive clients posting, the API stops accepting, finishes what is in flight, exits 0 within SHUTDOWN_TIMEOUT_MS, and every 2xx article is stored', async () => {
    const port = await freePort();
    const boundMs = 5000;
    const api = startProcess('dist/src/main.api.js', { PORT: String(port), SHUTDOWN_TIMEOUT_MS: String(boundMs) });
    const accepted: string[] = [];
    let clientsStop = false;
    const clients: Array<Promise<void>> = [];
    try {
      await eventually(async () => (await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => null))?.status === 200, 20000, 'api up');
      const editor = await t.token('editor', 'sigterm-load');
      for (let c = 0; c < 8; c++) {
        clients.push(
          (async () => {
            const agent = new Agent({ keepAlive: true, maxSockets: 1 });
            for (let i = 0; !clientsStop; i++) {
              const text = `Client ${c}, request ${i}: officials said ${100 + i} people were evacuated from district ${c} on Sunday.`;
              try {
                const res = await postJson(agent, port, '/v1/articles', editor, { title: `load ${c}-${i}`, text });
                if (res.status >= 200 && res.status < 300) accepted.push(JSON.parse(res.body).id);
              } catch {
                await new Promise((r) => setTimeout(r, 20)); // refused or reset once the API stops: keep trying, as real clients do
              }
            }
            agent.destroy();
          })(),
        );
      }
      await eventually(async () => accepted.length >= 40, 20000, 'clients busy');

      const started = Date.now();
      api.child.kill('SIGTERM');
      const outcome = await Promise.race([api.exited, new Promise((r) => setTimeout(() => r('still running'), boundMs + 5000))]);
      const elapsed = Date.now() - started;
      if (process.env.REPORT_TIMINGS) process.stdout.write(`SIGTERM under load: exited after ${elapsed} ms, ${accepted.length} articles accepted\n`);
      clientsStop = true;
      await Promise.all(clients);

      expect({ outcome, stderr: api.stderr().slice(0, 500) }).toEqual({ outcome: { code: 0, signal: null }, stderr: '' });
      expect(elapsed).toBeLessThan(boundMs);
      const stored: Array<{ id: string }> = await t.db.query(`SELECT id FROM articles WHERE id = ANY($1::uuid[])`, [accepted]);
      expect(stored.length).toBe(accepted.length);
    } finally {
      clientsStop = true;
      stopIfRunning(api.child);
      await Promise.all(clients);
    }
  }, 60000);

  test('a worker killed (SIGKILL) while it holds an extraction job: another worker extracts the article within 30 s, once (no duplicated claims)', async () => {
    const editor = await t.token('editor', 'crash');
    const ingest = await t.http.post('/v1/articles').set(auth(editor)).send({ title: 'Crash', text: `${ARTICLE}\nWritten for the crash test.` }).expect(202);
    const id: string = ingest.body.id;
    const statusOf = async () => (await t.db.query(`SELECT status FROM articles WHERE id = $1`, [id]))[0].status as string;

    // Another transaction holds the article's row: the worker's job blocks on it, so the worker really holds the job
    // (active, its lock renewed) when it is killed, whatever the extraction itself does.
    const holder = t.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT id FROM articles WHERE id = $1 FOR UPDATE`, [id]);
    const first = startProcess('dist/src/main.worker.js');
    let second: ReturnType<typeof startProcess> | undefined;
    try {
      await eventually(async () => {
        const job = await t.extractionQueue.getJob(`extract-article-${id}`);
        if ((await job?.getState()) !== 'active') return false;
        const [{ waiting }] = await t.db.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE articles%'`,
        );
        return waiting > 0;
      }, 20000, 'the worker holds the job');

      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const killedAt = Date.now();
      await holder.rollbackTransaction();
      await holder.release();

      second = startProcess('dist/src/main.worker.js');
      await eventually(async () => (await statusOf()) === 'extracted', 30000, 'extracted by another worker within 30 s of the kill');
      const recoveredMs = Date.now() - killedAt;
      if (process.env.REPORT_TIMINGS) process.stdout.write(`recovered after SIGKILL in ${recoveredMs} ms\n`);
      expect(recoveredMs).toBeLessThan(30000);

      const [claims] = await t.db.query(
        `SELECT count(*)::int AS total, count(DISTINCT (start_offset, end_offset))::int AS distinct_spans FROM claims WHERE article_id = $1`,
        [id],
      );
      expect(claims.total).toBeGreaterThan(0);
      expect(claims.total).toBe(claims.distinct_spans);
      const [{ extracted }] = await t.db.query(
        `SELECT count(*)::int AS extracted FROM audit_events WHERE entity_id = $1 AND action = 'article.extracted'`,
        [id],
      );
      expect(extracted).toBe(1);
      second.child.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction().catch(() => undefined);
      if (!holder.isReleased) await holder.release().catch(() => undefined);
      stopIfRunning(first.child);
      if (second) stopIfRunning(second.child);
    }
  }, 90000);
});
