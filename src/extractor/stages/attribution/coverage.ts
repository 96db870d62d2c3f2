/** What each attribution covers: "according to" the whole sentence, a closing "…, X said." what precedes the verb. */
import { CORE_SPEECH } from '../../resources/speech-verbs.js';
import { CLAUSE_CONJUNCTIONS, TIME_FOLLOW, VERB_TAIL_WORDS } from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { Tok } from '../tokens/index.js';
import { isCommaOrCloseQuote, isMonthTok } from './tokens.js';
import type { FoundAttribution } from './types.js';

export const CLOSING_ATTRIBUTION = defineRule({
  id: 'attribution.closing-attribution',
  stage: 'attribution',
  summary: 'A speaker and verb that close the sentence or clause ("…, the port authority said on Monday.") cover what precedes them.',
  examples: {
    fires: ['Twelve ships were turned away, the port authority said on Monday.'],
    doesNotFire: ['The port authority said 12 ships were turned away.'],
  },
});

/** A number that is part of a date: "…, Unicef said on 14 March 2025." */
function dateNum(toks: Tok[], q: number): boolean {
  const t = toks[q];
  if (t.k !== 'num') return false;
  if (isMonthTok(toks[q - 1]) || isMonthTok(toks[q + 1]) || (toks[q - 1]?.t === '.' && isMonthTok(toks[q - 2]))) return true;
  return /^(19|20)\d\d$/.test(t.t) && (isMonthTok(toks[q - 1]) || isMonthTok(toks[q - 2]) || toks[q - 1]?.l === 'in');
}

/** A figure (not a date) after the verb. */
function figureAfter(toks: Tok[], verb: number): boolean {
  for (let k = verb + 1; k < toks.length; k++) if (toks[k].k === 'num' && !dateNum(toks, k)) return true;
  return false;
}

/** The verb closes the sentence or the clause: "…, the commission said on Monday, defeating …". */
function verbEnds(toks: Tok[], verb: number): boolean {
  let q = verb + 1;
  let hops = 0;
  while (q < toks.length && hops < 6 && (TIME_FOLLOW.has(toks[q].l) || isMonthTok(toks[q]) || dateNum(toks, q) || (toks[q].t === '.' && isMonthTok(toks[q - 1])) || VERB_TAIL_WORDS.has(toks[q].l))) {
    q++;
    hops++;
  }
  return q >= toks.length || /^[,.;:!?"”]$/.test(toks[q].t);
}

/** Index of the last token before the speaker phrase. */
function beforeSpeaker(toks: Tok[], a: FoundAttribution): number {
  let q = a.verbIdx - 1;
  while (q >= 0 && toks[q].e > a.s) q--;
  return q;
}

/** "…, research firm Canalys estimated, …": the speaker phrase (after lowercase descriptors) follows a comma or quote. */
function npAfterComma(toks: Tok[], a: FoundAttribution): boolean {
  let q = beforeSpeaker(toks, a);
  for (let d = 0; d < 3 && q >= 0 && toks[q].k === 'word' && !toks[q].cap; d++) q--;
  return q >= 0 && isCommaOrCloseQuote(toks[q]);
}

/** Sets prio, whole and tail of each attribution found in the sentence. */
export function settleCoverage(toks: Tok[], found: FoundAttribution[]): void {
  for (const a of found) {
    const v = toks[a.verbIdx];
    a.prio = CORE_SPEECH.has(v.l) ? 2 : 1;
    a.whole = v.l === 'according';
    const figure = figureAfter(toks, a.verbIdx);
    const short = toks.length - a.verbIdx - 1 <= 8;
    const commaBefore = isCommaOrCloseQuote(toks[a.verbIdx - 1]) || npAfterComma(toks, a);
    const ends = verbEnds(toks, a.verbIdx);
    // "…, and Russia said it had received the same number", "…, although aid agencies say only a fraction …": a new clause
    // led by a conjunction, with a complement after its verb, speaks only for what follows
    const sp = beforeSpeaker(toks, a);
    const conjLed = sp >= 1 && CLAUSE_CONJUNCTIONS.has(toks[sp].l) && toks[sp - 1].t === ',' && !ends;
    // "…, the commission told state media on Monday, a figure the opposition dismissed", "…, the ministry said in a statement
    // carried by the state news agency": a speaker after a comma with no figure after the verb closes what precedes it
    const closes = !conjLed && !a.coord && ((ends && (commaBefore || !figure)) || (!figure && short) || (!figure && commaBefore));
    a.tail = when(CLOSING_ATTRIBUTION, closes, Math.min(a.s, v.s), Math.max(a.e, v.e));
  }
}
