/**
 * Claim matching at scale (issue 12: "1,000 match queries per second against 1M stored claims, p95 under 50 ms for one
 * query"). Uses its own database, `claimcheck_bench_matching_scale` (BENCH_MATCHING_SCALE_DATABASE_URL overrides), migrated
 * and filled once with synthetic claims (BENCH_MATCHING_CLAIMS, default 1,000,000; a smaller database is topped up, a
 * larger one used as it is), then measures the real ClaimMatcher on ~500 short posts that paraphrase stored claims:
 *   - sequential single requests: latency of `find(queriesOf(text))`, split into extractor, SQL and the rest (ranking);
 *   - concurrency 8/16/32 (BENCH_MATCHING_CONCURRENCY) for BENCH_MATCHING_SECONDS (20) each: requests/s and p95.
 * BENCH_MATCHING_EXPLAIN=N prints EXPLAIN (ANALYZE, BUFFERS) of the candidate SQL of the first N posts.
 * BENCH_MATCHING_POOL sets the pool size (default 10, the application's). BENCH_MATCHING_FILL_ONLY=1 fills and stops.
 * Candidates come from the API's in-memory index (src/matching/match-index.ts), loaded first and timed;
 * BENCH_MATCHING_INDEX=0 measures the SQL retrieval instead. BENCH_MATCHING_INDEX_LIMITS='{"byWords":30}' overrides
 * the index's candidate counts (CandidateLimits).
 *
 * The text is generated here from word lists: a few hundred common words (verbs, counted things, agencies) and a
 * Zipf-distributed vocabulary of made-up names, so a handful of words are in many claims and most in very few.
 * ~30 % of claims have no figure; the others carry the figure in quantity_* as the extractor would store it.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
// Type-only: a value import of run.js would wait on run.js's own top-level await (a cycle).
import type { Benchmark, BenchResult } from './run.js';
import { madeUpNames, pick, prng, zipfSampler } from './random.js';

// Not claimcheck_bench_matching: bench/matching.bench.ts empties that one on every run.
export const DB_URL = process.env.BENCH_MATCHING_SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_bench_matching_scale';
const FILL_ONLY = process.env.BENCH_MATCHING_FILL_ONLY === '1';
export const WANTED = Number(process.env.BENCH_MATCHING_CLAIMS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_MATCHING_SECONDS ?? 20);
const CONCURRENCY = (process.env.BENCH_MATCHING_CONCURRENCY ?? '8,16,32').split(',').map(Number).filter((n) => n > 0);
const POSTS = Number(process.env.BENCH_MATCHING_POSTS ?? 500);
const EXPLAIN = Number(process.env.BENCH_MATCHING_EXPLAIN ?? 0);
const POOL = Number(process.env.BENCH_MATCHING_POOL ?? 10);
const WARMUP = Number(process.env.BENCH_MATCHING_WARMUP ?? 50);
const BATCH = 10_000;
const CLAIMS_PER_ARTICLE = 5;

// ---------------------------------------------------------------------------------------------------------------
// Deterministic text generation: claim i is always the same claim, so the fill can be resumed and posts can
// paraphrase claim i without reading it back.


const SYLLABLES = ['ka', 'lor', 'ven', 'tri', 'mos', 'dal', 'ser', 'qui', 'bra', 'nel', 'tor', 'vik', 'sal', 'mer', 'dun', 'hal',
  'gor', 'pel', 'ras', 'tin', 'zem', 'fal', 'cor', 'bel', 'dor', 'an', 'ost', 'kel', 'mir', 'val', 'sto', 'lin', 'rek', 'jun',
  'pra', 'nov', 'gal', 'tes', 'vor', 'hem', 'lud', 'ska', 'rin', 'bor', 'cam', 'fen', 'gil', 'ard'];
/** Made-up proper names, most frequent first: 40,000 of them, drawn with a Zipf law. */
const NAMES = madeUpNames(7, 40_000, SYLLABLES);
const zipfName = zipfSampler(NAMES);

const AGENCIES = ['defence ministry', 'health ministry', 'interior ministry', 'statistics office', 'central bank', 'city council',
  'regional government', 'election commission', 'army', 'police', 'red cross', 'refugee agency', 'finance ministry', 'parliament'];
