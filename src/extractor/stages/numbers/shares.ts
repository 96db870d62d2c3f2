/** Parsers of shares and signed numbers: "two-thirds", "half of", "a quarter of a million", "minus 15". */
import { defineRule } from '../../pipeline/rule.js';
import { TIME_UNITS } from '../../resources/lexicon.js';
import { PART_BEFORE_HALF, SHARE_COMPARATIVES, SHARE_DETS } from '../../resources/number-context.js';
import { FRACTION_DENOMS, SCALES, UNITS } from '../../resources/number-words.js';
import type { Tok } from '../tokens/index.js';
import { parseAmount } from './amount.js';
import type { AmountContext } from './amount-forms.js';
import { unitAfter } from './money.js';
import { at, type Amount } from './types.js';

export const NEGATIVE = defineRule({
  id: 'numbers.negative',
  stage: 'numbers',
  summary: '"minus 15" is negative; "plus or minus one" is a tolerance.',
  examples: { fires: ['Temperatures fell to minus 15 degrees overnight.'], doesNotFire: ['Temperatures fell to 15 degrees overnight.'] },
  apply: ({ toks, i, k, currency }: AmountContext): Amount | null | undefined => {
    if (currency || toks[k].l !== 'minus' || (toks[k - 1]?.l === 'or' && toks[k - 2]?.l === 'plus')) return undefined;
    const r = parseAmount(toks, k + 1);
    if (r && r.value !== null && !r.vague) return { ...r, start: i, value: -r.value, base: -r.base };
    return null;
  },
});
export const HALF_PERCENTAGE_POINT = defineRule({
  id: 'numbers.half-percentage-point',
  stage: 'numbers',
  summary: '"half a percentage point" is a change of 0.5 points.',
  examples: { fires: ['The rate rose by half a percentage point.'], doesNotFire: ['The rate rose by half.'] },
});
export const FRACTION_OF_SCALE = defineRule({
  id: 'numbers.fraction-of-scale',
  stage: 'numbers',
  summary: 'A fraction of a scale is a number, not a share ("a quarter million", "three-quarters of a billion").',
  examples: { fires: ['The charity raised a quarter of a million pounds.'], doesNotFire: ['The charity raised a quarter of its budget.'] },
});
export const FRACTION = defineRule({
  id: 'numbers.fraction',
  stage: 'numbers',
  summary: 'A fraction is a share in percent ("two-thirds of", "half of", "nearly half", "a third fewer") or of a scale; "the second half of" is a part.',
  examples: { fires: ['Two-thirds of voters backed the plan.'], doesNotFire: ['In the second half of the year voters backed the plan.'] },
  apply: fractionAmount,
});

function fractionAmount({ toks, i, k, currency, bareShare }: AmountContext): Amount | null | undefined {
  const tk = toks[k];
  if (currency || tk.k !== 'word' || !(tk.l in UNITS || tk.l === 'a' || tk.l === 'an' || tk.l === 'half')) return undefined;
  const num = tk.l === 'a' || tk.l === 'an' ? 1 : tk.l === 'half' ? 1 : UNITS[tk.l];
  let d: Tok | undefined;
  let j = k + 1;
  if (tk.l === 'half') {
    d = tk;
  } else if (toks[j]?.t === '-' && !toks[j].sp && toks[j + 1] && !toks[j + 1].sp) {
    d = toks[j + 1];
    j += 2;
  } else {
    d = toks[j];
    j += 1;
  }
  // "half a percentage point" = 0.5 points
  if (at(HALF_PERCENTAGE_POINT, tk.l === 'half' && (toks[k + 1]?.l === 'a' || toks[k + 1]?.l === 'an') && toks[k + 2]?.l === 'percentage' && /^points?$/.test(toks[k + 3]?.l ?? ''), toks, k, k + 4)) {
    return { start: i, end: k + 4, value: 0.5, low: null, high: null, currency: null, percent: true, vague: false, word: true, scale: 1, base: 0.5, measure: null, change: true };
  }
  if (!d || !(d.l in FRACTION_DENOMS) || num < 1 || num > 10) return undefined;
  const den = FRACTION_DENOMS[d.l];
  const singular = !d.l.endsWith('s');
  const okNum = (num === 1) === singular || d.l === 'half';
  const nx = toks[j];
  if (!okNum || num >= den) return undefined;
  if (at(FRACTION_OF_SCALE, !!nx && nx.l in SCALES && SCALES[nx.l] >= 1e3, toks, k, j + 1)) return fractionOfScale(toks, i, j + 1, num / den, SCALES[nx.l]);
  // "a quarter of a million", "three-quarters of a billion": a fraction of a scale, not a share
  const sc = toks[j + 2];
  if (at(FRACTION_OF_SCALE, nx?.l === 'of' && (toks[j + 1]?.l === 'a' || toks[j + 1]?.l === 'an') && !!sc && sc.l in SCALES && SCALES[sc.l] >= 1e3, toks, k, j + 3)) {
    return fractionOfScale(toks, i, j + 3, num / den, SCALES[sc.l]);
  }
  const needOf = num === 1 || d.l === 'half';
  // "the second half of 2026", "the other half of": a part of a period or thing, not a share
  const partOf = d.l === 'half' && PART_BEFORE_HALF.has(toks[k - 1]?.l ?? '');
  // without "of": after a qualifier or "by" ("nearly half", "down by a quarter"), before a comparative
  // ("a third fewer"), "half the/its ..."
  const bare = (bareShare || (!!nx && SHARE_COMPARATIVES.has(nx.l)) || (d.l === 'half' && !!nx && SHARE_DETS.has(nx.l)))
    && !(nx && (TIME_UNITS.has(nx.l) || /^(mile|miles|inch|an|a)$/.test(nx.l)));
  if (!partOf && ((nx && nx.l === 'of') || bare || (!needOf && !(nx && TIME_UNITS.has(nx.l))))) {
    const v = Math.round((num / den) * 10000) / 100;
    return { start: i, end: j, value: v, low: null, high: null, currency: null, percent: true, vague: false, word: true, scale: 1, base: v, measure: null };
  }
  return undefined;
}

/** "a quarter million (dollars)", "three-quarters of a billion euros": the currency word may follow. */
function fractionOfScale(toks: Tok[], start: number, end: number, fraction: number, scale: number): Amount {
  const u = unitAfter(toks, end);
  return {
    start, end: u.currency ? u.end : end, value: fraction * scale, low: null, high: null, currency: u.currency ?? null, percent: false,
    vague: false, word: true, scale, base: fraction, measure: null,
  };
}
