/**
 * The matching-claim re-check trigger at scale (issue 13, living verdicts): RecheckService.onExtractedClaims, run by the
 * worker for every extracted article, is one query per 500 fresh claims joining them to every stored claim of the same
 * quantity (category and place, or actor) and those claims' published verdicts, then markDue for the verdicts whose band
 * a fresh figure falls outside.
 *
 * Own database, `claimcheck_bench_recheck` (BENCH_RECHECK_DATABASE_URL overrides), migrated and filled once with
 * BENCH_RECHECK_VERDICTS published verdicts (default 100,000) on claims among BENCH_RECHECK_CLAIMS_PER_VERDICT times as
 * many claims (default 3: the others are queued, in review or dismissed), each verdict with the basis and band
 * publication gives it (basisOf, the default tolerances). A database already that size is used as it is. Places and
 * actors are drawn from a Zipf law over 3,000 made-up names, so a few places have thousands of claims. Claims of one
 * quantity (kind and place) give figures near one base: stored ones within ±5 % of it, fresh ones from 5 % below to 20 %
 * above (a toll that rises), so a fresh figure falls outside some of its quantity's bands and inside others.
 *
 * Then it times onExtractedClaims for an article of BENCH_RECHECK_FRESH claims (default 70) with figures, in a
 * transaction rolled back after each round (BENCH_RECHECK_ROUNDS, default 4; the first one is a warm-up), for two
 * articles: a typical one (its claims' places drawn from the same law) and a "hot" one (every claim about the most
 * frequent place, the worst case), and prints EXPLAIN (ANALYZE, BUFFERS) of the matching query for each.
 * BENCH_RECHECK_FILL_ONLY=1 fills and stops.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Benchmark, BenchResult } from './run.js';
import { madeUpNames, pick, prng, zipfSampler, type Rnd } from './random.js';

const DB_URL = process.env.BENCH_RECHECK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_bench_recheck';
const VERDICTS = Number(process.env.BENCH_RECHECK_VERDICTS ?? 100_000);
const CLAIMS_PER_VERDICT = Number(process.env.BENCH_RECHECK_CLAIMS_PER_VERDICT ?? 3);
const FRESH = Number(process.env.BENCH_RECHECK_FRESH ?? 70);
const ROUNDS = Number(process.env.BENCH_RECHECK_ROUNDS ?? 4);
const FILL_ONLY = process.env.BENCH_RECHECK_FILL_ONLY === '1';
const BATCH = 10_000;
const CLAIMS_PER_ARTICLE = 10;

const SYLLABLES = ['ka', 'lor', 'ven', 'tri', 'mos', 'dal', 'ser', 'qui', 'bra', 'nel', 'tor', 'vik', 'sal', 'mer', 'dun', 'hal',
  'gor', 'pel', 'ras', 'tin', 'zem', 'fal', 'cor', 'bel', 'dor', 'an', 'ost', 'kel', 'mir', 'val'];
/** 3,000 made-up names, most frequent first, drawn with a Zipf law. */
const NAMES = madeUpNames(11, 3000, SYLLABLES);
const zipf = zipfSampler(NAMES);

type Category = 'troop_count' | 'casualties' | 'displacement' | 'money' | 'percentage' | 'quantity_other';
const KINDS: ReadonlyArray<{ category: Category; unit: string }> = [
  { category: 'casualties', unit: 'killed' }, { category: 'casualties', unit: 'killed' }, { category: 'casualties', unit: 'wounded' },
  { category: 'troop_count', unit: 'troops' }, { category: 'displacement', unit: 'displaced' }, { category: 'money', unit: 'USD' },
  { category: 'percentage', unit: 'percent' }, { category: 'quantity_other', unit: 'homes' },
];

interface Figure { category: Category; unit: string; location: string | null; subject: string | null; value: number | null; low: number | null; qualifier: 'exact' | 'lower_bound' }

