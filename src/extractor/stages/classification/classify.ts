/**
 * Category and unit of a quantity: what is counted (the noun, stages/counted) kept apart from what happened to it
 * (the outcome, stages/outcome). "2,000 soldiers were wounded" is casualties/wounded, "100,000 troops" is troop_count.
 */
import { enabled, fired } from '../../pipeline/trace.js';
import type { Mention } from '../numbers/index.js';
import type { Classified } from '../outcome/harm.js';
import type { Tok } from '../tokens/index.js';
import { figureOf } from './context.js';
import { CLASSIFY_RULES } from './rules.js';

export type { Classified } from '../outcome/harm.js';

export function classify(toks: Tok[], m: Mention, all: Mention[]): Classified {
  const f = figureOf(toks, m, all, (other) => classify(toks, other, all));
  for (const r of CLASSIFY_RULES) {
    if (!enabled(r)) continue;
    const c = r.apply(f);
    if (c) {
      fired(r, m.s, m.e);
      return c;
    }
  }
  return { category: 'quantity_other', unit: f.n };
}
