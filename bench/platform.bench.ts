/**
 * Express or Fastify under Nest (issue 14: "consider @nestjs/platform-fastify if it wins by a clear margin in the same
 * run"): `npm run bench -- platform`. The same minimal Nest app (bench/platform/server.ts: GET /v1/claims/:id doing the
 * floor's work) on each platform, in a process of its own, loaded by autocannon from another, BENCH_PLATFORM_ROUNDS
 * (3) rounds alternating which goes first; reported: req/s and p99 per round, the ratio fastify/express per round and
 * its median. Database: hot-paths' template (BENCH_HOT_DATABASE_URL base, `<name>_platform`), with
 * BENCH_HOT_BASE_ARTICLES (200) extracted articles; reads the published claims with a consumer token.
 * Env: BENCH_PLATFORM_SECONDS (15), BENCH_PLATFORM_CONNECTIONS (50).
 */
import pg from 'pg';
import { loadavg } from 'node:os';
import type { Benchmark, BenchResult } from './run.js';
import { buildTemplate, databaseName, databaseUrl, dropDatabase } from './hot-paths/dataset.js';
import { cannon, startScript } from './hot-paths/processes.js';

const env = process.env;
const BASE_URL = env.BENCH_HOT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_bench_hot';
const ROUNDS = Number(env.BENCH_PLATFORM_ROUNDS ?? 3);
const SECONDS = Number(env.BENCH_PLATFORM_SECONDS ?? 15);
const CONNECTIONS = Number(env.BENCH_PLATFORM_CONNECTIONS ?? 50);
const BASE_ARTICLES = Number(env.BENCH_HOT_BASE_ARTICLES ?? 200);
type Platform = 'express' | 'fastify';

const r2 = (x: number) => Math.round(x * 100) / 100;
// (not run.ts's: a value import from run.js is a cycle through its top-level await, and the process never settles)
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const platformBench: Benchmark = {
  name: 'platform',
  description: `issue 14: one minimal Nest app (GET /v1/claims/:id, the floor's work) on Express and on Fastify, ${ROUNDS} alternating rounds, autocannon in its own process`,
  async run(): Promise<BenchResult> {
    const name = `${databaseName(BASE_URL)}_platform`;
    const built = await buildTemplate(BASE_URL, name, { baseArticles: BASE_ARTICLES, editors: 1, seed: 2 });
    const url = databaseUrl(BASE_URL, name);
    const runs: Array<{ round: number; platform: Platform; rps: number; p99: number; non2xx: number; load: number }> = [];
    try {
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const ids = (await db.query(`SELECT id FROM claims WHERE status = 'published' ORDER BY id LIMIT 2000`)).rows.map((r) => r.id as string);
      await db.end();
      if (ids.length === 0) throw new Error('no published claims to read: BENCH_HOT_BASE_ARTICLES must be > 0');
      for (let round = 1; round <= ROUNDS; round++) {
        const order: Platform[] = round % 2 === 1 ? ['express', 'fastify'] : ['fastify', 'express'];
        for (const platform of order) {
          const load = r2(loadavg()[0]);
          const running = await startScript('dist/bench/platform/server.js', { DATABASE_URL: url, PLATFORM: platform }, platform, '/health');
          try {
            // A short warm-up (JIT, pool connections), then the measured run.
            await cannon({ mode: 'read', url: running.url, token: built.tokens.reader, ids, seconds: 2, connections: CONNECTIONS });
            const res = await cannon({ mode: 'read', url: running.url, token: built.tokens.reader, ids, seconds: SECONDS, connections: CONNECTIONS });
            runs.push({ round, platform, rps: res.rps, p99: res.p99, non2xx: res.non2xx + res.errors, load });
            console.error(`  round ${round} ${platform.padEnd(7)} load ${load}: ${Math.round(res.rps)} req/s, p99 ${res.p99} ms${res.non2xx + res.errors ? `, ${res.non2xx + res.errors} not 2xx` : ''}`);
          } finally {
            await running.stop();
          }
        }
      }
    } finally {
      await dropDatabase(BASE_URL, name);
    }
    const of = (round: number, p: Platform) => runs.find((r) => r.round === round && r.platform === p)!;
    const ratios = Array.from({ length: ROUNDS }, (_, i) => of(i + 1, 'fastify').rps / of(i + 1, 'express').rps);
    const med = (p: Platform, get: (r: (typeof runs)[number]) => number) => median(runs.filter((r) => r.platform === p).map(get));
    return {
      name: this.name,
      metrics: {
        'express req/s (median)': Math.round(med('express', (r) => r.rps)),
        'fastify req/s (median)': Math.round(med('fastify', (r) => r.rps)),
        'express p99 ms (median)': med('express', (r) => r.p99),
        'fastify p99 ms (median)': med('fastify', (r) => r.p99),
        'fastify/express (median)': r2(median(ratios)),
        'fastify/express per round': ratios.map(r2).join(', '),
        'not 2xx': runs.reduce((n, r) => n + r.non2xx, 0),
        connections: CONNECTIONS,
        'seconds per run': SECONDS,
      },
    };
  },
};

export const benchmarks: Benchmark[] = [platformBench];
