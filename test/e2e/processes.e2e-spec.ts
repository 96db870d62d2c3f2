import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const cli = (...args: string[]) => run(['dist/src/cli/main.js', ...args]);

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
});
