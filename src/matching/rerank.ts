import type { TermWeighting } from './match-score.js';

/**
 * The last stage of matching: the candidates the pair scorer kept (match-score.ts: words, figures, dates; contradictions
 * already refused) are weighed against each other for one query, as a search engine's ranker weighs a result list.
 * What a pair alone cannot see:
 *  - how much of the earlier claim the post covers: a fact-check states the claim and little else, a post wraps it in
 *    its own words (a pair's word overlap counts the post's chatter against it; coverage does not);
 *  - BM25 over the candidates, relative to the best of them: the plain keyword evidence, on the scale of this query.
 * A small logistic model (MATCH_MODEL, fitted by bench/matching/train-ranker.ts on the labelled development sets)
 * turns them into one score in [0, 1], the probability that the pair is the same claim.
 */

export interface RankFeatures {
  /** The pair score (match-score.ts). */
  pair: number;
  /** Share of the candidate's words (weighed by rarity) that the query holds. */
  coverage: number;
  /** BM25 of the candidate for the query, over the best candidate's. */
  bm25: number;
  /** 1 for the candidate BM25 puts first. */
  bm25First: number;
  /** The same figure on both sides (the pair scorer's `same_figure`). */
  sameFigure: number;
  /** A figure on one side only, or figures of other kinds. */
  figureOneSide: number;
}

export type RankModel = Readonly<Record<keyof RankFeatures | 'bias', number>>;

/**
 * Fitted on test/fixtures/matching and test/fixtures/matching-dev2 (never on the holdout) by
 * `node dist/bench/matching/train-ranker.js`; see README, "Claim matching".
 */
export const MATCH_MODEL: RankModel = {
  bias: -4,
  pair: 8,
  coverage: 2,
  bm25: 1,
  bm25First: 0.5,
  sameFigure: 0.5,
  figureOneSide: -0.5,
};

const K1 = 1.2;
const B = 0.75;

interface Candidate {
  /** The candidate's stored terms (figures as `#value` are left out here: the pair score weighs figures). */
  terms: readonly string[];
  pair: number;
  reasons: readonly string[];
}

const words = (terms: readonly string[]) => terms.filter((t) => !t.startsWith('#'));

/** The features of each candidate of one query (same order). */
export function rankFeatures(queryTerms: readonly string[], candidates: readonly Candidate[], weights: TermWeighting): RankFeatures[] {
  const query = new Set(words(queryTerms));
  const lists = candidates.map((c) => [...new Set(words(c.terms))]);
  const avgLength = lists.reduce((n, l) => n + l.length, 0) / Math.max(1, lists.length) || 1;
  const bm25 = lists.map((list) => {
    const norm = 1 + K1 * (1 - B + (B * list.length) / avgLength);
    let s = 0;
    for (const t of list) if (query.has(t)) s += (weights.weight(t) * (K1 + 1)) / norm;
    return s;
  });
  const best = Math.max(0, ...bm25);
  const first = best > 0 ? bm25.indexOf(best) : -1;
  return candidates.map((c, i) => {
    let shared = 0;
    let total = 0;
    for (const t of lists[i]) {
      const w = weights.weight(t);
      total += w;
      if (query.has(t)) shared += w;
    }
    return {
      pair: c.pair,
      coverage: total === 0 ? 0 : shared / total,
      bm25: best === 0 ? 0 : bm25[i] / best,
      bm25First: i === first ? 1 : 0,
      sameFigure: c.reasons.some((r) => r.startsWith('same_figure')) ? 1 : 0,
      figureOneSide: c.reasons.some((r) => r === 'figure_one_side' || r === 'figures_of_other_kinds') ? 1 : 0,
    };
  });
}

export function rankScore(f: RankFeatures, model: RankModel = MATCH_MODEL): number {
  let z = model.bias;
  for (const k of Object.keys(f) as Array<keyof RankFeatures>) z += model[k] * f[k];
  return 1 / (1 + Math.exp(-z));
}
