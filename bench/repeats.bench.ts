/**
 * Extraction's repeat matching alone (ClaimMatcher.findRepeats), in this process: the hot-paths template (200 base
 * articles, ~74 claims each, every fifth claim published; the first BENCH_REPEATS_ARTICLES of them), each article's claims matched against the other articles'
 * published claims as extraction matches a new article's, with the candidates from SQL (MATCH_INDEX=false) and from the
 * worker's in-memory published figures (PublishedFigureIndex). One warm-up pass (the remembered candidates filled, as
 * in a worker that has run a while), then BENCH_REPEATS_PASSES (5) passes with new query objects each (each query
 * claim is read anew, as a new article's are); reported per article: the median pass's Node CPU (process.cpuUsage, all
 * threads) and wall time, and the links written (each claim's first match, as extraction takes it; with a hash of them, seqs for ids) (the SQL takes the 100 claims stating a common figure in no order, the
 * in-memory copy the newest 100: ties may link differently).
 *
 * Env: BENCH_REPEATS_MODES (sql,memory), BENCH_REPEATS_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/claimcheck_bench_repeats; a database
 * <name>_tpl is built and dropped), BENCH_REPEATS_ARTICLES (120 queried articles), BENCH_REPEATS_KEEP=1 keeps it.
 */
import { createHash } from 'node:crypto';
import { env } from 'node:process';
import { DataSource } from 'typeorm';
import { ClaimMatcher } from '../src/matching/claim-matcher.js';
import type { MatchableClaim } from '../src/matching/matchable.js';
import { PublishedFigureIndex } from '../src/matching/published-figure-index.js';
import { TermWeights } from '../src/matching/term-weights.js';
import { buildTemplate, databaseName, databaseUrl, dropDatabase } from './hot-paths/dataset.js';
// (types only from run.js: it imports this file while its own top-level await runs)
import type { Benchmark } from './run.js';

const BASE_URL = env.BENCH_REPEATS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_bench_repeats';
const ARTICLES = Number(env.BENCH_REPEATS_ARTICLES ?? 120);
const PASSES = Number(env.BENCH_REPEATS_PASSES ?? 5);
/** Which candidate sources to measure (sql, memory). */
const MODES = (env.BENCH_REPEATS_MODES ?? 'sql,memory').split(',').map((m) => m.trim()) as Array<'sql' | 'memory'>;
/** Claims per findRepeats call, as extraction batches them (MATCH_BATCH). */
const BATCH = 50;

interface Row {
  article_id: string;
  id: string;
  text: string;
  category: MatchableClaim['category'];
  quantity_text: string | null;
  quantity_value: number | null;
  quantity_low: number | null;
  quantity_high: number | null;
  unit: string | null;
  qualifier: NonNullable<MatchableClaim['quantity']>['qualifier'];
  subject: string | null;
  location: string | null;
  speaker: string | null;
  time_ref: MatchableClaim['timeRef'];
  terms: string[];
  published_at: Date | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const repeats: Benchmark = {
  name: 'repeats',
  description: "extraction's repeat matching (findRepeats) per article: candidates from SQL and from the worker's published figures",
  async run() {
    const template = `${databaseName(BASE_URL)}_tpl`;
    const built = await buildTemplate(BASE_URL, template, { baseArticles: 200, editors: 1, seed: 2 });
    const db = new DataSource({ type: 'postgres', url: databaseUrl(BASE_URL, template) });
    await db.initialize();
    try {
      const rows: Row[] = await db.query(
        `SELECT c.article_id, c.id, c.text, c.category, c.quantity_text, c.quantity_value, c.quantity_low, c.quantity_high, c.unit,
                c.qualifier, c.subject, c.location, c.speaker, c.time_ref, array_to_json(tsvector_to_array(c.match_terms)) AS terms, a.published_at
           FROM claims c JOIN articles a ON a.id = c.article_id
          WHERE c.article_id IN (SELECT article_id FROM claims GROUP BY article_id ORDER BY min(seq) LIMIT $1)
          ORDER BY c.article_id, c.ordinal`, [ARTICLES]);
      const byArticle = new Map<string, Row[]>();
      for (const r of rows) byArticle.set(r.article_id, [...(byArticle.get(r.article_id) ?? []), r]);
      const queryOf = (r: Row) => ({
        id: r.id, text: r.text, category: r.category, subject: r.subject, location: r.location, speaker: r.speaker, timeRef: r.time_ref,
        terms: r.terms, publishedAt: r.published_at?.toISOString() ?? null,
        quantity: r.quantity_text === null ? null : { text: r.quantity_text, value: r.quantity_value, low: r.quantity_low, high: r.quantity_high, unit: r.unit, qualifier: r.qualifier },
      });
      // (links named by seq, which the template's build gives in the same order every time: ids are new each build)
      const seqOf = new Map((await db.query(`SELECT id, seq::text FROM claims`) as Array<{ id: string; seq: string }>).map((r) => [r.id, r.seq]));
      const metrics: Record<string, number | string> = { 'published claims': built.published, articles: byArticle.size };
      for (const mode of MODES) {
        const published = mode === 'memory' ? new PublishedFigureIndex(db) : undefined;
        await published?.loaded();
        const matcher = new ClaimMatcher(db, new TermWeights(), undefined, published);
        const pass = async () => {
          const links: string[] = [];
          const cpu0 = process.cpuUsage();
          const t0 = performance.now();
          for (const [articleId, claims] of byArticle) {
            const queries = claims.map(queryOf);
            for (let i = 0; i < queries.length; i += BATCH) {
              // (the link each claim gets, as extraction takes it: the first match of the claim)
              const linked = new Set<number>();
              for (const m of await matcher.findRepeats(queries.slice(i, i + BATCH), articleId)) {
                if (linked.has(m.query)) continue;
                linked.add(m.query);
                links.push(`${seqOf.get(queries[i + m.query].id)}>${seqOf.get(m.claimId)}:${m.score}:${m.reasons.join(',')}`);
              }
            }
          }
          const cpu = process.cpuUsage(cpu0);
          return { cpu: (cpu.user + cpu.system) / 1000 / byArticle.size, wall: (performance.now() - t0) / byArticle.size, links };
        };
        await pass();
        const runs = [];
        for (let i = 0; i < PASSES; i++) runs.push(await pass());
        metrics[`${mode}: Node CPU ms/article (median pass)`] = +median(runs.map((r) => r.cpu)).toFixed(2);
        metrics[`${mode}: wall ms/article (median pass)`] = +median(runs.map((r) => r.wall)).toFixed(2);
        metrics[`${mode}: links`] = runs[0].links.length;
        // (the links themselves, to tell a change that keeps their number from one that keeps them)
        metrics[`${mode}: links hash`] = createHash('sha256').update([...runs[0].links].sort().join('\n')).digest('hex').slice(0, 16);
      }
      return { name: this.name, metrics };
    } finally {
      await db.destroy();
      if (env.BENCH_REPEATS_KEEP !== '1') await dropDatabase(BASE_URL, template);
    }
  },
};

export const benchmarks: Benchmark[] = [repeats];
