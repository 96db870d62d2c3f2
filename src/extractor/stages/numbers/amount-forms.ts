/**
 * Parsers of amount forms, tried in order (AMOUNT_PARSERS in rules.ts) at a token: each returns an amount, null
 * (its form, but rejected) or undefined (not its form: try the next parser).
 */
import { defineRule, type RuleInfo } from '../../pipeline/rule.js';
import { ID_PREFIXES, TIME_UNITS } from '../../resources/lexicon.js';
import { MEASURES, SMALL_DETS, SINGULAR_PERSONS } from '../../resources/number-context.js';
import type { Tok } from '../tokens/index.js';
import { parseCardinal, parseDigits } from './cardinal.js';
import { calibre } from './measures.js';
import { unitAfter } from './money.js';
import { isNotAQuantity } from './amount.js';
import { at, type Amount, type Cardinal } from './types.js';

/** Where an amount parser looks: the amount starts at i (a currency symbol, if any), its number at k. */
export interface AmountContext {
  toks: Tok[];
  i: number;
  k: number;
  currency: string | null;
  /** a share needs no "of" here (after a qualifier or "by") */
  bareShare: boolean;
  /** the cardinal at k, parsed once on first use */
  cardinal(): Cardinal | null;
}
export type AmountParser = RuleInfo & { apply: (c: AmountContext) => Amount | null | undefined };

const amount = (start: number, end: number, value: number, rest: Partial<Amount> = {}): Amount => ({
  start, end, value, low: null, high: null, currency: null, percent: false, vague: false, word: false, scale: 1, base: value, measure: null, ...rest,
});

export const GLUED_TEMPERATURE = defineRule({
  id: 'numbers.glued-temperature',
  stage: 'numbers',
  summary: 'A capital C or F glued to digits is a temperature ("41C"), a measure, not a count.',
  examples: { fires: ['Temperatures hit 41C in the shade as 300 people queued.'], doesNotFire: ['Temperatures hit 41 in the shade as 300 people queued.'] },
  apply: ({ toks, i, k, cardinal }: AmountContext): Amount | null | undefined => {
    const tk = toks[k];
    if (cardinal() || tk.k !== 'num' || !toks[k + 1] || toks[k + 1].sp || (toks[k + 1].t !== 'C' && toks[k + 1].t !== 'F')) return undefined;
    if ((toks[k + 2] && !toks[k + 2].sp && toks[k + 2].k !== 'punct') || (toks[k - 1] && !tk.sp && toks[k - 1].k === 'word') || (toks[k - 1] && ID_PREFIXES.has(toks[k - 1].l))) return undefined;
    const v = parseDigits(tk.t);
    if (v === null || v > 150) return null;
    return amount(i, k + 2, v, { measure: 'degrees' });
  },
});
export const GLUED_MEASURE = defineRule({
  id: 'numbers.glued-measure',
  stage: 'numbers',
  summary: 'A unit glued to digits is a measure ("5km", "40kg"); "5G" is a network generation.',
  examples: { fires: ['The convoy stopped 5km from the border with 40 trucks.'], doesNotFire: ['The convoy stopped near the border with 40 trucks.'] },
  apply: ({ toks, i, k, currency, cardinal }: AmountContext): Amount | null | undefined => {
    const tk = toks[k];
    if (cardinal() || tk.k !== 'num' || !toks[k + 1] || toks[k + 1].sp || !MEASURES.has(toks[k + 1].l) || toks[k + 1].t === 'G' || (toks[k - 1] && ID_PREFIXES.has(toks[k - 1].l))) return undefined;
    const v = parseDigits(tk.t);
    if (v === null) return null;
    // a calibre names a kind of weapon or ammunition, it counts nothing: "155mm artillery shells", "7.62mm rounds"
    if (calibre(toks, k + 1)) return null;
    return amount(i, k + 2, v, { currency, measure: toks[k + 1].l });
  },
});
export const ONE_IN_N = defineRule({
  id: 'numbers.one-in-n',
  stage: 'numbers',
  summary: '"one in five", "1 in 10" is a share, in percent.',
  examples: { fires: ['Roughly one in five adults smoke daily.'], doesNotFire: ['Roughly five adults smoke daily.'] },
  apply: ({ toks, i, currency, cardinal }: AmountContext): Amount | undefined => {
    const c = cardinal();
    if (!c || currency || toks[c.end]?.l !== 'in' || c.scale !== 1 || c.value < 1 || c.value > 20) return undefined;
    const d = parseCardinal(toks, c.end + 1);
    if (!d || d.scale !== 1 || d.value <= c.value || d.value > 1000 || (toks[d.end] && TIME_UNITS.has(toks[d.end].l))) return undefined;
    const v = Math.round((c.value / d.value) * 10000) / 100;
    return amount(i, d.end, v, { percent: true, word: c.word });
  },
});
export const RATE_PER = defineRule({
  id: 'numbers.rate-per',
  stage: 'numbers',
  summary: 'A rate: "31.8 per 100,000" (the number after "per" is the base, not a figure).',
  examples: { fires: ['The region recorded 31.8 per 100,000 residents.'], doesNotFire: ['The region recorded 31.8 percent of residents.'] },
  apply: ({ toks, i, k, currency, cardinal }: AmountContext): Amount | undefined => {
    const c = cardinal();
    if (!c || currency || toks[c.end]?.l !== 'per' || toks[c.end + 1]?.k !== 'num' || (parseDigits(toks[c.end + 1].t) ?? 0) < 100 || isNotAQuantity(toks, k, c.end, c.value, false, false)) return undefined;
    return amount(i, c.end + 2, c.value, { word: c.word, scale: c.scale, base: c.base, measure: `per ${toks[c.end + 1].t}` });
  },
});
export const CENTS = defineRule({
  id: 'numbers.cents',
  stage: 'numbers',
  summary: '"25 cents", "50 pence", "40p" are fractions of a dollar or a pound.',
  examples: { fires: ['A loaf now costs 40 cents more.'], doesNotFire: ['A loaf now costs 40 percent more.'] },
  apply: ({ toks, i, k, currency, cardinal }: AmountContext): Amount | undefined => {
    const c = cardinal();
    const u = c && toks[c.end];
    if (!c || currency || !u || !(u.l === 'cents' || u.l === 'cent' || u.l === 'pence' || (u.l === 'p' && !u.sp))) return undefined;
    if (u.l === 'cent' && toks[c.end - 1]?.l === 'per') return undefined;
    const cur = u.l === 'pence' || u.l === 'p' ? 'GBP' : 'USD';
    if (isNotAQuantity(toks, k, c.end, c.value, true, false)) return undefined;
    return amount(i, c.end + 1, c.value / 100, { currency: cur, word: c.word });
  },
});
export const DEGREES = defineRule({
  id: 'numbers.degrees',
  stage: 'numbers',
  summary: '"41°C", "106 °F" are temperatures.',
  examples: { fires: ['The reading was 41°C when 90 workers left.'], doesNotFire: ['The reading was 41 when 90 workers left.'] },
  apply: ({ toks, i, k, currency, cardinal }: AmountContext): Amount | undefined => {
    const c = cardinal();
    if (!c || currency || toks[c.end]?.t !== '°' || isNotAQuantity(toks, k, c.end, c.value, false, false)) return undefined;
    const e = /^[CF]$/.test(toks[c.end + 1]?.t ?? '') && !toks[c.end + 1].sp ? c.end + 2 : c.end + 1;
    return amount(i, e, c.value, { word: c.word, measure: 'degrees' });
  },
});