const SPEAKERS = ['officials', 'a spokesman', 'the governor', 'the minister', 'local media', 'aid workers', 'the mayor', 'analysts'];
const EVENTS = ['floods', 'the earthquake', 'the fighting', 'the storm', 'the landslide', 'clashes', 'the fire', 'air strikes'];
const PROJECTS = ['new hospitals', 'road repairs', 'the railway', 'school meals', 'housing', 'the power grid', 'water pipes', 'the port'];
const INDICATORS = ['unemployment', 'inflation', 'turnout', 'the poverty rate', 'youth unemployment', 'the literacy rate', 'support for the party'];
const COUNTED = [
  ['protesters', 'arrested', 'detained'], ['homes', 'destroyed', 'wrecked'], ['schools', 'built', 'opened'], ['teachers', 'hired', 'recruited'],
  ['vaccine doses', 'delivered', 'shipped'], ['jobs', 'created', 'added'], ['migrants', 'rescued', 'saved'], ['cases', 'recorded', 'reported'],
] as const;
const STATEMENT_VERBS = ['banned', 'approved', 'rejected', 'announced', 'postponed', 'suspended', 'expanded', 'cancelled'];
const STATEMENT_OBJECTS = ['diesel cars in the old town', 'a new tax on sugar', 'the mining licence', 'the ceasefire talks', 'night flights',
  'the sale of the state airline', 'a curfew', 'the wage freeze', 'fishing in the bay', 'the border crossing', 'the vaccine mandate'];
const CURRENCIES = [['$', 'USD', 'dollars'], ['€', 'EUR', 'euros'], ['£', 'GBP', 'pounds']] as const;
const SCALES = [['million', 1e6, 'm'], ['billion', 1e9, 'bn']] as const;

type Category = 'troop_count' | 'casualties' | 'displacement' | 'money' | 'percentage' | 'quantity_other' | 'statement';
interface Spec {
  category: Category;
  actor: string; // a made-up country/region adjective or name
  place: string;
  agency: string;
  speaker: string;
  year: number | null;
  /** Figure: value, unit, qualifier, and the parts to print it. */
  value: number;
  qualifier: 'exact' | 'approximate' | 'lower_bound';
  unit: string | null;
  currency?: (typeof CURRENCIES)[number];
  scale?: (typeof SCALES)[number];
  mantissa?: number;
  counted?: (typeof COUNTED)[number];
  event: string;
  project: string;
  indicator: string;
  verb: string;
  object: string;
  wounded: boolean;
}

function specOf(i: number): Spec {
  const r = prng(i * 2654435761 + 17);
  const numberless = r() < 0.3;
  const category: Category = numberless ? 'statement'
    : pick(r, ['troop_count', 'casualties', 'casualties', 'displacement', 'money', 'money', 'percentage', 'percentage', 'quantity_other', 'quantity_other'] as const);
  const round = (v: number) => (v >= 1000 ? Math.round(v / 100) * 100 : Math.round(v));
  const count = () => round(Math.exp(3 + r() * 9)); // 20 … 160,000, log-uniform
  const spec: Spec = {
    category,
    actor: zipfName(r),
    place: zipfName(r),
    agency: pick(r, AGENCIES),
    speaker: pick(r, SPEAKERS),
    year: r() < 0.6 ? 2005 + Math.floor(r() * 21) : null,
    value: 0,
    qualifier: pick(r, ['exact', 'exact', 'approximate', 'lower_bound'] as const),
    unit: null,
    event: pick(r, EVENTS),
    project: pick(r, PROJECTS),
    indicator: pick(r, INDICATORS),
    verb: pick(r, STATEMENT_VERBS),
    object: pick(r, STATEMENT_OBJECTS),
    wounded: r() < 0.3,
  };
  switch (category) {
    case 'troop_count': spec.value = count(); spec.unit = 'troops'; break;
    case 'casualties': spec.value = count(); spec.unit = spec.wounded ? 'wounded' : 'killed'; break;
    case 'displacement': spec.value = count(); spec.unit = 'displaced'; break;
    case 'money':
      spec.currency = pick(r, CURRENCIES);
      spec.scale = pick(r, SCALES);
      spec.mantissa = Math.round((1 + r() * 99) * (r() < 0.5 ? 1 : 10)) / 10;
      spec.value = Math.round(spec.mantissa * spec.scale[1]);
      spec.unit = spec.currency[1];
      spec.qualifier = spec.qualifier === 'lower_bound' ? 'exact' : spec.qualifier;
      break;
    case 'percentage': spec.value = Math.round(r() * 600) / 10; spec.unit = 'percent'; break;
    case 'quantity_other': spec.counted = pick(r, COUNTED); spec.value = count(); spec.unit = spec.counted[0]; break;
    case 'statement': break;
  }
  return spec;
}

