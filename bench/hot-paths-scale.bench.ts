/**
 * Scale figures of issue 14 through the service as it ships (`node dist/src/main.js`) with load from autocannon in a
 * process of its own: `npm run bench -- hot-paths-scale`.
 *
 * The data set is matching-scale's (bench/matching-scale.bench.ts: BENCH_MATCHING_SCALE_DATABASE_URL, default
 * claimcheck_bench_matching_scale; BENCH_MATCHING_CLAIMS, default 1,000,000 synthetic claims, filled with multi-row
 * inserts on the first run and reused after), plus here a published verdict for every published claim (once), so the
 * feed has something to page. Measured, each for BENCH_HOT_SCALE_SECONDS (15) at BENCH_HOT_SCALE_CONNECTIONS (1)
 * after BENCH_HOT_SCALE_WARMUP_SECONDS (20) of matching:
 *   POST /v1/claims/match   posts that paraphrase stored claims (matching-scale's), with a number / text only
 *   GET /v1/claims?q=       full-text search, consumer scope
 *   GET /v1/verdicts        the consumer feed, first page
 * Goal (issue 14): p95 < 50 ms for each.
 */
import { randomBytes, createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { Benchmark, BenchResult } from './run.js';
import { DB_URL, WANTED, fill, openDb, posts } from './matching-scale.bench.js';
import { cannon, startTarget } from './hot-paths/processes.js';

const env = process.env;
const SECONDS = Number(env.BENCH_HOT_SCALE_SECONDS ?? 15);
const WARMUP = Number(env.BENCH_HOT_SCALE_WARMUP_SECONDS ?? 20);
const CONNECTIONS = Number(env.BENCH_HOT_SCALE_CONNECTIONS ?? 1);
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = env.BENCH_HOT_QUEUE_PREFIX ?? `cc-bench-scale-${Date.now().toString(36)}-${process.pid}`;
const SEARCH_WORDS = ['floods', 'troops', 'ministry', 'unemployment', 'vaccine doses', 'protesters arrested', 'railway', 'curfew',
  'refugee agency', 'central bank', 'earthquake', 'inflation', 'homes destroyed', 'power grid'];
const r1 = (x: number) => Math.round(x * 10) / 10;

const scale: Benchmark = {
  name: 'hot-paths-scale',
  description: `match, search and feed p95 through the service at ${WANTED.toLocaleString('en-US')} claims (load from autocannon, ${CONNECTIONS} connection(s))`,
  async run(): Promise<BenchResult> {
    const db = await openDb();
    let tokens: { reader: string };
    let stored: number;
    try {
      const filled = await fill(db);
      if (filled) console.error(`  filled ${filled.added.toLocaleString('en-US')} claims in ${r1(filled.seconds)} s`);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM claims`);
      stored = n;
      const token = async (name: string, role: string) => {
        const [u] = await db.query(`INSERT INTO users (name, role) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [name, role]);
        const t = 'cc_' + randomBytes(32).toString('base64url');
        await db.query(`INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, 'bench', $2, $3)`, [u.id, createHash('sha256').update(t).digest('hex'), t.slice(0, 9)]);
        return { token: t, userId: u.id as string };
      };
      const author = await token('bench-scale-author', 'editor');
      const [{ verdicts }] = await db.query(`SELECT count(*)::int AS verdicts FROM verdicts`);
      if (verdicts === 0) {
        const t0 = performance.now();
        await db.query(
          `INSERT INTO verdicts (claim_id, version, rating, summary, source_ids, status, author_id, published_at, feed_seq)
           SELECT id, 1, 'unverifiable', 'No public record confirms or refutes this (bench).', '{}', 'published', $1,
                  now() - make_interval(secs => seq % 864000), nextval('verdicts_feed_seq')
             FROM claims WHERE status = 'published' ORDER BY seq`, [author.userId]);
        await db.query(`ANALYZE verdicts`);
        console.error(`  published verdicts added in ${r1((performance.now() - t0) / 1000)} s`);
      }
      tokens = { reader: (await token('bench-scale-reader', 'consumer')).token };
    } finally {
      await db.destroy();
    }

    const all = posts(Math.min(stored, WANTED));
    const body = (text: string) => JSON.stringify({ text });
    const withNumber = all.filter((p) => /\d/.test(p.text)).map((p) => ({ method: 'POST' as const, path: '/v1/claims/match', body: body(p.text) }));
    const textOnly = all.filter((p) => !/\d/.test(p.text)).map((p) => ({ method: 'POST' as const, path: '/v1/claims/match', body: body(p.text) }));
    const search = SEARCH_WORDS.map((w) => ({ method: 'GET' as const, path: `/v1/claims?limit=20&q=${encodeURIComponent(w)}` }));
    const feed = [{ method: 'GET' as const, path: '/v1/verdicts' }];

    const running = await startTarget('service', 'one', { databaseUrl: DB_URL, redisUrl: REDIS_URL, queuePrefix: PREFIX });
    const rows: string[] = [];
    const metrics: Record<string, number | string> = {};
    try {
      const loadBefore = loadavg().map(r1);
      if (WARMUP > 0) await cannon({ mode: 'paths', url: running.url, token: tokens.reader, requests: [...withNumber, ...textOnly], seconds: WARMUP, connections: CONNECTIONS });
      for (const [label, requests] of [
        ['POST /v1/claims/match, post with a number', withNumber], ['POST /v1/claims/match, text only', textOnly],
        ['GET /v1/claims?q= (search)', search], ['GET /v1/verdicts (feed)', feed],
      ] as const) {
        if (requests.length === 0) continue;
        const res = await cannon({ mode: 'paths', url: running.url, token: tokens.reader, requests: [...requests], seconds: SECONDS, connections: CONNECTIONS });
        const bad = res.non2xx + res.errors;
        rows.push(`| ${label} | ${r1(res.p50)} | ${r1(res.p95!)} | ${r1(res.p99)} | ${r1(res.rps)} | ${bad ? `${bad} not 2xx ${JSON.stringify(res.statuses)}` : ''} | p95 < 50 ms |`);
        metrics[`${label} p95 ms`] = r1(res.p95!);
      }
      console.log(`\n${stored.toLocaleString('en-US')} claims, ${CONNECTIONS} connection(s), ${SECONDS} s each; ${cpus().length} CPUs, load average before ${loadBefore.join(' / ')}, after ${loadavg().map(r1).join(' / ')}`);
      console.log(['| path | p50 ms | p95 ms | p99 ms | req/s | errors | goal |', '|---|---|---|---|---|---|---|', ...rows].join('\n'));
    } finally {
      await running.stop();
    }
    return { name: this.name, metrics: { claims: stored, ...metrics } };
  },
};

export const benchmarks: Benchmark[] = [scale];
