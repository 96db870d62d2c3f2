/**
 * Hot paths, the service beside a bare floor (issue 14): `npm run bench -- hot-paths`.
 *
 * For each round (BENCH_HOT_ROUNDS, 3), the service and the floor (bench/floor/server.ts: Fastify + pg + BullMQ, the
 * same SQL) each get a fresh copy of one template database and their own Redis prefix, are started as processes of
 * their own, and are driven by a load generator in a third process (autocannon, bench/hot-paths/cannon.ts) through:
 *   ingest  BENCH_HOT_ARTICLES (500) news-length articles (~1,000 words, ~70 claims) over HTTP, until all are extracted
 *   read    GET /v1/claims/:id with a consumer token, BENCH_HOT_READ_CONNECTIONS (50) connections, BENCH_HOT_READ_SECONDS (20)
 *   lease   BENCH_HOT_EDITORS (8) editors lease and propose a verdict until BENCH_HOT_LEASES (400) open tasks are done;
 *           every task id must be handed out exactly once (checked by id, against the open tasks before the run)
 * The order alternates (service first in odd rounds, floor first in even ones). Reported: each round's figures, the
 * ratio service/floor per round, the median of those ratios, and the load average before each target; beside ingest's
 * ratio (the issue's: first POST to last extraction), the same from the 101st article extracted on (WARM_ARTICLES).
 *
 * Env: BENCH_HOT_DATABASE_URL (base name, default postgres://postgres@127.0.0.1:5432/claimcheck_bench_hot: databases
 * <name>_tpl, <name>_r<round>_<target>), REDIS_URL, BENCH_HOT_QUEUE_PREFIX (default unique per run),
 * BENCH_HOT_SERVICE_MODE (one: dist/src/main.js; split: main.api.js + main.worker.js), BENCH_HOT_PATHS
 * (ingest,read,lease), BENCH_HOT_BASE_ARTICLES (200: the template's extracted articles, every fifth claim published),
 * BENCH_HOT_INGEST_CONNECTIONS (8), BENCH_HOT_KEEP=1 keeps the databases, BENCH_HOT_VERBOSE=1 shows the children's output.
 */
import pg from 'pg';
import { Redis } from 'ioredis';
import { cpus, loadavg } from 'node:os';
import type { Benchmark, BenchResult } from './run.js';
import { buildTemplate, copyDatabase, databaseName, databaseUrl, dropDatabase, type Tokens } from './hot-paths/dataset.js';
import { cannon, startTarget, type ServiceMode, type Target } from './hot-paths/processes.js';
import { cpuByThread, postgresCpuSeconds, processCpuSeconds, threadCpuSeconds } from './hot-paths/cpu.js';

const env = process.env;
const BASE_URL = env.BENCH_HOT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_bench_hot';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN_ID = `${Date.now().toString(36)}-${process.pid}`;
const PREFIX = env.BENCH_HOT_QUEUE_PREFIX ?? `cc-bench-hot-${RUN_ID}`;
const ROUNDS = Number(env.BENCH_HOT_ROUNDS ?? 3);
const ARTICLES = Number(env.BENCH_HOT_ARTICLES ?? 500);
const BASE_ARTICLES = Number(env.BENCH_HOT_BASE_ARTICLES ?? 200);
const INGEST_CONNECTIONS = Number(env.BENCH_HOT_INGEST_CONNECTIONS ?? 8);
const READ_CONNECTIONS = Number(env.BENCH_HOT_READ_CONNECTIONS ?? 50);
const READ_SECONDS = Number(env.BENCH_HOT_READ_SECONDS ?? 20);
const EDITORS = Number(env.BENCH_HOT_EDITORS ?? 8);
const LEASES = Number(env.BENCH_HOT_LEASES ?? 400);
const INGEST_TIMEOUT_S = Number(env.BENCH_HOT_INGEST_TIMEOUT ?? 900);
const MODE = (env.BENCH_HOT_SERVICE_MODE ?? 'one') as ServiceMode;
const PATHS = (env.BENCH_HOT_PATHS ?? 'ingest,read,lease').split(',').map((s) => s.trim());
const KEEP = env.BENCH_HOT_KEEP === '1';
const INGEST_SEED = 1;
/**
 * Articles left out of the steady rate reported beside the issue's ratio: both targets start cold (V8 compiles their
 * hot code, the service fills its caches of published claims): the first hundred of 500 ran at 0.5–0.65 of the rate of
 * the rest (2026-12-08, per hundred by extracted_at).
 */