/** A number from a name, the same everywhere: the base figure of one quantity (a kind at a place, or of an actor). */
function hashed(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return prng(h >>> 0)();
}

/**
 * A stored or fresh claim: a figure about a place (90 %) or only an actor. Claims of one quantity (kind and place) report
 * figures near one base, as reports of the same toll do: stored ones within ±`spread` of it, fresh ones up to `rise` above.
 */
function figureOf(r: Rnd, place: (r: Rnd) => string, spread: number, rise: number): Figure {
  const kind = pick(r, KINDS);
  const located = r() < 0.9;
  const location = located ? place(r) : null;
  const subject = !located || kind.category === 'troop_count' || r() < 0.3 ? zipf(r) : null;
  const u = hashed(`${kind.unit}|${location ?? subject}`);
  const base = kind.category === 'percentage' ? 1 + u * 59 : Math.exp(3 + u * 9);
  const factor = 1 - spread + r() * (spread + rise);
  const n = kind.category === 'percentage' ? Math.round(base * factor * 10) / 10 : Math.round(base * factor);
  const bound = r() < 0.25;
  return { category: kind.category, unit: kind.unit, location, subject, value: bound ? null : n, low: bound ? n : null, qualifier: bound ? 'lower_bound' : 'exact' };
}
/** Stored claims: within ±5 % of their quantity's base; fresh ones from 5 % below to 20 % above it. */
const STORED = [0.05, 0.05] as const;
const FRESH_SPREAD = [0.05, 0.2] as const;

async function openDb(): Promise<DataSource> {
  const [{ migrate }, { dataSourceOptions }] = await Promise.all([import('../src/database/migrate.js'), import('../src/database/options.js')]);
  await migrate(DB_URL, () => undefined);
  const ds = new DataSource(dataSourceOptions(DB_URL));
  await ds.initialize();
  return ds;
}

