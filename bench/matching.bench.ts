/**
 * Matching benchmark (issue 12): the labelled set in test/fixtures/matching (ClaimReview fact-checks and short
 * posts/headlines) through the real matcher (MatchingService.match, publishedOnly, limit 5) on a database of its own,
 * and through a plain BM25 baseline over the same fact-check texts in the same process.
 *
 *   npm run bench matching              (with the other benchmarks: npm run bench)
 *   node dist/bench/matching.bench.js [--verbose] [--explain]
 *     --verbose lists every query whose first answer is wrong; --explain adds, for every expected fact-check missing
 *     from the top 5 and every wrong first answer, whether retrieval found it and its score and reasons per query claim.
 *
 * Database: BENCH_MATCHING_DATABASE_URL (default claimcheck_bench_matching), created, migrated and emptied each run.
 * Set: BENCH_MATCHING_SET, a folder under test/fixtures (default matching, the dev set; matching-holdout is the blind
 * holdout, which nothing may be tuned on).
 * Writes bench/results/matching.json (dev set) or bench/results/<set>.json.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { bm25Index } from './matching/bm25.js';
import { fixtureSet } from './matching/fixture-set.js';
import { loadFactChecks, readJsonl, type ClaimReview } from './matching/load-fact-checks.js';
import { computeMetrics, type Answer, type Metrics, type QueryLabel } from './matching/metrics.js';
// Type-only: a value import of run.js would wait on run.js's own top-level await (a cycle).
import type { Benchmark, BenchResult } from './run.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH_DB = process.env.BENCH_MATCHING_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_bench_matching';
const LIMIT = 5;

interface Query extends QueryLabel {
  text: string;
  publishedAt?: string;
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

function table(m: Metrics, b: Metrics): string[] {
  const rows: Array<[string, string, string]> = [
    ['queries (with expected / expected null)', `${m.withExpected} / ${m.expectedNull}`, `${b.withExpected} / ${b.expectedNull}`],
    ['recall@1 (first answer right)', pct(m.recallAt1), pct(b.recallAt1)],
    ['recall@5 (answers and related lists)', pct(m.recallAt5), pct(b.recallAt5)],
    ['recall@5, answers only', pct(m.recallAt5Answered), pct(b.recallAt5Answered)],
    ['first answer right, when it answers', pct(m.firstAnswerPrecision), pct(b.firstAnswerPrecision)],
    ['answer rate (all queries)', `${pct(m.answerRate)} (${m.answered})`, `${pct(b.answerRate)} (${b.answered})`],
    ['expected-null queries answered', `${m.nullAnswered} / ${m.expectedNull}`, `${b.nullAnswered} / ${b.expectedNull}`],
    [`recall@5, same-number pairs (${m.sameNumber.withExpected})`, pct(m.sameNumber.recallAt5), pct(b.sameNumber.recallAt5)],
    ['a contradicting fact-check first, answers', String(m.contradictsFirst), String(b.contradictsFirst)],
    ['the same, any list (related lists too)', String(m.contradictsFirstListed), String(b.contradictsFirstListed)],
  ];
  const lines = [`  ${'metric'.padEnd(44)} ${'matcher'.padStart(14)} ${'BM25'.padStart(14)}`];
  for (const [k, x, y] of rows) lines.push(`  ${k.padEnd(44)} ${x.padStart(14)} ${y.padStart(14)}`);
  lines.push('', `  recall@5 per tag (n with expected; expected-null queries answered)`);
  for (const [t, s] of Object.entries(m.perTag)) {
    const o = b.perTag[t];
    const n = s.expectedNull ? `${s.withExpected}; null ${s.expectedNull}` : `${s.withExpected}`;
    const mx = `${pct(s.recallAt5)}${s.expectedNull ? ` ${s.nullAnswered}/${s.expectedNull}` : ''}`;
    const bx = `${pct(o.recallAt5)}${o.expectedNull ? ` ${o.nullAnswered}/${o.expectedNull}` : ''}`;
    lines.push(`  ${`${t} (${n})`.padEnd(44)} ${mx.padStart(14)} ${bx.padStart(14)}`);
  }
  return lines;
}

export async function runMatchingBench(verbose = false, explain = false): Promise<{ matcher: Metrics; bm25: Metrics; lines: string[]; results: string }> {
  // Read here, not at import: a bad value must not break the other benchmarks run.ts loads.
  const { set: SET, dir: FIXTURES } = fixtureSet(ROOT, process.env.BENCH_MATCHING_SET);
  const RESULTS = join(ROOT, 'bench', 'results', `${SET}.json`);
  const facts = readJsonl<ClaimReview>(join(FIXTURES, 'fact-checks.jsonl'));
  const queries = readJsonl<Query>(join(FIXTURES, 'queries.jsonl'));
  const [{ migrate }, { dataSourceOptions }, { ClaimMatcher }, { MatchingService, queriesOf }, { ReadScope }, { TermWeights }, { scoreMatch, figureTerms }, { MatchIndex }] = await Promise.all([
    import('../src/database/migrate.js'), import('../src/database/options.js'), import('../src/matching/claim-matcher.js'),
    import('../src/matching/matching.service.js'), import('../src/auth/read-scope.js'), import('../src/matching/term-weights.js'),
    import('../src/matching/match-score.js'), import('../src/matching/match-index.js'),
  ]);
  await migrate(BENCH_DB, () => undefined);
  const db = new DataSource(dataSourceOptions(BENCH_DB));
  await db.initialize();
  try {
    await db.query(`TRUNCATE claims, articles, audit_events CASCADE`);
    const t0 = performance.now();
    const urlOfClaim = await loadFactChecks(db, join(FIXTURES, 'fact-checks.jsonl'));
    const loadMs = performance.now() - t0;
    const [{ figures }] = await db.query(`SELECT count(*) FILTER (WHERE quantity_text IS NOT NULL)::int AS figures FROM claims`);
    // What autovacuum does after a bulk load on a live desk: the term statistics the matcher weighs words with.
    await db.query(`ANALYZE claims`);

    // The matcher as the endpoint runs it (match() does not use the audit service); a query's publishedAt goes along.
    // With the API's in-memory candidate index (BENCH_MATCHING_INDEX=0: the SQL retrieval), loaded after the import.
    const matchIndex = process.env.BENCH_MATCHING_INDEX === '0' ? undefined : new MatchIndex(db);
    if (matchIndex && process.env.BENCH_MATCHING_INDEX_LIMITS) matchIndex.limits = { ...matchIndex.limits, ...JSON.parse(process.env.BENCH_MATCHING_INDEX_LIMITS) };
    await matchIndex?.load();
    const weights = new TermWeights();
    const matcher = new ClaimMatcher(db, weights, matchIndex);
    const service = new MatchingService(db, matcher, undefined as never);
    const matcherAnswers: Answer[] = [];
    // The ranker's scores of each listed claim, for the results file (how an answer rule would do, offline).
    const scoresOf = new Map<string, number[]>();
    const reasonsOf = new Map<string, string[][]>();
    const times: number[] = [];
    for (const q of queries) {
      const s = performance.now();
      const dto = { text: q.text, limit: LIMIT, publishedOnly: true, ...(q.publishedAt ? { publishedAt: q.publishedAt } : {}) };
      const res = await service.match(dto, ReadScope.STAFF);
      times.push(performance.now() - s);
      // The response's list: the answer and the plausible claims after it, then the related ones (with no answer,
      // only those; they count for recall@5, not as an answer).
      const listed = [...res.items, ...res.related];
      matcherAnswers.push({ id: q.id, answered: res.items.length > 0, ranked: listed.map((i) => urlOfClaim.get(i.claim.id) ?? `unknown:${i.claim.id}`) });
      scoresOf.set(q.id, listed.map((i) => i.score));
      reasonsOf.set(q.id, listed.slice(0, 2).map((i) => i.reasons));
    }

    const index = bm25Index(facts.map((f) => ({ id: f.url, text: f.claimReviewed })));
    const bm25Answers: Answer[] = queries.map((q) => ({ id: q.id, ranked: index.search(q.text, LIMIT) }));

    const metrics = computeMetrics(queries, matcherAnswers, LIMIT);
    const bm25 = computeMetrics(queries, bm25Answers, LIMIT);
    const sorted = [...times].sort((a, b) => a - b);
    const lines = [
      `  set test/fixtures/${SET}`,
      `  ${facts.length} fact-checks loaded in ${Math.round(loadMs)} ms (${figures} with a figure from the extractor); ${queries.length} queries`,
      `  candidates from ${matchIndex ? `the in-memory index (${matchIndex.served} of ${queries.length} requests, ${matchIndex.claims} claims held, limits ${JSON.stringify(matchIndex.limits)})` : 'the SQL retrieval (BENCH_MATCHING_INDEX=0)'}`,
      `  matcher latency per query: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(1)} ms`,
      `  BM25: wink-bm25-text-search k1=1.2 b=0.75; lowercase, tokenize0, stop words removed, Porter2 stems; always top ${LIMIT}`,
      '',
      ...table(metrics, bm25),
    ];
    const byId = new Map(queries.map((q) => [q.id, q]));
    const bmById = new Map(bm25Answers.map((a) => [a.id, a.ranked]));
    const firstAnswer = (a: Answer) => (a.answered === false ? null : (a.ranked[0] ?? null));
    const misses = matcherAnswers.filter((a) => firstAnswer(a) !== byId.get(a.id)!.expected).map((a) => {
      const q = byId.get(a.id)!;
      const bm = bmById.get(a.id)!;
      return {
        id: q.id, text: q.text, tags: q.tags, expected: q.expected, matcher: a.ranked, answered: a.answered !== false,
        bm25RankOfExpected: q.expected ? bm.indexOf(q.expected) + 1 || null : null,
        contradictionFirst: firstAnswer(a) !== null && q.contradicts.includes(firstAnswer(a)!),
      };
    });
    if (verbose) {
      lines.push('', `  matcher's misses (${misses.length}): first answer not the expected one ("related:" lists given instead of an answer)`);
      const short = (u: string | null | undefined) => (u ? u.replace('https://factcheck.example/', '') : '∅');
      for (const m of misses) {
        lines.push(`  ${m.id} [${m.tags.join(',')}] ${JSON.stringify(m.text)}`);
        lines.push(`      expected ${short(m.expected)}; matcher ${m.matcher.length ? `${m.answered ? '' : 'related: '}${m.matcher.map(short).join(', ')}` : '∅'}` +
          `${m.contradictionFirst ? ' (CONTRADICTION FIRST)' : ''}; BM25 rank of expected ${m.bm25RankOfExpected ?? '—'}`);
      }
    }
    if (explain) {
      // Why: for the expected fact-check not in the top 5, and for a wrong first answer, retrieval and the ranker's verdict.
      const idOfUrl = new Map([...urlOfClaim].map(([id, url]) => [url, id]));
      const idf = await weights.current(db);
      const short = (u: string | null | undefined) => (u ? u.replace('https://factcheck.example/', '') : '∅');
      const why = async (q: Query, url: string, qs: ReturnType<typeof queriesOf>, found: Set<string>) => {
        const [row] = await db.query(
          `SELECT c.text, c.category, c.quantity_text, c.quantity_value, c.quantity_low, c.quantity_high, c.unit, c.qualifier, c.subject,
                  c.location, c.speaker, c.time_ref, tsvector_to_array(c.match_terms) AS terms, a.published_at
             FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = $1`, [idOfUrl.get(url)]);
        const cand = {
          text: row.text, category: row.category, subject: row.subject, location: row.location, speaker: row.speaker, timeRef: row.time_ref,
          terms: row.terms, publishedAt: row.published_at?.toISOString() ?? null,
          quantity: row.quantity_text === null ? null : { text: row.quantity_text, value: row.quantity_value, low: row.quantity_low, high: row.quantity_high, unit: row.unit, qualifier: row.qualifier },
        };
        // The query's terms as ClaimMatcher.find makes them.
        const scores = await Promise.all(qs.map(async (x) => {
          const [{ terms }] = await db.query(`SELECT tsvector_to_array(match_terms_of($1, ARRAY[$2, $3, $4]::float8[])) AS terms`,
            [x.text, x.quantity?.value ?? null, x.quantity?.low ?? null, x.quantity?.high ?? null]);
          return scoreMatch({ ...x, terms: [...new Set([...terms, ...figureTerms(x.text).slice(0, 8)])] }, cand, idf);
        }));
        const what = (x: { category: string; quantity: { value: number | null; low: number | null; high: number | null; unit: string | null } | null }) =>
          `[${x.category}${x.quantity ? ` ${x.quantity.value ?? `${x.quantity.low}-${x.quantity.high}`} ${x.quantity.unit ?? ''}` : ''}]`;
        // find() leaves out what scores 0: refused by a contradiction (the reason says which), else not retrieved.
        return `${short(url)} ${what(cand)} ${found.has(url) ? 'retrieved' : scores.some((s) => s.score > 0) ? 'NOT RETRIEVED' : 'refused'}; ` +
          qs.map((x, i) => `${what(x)} ${scores[i].score} ${scores[i].reasons.join(' ')}`).join(' | ');
      };
      lines.push('', '  explained (expected not in the top 5, or a wrong first answer):');
      for (const q of queries) {
        const answer = matcherAnswers.find((a) => a.id === q.id)!;
        const ranked = answer.ranked;
        const inTop = q.expected !== null && ranked.includes(q.expected);
        const wrongFirst = firstAnswer(answer) !== null && ranked[0] !== q.expected;
        if (inTop && !wrongFirst) continue;
        if (q.expected === null && !wrongFirst) continue;
        const qs = queriesOf(q.text, q.publishedAt ?? null);
        const found = new Set((await matcher.find(qs, { publishedOnly: true, floor: 1e-9 })).map((f) => urlOfClaim.get(f.claimId)!));
        lines.push(`  ${q.id} ${JSON.stringify(q.text)} → ${ranked.map(short).join(', ') || '∅'}`);
        if (q.expected && !inTop) lines.push(`      expected ${await why(q, q.expected, qs, found)}`);
        if (wrongFirst) lines.push(`      first    ${await why(q, ranked[0], qs, found)}`);
      }
    }
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, JSON.stringify({
      generatedAt: new Date().toISOString(), set: SET, factChecks: facts.length, factChecksWithFigure: figures, queries: queries.length,
      bm25: 'wink-bm25-text-search 3.1 (k1 1.2, b 0.75) + wink-nlp-utils: lowerCase, tokenize0, removeWords, stem (Porter2)',
      matcher: metrics, bm25Metrics: bm25, misses,
      answers: queries.map((q) => {
        const a = matcherAnswers.find((x) => x.id === q.id)!;
        return { id: q.id, matcher: a.answered === false ? [] : a.ranked, related: a.answered === false ? a.ranked : [], scores: scoresOf.get(q.id), reasons: reasonsOf.get(q.id), bm25: bmById.get(q.id) };
      }),
    }, null, 2) + '\n');
    return { matcher: metrics, bm25, lines, results: RESULTS };
  } finally {
    await db.destroy();
  }
}

const matching: Benchmark = {
  name: 'matching',
  description: 'claim matching on a labelled set (test/fixtures/matching, or BENCH_MATCHING_SET): our matcher vs plain BM25, recall@1/@5, first-answer precision',
  async run(): Promise<BenchResult> {
    const { matcher: m, bm25: b, lines } = await runMatchingBench(process.argv.includes('--verbose'), process.argv.includes('--explain'));
    console.log(lines.join('\n'));
    const r = (x: number | null) => (x === null ? '—' : +x.toFixed(3));
    return {
      name: this.name,
      metrics: {
        'matcher recall@1': r(m.recallAt1), 'matcher recall@5': r(m.recallAt5), 'matcher first-answer precision': r(m.firstAnswerPrecision),
        'matcher answer rate': r(m.answerRate), 'matcher recall@5 same-number': r(m.sameNumber.recallAt5), 'matcher contradiction first': m.contradictsFirst,
        'matcher recall@5 answers only': r(m.recallAt5Answered), 'matcher contradiction first, any list': m.contradictsFirstListed,
        'BM25 recall@1': r(b.recallAt1), 'BM25 recall@5': r(b.recallAt5), 'BM25 first-answer precision': r(b.firstAnswerPrecision),
        'BM25 recall@5 same-number': r(b.sameNumber.recallAt5), 'BM25 contradiction first': b.contradictsFirst,
      },
    };
  },
};

export const benchmarks: Benchmark[] = [matching];

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { lines, results } = await runMatchingBench(process.argv.includes('--verbose'), process.argv.includes('--explain'));
  console.log(`## matching — ${matching.description}\n${lines.join('\n')}\n  (written to ${results})`);
}