const WARM_ARTICLES = Math.min(100, Math.floor(ARTICLES / 5));
const BASE_SEED = 2;

/** CPU milliseconds per unit of work (article, request, task) during a path: the target's processes, and Postgres. */
/**
 * (`main`, `busiest`, `rest`: the target's share on its main threads, on its busiest other thread (in the service, the
 * extractor's), and on the rest: V8's garbage collector and compiler helpers, libuv's pool.)
 */
interface CpuPerUnit { target: number; postgres: number; main: number; busiest: number; rest: number }
interface PathFigures {
  ingest?: { articlesPerSecond: number; steadyPerSecond: number; claims: number; failed: number; httpP99: number; seconds: number; cpu: CpuPerUnit };
  read?: { rps: number; p95: number; p99: number; non2xx: number; cpu: CpuPerUnit };
  lease?: { perSecond: number; p95: number; leased: number; doubles: number; missing: number; extra: number; notDone: number; errors: number; cpu: CpuPerUnit };
}
interface TargetRun { round: number; target: Target; load: number[]; figures: PathFigures }

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = () => loadavg().map((x) => r2(x));

async function withDb<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function clearRedis(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function runTarget(round: number, target: Target, template: string, tokens: Tokens): Promise<TargetRun> {
  const name = `${databaseName(BASE_URL)}_r${round}_${target}`;
  await copyDatabase(BASE_URL, template, name);
  const url = databaseUrl(BASE_URL, name);
  const prefix = `${PREFIX}-r${round}-${target}`;
  const before = load();
  const running = await startTarget(target, MODE, { databaseUrl: url, redisUrl: REDIS_URL, queuePrefix: prefix });
  const figures: PathFigures = {};
  // CPU used by the target and by Postgres from here to `per(units)` (the load generator's own is left out).
  const cpuFrom = () => {
    const [target, postgres, threads] = [processCpuSeconds(running.pids), postgresCpuSeconds(), threadCpuSeconds(running.pids)];
    return {
      per: (units: number): CpuPerUnit => {
        const split = cpuByThread(threads, threadCpuSeconds(running.pids));
        return {
          target: ((processCpuSeconds(running.pids) - target) * 1000) / units, postgres: ((postgresCpuSeconds() - postgres) * 1000) / units,
          main: (split.main * 1000) / units, busiest: (split.busiest * 1000) / units, rest: (split.rest * 1000) / units,
        };
      },
    };
  };
  try {
    if (PATHS.includes('ingest')) {
      const cpu = cpuFrom();
      const res = await cannon({ mode: 'ingest', url: running.url, token: tokens.ingest, seed: INGEST_SEED, from: 0, count: ARTICLES, connections: INGEST_CONNECTIONS });
      if (res.non2xx > 0 || res.errors > 0) throw new Error(`${target}: ingest answered ${JSON.stringify(res.statuses)}, ${res.errors} errors`);
      const until = Date.now() + INGEST_TIMEOUT_S * 1000;
      const done = await withDb(url, async (c) => {
        for (;;) {
          const { rows: [s] } = await c.query(
            `SELECT count(*) FILTER (WHERE status IN ('queued', 'extracting'))::int AS pending, count(*) FILTER (WHERE status = 'failed')::int AS failed,
                    extract(epoch FROM max(extracted_at)) * 1000 AS last
               FROM articles WHERE extractor_version IS DISTINCT FROM 'bench'`);
          if (s.pending === 0) {
            const { rows: [n] } = await c.query(`SELECT count(*)::int AS n FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.extractor_version IS DISTINCT FROM 'bench'`);
            // When the article after the warm-up was extracted (the rate from there on: steadyPerSecond).
            const { rows: [w] } = await c.query(
              `SELECT extract(epoch FROM extracted_at) * 1000 AS at FROM articles WHERE extractor_version IS DISTINCT FROM 'bench'
                ORDER BY extracted_at OFFSET $1 LIMIT 1`, [WARM_ARTICLES]);
            return { failed: s.failed as number, last: Number(s.last), claims: n.n as number, warm: w ? Number(w.at) : NaN };
          }
          if (Date.now() > until) throw new Error(`${target}: ${s.pending} articles still pending after ${INGEST_TIMEOUT_S} s`);
          await new Promise((r) => setTimeout(r, 100));
        }
      });
      const seconds = (done.last - res.startedAt) / 1000;
      figures.ingest = {
        articlesPerSecond: ARTICLES / seconds, steadyPerSecond: (ARTICLES - WARM_ARTICLES - 1) / ((done.last - done.warm) / 1000),
        claims: done.claims, failed: done.failed, httpP99: res.p99, seconds, cpu: cpu.per(ARTICLES),
      };
    }
    if (PATHS.includes('read')) {
      const ids = await withDb(url, async (c) => (await c.query(`SELECT id FROM claims WHERE status = 'published' ORDER BY id LIMIT 2000`)).rows.map((r) => r.id as string));
      if (ids.length === 0) throw new Error('no published claims to read: BENCH_HOT_BASE_ARTICLES must be > 0');
      const cpu = cpuFrom();
      const res = await cannon({ mode: 'read', url: running.url, token: tokens.reader, ids, seconds: READ_SECONDS, connections: READ_CONNECTIONS });
      figures.read = { rps: res.rps, p95: res.p95!, p99: res.p99, non2xx: res.non2xx + res.errors, cpu: cpu.per(res.rps * READ_SECONDS) };
    }
    if (PATHS.includes('lease')) {
      // Exactly LEASES open tasks, the same ones for both targets (the highest ranks); the others are set aside.
      const expected = await withDb(url, async (c) => {
        await c.query(
          `UPDATE review_tasks SET status = 'cancelled', completed_at = now(), updated_at = now()
            WHERE status = 'open' AND id NOT IN (SELECT id FROM review_tasks WHERE status = 'open' ORDER BY rank DESC, id LIMIT $1)`, [LEASES]);
        return (await c.query(`SELECT id FROM review_tasks WHERE status = 'open'`)).rows.map((r) => r.id as string);
      });
      if (expected.length === 0) throw new Error('no open review tasks to lease: run the ingest path too (BENCH_HOT_PATHS)');
      const cpu = cpuFrom();
      const res = await cannon({ mode: 'lease', url: running.url, tokens: tokens.editors.slice(0, EDITORS), maxSeconds: 600 });
      const leaseCpu = cpu.per(res.completed!);
      const leased = res.leased!;
      const seen = new Map<string, number>();
      for (const id of leased) seen.set(id, (seen.get(id) ?? 0) + 1);
      const want = new Set(expected);
      const notDone = await withDb(url, async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM review_tasks WHERE id = ANY($1::uuid[]) AND status <> 'done'`, [expected])).rows[0].n as number);
      const errors = Object.entries(res.statuses ?? {}).filter(([k]) => !/ (200|201|204)$/.test(k)).reduce((n, [, v]) => n + v, 0) + res.errors;
      figures.lease = {
        perSecond: res.completed! / res.seconds, p95: res.p95!, leased: leased.length,
        doubles: [...seen.values()].filter((n) => n > 1).length,
        missing: expected.filter((id) => !seen.has(id)).length,
        extra: [...seen.keys()].filter((id) => !want.has(id)).length,
        notDone, errors, cpu: leaseCpu,
      };
    }
  } finally {
    await running.stop();
    await clearRedis(prefix).catch(() => undefined);
    if (!KEEP) await dropDatabase(BASE_URL, name);
  }
  return { round, target, load: before, figures };
}

/** ", CPU 12.3 (main 8.0, busiest other thread 3.0, rest 1.3) + pg 4.5 ms/article" (the target's + Postgres's), or nothing where /proc cannot tell. */
const cpuNote = (c: CpuPerUnit, unit: string, digits = 1) =>
  (Number.isFinite(c.target) && Number.isFinite(c.postgres)
    ? `, CPU ${c.target.toFixed(digits)}${Number.isFinite(c.main) ? ` (main ${c.main.toFixed(digits)}, busiest other thread ${c.busiest.toFixed(digits)}, rest ${c.rest.toFixed(digits)})` : ''} + pg ${c.postgres.toFixed(digits)} ms/${unit}`
    : '');

function describe(run: TargetRun): string {
  const f = run.figures;
  const parts: string[] = [];
  if (f.ingest) parts.push(`ingest ${r1(f.ingest.articlesPerSecond)} articles/s, ${r1(f.ingest.steadyPerSecond)} after the first ${WARM_ARTICLES} (${f.ingest.claims} claims, ${f.ingest.failed} failed, POST p99 ${r1(f.ingest.httpP99)} ms${cpuNote(f.ingest.cpu, 'article')})`);
  if (f.read) parts.push(`read ${Math.round(f.read.rps)} req/s p95 ${r1(f.read.p95)} p99 ${r1(f.read.p99)} ms${f.read.non2xx ? ` (${f.read.non2xx} not 2xx)` : ''}${cpuNote(f.read.cpu, 'request', 2)}`);
  if (f.lease) parts.push(`lease ${r1(f.lease.perSecond)}/s p95 ${r1(f.lease.p95)} ms, ${f.lease.leased} leased, doubles ${f.lease.doubles}, missing ${f.lease.missing}, not done ${f.lease.notDone}${f.lease.errors ? `, ${f.lease.errors} errors` : ''}${cpuNote(f.lease.cpu, 'task', 2)}`);
  return parts.join('; ');
}

const hotPaths: Benchmark = {
  name: 'hot-paths',
  description: `issue 14: the service (${MODE === 'one' ? 'node dist/src/main.js' : 'main.api.js + main.worker.js'}) beside a bare floor (Fastify + pg + BullMQ), ${ROUNDS} alternating rounds, load from autocannon in its own process`,
  async run(): Promise<BenchResult> {
    const template = `${databaseName(BASE_URL)}_tpl`;
    const t0 = performance.now();
    const built = await buildTemplate(BASE_URL, template, { baseArticles: BASE_ARTICLES, editors: EDITORS, seed: BASE_SEED });
    console.error(`  template ${template}: ${BASE_ARTICLES} articles, ${built.claims} claims (${built.published} published), ${r1((performance.now() - t0) / 1000)} s`);
    const runs: TargetRun[] = [];
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const order: Target[] = round % 2 === 1 ? ['service', 'floor'] : ['floor', 'service'];
        for (const target of order) {
          const run = await runTarget(round, target, template, built.tokens);
          runs.push(run);
          console.error(`  round ${round} ${target.padEnd(7)} load ${run.load.join(' ')}: ${describe(run)}`);
        }
      }
    } finally {
      if (!KEEP) await dropDatabase(BASE_URL, template);
    }

    const rounds = Array.from({ length: ROUNDS }, (_, i) => i + 1);
    const of = (round: number, target: Target) => runs.find((r) => r.round === round && r.target === target)!.figures;
    const ratios = (get: (f: PathFigures) => number | undefined) => rounds.map((r) => get(of(r, 'service'))! / get(of(r, 'floor'))!);
    const med = (target: Target, get: (f: PathFigures) => number | undefined) => median(rounds.map((r) => get(of(r, target))!));
    const rows: string[][] = [];
    const metrics: Record<string, number | string> = {};
    const fmtRatio = (x: number) => (Number.isFinite(x) ? String(r2(x)) : 'n/a');
    const ratioCell = (rs: number[]) => `${fmtRatio(median(rs))} (${rs.map(fmtRatio).join(', ')})`;
    if (PATHS.includes('ingest')) {
      const get = (f: PathFigures) => f.ingest?.articlesPerSecond;
      const rs = ratios(get);
      const claims = runs[0].figures.ingest!.claims;
      rows.push([`ingest → extracted (${ARTICLES} news-length articles, ~${claims.toLocaleString('en-US')} claims, ${MODE === 'one' ? 'main.js' : 'api + worker'})`,
        `${r1(med('service', get))} articles/s`, `${r1(med('floor', get))} articles/s`, ratioCell(rs), '≥ 0.60']);
      metrics['ingest ratio (median)'] = r2(median(rs));
      // (beside the issue's figure, not instead of it: the rate once both have compiled their hot code and filled their caches)
      const steady = ratios((f) => f.ingest?.steadyPerSecond);
      metrics[`ingest ratio after the first ${WARM_ARTICLES} articles (median)`] = r2(median(steady));
      console.log(`ingest after the first ${WARM_ARTICLES} articles: service ${r1(med('service', (f) => f.ingest?.steadyPerSecond))}, floor ${r1(med('floor', (f) => f.ingest?.steadyPerSecond))} articles/s, ratio ${ratioCell(steady)}`);
    }
    if (PATHS.includes('read')) {
      const get = (f: PathFigures) => f.read?.rps;
      const rs = ratios(get);
      const p99 = (t: Target) => r1(med(t, (f) => f.read?.p99));
      rows.push([`GET /v1/claims/:id, ${READ_CONNECTIONS} connections`, `${Math.round(med('service', get))} req/s, p99 ${p99('service')} ms`,
        `${Math.round(med('floor', get))} req/s, p99 ${p99('floor')} ms`, ratioCell(rs), '≥ 0.80']);
      metrics['read ratio (median)'] = r2(median(rs));
    }
    if (PATHS.includes('lease')) {
      const get = (f: PathFigures) => f.lease?.perSecond;
      const rs = ratios(get);
      const doubles = (t: Target) => runs.filter((r) => r.target === t).reduce((n, r) => n + r.figures.lease!.doubles + r.figures.lease!.missing + r.figures.lease!.extra + r.figures.lease!.notDone, 0);
      const p95 = (t: Target) => r1(med(t, (f) => f.lease?.p95));
      rows.push([`${EDITORS} editors, lease + complete (${LEASES} tasks)`, `${r1(med('service', get))}/s, p95 ${p95('service')} ms, ${doubles('service')} doubles or misses`,
        `${r1(med('floor', get))}/s, ${doubles('floor')} doubles or misses`, ratioCell(rs), '≥ 0.75, 0 doubles']);
      metrics['lease ratio (median)'] = r2(median(rs));
      metrics['lease doubles or misses (service)'] = doubles('service');
    }
    const table = [
      '| path | service | floor (same work, bare) | ratio: median (per round) | goal |',
      '|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ];
    console.log(`\n${table.join('\n')}`);
    console.log(`\n${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); service and floor figures are medians over the rounds, ratios are service/floor within a round.`);
    console.log('load average (1/5/15 min) before each target:');
    for (const r of runs) console.log(`  round ${r.round} ${r.target.padEnd(7)} ${r.load.join(' / ')}`);
    return {
      name: this.name,
      metrics: {
        ...metrics, rounds: ROUNDS, cpus: cpus().length, 'service mode': MODE, 'load average at the end': load().join(' / '),
        'queue prefix': PREFIX,
      },
    };
  },
};

export const benchmarks: Benchmark[] = [hotPaths];