/** Fills up to VERDICTS published verdicts; returns seconds spent, or null when the database already has them. */
async function fill(db: DataSource): Promise<number | null> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM verdicts WHERE status = 'published'`);
  if (n >= VERDICTS) return null;
  if (n > 0) throw new Error(`${DB_URL} holds ${n} published verdicts, fewer than ${VERDICTS}: drop it and run again`);
  const { basisOf } = await import('../src/verdicts/living-verdicts.js');
  const { DEFAULT_TOLERANCES } = await import('../src/sources/assessment.js');
  const [{ id: author }] = await db.query(
    `INSERT INTO users (name, role) VALUES ('bench-recheck', 'editor') ON CONFLICT (name) DO UPDATE SET role = 'editor' RETURNING id`,
  );
  const total = VERDICTS * CLAIMS_PER_VERDICT;
  const t0 = performance.now();
  const r = prng(1);
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH);
    const articles: string[] = [];
    const claims: Array<Figure & { id: string; articleId: string; ordinal: number; text: string; published: boolean }> = [];
    for (let i = from; i < to; i++) {
      if (i % CLAIMS_PER_ARTICLE === 0) articles.push(randomUUID());
      const f = figureOf(r, zipf, ...STORED);
      claims.push({
        ...f, id: randomUUID(), articleId: articles[articles.length - 1], ordinal: i % CLAIMS_PER_ARTICLE,
        text: `Bench claim ${i}: ${f.low ?? f.value} ${f.unit} in ${f.location ?? f.subject}.`, published: i % CLAIMS_PER_VERDICT === 0,
      });
    }
    const at = new Date();
    const verdicts = claims.filter((c) => c.published).map((c) => {
      // One cited source within a few percent of the claim's figure, as a verdict of "true" would have.
      const n = (c.low ?? c.value)!;
      const source = { id: randomUUID(), value: Math.round(n * (0.97 + r() * 0.06) * 10) / 10, low: null, high: null, asOf: '2026-06-01', publisher: 'Bench agency', title: 'Report' };
      const basis = basisOf(c.category, { text: null, value: c.value, low: c.low, high: null, qualifier: c.qualifier, unit: c.unit }, [source], [], DEFAULT_TOLERANCES[c.category], at);
      return { claimId: c.id, basis };
    });
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO articles (id, title, text, text_hash, status, language, published_at, extracted_at, extractor_version)
         SELECT id, 'Bench article', 'Bench text.', 'recheck-' || id, 'extracted', 'en', now(), now(), 'bench' FROM unnest($1::uuid[]) AS x(id)`,
        [articles],
      );
      const col = <K extends keyof (typeof claims)[number]>(k: K) => claims.map((c) => c[k]);
      await tx.query(
        `INSERT INTO claims (id, article_id, ordinal, text, start_offset, end_offset, category, quantity_value, quantity_low, unit, qualifier,
                             subject, location, checkworthiness, status)
         SELECT id, article_id, ordinal, text, 0, length(text), category, v, lo, unit, qualifier, subject, location, 0.5,
                CASE WHEN published THEN 'published' ELSE (ARRAY['queued', 'in_review', 'dismissed'])[1 + ordinal % 3] END
           FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::text[], $9::text[],
                       $10::text[], $11::text[], $12::bool[])
                AS x(id, article_id, ordinal, text, category, v, lo, unit, qualifier, subject, location, published)`,
        [col('id'), col('articleId'), col('ordinal'), col('text'), col('category'), col('value'), col('low'), col('unit'), col('qualifier'),
          col('subject'), col('location'), col('published')],
      );
      // The verdicts' trigger refreshes their claims' match terms, which this bench does not read: skipped for the fill.
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(
        `INSERT INTO verdicts (claim_id, version, rating, summary, status, author_id, published_at, basis, band_low, band_high)
         SELECT claim_id, 1, 'true', 'Bench verdict.', 'published', $4, now(), basis, lo, hi
           FROM unnest($1::uuid[], $2::jsonb[], $3::float8[], $5::float8[]) AS x(claim_id, basis, lo, hi)`,
        [verdicts.map((v) => v.claimId), verdicts.map((v) => JSON.stringify(v.basis)), verdicts.map((v) => v.basis.band?.low ?? null), author,
          verdicts.map((v) => v.basis.band?.high ?? null)],
      );
    });
    if ((to / BATCH) % 10 === 0 || to === total) console.error(`  filled ${to.toLocaleString('en-US')} claims, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  for (const table of ['articles', 'claims', 'verdicts']) await db.query(`VACUUM ANALYZE ${table}`);
  return (performance.now() - t0) / 1000;
}

/** An EntityManager whose `query` records each statement's time and keeps the matching query for EXPLAIN. */
function timed(tx: EntityManager) {
  const seen = { matchMs: 0, totalSqlMs: 0, statements: 0, match: null as null | { sql: string; params: unknown[] } };
  const query = async (sql: string, params?: unknown[]) => {
    const t0 = performance.now();
    const res = await tx.query(sql, params);
    const ms = performance.now() - t0;
    seen.totalSqlMs += ms;
    seen.statements++;
    if (sql.includes('WITH n AS (SELECT * FROM unnest(')) {
      seen.matchMs += ms;
      seen.match = { sql, params: params ?? [] };
    }
    return res;
  };
  const proxy = new Proxy(tx, { get: (target, prop) => (prop === 'query' ? query : Reflect.get(target, prop, target)) });
  return { proxy, seen };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r1 = (x: number) => Math.round(x * 10) / 10;

const recheckScale: Benchmark = {
  name: 'recheck-scale',
  description: `living verdicts' matching-claim trigger: RecheckService.onExtractedClaims for a ${FRESH}-claim article against ${VERDICTS.toLocaleString('en-US')} published verdicts`,
  async run(): Promise<BenchResult> {
    const db = await openDb();
    try {
      const filled = await fill(db);
      if (FILL_ONLY) return { name: this.name, metrics: { 'fill s': filled === null ? 'already filled' : r1(filled) } };
      const [{ claims, published, hot, hotClaims }] = await db.query(
        `SELECT (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM verdicts WHERE status = 'published') AS published,
                $1::text AS hot, (SELECT count(*)::int FROM claims WHERE lower(location) = lower($1)) AS "hotClaims"`,
        [NAMES[0]],
      );
      const [{ RecheckService }, { AuditService }, { NotificationsService }, { WebhookOutbox }, { loadConfig }] = await Promise.all([
        import('../src/verdicts/recheck.service.js'), import('../src/audit/audit.service.js'), import('../src/notifications/notifications.service.js'),
        import('../src/webhooks/webhook-outbox.service.js'), import('../src/config/config.js'),
      ]);
      Logger.overrideLogger(false);
      // No webhook is registered here, so the outbox never reaches its queue.
      const outbox = new WebhookOutbox(null as never);
      const recheck = new RecheckService(db, new AuditService(db), loadConfig({ ...process.env, DATABASE_URL: DB_URL }), outbox, new NotificationsService(db, outbox));

      const article = (place: (r: Rnd) => string, seed: number) => {
        const r = prng(seed);
        return Array.from({ length: FRESH }, (_, k) => {
          const f = figureOf(r, place, ...FRESH_SPREAD);
          return { id: randomUUID(), ...f, high: null, text: `${f.low ?? f.value} ${f.unit}`, speaker: null, date: '2026-12-01', k };
        });
      };
      const metrics: Record<string, number | string> = {
        'published verdicts': published, claims, [`claims about the most frequent place (${hot})`]: hotClaims,
        'fill s (this run)': filled === null ? 'already filled' : r1(filled), 'fresh claims per article': FRESH, rounds: `${ROUNDS} (median of all but the first)`,
      };
      const plans: string[] = [];
      for (const [label, fresh] of [['typical article', article(zipf, 42)], ['hot article (one place)', article(() => hot, 43)]] as const) {
        const total: number[] = [];
        const match: number[] = [];
        let due = 0;
        let statements = 0;
        let last: { sql: string; params: unknown[] } | null = null;
        for (let round = 0; round < ROUNDS; round++) {
          const runner = db.createQueryRunner();
          await runner.startTransaction();
          try {
            const { proxy, seen } = timed(runner.manager);
            const t0 = performance.now();
            await recheck.onExtractedClaims(proxy, randomUUID(), fresh);
            const ms = performance.now() - t0;
            [{ due }] = await runner.query(`SELECT count(*)::int AS due FROM verdicts WHERE recheck_due_at IS NOT NULL`);
            if (round > 0 || ROUNDS === 1) {
              total.push(ms);
              match.push(seen.matchMs);
            }
            statements = seen.statements;
            last = seen.match;
          } finally {
            await runner.rollbackTransaction();
            await runner.release();
          }
        }
        metrics[`${label}: onExtractedClaims ms (median / min)`] = `${r1(median(total))} / ${r1(Math.min(...total))}`;
        metrics[`${label}: matching query ms (median / min)`] = `${r1(median(match))} / ${r1(Math.min(...match))}`;
        metrics[`${label}: the rest (markDue: tasks, audit, notifications) ms (median)`] = r1(median(total.map((t, i) => t - match[i])));
        metrics[`${label}: verdicts marked due, SQL statements`] = `${due}, ${statements}`;
        if (last) {
          const plan: Array<{ 'QUERY PLAN': string }> = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${last.sql}`, last.params);
          plans.push(`--- EXPLAIN (ANALYZE, BUFFERS), ${label}\n${plan.map((l) => l['QUERY PLAN']).join('\n')}`);
        }
      }
      console.error(`\n${plans.join('\n\n')}\n`);
      metrics['load average (1 / 5 min), cores'] = `${loadavg().map((x) => x.toFixed(1)).slice(0, 2).join(' / ')}, ${cpus().length}`;
      return { name: this.name, metrics };
    } finally {
      await db.destroy();
    }
  },
};

export const benchmarks: Benchmark[] = [recheckScale];
