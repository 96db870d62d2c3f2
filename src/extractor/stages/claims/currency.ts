/** Currency words shared by several countries ("crowns", "pesos", "rupees"): the ISO code from the article's country words. */
import { AMBIGUOUS_CURRENCY } from '../../resources/currencies.js';

/** Resolves a "~word" unit (the first listed code by default); other units pass through. Cached per article. */
export function resolveCurrency(unit: string | null, text: string, cache: Map<string, string>): string | null {
  if (unit === null || unit[0] !== '~') return unit;
  let code = cache.get(unit);
  if (code === undefined) {
    const opts = AMBIGUOUS_CURRENCY[unit] ?? [];
    code = opts.find(([re]) => re === null || re.test(text))?.[1] ?? unit.slice(1).toUpperCase();
    cache.set(unit, code);
  }
  return code;
}
