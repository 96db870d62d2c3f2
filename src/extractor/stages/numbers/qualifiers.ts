/** Qualifiers: phrases before a number ("about", "more than", "up to") and after it ("or more", "+", "or so"). */
import { defineRule } from '../../pipeline/rule.js';
import { NP_STOP } from '../../resources/lexicon.js';
import { PRE_QUALIFIERS } from '../../resources/qualifiers.js';
import type { Tok } from '../tokens/index.js';
import type { Qualifier } from '../../types.js';

export const QUALIFIER_BEFORE = defineRule({
  id: 'numbers.qualifier-before',
  stage: 'numbers',
  summary: 'A qualifier phrase before the number makes it approximate, a lower or an upper bound ("about", "more than", "up to").',
  examples: { fires: ['More than 300 homes lost power.'], doesNotFire: ['300 homes lost power.'] },
});
export const QUALIFIER_AFTER = defineRule({
  id: 'numbers.qualifier-after',
  stage: 'numbers',
  summary: 'A qualifier after the number or its noun: "or more", "or fewer", "or so", "+", "-plus", "plus".',
  examples: { fires: ['The storm damaged 300 or more homes.'], doesNotFire: ['The storm damaged 300 homes or sheds.'] },
});
export const PAST_PERIOD = defineRule({
  id: 'numbers.past-period',
  stage: 'numbers',
  summary: '"the past 200 years": "past" after a determiner or preposition is a period, not a lower bound.',
  examples: { fires: ['Over the past 200 years 40 mills closed.'], doesNotFire: ['Spending went past 200 million pounds.'] },
});
export const CHANGE_UP_DOWN = defineRule({
  id: 'numbers.change-up-down',
  stage: 'numbers',
  summary: '"up to"/"down to" after a change verb is the new level, not a bound ("rose up to 40").',
  examples: { fires: ['Sales went up to 40,000 cars.'], doesNotFire: ['Up to 40,000 cars were recalled.'] },
});
export const AGE_THRESHOLD = defineRule({
  id: 'numbers.age-threshold',
  stage: 'numbers',
  summary: '"people over 65", "children under 5": an age threshold, no figure.',
  examples: { fires: ['Vaccines went first to people over 65 in the region.'], doesNotFire: ['Vaccines went to over 65 clinics in the region.'] },
});

function matchSeq(toks: Tok[], end: number, words: string[]): boolean {
  // tokens ending right before `end` equal words
  const n = words.length;
  if (end - n < 0) return false;
  for (let k = 0; k < n; k++) if (toks[end - n + k].l !== words[k]) return false;
  return true;
}

const QUAL_SEQS: Array<[string[], Qualifier]> = PRE_QUALIFIERS.map(
  ([p, q]) => [p.split(' ').flatMap((w) => (w.endsWith('.') ? [w.slice(0, -1), '.'] : [w])), q] as [string[], Qualifier],
).sort((a, b) => b[0].length - a[0].length);

/** Qualifier phrase ending right before token index `end`. */
export function qualifierBefore(toks: Tok[], end: number): { q: Qualifier; start: number } | null {
  for (const [seq, q] of QUAL_SEQS) {
    if (matchSeq(toks, end, seq)) return { q, start: end - seq.length };
  }
  return null;
}

/** Qualifier after a number or its noun at token j. */
export function postQualifier(toks: Tok[], j: number): { q: Qualifier; end: number } | null {
  const t = toks[j];
  if (!t) return null;
  if (t.l === 'or' && (toks[j + 1]?.l === 'more' || toks[j + 1]?.l === 'above')) return { q: 'lower_bound', end: j + 2 };
  if (t.l === 'or' && (toks[j + 1]?.l === 'fewer' || toks[j + 1]?.l === 'less')) return { q: 'upper_bound', end: j + 2 };
  if (t.l === 'or' && toks[j + 1]?.l === 'so') return { q: 'approximate', end: j + 2 };
  if (t.t === '+' && !t.sp) return { q: 'lower_bound', end: j + 1 };
  if (t.t === '-' && !t.sp && toks[j + 1]?.l === 'plus') return { q: 'lower_bound', end: j + 2 };
  if (t.l === 'plus' && toks[j + 1]?.k === 'word' && !NP_STOP.has(toks[j + 1].l)) return { q: 'lower_bound', end: j + 1 };
  return null;
}