const fmtCount = (v: number) => v.toLocaleString('en-US');
const HEDGE = { exact: '', approximate: 'about ', lower_bound: 'more than ' } as const;
const HEDGE_ALT = { exact: '', approximate: 'roughly ', lower_bound: 'over ' } as const;

/** The figure as printed, and its text for quantity_text. */
function figure(s: Spec, alt: boolean): string {
  const hedge = (alt ? HEDGE_ALT : HEDGE)[s.qualifier];
  if (s.category === 'money') {
    const [sym] = s.currency!;
    const [scaleWord, , short] = s.scale!;
    // "$4.5 billion" stored, "$4.5bn" posted.
    return hedge + (alt ? `${sym}${s.mantissa}${short}` : `${sym}${s.mantissa} ${scaleWord}`);
  }
  if (s.category === 'percentage') return hedge + (alt ? `${s.value} percent` : `${s.value}%`);
  return hedge + fmtCount(s.value);
}

/** A stored claim (style 0) or a post that says the same thing in other words (style 1). */
function render(s: Spec, paraphrase: boolean): { text: string; quantityText: string | null } {
  const yr = s.year ? ` in ${s.year}` : '';
  const fig = figure(s, paraphrase);
  const who = `the ${s.actor} ${s.agency}`;
  let text: string;
  let quantityText: string | null = fig;
  switch (s.category) {
    case 'troop_count':
      text = paraphrase ? `${s.actor} has ${fig} soldiers massed near ${s.place}${yr}, says ${s.speaker}`
        : `${cap(s.speaker)} said ${s.actor} had moved ${fig} troops to the border near ${s.place}${yr}.`;
      quantityText = `${fig} ${paraphrase ? 'soldiers' : 'troops'}`;
      break;
    case 'casualties':
      text = paraphrase ? `${cap(fig)} people ${s.wounded ? 'injured' : 'dead'} after ${s.event} hit ${s.place}${yr}`
        : `${cap(fig)} people were ${s.wounded ? 'wounded' : 'killed'} in ${s.event} in ${s.place}${yr}, ${s.speaker} said.`;
      quantityText = `${fig} people`;
      break;
    case 'displacement':
      text = paraphrase ? `${s.place}: ${fig} residents displaced by ${s.event}${yr}`
        : `${cap(fig)} residents fled their homes in ${s.place} after ${s.event}${yr}.`;
      quantityText = `${fig} residents`;
      break;
    case 'money':
      text = paraphrase ? `${cap(who)} is putting ${fig} into ${s.project} in ${s.place}${yr}`
        : `${cap(who)} will spend ${fig} on ${s.project} in ${s.place}${yr}.`;
      break;
    case 'percentage':
      text = paraphrase ? `${cap(s.indicator)} in ${s.place} hit ${fig}${yr} according to ${who}`
        : `${cap(s.indicator)} in ${s.place} rose to ${fig}${yr}, ${who} said.`;
      break;
    case 'quantity_other': {
      const [thing, verb, alt] = s.counted!;
      text = paraphrase ? `${s.place}: ${who} ${alt} ${fig} ${thing}${yr}`
        : `${cap(who)} ${verb} ${fig} ${thing} in ${s.place}${yr}.`;
      quantityText = `${fig} ${thing}`;
      break;
    }
    case 'statement':
      text = paraphrase ? `So ${who} has ${s.verb} ${s.object} in ${s.place}${yr}??`
        : `${cap(who)} ${s.verb} ${s.object} in ${s.place}${yr}.`;
      quantityText = null;
      break;
  }
  return { text, quantityText };
}
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The row of claim i as the extractor would have stored it. */
function claimRow(i: number) {
  const s = specOf(i);
  const { text, quantityText } = render(s, false);
  const r = prng(i * 97 + 5);
  const at = quantityText ? text.indexOf(quantityText) : -1;
  const hasFigure = s.category !== 'statement';
  const low = hasFigure && s.qualifier === 'lower_bound' ? s.value : null;
  const statusDraw = r();
  return {
    text,
    category: s.category,
    quantityText: hasFigure ? quantityText : null,
    quantityStart: hasFigure && at >= 0 ? at : null,
    quantityEnd: hasFigure && at >= 0 ? at + quantityText!.length : null,
    value: hasFigure && low === null ? s.value : null,
    low,
    unit: hasFigure ? s.unit : null,
    qualifier: hasFigure ? s.qualifier : null,
    subject: s.category === 'money' || s.category === 'quantity_other' || s.category === 'statement' ? `The ${s.actor} ${s.agency}` : s.category === 'troop_count' ? s.actor : null,
    location: s.place,
    speaker: s.category === 'troop_count' || s.category === 'casualties' || s.category === 'percentage' ? s.speaker : null,
    timeRef: s.year ? JSON.stringify({ text: `in ${s.year}`, from: `${s.year}-01-01`, to: `${s.year}-12-31` }) : null,
    checkworthiness: Math.round((0.3 + r() * 0.65) * 100) / 100,
    status: statusDraw < 0.15 ? 'published' : statusDraw < 0.7 ? 'queued' : statusDraw < 0.85 ? 'in_review' : 'dismissed',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Database

export async function openDb(): Promise<DataSource> {
  const [{ migrate }, { dataSourceOptions }] = await Promise.all([import('../src/database/migrate.js'), import('../src/database/options.js')]);
  await migrate(DB_URL, () => undefined);
  const options = dataSourceOptions(DB_URL);
  const ds = new DataSource({ ...options, extra: { ...(options as { extra?: object }).extra, max: POOL } } as typeof options);
  await ds.initialize();
  return ds;
}

/** Tops the database up to WANTED claims (5 per article); returns seconds spent, or null when nothing was needed. */
export async function fill(db: DataSource): Promise<{ seconds: number; added: number } | null> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM claims`);
  if (n >= WANTED) return null;
  const start = Math.ceil(n / CLAIMS_PER_ARTICLE) * CLAIMS_PER_ARTICLE; // whole articles only
  const t0 = performance.now();
  for (let from = start; from < WANTED; from += BATCH) {
    const to = Math.min(WANTED, from + BATCH);
    const articles: { id: string; title: string; text: string; hash: string; publishedAt: string }[] = [];
    const claims: (ReturnType<typeof claimRow> & { articleId: string; ordinal: number; start: number; end: number })[] = [];
    for (let a = from; a < to; a += CLAIMS_PER_ARTICLE) {
      const id = randomUUID();
      const parts: string[] = [];
      let offset = 0;
      for (let i = a; i < Math.min(to, a + CLAIMS_PER_ARTICLE); i++) {
        const row = claimRow(i);
        claims.push({
          ...row, articleId: id, ordinal: i - a, start: offset, end: offset + row.text.length,
          quantityStart: row.quantityStart === null ? null : row.quantityStart + offset,
          quantityEnd: row.quantityEnd === null ? null : row.quantityEnd + offset,
        });
        parts.push(row.text);
        offset += row.text.length + 1;
      }
      const r = prng(a + 3);
      const text = parts.join(' ');
      articles.push({
        id, title: `Bench article ${a / CLAIMS_PER_ARTICLE}`, text,
        // Unique per article index, so a claim is found again by (text_hash, ordinal).
        hash: `bench-${a / CLAIMS_PER_ARTICLE}`,
        publishedAt: new Date(Date.UTC(2012, 0, 1) + r() * 14 * 365 * 86_400_000).toISOString(),
      });
    }
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO articles (id, title, text, text_hash, status, language, published_at, extracted_at, extractor_version)
         SELECT id, title, text, hash, 'extracted', 'en', published_at, now(), 'bench'
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS x(id, title, text, hash, published_at)`,
        [articles.map((a) => a.id), articles.map((a) => a.title), articles.map((a) => a.text), articles.map((a) => a.hash), articles.map((a) => a.publishedAt)],
      );
      const col = <K extends keyof (typeof claims)[number]>(k: K) => claims.map((c) => c[k]);
      await tx.query(
        `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, category, quantity_text, quantity_start, quantity_end,
                             quantity_value, quantity_low, unit, qualifier, subject, location, speaker, time_ref, checkworthiness, status)
         SELECT article_id, ordinal, text, s, e, category, qt, qs, qe, v, lo, unit, qualifier, subject, location, speaker, time_ref::jsonb, cw, status
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::int[], $9::int[], $10::float8[],
                       $11::float8[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::real[], $19::text[])
                AS x(article_id, ordinal, text, s, e, category, qt, qs, qe, v, lo, unit, qualifier, subject, location, speaker, time_ref, cw, status)`,
        [col('articleId'), col('ordinal'), col('text'), col('start'), col('end'), col('category'), col('quantityText'), col('quantityStart'),
          col('quantityEnd'), col('value'), col('low'), col('unit'), col('qualifier'), col('subject'), col('location'), col('speaker'),
          col('timeRef'), col('checkworthiness'), col('status')],
      );
    });
    if ((to / BATCH) % 10 === 0 || to === WANTED) {
      const s = (performance.now() - t0) / 1000;
      console.error(`  filled ${to.toLocaleString('en-US')} claims, ${s.toFixed(0)} s (${Math.round((to - start) / s)} claims/s)`);
    }
  }
  const inserted = performance.now();
  await db.query(`VACUUM ANALYZE articles`);
  await db.query(`VACUUM ANALYZE claims`);
  console.error(`  VACUUM ANALYZE ${((performance.now() - inserted) / 1000).toFixed(0)} s`);
  return { seconds: (performance.now() - t0) / 1000, added: WANTED - start };
}

