/**
 * Check-worthiness: how much a claim is worth a fact-checker's time, in [0, 1], with the named features behind it.
 */
import type { ClaimCategory } from '../../types.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../segmentation/text.js';

export interface Score {
  score: number;
  reasons: string[];
}

function roundScore(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

export function scoreClaim(
  category: ClaimCategory,
  m: Mention | null,
  attributed: boolean,
  timed: boolean,
  subject: string | null,
  // the sentence's tokens, for sentence-level features (not used yet)
  _toks: readonly Tok[],
): Score {
  const reasons: string[] = [];
  let s = 0;
  switch (category) {
    case 'casualties':
    case 'displacement':
      s = 0.6;
      reasons.push('harm_figure');
      break;
    case 'troop_count':
      s = 0.55;
      reasons.push('force_size');
      break;
    case 'money':
      s = 0.45;
      reasons.push('money_figure');
      break;
    case 'percentage':
      s = 0.4;
      reasons.push('percentage_figure');
      break;
    case 'quantity_other':
      s = 0.3;
      reasons.push('count');
      break;
    case 'event':
      s = 0.35;
      reasons.push('dated_event');
      break;
    case 'statement':
      s = 0.25;
      reasons.push('attributed_position');
      break;
  }
  if (m) {
    if (m.unspecified) {
      s -= 0.15;
      reasons.push('unspecified_amount');
    } else if (m.vague) {
      s -= 0.05;
      reasons.push('vague_amount');
    } else if (m.qualifier === 'exact' || m.qualifier === 'range') {
      s += 0.05;
      reasons.push('precise_figure');
    } else {
      s += 0.03;
      reasons.push('hedged');
    }
    const mag = m.value ?? m.high ?? m.low ?? 0;
    if (mag >= 1000 && category !== 'percentage') {
      s += 0.05;
      reasons.push('large_figure');
    }
    if (category === 'quantity_other' && !m.noun) {
      s -= 0.1;
      reasons.push('no_unit');
    }
  }
  if (attributed) {
    s += 0.1;
    reasons.push('attributed');
  }
  if (timed) {
    s += 0.05;
    reasons.push('dated');
  }
  if (subject) {
    s += 0.05;
    reasons.push('named_actor');
  }
  return { score: roundScore(s), reasons };
}
