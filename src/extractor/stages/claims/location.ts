/** A figure's location: a place phrase after a preposition in the figure's clause ("in the border region"). */
import { CLAUSE_PUNCT } from '../../resources/clauses.js';
import { LOCATION_DETERMINERS, LOCATION_NOUNS, LOCATION_PREPS, LOCATION_STOP } from '../../resources/places.js';
import type { TimeRef } from '../../types.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { when } from '../../pipeline/trace.js';
import { LOCATION_PLACE } from './rules.js';
import { isCapNP } from './subject.js';

/** The place phrase opened by the preposition at p: it must hold and end on a capitalised word or a place noun. */
function placeAfter(toks: Tok[], p: number, text: string, timeSpans: TimeRef[]): string | null {
  const inTime = (t: Tok) => timeSpans.some((r) => t.s >= r.start && t.e <= r.end);
  let k = p + 1;
  const start = k;
  if (toks[k] && LOCATION_DETERMINERS.has(toks[k].l)) k++;
  let end = -1;
  let good = false;
  let n = 0;
  while (k < toks.length && n < 8) {
    const t = toks[k];
    if (inTime(t)) break;
    if (t.k === 'num') break;
    if (t.k === 'punct') {
      if ((t.t === '.' || t.t === '-') && !t.sp && end === k - 1 && toks[k - 1].cap) {
        k++;
        continue;
      }
      break;
    }
    if (LOCATION_STOP.has(t.l) && !(t.l === 'with' || t.l === 'of')) break;
    if ((t.l === 'with' || t.l === 'of') && !(toks[k + 1] && (isCapNP(toks[k + 1]) || toks[k + 1].l === 'the'))) break;
    if (isCapNP(t) || LOCATION_NOUNS.has(t.l)) good = true;
    end = k;
    k++;
    n++;
  }
  if (!good || end < start) return null;
  // must end on a capitalised word or a place noun
  while (end >= start && !(isCapNP(toks[end]) || LOCATION_NOUNS.has(toks[end].l) || toks[end].t === '.')) end--;
  if (end < start) return null;
  if (toks[end].t === '.' && !(toks[end - 1]?.cap && toks[end - 1].t.length <= 2)) end--;
  return when(LOCATION_PLACE, true, toks[start].s, toks[end].e) ? text.slice(toks[start].s, toks[end].e) : null;
}

export function locationOf(toks: Tok[], m: Mention, text: string, timeSpans: TimeRef[]): string | null {
  // right of the quantity, same clause
  for (let k = m.te, n = 0; k < toks.length && n < 10; k++, n++) {
    const t = toks[k];
    if (CLAUSE_PUNCT.has(t.t) || t.t === '.') break;
    if (LOCATION_PREPS.has(t.l)) {
      const r = placeAfter(toks, k, text, timeSpans);
      if (r) return r;
    }
  }
  // left, same clause
  for (let k = m.ts - 1, n = 0; k >= 0 && n < 12; k--, n++) {
    const t = toks[k];
    if (t.t === ';') break;
    if (LOCATION_PREPS.has(t.l) && t.l !== 'to' && t.l !== 'from') {
      const r = placeAfter(toks, k, text, timeSpans);
      if (r) return r;
    }
  }
  return null;
}