// ---------------------------------------------------------------------------------------------------------------
// Posts: paraphrases of stored claims (with and without figures), and some about things never stored.

export interface Post { text: string; source: number | null }
export function posts(stored: number): Post[] {
  const r = prng(12345);
  const out: Post[] = [];
  for (let k = 0; k < POSTS; k++) {
    if (r() < 0.2) {
      // Not in the database: a claim index past the stored ones.
      out.push({ text: render(specOf(stored + 1_000_000 + k), true).text, source: null });
    } else {
      const i = Math.floor(r() * stored);
      const prefix = pick(r, ['', '', 'BREAKING: ', 'Is it true that ', 'Thread: ', 'Wow. ']);
      const suffix = pick(r, ['', '', ' #news', ' Source?', ' 🤔']);
      out.push({ text: prefix + render(specOf(i), true).text + suffix, source: i });
    }
  }
  return out;
}

/**
 * CPU spent so far, ms: this process (process.cpuUsage) and the Postgres backends serving this database (their
 * /proc/<pid>/stat, so only when Postgres runs on this machine; null otherwise). Wall time on a shared machine says
 * little; the CPU a request costs says what one machine can serve.
 */
async function cpuNow(db: DataSource): Promise<{ node: number; postgres: number | null }> {
  const u = process.cpuUsage();
  let postgres: number | null = null;
  try {
    const { readFileSync } = await import('node:fs');
    const pids: { pid: number }[] = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
    const tick = 1000 / 100; // USER_HZ
    postgres = 0;
    for (const { pid } of pids) {
      try {
        // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        postgres += (Number(f[11]) + Number(f[12])) * tick;
      } catch {
        // Ended meanwhile.
      }
    }
  } catch {
    postgres = null;
  }
  return { node: (u.user + u.system) / 1000, postgres };
}
const cpuPerRequest = (a: { node: number; postgres: number | null }, b: { node: number; postgres: number | null }, n: number) =>
  `Node ${r1((b.node - a.node) / n)}` + (a.postgres === null || b.postgres === null ? '' : `, Postgres ${r1((b.postgres - a.postgres) / n)}`);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};
