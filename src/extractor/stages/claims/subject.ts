/** A figure's subject: the capitalised noun phrase before its verb ("Russia has deployed 10,000 troops"). */
import { MONTHS, WEEKDAYS } from '../../resources/calendar.js';
import { LOCATION_PREPS, NOT_A_SUBJECT, SUBJECT_SKIP } from '../../resources/places.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { when } from '../../pipeline/trace.js';
import { SUBJECT_NAME, SUBJECT_NOT_OBJECT } from './rules.js';

/** A capitalised word that can be part of a name (not a month or weekday); tolerates an index past either end. */
export function isCapNP(t: Tok | undefined): boolean {
  return !!t && t.k === 'word' && t.cap && !(t.l in MONTHS && t.l.length > 3) && !(t.l in WEEKDAYS);
}

/** Capitalised noun phrase ending at token j (walking left), e.g. "Russia", "the U.S.", "NATO". */
export function capRunLeft(toks: Tok[], j: number): [number, number] | null {
  let k = j;
  let start = -1;
  while (k >= 0) {
    const t = toks[k];
    if (isCapNP(t)) {
      start = k;
      k--;
      continue;
    }
    if (start >= 0 && (t.t === '.' || t.l === 'of' || t.t === '-' || t.t === "'" || t.t === '’') && toks[k - 1] && isCapNP(toks[k - 1])) {
      k--;
      continue;
    }
    if (start < 0 && t.t === '.' && toks[k - 1] && isCapNP(toks[k - 1]) && toks[k - 1].t.length <= 2) {
      k--;
      continue;
    }
    break;
  }
  if (start < 0) return null;
  return [start, j];
}

export function subjectOf(toks: Tok[], m: Mention, text: string): string | null {
  // walk left from the quantity to the verb, then to the noun phrase before it
  let k = m.ts - 1;
  let steps = 0;
  while (k >= 0 && steps < 6 && toks[k].k === 'word' && !toks[k].cap && !/^(which|who|that)$/.test(toks[k].l)) {
    k--;
    steps++;
  }
  // skip auxiliaries already passed; now k is at a capitalised word, punctuation or start
  while (k >= 0 && SUBJECT_SKIP.has(toks[k].l)) k--;
  if (k < 0) return null;
  let t = toks[k];
  if (t.t === ',' || t.t === '—') return null;
  if (t.l === 'which' || t.l === 'who' || t.l === 'that') {
    if (toks[k - 1]?.t === ',') k -= 2;
    else k -= 1;
    if (k < 0) return null;
    t = toks[k];
  }
  const run = capRunLeft(toks, k);
  if (!run) return null;
  // a capitalised word right after a preposition is an object, not a subject
  const before = toks[run[0] - 1];
  if (when(SUBJECT_NOT_OBJECT, !!before && LOCATION_PREPS.has(before.l) && before.l !== 'on', toks[run[0]].s, toks[run[1]].e)) return null;
  const s = text.slice(toks[run[0]].s, toks[run[1]].e).replace(/['’]s$/, '');
  if (NOT_A_SUBJECT.test(s)) return null;
  return when(SUBJECT_NAME, true, toks[run[0]].s, toks[run[1]].e) ? s : null;
}
