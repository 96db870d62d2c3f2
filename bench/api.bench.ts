/**
 * The service on the real stack: HTTP API + BullMQ worker in one process (as `npm start`), on a
 * database of its own (claimcheck_bench, re-migrated and emptied each run) and a Redis prefix of its own.
 * Measures the ingest → extraction pipeline, the read paths consumers hit, and leasing under contention.
 * In-process and without a floor: the figures to compare are hot-paths.bench.ts's ratios. The Redis prefix is
 * BENCH_QUEUE_PREFIX, else unique per run; the Redis server and database come from REDIS_URL.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadCorpus } from './corpus.js';
// Type-only: a value import of run.js would wait on run.js's own top-level await (a cycle).
import type { Benchmark } from './run.js';

const BENCH_DB = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_bench';
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 300);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export async function boot() {
  Object.assign(process.env, { DATABASE_URL: BENCH_DB, QUEUE_PREFIX: process.env.BENCH_QUEUE_PREFIX ?? `cc-bench-api-${Date.now().toString(36)}-${process.pid}`, LOG_LEVEL: 'silent', WORKER_CONCURRENCY: '2', RATE_LIMIT_PER_MINUTE: '1000000' });
  const [{ AppModule }, { configureHttp, createHttpApp }, { migrate }, { TokensService }] = await Promise.all([
    import('../src/app/app.module.js'), import('../src/app/http.js'), import('../src/database/migrate.js'), import('../src/auth/tokens.service.js'),
  ]);
  await migrate(BENCH_DB, () => undefined);
  const app = await createHttpApp(AppModule, { logger: false });
  await configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const db = app.get((await import('typeorm')).DataSource);
  await db.query(`TRUNCATE webhook_attempts, webhook_deliveries, webhooks, audit_events, verdicts, sources, review_tasks, claims, articles, sign_in_attempts, sessions, api_tokens, users CASCADE`);
  const tokens = app.get(TokensService);
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { app, db, base, token: async (role: 'editor' | 'consumer', name: string) => (await tokens.create(name, role)).token };
}

async function timed(fn: () => Promise<Response>): Promise<number> {
  const t0 = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  if (!res.ok && res.status !== 204) throw new Error(`HTTP ${res.status}`);
  return performance.now() - t0;
}

const apiStack: Benchmark = {
  name: 'api-stack',
  description: `HTTP API + worker on Postgres and Redis: ${ARTICLES} articles ingested and extracted, then reads and leases`,
  async run() {
    const { app, db, base, token } = await boot();
    try {
      const editor = await token('editor', 'bench-editor');
      const consumer = await token('consumer', 'bench-consumer');
      const json = (t: string) => ({ Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' });
      const corpus = loadCorpus();

      // 1. Ingest (HTTP, 8 at a time) and wait for the worker to extract everything.
      const t0 = performance.now();
      const ingestLatencies: number[] = [];
      for (let i = 0; i < ARTICLES; i += 8) {
        await Promise.all(
          Array.from({ length: Math.min(8, ARTICLES - i) }, (_, k) => {
            const a = corpus[(i + k) % corpus.length];
            const body = JSON.stringify({ title: `bench ${i + k}`, text: `${a.text}\n\nBench copy ${i + k}.`, publishedAt: a.publishedAt });
            return timed(() => fetch(`${base}/v1/articles`, { method: 'POST', headers: json(editor), body })).then((ms) => ingestLatencies.push(ms));
          }),
        );
      }
      const ingestDone = performance.now();
      for (;;) {
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM articles WHERE status IN ('queued','extracting')`);
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const pipelineMs = performance.now() - t0;
      const [{ claims }] = await db.query(`SELECT count(*)::int AS claims FROM claims`);

      // 2. Reads, sequential, 200 each.
      const read = async (path: string) => {
        const ms: number[] = [];
        for (let i = 0; i < 200; i++) ms.push(await timed(() => fetch(`${base}${path}`, { headers: json(consumer) })));
        return ms;
      };
      const list = await read('/v1/claims?limit=50');
      const filtered = await read('/v1/claims?limit=50&category=casualties&status=queued');
      const search = await read('/v1/claims?limit=20&q=killed');

      // 3. Leasing: 8 editors at once until 400 tasks are handed out.
      const editors = await Promise.all(Array.from({ length: 8 }, (_, i) => token('editor', `bench-leaser-${i}`)));
      const leaseMs: number[] = [];
      const l0 = performance.now();
      let leased = 0;
      while (leased < 400) {
        const got = await Promise.all(editors.map(async (e) => {
          const t = performance.now();
          const res = await fetch(`${base}/v1/review-tasks/lease`, { method: 'POST', headers: json(e) });
          await res.arrayBuffer();
          leaseMs.push(performance.now() - t);
          return res.status === 200 ? 1 : 0;
        }));
        const n = got.reduce<number>((a, b) => a + b, 0);
        if (n === 0) break;
        leased += n;
      }
      const leaseElapsed = performance.now() - l0;

      return {
        name: this.name,
        metrics: {
          articles: ARTICLES,
          'claims stored': claims,
          'ingest p50 ms (POST /v1/articles)': round(median(ingestLatencies)),
          'ingest p95 ms': round(p95(ingestLatencies)),
          'ingest rate articles/s (HTTP only)': round(ARTICLES / ((ingestDone - t0) / 1000)),
          'pipeline articles/s (ingest → extracted)': round(ARTICLES / (pipelineMs / 1000)),
          'GET /v1/claims?limit=50 p50 ms': round(median(list)),
          'GET /v1/claims?limit=50 p95 ms': round(p95(list)),
          'filtered list p50 ms': round(median(filtered)),
          'full-text search p50 ms': round(median(search)),
          'leases handed out': leased,
          'leases/s (8 concurrent editors)': round(leased / (leaseElapsed / 1000)),
          'lease p95 ms': round(p95(leaseMs)),
        },
      };
    } finally {
      await app.close();
    }
  },
};

export const benchmarks: Benchmark[] = [apiStack];
