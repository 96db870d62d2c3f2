/** Child processes of the hot-path benchmark: the service as it ships, the bare floor, and the load generator. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../corpus.js';
import type { CannonConfig, CannonResult } from './cannon.js';

export type Target = 'service' | 'floor';
/** `one`: node dist/src/main.js (API and worker in one process, as `npm start`); `split`: main.api.js + main.worker.js. */
export type ServiceMode = 'one' | 'split';

export interface Running { url: string; stop(): Promise<void>; pids: number[] }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The Node flags `npm start` runs the service with (package.json's start script), so that the service is measured as
 * it ships; the floor runs with the same, so that both have the same runtime.
 */
export function shippedNodeFlags(startScript: string = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')).scripts.start): string[] {
  const m = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/src\/main\.js\b/.exec(startScript);
  if (!m) throw new Error(`package.json's start script does not run node dist/src/main.js: ${startScript}`);
  return m[1].split(/\s+/).filter(Boolean);
}

function start(script: string, env: Record<string, string>, label: string): ChildProcess {
  // BENCH_HOT_NODE_ARGS: flags for the service and floor processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (not allowed in NODE_OPTIONS).
  const nodeArgs = [...shippedNodeFlags(), ...(process.env.BENCH_HOT_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])];
  const child = spawn(process.execPath, [...nodeArgs, join(repoRoot(), script)], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (b: Buffer) => {
    tail.push(b.toString());
    if (tail.length > 40) tail.shift();
    if (process.env.BENCH_HOT_VERBOSE === '1') process.stderr.write(`[${label}] ${b.toString()}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', (code, signal) => {
    if (code !== 0 && code !== null && !(child as { stopping?: boolean }).stopping) {
      console.error(`  ${label} exited with ${code ?? signal}; its last output:\n${tail.join('').slice(-3000)}`);
    }
  });
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  (child as { stopping?: boolean }).stopping = true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function waitHealthy(url: string, path: string, children: ChildProcess[], seconds = 90): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    if (children.some((c) => c.exitCode !== null)) throw new Error(`a process of ${url} exited during start-up`);
    try {
      const res = await fetch(url + path);
      if (res.ok) return;
    } catch { /* not yet */ }
    if (Date.now() > until) throw new Error(`${url}${path} not healthy after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface TargetEnv { databaseUrl: string; redisUrl: string; queuePrefix: string }

export async function startTarget(target: Target, mode: ServiceMode, e: TargetEnv): Promise<Running> {
  const port = await freePort();
  const base = { DATABASE_URL: e.databaseUrl, REDIS_URL: e.redisUrl, QUEUE_PREFIX: e.queuePrefix, PORT: String(port) };
  let children: ChildProcess[];
  let health: string;
  if (target === 'floor') {
    children = [start('dist/bench/floor/server.js', base, 'floor')];
    health = '/health';
  } else {
    const svc = {
      ...base, LOG_LEVEL: process.env.BENCH_HOT_LOG_LEVEL ?? 'warn', LOG_FORMAT: 'json',
      // The limiter still counts every consumer request in Redis; the limit is only out of the benchmark's way.
      RATE_LIMIT_PER_MINUTE: process.env.BENCH_HOT_RATE_LIMIT ?? '1000000000',
    };
    children = mode === 'one'
      ? [start('dist/src/main.js', svc, 'service')]
      : [start('dist/src/main.api.js', svc, 'api'), start('dist/src/main.worker.js', svc, 'worker')];
    health = '/health/live';
  }
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, health, children);
  } catch (err) {
    await Promise.all(children.map(stopChild));
    throw err;
  }
  return { url, pids: children.map((c) => c.pid!), stop: async () => { await Promise.all(children.map(stopChild)); } };
}

/** One script (a path under the repository) as a process of its own on a free port (PORT), once `healthPath` answers. */
export async function startScript(script: string, env: Record<string, string>, label: string, healthPath: string): Promise<Running> {
  const port = await freePort();
  const child = start(script, { ...env, PORT: String(port) }, label);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, healthPath, [child]);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { url, pids: [child.pid!], stop: () => stopChild(child) };
}

let configDir: string | null = null;

/** Runs the load generator (dist/bench/hot-paths/cannon.js) in a process of its own and returns its result. */
export async function cannon(config: CannonConfig): Promise<CannonResult> {
  configDir ??= mkdtempSync(join(tmpdir(), 'cc-bench-'));
  const file = join(configDir, `cannon-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [join(repoRoot(), 'dist/bench/hot-paths/cannon.js'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const last = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) throw new Error(`load generator failed (${code}): ${err.slice(-2000)}`);
  return JSON.parse(last) as CannonResult;
}
