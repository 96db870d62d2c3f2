/** Parsers of what a number is in: currency before it (symbols, "HK$", codes) and currency or percent after it. */
import { defineRule } from '../../pipeline/rule.js';
import { AMBIGUOUS_CURRENCY, CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_ADJ, DOLLAR_PREFIXES } from '../../resources/currencies.js';
import type { Tok } from '../tokens/index.js';
import { at } from './types.js';

export const CURRENCY_SYMBOL = defineRule({
  id: 'numbers.currency-symbol',
  stage: 'numbers',
  summary: 'A currency symbol before the number gives its currency ("$40", "€3 million").',
  examples: { fires: ['The council spent €3 million on the new library.'], doesNotFire: ['The council spent 3 million hours on the new library.'] },
});
export const DOLLAR_PREFIX = defineRule({
  id: 'numbers.dollar-prefix',
  stage: 'numbers',
  summary: 'Letters glued to "$" name the dollar ("HK$", "A$", "US$", "U.S.$").',
  examples: { fires: ['The tower sold for HK$900 million last week.', 'The tower sold for HK $900 million last week.'], doesNotFire: ['The tower sold for $900 million last week.', 'A $5 fee applies to 300 riders.'] },
});
export const CURRENCY_SYMBOL_AFTER = defineRule({
  id: 'numbers.currency-symbol-after',
  stage: 'numbers',
  summary: 'A currency symbol after the number gives its currency ("5 €", "20 $"), unless it opens the next amount.',
  examples: { fires: ['A kilo of coffee costs 12 € at the market.'], doesNotFire: ['A kilo of coffee costs 12 at the market.', 'Prices rose from 12 $5 bills.'] },
});
export const CURRENCY_CODE = defineRule({
  id: 'numbers.currency-code',
  stage: 'numbers',
  summary: 'An ISO currency code in capitals before or after the number ("CHF 40", "40 CHF").',
  examples: { fires: ['The bank raised CHF 40 million from the sale.'], doesNotFire: ['The bank raised 40 million from the sale.'] },
});
export const CURRENCY_WORD = defineRule({
  id: 'numbers.currency-word',
  stage: 'numbers',
  summary: 'A currency word after the number ("300 euros", "5 million rupees"); "pounds" after "weigh" is a weight.',
  examples: { fires: ['Tickets now cost 300 euros each.'], doesNotFire: ['Tickets now cost 300 points each.', 'The parcel weighs about 30 pounds in total.'] },
});
export const COUNTRY_CURRENCY = defineRule({
  id: 'numbers.country-currency',
  stage: 'numbers',
  summary: 'A country adjective before a currency word picks the code ("Swedish crowns" SEK, "Indian rupees" INR).',
  examples: { fires: ['The firm lost 41 billion Swedish crowns in the quarter.'], doesNotFire: ['The firm lost 41 billion crowns in the quarter.'] },
});
export const DOLLAR_ADJECTIVE = defineRule({
  id: 'numbers.dollar-adjective',
  stage: 'numbers',
  summary: 'An adjective before "dollars" picks the dollar ("Canadian dollars", "U.S. dollars").',
  examples: { fires: ['The mine was sold for 80 million Canadian dollars.'], doesNotFire: ['The mine was sold for 80 million dollars.'] },
});
export const PERCENT = defineRule({
  id: 'numbers.percent',
  stage: 'numbers',
  summary: '"%", "percent", "per cent", "pct" make a percentage.',
  examples: { fires: ['Turnout reached 64 percent in the capital.'], doesNotFire: ['Turnout reached 64,000 in the capital.'] },
});
export const BASIS_POINTS = defineRule({
  id: 'numbers.basis-points',
  stage: 'numbers',
  summary: 'Basis points are hundredths of a percentage point ("25 basis points" = 0.25 points).',
  examples: { fires: ['The central bank cut rates by 25 basis points.'], doesNotFire: ['The central bank cut rates by 25 percent.'] },
});
export const PERCENTAGE_POINTS = defineRule({
  id: 'numbers.percentage-points',
  stage: 'numbers',
  summary: '"percentage points" is a change in percent, never the low end of a range.',
  examples: { fires: ['Support rose by 3 percentage points to 41%.'], doesNotFire: ['Support rose by 3 percent to 41%.'] },
});

/** Currency symbol or code at token i: returns currency and index of the number. */
export function currencyPrefix(toks: Tok[], i: number): { cur: string; next: number } | null {
  const t = toks[i];
  if (!t) return null;
  if (t.k === 'punct' && at(CURRENCY_SYMBOL, t.t in CURRENCY_SYMBOLS, toks, i, i + 2)) return { cur: CURRENCY_SYMBOLS[t.t], next: i + 1 };
  if (t.k === 'word') {
    const n1 = toks[i + 1];
    // "HK$3.7 billion", and "HK $3.7 billion" apart when the prefix is two capitals or more ("A $5 fee" is an article)
    const prefixed = !!n1 && n1.t === '$' && t.l in DOLLAR_PREFIXES && (!n1.sp || (t.t.length >= 2 && t.t === t.t.toUpperCase()));
    if (at(DOLLAR_PREFIX, prefixed, toks, i, i + 3)) return { cur: DOLLAR_PREFIXES[t.l], next: i + 2 };
    // "U.S.$"
    if (at(DOLLAR_PREFIX, t.t === 'U' && toks[i + 1]?.t === '.' && toks[i + 2]?.t === 'S' && toks[i + 3]?.t === '.' && toks[i + 4]?.t === '$', toks, i, i + 6))
      return { cur: 'USD', next: i + 5 };
    if (at(CURRENCY_CODE, t.t === t.t.toUpperCase() && t.t.length === 3 && CURRENCY_CODES.has(t.l) && !!n1 && n1.k === 'num', toks, i, i + 2)) return { cur: t.t.toUpperCase(), next: i + 1 };
  }
  return null;
}