const r1 = (x: number) => Math.round(x * 10) / 10;

type SqlTimes = { sql: number; candidatesSql: number; candidates: number; lastCandidate: null | { sql: string; params: unknown[] } };
/** The request being timed (sequential part): the pool's own queries (preparedRows) are counted into it too. */
let timing: SqlTimes | null = null;
const countQuery = (t: SqlTimes, sql: string, params: unknown[] | undefined, ms: number, res: unknown) => {
  t.sql += ms;
  if (sql.includes('CROSS JOIN LATERAL') || sql.includes('words AS') || sql.includes('/* index candidates */')) {
    t.candidatesSql += ms;
    t.candidates += Array.isArray(res) ? res.length : 0;
    t.lastCandidate = { sql, params: params ?? [] };
  }
};

/** Times the statements sent straight to the pool (preparedRows, src/database/sql.ts) into `timing`. Once per DataSource. */
function timePool(ds: DataSource): void {
  const pool = (ds.driver as unknown as { master: { query: (config: { text: string; values?: unknown[] }) => Promise<{ rows: unknown[] }> } }).master;
  const query = pool.query.bind(pool);
  pool.query = async (config) => {
    const t = timing;
    const t0 = performance.now();
    const res = await query(config);
    if (t && typeof config === 'object') countQuery(t, config.text, config.values, performance.now() - t0, res.rows);
    return res;
  };
}

