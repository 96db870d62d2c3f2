/**
 * The weights of the check-worthiness model. A claim's score is
 *
 *   clip[0,1]( base(category) + Σ figure weights + Σ context weights + Σ sentence weights of the claim's clause )
 *
 * a linear model over named binary features, clipped to [0, 1] and rounded to 0.01. Every feature that applies adds
 * its reason (the key below) to `checkworthinessReasons`, in this order, so an editor reads the score as a sum.
 *
 * The category bases and figure weights are the ones the service has used since 1.x (the review threshold, 0.3,
 * was set against them); the sentence weights were set by hand on the debate development set
 * (test/fixtures/checkworthiness/debates.json, split dev) and checked on its held-back split and on every labelled
 * news set: `node dist/bench/checkworthiness.js` prints the ROC-AUC and yields, `--features` how often each feature
 * fires per label. Change a weight only with those numbers before and after.
 */
import type { ClaimCategory } from '../../types.js';

/** Where a claim starts: what kind of claim it is. */
export const CATEGORY_BASE: Record<ClaimCategory, readonly [reason: string, weight: number]> = {
  casualties: ['harm_figure', 0.6],
  displacement: ['harm_figure', 0.6],
  troop_count: ['force_size', 0.55],
  money: ['money_figure', 0.45],
  percentage: ['percentage_figure', 0.4],
  quantity_other: ['count', 0.3],
  event: ['dated_event', 0.35],
  statement: ['attributed_position', 0.25],
};
/** A statement with no speaker and no figure: the sentence's own factual claim (stages/claims/factual-statements.ts). */
export const FACTUAL_STATEMENT_BASE = ['factual_statement', 0.2] as const;

/** The figure: how precise and how large. */
export const FIGURE_WEIGHTS = {
  unspecified_amount: -0.15,
  vague_amount: -0.05,
  precise_figure: 0.05,
  hedged: 0.03,
  large_figure: 0.05,
  no_unit: -0.1,
} as const;

/** Who and when: a source, a date, a named actor make a claim checkable. */
export const CONTEXT_WEIGHTS = {
  attributed: 0.1,
  dated: 0.05,
  named_actor: 0.05,
} as const;

/** What the claim's clause asserts (stages/checkworthiness/features.ts): cues of a checkable fact, and of no fact. */
export const SENTENCE_WEIGHTS = {
  comparison_with_baseline: 0.15,
  trend: 0.1,
  voting_record: 0.15,
  never_claim: 0.1,
  past_action: 0.05,
  question: -0.3,
  hypothetical: -0.25,
  promise_or_proposal: -0.25,
  future: -0.1,
  opinion: -0.2,
  negated: -0.15,
} as const;
export type SentenceReason = keyof typeof SENTENCE_WEIGHTS;
