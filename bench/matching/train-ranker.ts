/**
 * Fits the matcher's last stage (src/matching/rerank.ts, MATCH_MODEL) on labelled development sets:
 *
 *   npm run build && node dist/bench/matching/train-ranker.js [set ...]     (default: matching matching-dev2)
 *
 * Each set is imported into a database of its own making (BENCH_MATCHING_DATABASE_URL, emptied each run), every query
 * goes through ClaimMatcher.find with no floor, and each (query claim, candidate) becomes a row of features, read back
 * from the result's reasons, labelled 1 when the candidate is the fact-check the query repeats. A logistic regression
 * (Newton's method, L2 penalty; seven weights need no library) is fitted over all rows of all sets, then reported per set
 * at a few answer thresholds, and printed as the TypeScript constant to paste into rerank.ts.
 * The blind holdout (matching-holdout) is refused: it measures the model, it never trains it.
 */
import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import type { RankFeatures, RankModel } from '../../src/matching/rerank.js';
import { fixtureSet } from './fixture-set.js';
import { loadFactChecks, readJsonl } from './load-fact-checks.js';
import type { QueryLabel } from './metrics.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DB = process.env.BENCH_MATCHING_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_bench_matching';
const HOLDOUT = 'matching-holdout';
const KEYS: Array<keyof RankFeatures> = ['pair', 'coverage', 'bm25', 'bm25First', 'sameFigure', 'figureOneSide'];
const L2 = Number(process.env.TRAIN_L2 ?? 1);

interface Row { url: string; x: RankFeatures; y: 0 | 1 }
interface Query extends QueryLabel { text: string; publishedAt?: string }

/** The features rank() computed, from the reasons it gives (pair:, coverage:, bm25:, same_figure, figure_one_side …). */
export function featuresOf(reasons: readonly string[]): RankFeatures {
  const num = (key: string) => Number(reasons.find((r) => r.startsWith(`${key}:`))?.slice(key.length + 1) ?? 0);
  return {
    pair: num('pair'),
    coverage: num('coverage'),
    bm25: num('bm25'),
    bm25First: num('bm25') === 1 ? 1 : 0,
    sameFigure: reasons.some((r) => r.startsWith('same_figure')) ? 1 : 0,
    figureOneSide: reasons.some((r) => r === 'figure_one_side' || r === 'figures_of_other_kinds') ? 1 : 0,
  };
}

async function rowsOf(set: string): Promise<Array<{ q: Query; rows: Row[] }>> {
  const { dir } = fixtureSet(ROOT, set);
  const [{ migrate }, { dataSourceOptions }, { ClaimMatcher }, { queriesOf }, { TermWeights }, { MatchIndex }] = await Promise.all([
    import('../../src/database/migrate.js'), import('../../src/database/options.js'), import('../../src/matching/claim-matcher.js'),
    import('../../src/matching/matching.service.js'), import('../../src/matching/term-weights.js'), import('../../src/matching/match-index.js'),
  ]);
  await migrate(DB, () => undefined);
  const db = new DataSource(dataSourceOptions(DB));
  await db.initialize();
  try {
    await db.query(`TRUNCATE claims, articles, audit_events CASCADE`);
    const urlOf = await loadFactChecks(db, join(dir, 'fact-checks.jsonl'));
    await db.query('ANALYZE claims');
    const index = new MatchIndex(db);
    await index.load();
    const matcher = new ClaimMatcher(db, new TermWeights(), index);
    const out: Array<{ q: Query; rows: Row[] }> = [];
    for (const q of readJsonl<Query>(join(dir, 'queries.jsonl'))) {
      const found = await matcher.find(queriesOf(q.text, q.publishedAt ?? null), { publishedOnly: true, floor: 0 });
      out.push({ q, rows: found.map((f) => ({ url: urlOf.get(f.claimId)!, x: featuresOf(f.reasons), y: urlOf.get(f.claimId) === q.expected ? 1 : 0 })) });
    }
    return out;
  } finally {
    await db.destroy();
  }
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Logistic regression by Newton's method with an L2 penalty on the weights (not the bias). */
export function fitLogistic(X: number[][], y: number[], l2: number, iterations = 25): number[] {
  const d = X[0].length;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    X.forEach((x, i) => {
      const p = sigmoid(x.reduce((s, v, j) => s + v * w[j], 0));
      for (let j = 0; j < d; j++) {
        g[j] += (p - y[i]) * x[j];
        for (let k = 0; k < d; k++) H[j][k] += p * (1 - p) * x[j] * x[k];
      }
    });
    for (let j = 1; j < d; j++) {
      g[j] += l2 * w[j];
      H[j][j] += l2;
    }
    H[0][0] += 1e-9;
    const step = solve(H, g);
    w = w.map((v, j) => v - step[j]);
  }
  return w;
}

/** Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

function report(name: string, data: Array<{ q: Query; rows: Row[] }>, model: RankModel, answer: number): string {
  let withExpected = 0, hit1 = 0, hit5 = 0, answered = 0, right = 0, nulls = 0, nullAnswered = 0;
  for (const { q, rows } of data) {
    const best = new Map<string, number>();
    for (const r of rows) {
      const s = sigmoid(model.bias + KEYS.reduce((z, k) => z + model[k] * r.x[k], 0));
      best.set(r.url, Math.max(best.get(r.url) ?? 0, s));
    }
    const ranked = [...best].sort((a, b) => b[1] - a[1]);
    const list = ranked.length > 0 && ranked[0][1] >= answer ? ranked.slice(0, 5).map(([u]) => u) : [];
    if (list.length > 0) {
      answered++;
      if (list[0] === q.expected) right++;
    }
    if (q.expected === null) {
      nulls++;
      if (list.length > 0) nullAnswered++;
    } else {
      withExpected++;
      if (list[0] === q.expected) hit1++;
      if (list.includes(q.expected)) hit5++;
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
  return `  ${name.padEnd(16)} answer ≥ ${answer.toFixed(2)}: recall@1 ${pct(hit1, withExpected)}, recall@5 ${pct(hit5, withExpected)}, ` +
    `first answer right ${pct(right, answered)}, nulls answered ${nullAnswered}/${nulls}`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const sets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['matching', 'matching-dev2'];
  if (sets.includes(HOLDOUT)) throw new Error(`${HOLDOUT} is the blind holdout: it measures the model and never trains it`);
  const data = new Map<string, Array<{ q: Query; rows: Row[] }>>();
  for (const set of sets) data.set(set, await rowsOf(set));
  const X: number[][] = [];
  const y: number[] = [];
  for (const rows of data.values()) for (const { rows: rs } of rows) for (const r of rs) {
    X.push([1, ...KEYS.map((k) => r.x[k])]);
    y.push(r.y);
  }
  const w = fitLogistic(X, y, L2);
  const model = Object.fromEntries([['bias', w[0]], ...KEYS.map((k, i) => [k, w[i + 1]])]) as RankModel;
  console.log(`fitted on ${sets.join(', ')}: ${X.length} rows (${y.filter(Boolean).length} positive), L2 ${L2}`);
  for (const [set, rows] of data) for (const a of [0.3, 0.4, 0.5, 0.6, 0.7]) console.log(report(set, rows, model, a));
  const fmt = (v: number) => (Math.round(v * 1000) / 1000).toString();
  console.log(`\nexport const MATCH_MODEL: RankModel = {\n${Object.entries(model).map(([k, v]) => `  ${k}: ${fmt(v)},`).join('\n')}\n};`);
}
