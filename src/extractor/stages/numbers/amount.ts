/** Runs the ordered lists of rules.ts: the amount parsers at a token, and the "not a quantity" filters on a number. */
import { enabled, fired } from '../../pipeline/trace.js';
import type { Tok } from '../tokens/index.js';
import { parseCardinal } from './cardinal.js';
import { currencyPrefix } from './money.js';
import type { NumberContext } from './not-quantities.js';
import { AMOUNT_PARSERS, NOT_A_QUANTITY } from './rules.js';
import { span, type Amount, type Cardinal } from './types.js';

/** Parse one amount (no range) at token i. */
export function parseAmount(toks: Tok[], i: number, bareShare = false): Amount | null {
  let currency: string | null = null;
  let k = i;
  const cp = currencyPrefix(toks, i);
  if (cp) {
    currency = cp.cur;
    k = cp.next;
  }
  if (!toks[k]) return null;
  let parsed: Cardinal | null | undefined;
  const ctx = { toks, i, k, currency, bareShare, cardinal: () => (parsed === undefined ? (parsed = parseCardinal(toks, k)) : parsed) };
  for (const parser of AMOUNT_PARSERS) {
    if (!enabled(parser)) continue;
    const a = parser.apply(ctx);
    if (a === undefined) continue;
    if (a) fired(parser, ...span(toks, a.start, a.end));
    return a;
  }
  return null;
}

/** True when the number at token i (ending before j) is a year, a date, an age, an id… (NOT_A_QUANTITY). */
export function isNotAQuantity(toks: Tok[], i: number, j: number, value: number, hasCurrency: boolean, percent: boolean): boolean {
  const c: NumberContext = { toks, i, j, value, hasCurrency, percent, t: toks[i], prev: toks[i - 1], prev2: toks[i - 2], next: toks[j] };
  for (const rule of NOT_A_QUANTITY) {
    if (enabled(rule) && rule.apply(c)) {
      fired(rule, ...span(toks, i, j));
      return true;
    }
  }
  return false;
}
