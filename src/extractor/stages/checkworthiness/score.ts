/**
 * Check-worthiness: how much a claim is worth a fact-checker's time, in [0, 1], with the named features behind it.
 * A linear model over named features, clipped to [0, 1]: the weights and how they combine are in weights.ts, the
 * sentence features in features.ts.
 */
import type { ClaimCategory } from '../../types.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { readSentence, segmentAt, type Mood } from './features.js';
import { CATEGORY_BASE, CONTEXT_WEIGHTS, FACTUAL_STATEMENT_BASE, FIGURE_WEIGHTS, SENTENCE_WEIGHTS, type SentenceReason } from './weights.js';

export interface Score {
  score: number;
  reasons: string[];
}

function roundScore(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

/** The sentence features of a mood, as reasons in weights order. */
export function moodReasons(mood: Mood): SentenceReason[] {
  const on: Record<SentenceReason, boolean> = {
    comparison_with_baseline: mood.comparison,
    trend: mood.trend,
    voting_record: mood.record,
    never_claim: mood.never,
    past_action: mood.pastAction,
    question: mood.question,
    hypothetical: mood.hypothetical,
    promise_or_proposal: mood.promise,
    future: mood.future,
    opinion: mood.opinion,
    negated: mood.negated,
  };
  return (Object.keys(SENTENCE_WEIGHTS) as SentenceReason[]).filter((r) => on[r]);
}

function figureReasons(category: ClaimCategory, m: Mention): Array<keyof typeof FIGURE_WEIGHTS> {
  const out: Array<keyof typeof FIGURE_WEIGHTS> = [];
  if (m.unspecified) out.push('unspecified_amount');
  else if (m.vague) out.push('vague_amount');
  else if (m.qualifier === 'exact' || m.qualifier === 'range') out.push('precise_figure');
  else out.push('hedged');
  if ((m.value ?? m.high ?? m.low ?? 0) >= 1000 && category !== 'percentage') out.push('large_figure');
  if (category === 'quantity_other' && !m.noun) out.push('no_unit');
  return out;
}

/**
 * The score of one claim. The sentence features are those of the figure's own clause (`m`), else of the clause at
 * token `clauseTok`, else of the whole sentence. `attributed` false on a `statement` makes it a factual statement.
 *
 * The features that lower a score (question, hypothetical, promise, future, opinion, negated) count only for a
 * speaker's own words: an unattributed claim in spoken text (a transcript, an interview, a lone sentence; see
 * claims/factual-statements.ts spokenText). In news copy a reported "would" or "will" is an announcement ("the
 * company said it would cut 4,500 jobs") and the narration's modals report plans ("20,000 volunteers a year would be
 * recruited"): those are what a desk checks, so they keep their score.
 */
export function scoreClaim(
  category: ClaimCategory,
  m: Mention | null,
  attributed: boolean,
  timed: boolean,
  subject: string | null,
  toks: readonly Tok[],
  spoken = false,
  clauseTok = -1,
): Score {
  const [baseReason, base] = category === 'statement' && !attributed ? FACTUAL_STATEMENT_BASE : CATEGORY_BASE[category];
  const reasons: string[] = [baseReason];
  let s = base;
  if (m) {
    for (const r of figureReasons(category, m)) {
      s += FIGURE_WEIGHTS[r];
      reasons.push(r);
    }
  }
  const context: Array<[keyof typeof CONTEXT_WEIGHTS, boolean]> = [['attributed', attributed], ['dated', timed], ['named_actor', !!subject]];
  for (const [r, on] of context) {
    if (!on) continue;
    s += CONTEXT_WEIGHTS[r];
    reasons.push(r);
  }
  if (toks.length > 0) {
    const reading = readSentence(toks);
    const at = m ? m.ts : clauseTok;
    const own = spoken && !attributed;
    for (const r of moodReasons(at >= 0 ? segmentAt(reading, at).mood : reading.whole)) {
      if (SENTENCE_WEIGHTS[r] < 0 && !own) continue;
      s += SENTENCE_WEIGHTS[r];
      reasons.push(r);
    }
  }
  return { score: roundScore(s), reasons };
}