export interface UnitAfter {
  currency: string | null;
  percent: boolean;
  end: number;
  factor?: number;
}

/** Currency or percent word(s) after a number at token j. */
export function unitAfter(toks: Tok[], j: number): UnitAfter {
  const t = toks[j];
  if (!t) return { currency: null, percent: false, end: j };
  const n = j - 1;
  // "12 basis points" = 0.12 percent; "bps"
  if (at(BASIS_POINTS, t.l === 'basis' && (toks[j + 1]?.l === 'points' || toks[j + 1]?.l === 'point'), toks, n, j + 2)) return { currency: null, percent: true, end: j + 2, factor: 0.01 };
  if (at(BASIS_POINTS, t.l === 'bps' || (t.l === 'bp' && t.sp), toks, n, j + 1)) return { currency: null, percent: true, end: j + 1, factor: 0.01 };
  if (at(PERCENT, t.t === '%' || t.l === 'percent' || t.l === 'pct', toks, n, j + 1)) return { currency: null, percent: true, end: j + 1 };
  if (at(PERCENT, t.l === 'per' && toks[j + 1]?.l === 'cent', toks, n, j + 2)) return { currency: null, percent: true, end: j + 2 };
  if (at(PERCENTAGE_POINTS, t.l === 'percentage' && (toks[j + 1]?.l === 'points' || toks[j + 1]?.l === 'point'), toks, n, j + 2)) return { currency: null, percent: true, end: j + 2, factor: 1 };
  if (at(CURRENCY_SYMBOL_AFTER, t.k === 'punct' && t.t in CURRENCY_SYMBOLS && !(toks[j + 1]?.k === 'num' && !toks[j + 1].sp), toks, n, j + 1)) return { currency: CURRENCY_SYMBOLS[t.t], percent: false, end: j + 1 };
  if (at(CURRENCY_CODE, t.k === 'word' && t.t.length === 3 && t.t === t.t.toUpperCase() && CURRENCY_CODES.has(t.l), toks, n, j + 1)) return { currency: t.t, percent: false, end: j + 1 };
  // "41.3 billion Swedish crowns", "Indian rupees": a country adjective before a currency word picks the code
  if (at(COUNTRY_CURRENCY, t.k === 'word' && t.cap && !!toks[j + 1] && toks[j + 1].l in CURRENCY_WORDS && !(t.l in DOLLAR_ADJ) && /(ish|ian|ean|ese|an|ic|i|ch|ss)$/.test(t.l), toks, n, j + 2)) {
    const w = CURRENCY_WORDS[toks[j + 1].l];
    const code = w[0] === '~' ? (AMBIGUOUS_CURRENCY[w]?.find(([re]) => re !== null && re.test(t.t))?.[1] ?? w) : w;
    return { currency: code, percent: false, end: j + 2 };
  }
  if (t.l in CURRENCY_WORDS) {
    if ((t.l === 'pounds' || t.l === 'pound') && /weigh/.test(toks[j - 3]?.l ?? '')) return { currency: null, percent: false, end: j };
    if (t.l === 'real') return { currency: null, percent: false, end: j };
    if (at(CURRENCY_WORD, true, toks, n, j + 1)) return { currency: CURRENCY_WORDS[t.l], percent: false, end: j + 1 };
  }
  if (t.l in DOLLAR_ADJ && t.cap) {
    // "Canadian dollars", "U.S. dollars"
    let k = j + 1;
    if (t.t === 'U' || t.t === 'US') {
      while (toks[k] && (toks[k].t === '.' || toks[k].t === 'S')) k++;
      if (at(DOLLAR_ADJECTIVE, toks[k]?.l === 'dollars' || toks[k]?.l === 'dollar', toks, n, k + 1)) return { currency: 'USD', percent: false, end: k + 1 };
      return { currency: null, percent: false, end: j };
    }
    if (t.l === 'hong' && toks[k]?.l === 'kong') k++;
    if (t.l === 'new' && toks[k]?.l === 'zealand') k++;
    if (at(DOLLAR_ADJECTIVE, toks[k]?.l === 'dollars' || toks[k]?.l === 'dollar', toks, n, k + 1)) return { currency: DOLLAR_ADJ[t.l], percent: false, end: k + 1 };
  }
  return { currency: null, percent: false, end: j };
}