export const LONE_ONE = defineRule({
  id: 'numbers.lone-one',
  stage: 'numbers',
  summary: 'A bare "one" is no figure unless a scale, "in", or a singular person follows ("one soldier").',
  examples: { fires: ['One of the bridges reopened on Monday.'], doesNotFire: ['One soldier was killed on Monday.'] },
});
export const DETERMINER_WORD_NUMBER = defineRule({
  id: 'numbers.determiner-word-number',
  stage: 'numbers',
  summary: 'A small word number after a determiner or possessive is a reference ("the two leaders", "the firm\'s three plants").',
  examples: { fires: ['The two leaders met in Geneva.'], doesNotFire: ['Two leaders met in Geneva.'] },
});
export const PLAIN_NUMBER = defineRule({
  id: 'numbers.plain-number',
  stage: 'numbers',
  summary: 'A cardinal with its currency or percent after it, unless a filter says it is not a quantity.',
  examples: { fires: ['The shelter took in 85 dogs.'], doesNotFire: ['The shelter took in dogs.'] },
  apply: ({ toks, i, k, currency, cardinal }: AmountContext): Amount | null => {
    const c = cardinal();
    if (!c) return null;
    let u = unitAfter(toks, c.end);
    if (currency && u.currency) u = { ...u, currency: null, end: c.end };
    const cur = currency ?? u.currency;
    if (isNotAQuantity(toks, k, c.end, c.value, !!cur, u.percent)) return null;
    if (c.word && !cur && !u.percent && wordNumberIsReference(toks, k, c)) return null;
    const f = u.factor ?? 1;
    return {
      start: i, end: u.end, value: f === 1 ? c.value : Math.round(c.value * f * 1e6) / 1e6, low: null, high: null, currency: cur, percent: u.percent, vague: false,
      word: c.word, scale: c.scale, base: f === 1 ? c.base : c.base * f, measure: null, change: u.factor !== undefined,
    };
  },
});

/** Word numbers that are no figure: a lone "one", a small number after a determiner. */
function wordNumberIsReference(toks: Tok[], k: number, c: Cardinal): boolean {
  if (at(LONE_ONE, toks[k].l === 'one' && c.scale === 1 && !(toks[c.end]?.l === 'in') && !SINGULAR_PERSONS.has(toks[c.end]?.l ?? ''), toks, k, c.end)) return true;
  // a possessive is a determiner too: "Hezbollah's three regional divisions", "the country's two largest banks"
  return at(DETERMINER_WORD_NUMBER, c.value < 100 && !!toks[k - 1] && (SMALL_DETS.has(toks[k - 1].l) || (/['’]s$/.test(toks[k - 1].l) && toks[k - 1].k === 'word')), toks, k, c.end);
}