/** `db.query` with the time spent in it counted, and the candidate query's SQL kept for EXPLAIN. */
function timedDb(ds: DataSource) {
  const t: SqlTimes = { sql: 0, candidatesSql: 0, candidates: 0, lastCandidate: null };
  // Still the DataSource (so preparedRows prepares its statements as in the application), its query() timed.
  const proxy = Object.create(ds) as DataSource;
  proxy.query = (async (sql: string, params?: unknown[]) => {
    const t0 = performance.now();
    const res: unknown = await ds.query(sql, params);
    countQuery(t, sql, params, performance.now() - t0, res);
    return res;
  }) as DataSource['query'];
  timing = t;
  return { proxy, t };
}

const matchingScale: Benchmark = {
  name: 'matching-scale',
  description: `claim matching (issue 12) against ${WANTED.toLocaleString('en-US')} synthetic claims: ClaimMatcher.find(queriesOf(post)), sequential and concurrent`,
  async run(): Promise<BenchResult> {
    const db = await openDb();
    try {
      const filled = await fill(db);
      if (FILL_ONLY) return { name: this.name, metrics: { 'fill s': filled ? r1(filled.seconds) : 'already filled', 'claims added': filled?.added ?? 0 } };
      const [{ claims, published, numbered }] = await db.query(
        `SELECT count(*)::int AS claims, count(*) FILTER (WHERE status = 'published')::int AS published,
                count(*) FILTER (WHERE quantity_min IS NOT NULL)::int AS numbered FROM claims`,
      );
      const [{ size }] = await db.query(`SELECT pg_size_pretty(pg_total_relation_size('claims')) AS size`);
      const [{ ClaimMatcher }, { TermWeights }, { queriesOf }, { ReadScope }, { MatchIndex }, { DEFAULT_LIMITS }] = await Promise.all([
        import('../src/matching/claim-matcher.js'), import('../src/matching/term-weights.js'),
        import('../src/matching/matching.service.js'), import('../src/auth/read-scope.js'), import('../src/matching/match-index.js'),
        import('../src/matching/term-index.js'),
      ]);
      // The API's in-memory index, loaded as at boot; its time and the process's memory after it.
      const memory = () => {
        (globalThis as { gc?: () => void }).gc?.();
        const m = process.memoryUsage();
        return `RSS ${Math.round(m.rss / 2 ** 20)} MB, heap ${Math.round(m.heapUsed / 2 ** 20)} MB, array buffers ${Math.round(m.arrayBuffers / 2 ** 20)} MB`;
      };
      const memoryBefore = memory();
      const index = process.env.BENCH_MATCHING_INDEX === '0' ? undefined : new MatchIndex(db);
      if (index) index.limits = { ...DEFAULT_LIMITS, ...JSON.parse(process.env.BENCH_MATCHING_INDEX_LIMITS ?? '{}') };
      const loadStart = performance.now();
      await index?.load();
      const loadSeconds = (performance.now() - loadStart) / 1000;
      const memoryAfter = memory();
      const matcher = new ClaimMatcher(db, new TermWeights(), index);
      const all = posts(Math.min(claims, WANTED));
      // The stored twin of each paraphrased post: (article, ordinal) → its id and text.
      const sources = [...new Set(all.map((p) => p.source).filter((s): s is number => s !== null))];
      const found: { i: number; id: string; text: string }[] = await db.query(
        `SELECT x.i, c.id, c.text FROM unnest($1::int[], $2::text[], $3::int[]) AS x(i, hash, ordinal)
           JOIN articles a ON a.text_hash = x.hash
           JOIN claims c ON c.article_id = a.id AND c.ordinal = x.ordinal`,
        [sources, sources.map((i) => `bench-${Math.floor(i / CLAIMS_PER_ARTICLE)}`), sources.map((i) => i % CLAIMS_PER_ARTICLE)],
      );
      const twin = new Map(found.map((f) => [f.i, f]));

      // Staff scope, as the desk calls it (every status); the top 10 per request, as the API returns.
      const request = async (text: string, via: DataSource) => {
        const t0 = performance.now();
        const queries = queriesOf(text);
        const t1 = performance.now();
        const matches = await matcher.find(queries, { scope: ReadScope.STAFF }, via);
        const best = new Map<string, number>();
        for (const m of matches) if (!best.has(m.claimId)) best.set(m.claimId, m.score);
        return { ms: performance.now() - t0, extractMs: t1 - t0, queries: queries.length, top: [...best.keys()].slice(0, 10) };
      };

      // Warm-up: the statistics read, the plan cache, the first pages of the indexes.
      for (const p of all.slice(0, WARMUP)) await request(p.text, db);

      // (a) Sequential.
      // The pool's connections are all open after the warm-up: their backends' CPU is read before and after.
      const cpuSeq0 = await cpuNow(db);
      const total: number[] = [];
      const extract: number[] = [];
      const sql: number[] = [];
      const candSql: number[] = [];
      const rest: number[] = [];
      const inMemory: number[] = [];
      let candidates = 0;
      let queryClaims = 0;
      let hits = 0;
      let withSource = 0;
      let falseHits = 0;
      timePool(db);
      for (const [k, p] of all.entries()) {
        const { proxy, t } = timedDb(db);
        const res = await request(p.text, proxy);
        total.push(res.ms);
        extract.push(res.extractMs);
        sql.push(t.sql);
        candSql.push(t.candidatesSql);
        rest.push(res.ms - res.extractMs - t.sql);
        if (index) inMemory.push(index.lastCandidatesMs);
        candidates += t.candidates;
        queryClaims += res.queries;
        if (p.source !== null && twin.has(p.source)) {
          withSource++;
          if (res.top.includes(twin.get(p.source)!.id)) hits++;
          else if (process.env.BENCH_MATCHING_SHOW_MISSES) console.error(`  missed: ${p.text}\n     stored: ${twin.get(p.source)!.text}`);
        } else if (p.source === null && res.top.length > 0) falseHits++;
        if (process.env.BENCH_MATCHING_SHOW_SLOW && res.ms > Number(process.env.BENCH_MATCHING_SHOW_SLOW)) {
          console.error(`  slow: ${r1(res.ms)} ms (SQL ${r1(t.sql)}), ${t.candidates} candidates: ${p.text}`);
        }
        if (k < EXPLAIN && t.lastCandidate) {
          const plan: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${t.lastCandidate.sql}`, t.lastCandidate.params);
          console.error(`\n--- EXPLAIN for post ${k}: ${p.text}\n${plan.map((l) => l['QUERY PLAN']).join('\n')}`);
        }
      }

      timing = null;
      const cpuSeq1 = await cpuNow(db);
      // (b) Concurrent: `c` requests in flight for SECONDS each.
      const concurrent: Record<string, number | string> = {};
      for (const c of CONCURRENCY) {
        const lat: number[] = [];
        let next = 0;
        let errors = 0;
        const until = performance.now() + SECONDS * 1000;
        const t0 = performance.now();
        const cpu0 = await cpuNow(db);
        await Promise.all(Array.from({ length: c }, async () => {
          while (performance.now() < until) {
            const p = all[next++ % all.length];
            const s = performance.now();
            try {
              await request(p.text, db);
              lat.push(performance.now() - s);
            } catch {
              errors++;
            }
          }
        }));
        const elapsed = (performance.now() - t0) / 1000;
        concurrent[`concurrency ${c}: CPU ms per request`] = cpuPerRequest(cpu0, await cpuNow(db), lat.length + errors);
        concurrent[`concurrency ${c}: requests/s`] = r1(lat.length / elapsed);
        concurrent[`concurrency ${c}: p50 / p95 ms`] = `${r1(pct(lat, 0.5))} / ${r1(pct(lat, 0.95))}`;
        if (errors) concurrent[`concurrency ${c}: errors`] = errors;
      }

      return {
        name: this.name,
        metrics: {
          'claims stored': claims,
          'published / with a figure': `${published} / ${numbered}`,
          'claims table + indexes': size,
          'fill s (this run)': filled ? `${r1(filled.seconds)} for ${filled.added.toLocaleString('en-US')} claims (${Math.round(filled.added / filled.seconds)}/s)` : 'already filled',
          posts: all.length,
          'query claims per post (extractor)': r1(queryClaims / all.length),
          'candidates per post': r1(candidates / all.length),
          'sequential p50 / p95 / p99 ms': `${r1(pct(total, 0.5))} / ${r1(pct(total, 0.95))} / ${r1(pct(total, 0.99))}`,
          '  extractor (queriesOf) p50 / p95 ms': `${r1(pct(extract, 0.5))} / ${r1(pct(extract, 0.95))}`,
          '  SQL, all round trips p50 / p95 / p99 ms': `${r1(pct(sql, 0.5))} / ${r1(pct(sql, 0.95))} / ${r1(pct(sql, 0.99))}`,
          '  SQL, candidate query p50 / p95 ms': `${r1(pct(candSql, 0.5))} / ${r1(pct(candSql, 0.95))}`,
          '  ranking and the rest p50 / p95 ms': `${r1(pct(rest, 0.5))} / ${r1(pct(rest, 0.95))}`,
          ...(index ? { '    of which the index\'s candidates p50 / p95 ms': `${r1(pct(inMemory, 0.5))} / ${r1(pct(inMemory, 0.95))}` } : {}),
          'sequential requests/s': r1(1000 / (total.reduce((a, b) => a + b, 0) / total.length)),
          'sequential: CPU ms per request': cpuPerRequest(cpuSeq0, cpuSeq1, total.length),
          'paraphrase: stored claim in top 10': `${hits}/${withSource} (${r1((100 * hits) / Math.max(1, withSource))} %)`,
          'post about nothing stored: any match': `${falseHits}/${all.filter((p) => p.source === null).length}`,
          ...concurrent,
          'pool size': POOL,
          candidates: index ? `in-memory index, limits ${JSON.stringify(index.limits)}` : 'SQL retrieval (BENCH_MATCHING_INDEX=0)',
          ...(index ? {
            'index load s': r1(loadSeconds),
            'index: claims / terms / postings': `${index.stats()!.claims} / ${index.stats()!.terms} / ${index.stats()!.postings}`,
            'memory before the index': memoryBefore,
            'memory after the index': memoryAfter,
            // (with the ranker's remembered readings and candidate claims: ClaimMatcher's searchCandidates, remembered.ts)
            'memory at the end': memory(),
            'requests answered by the index': index.served,
          } : {}),
        },
      };
    } finally {
      await db.destroy();
    }
  },
};

export const benchmarks: Benchmark[] = [matchingScale];
