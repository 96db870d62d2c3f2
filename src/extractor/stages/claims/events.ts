/** Dated events: an event verb with an explicit date in its clause ("annexed the Crimean Peninsula in 2014"). */
import { spokenText } from './factual-statements.js';
import { CLAUSE_PUNCT } from '../../resources/clauses.js';
import { DURATION_PHRASE, EVENT_VERBS, EXPLICIT_DATE, NOT_SUPERLATIVE, PLAN_WORDS, SOURCE_NOUNS, STATEMENT_FRAME } from '../../resources/events.js';
import { SUBJECT_SKIP } from '../../resources/places.js';
import type { TimeRef } from '../../types.js';
import type { Tok } from '../tokens/index.js';
import { tokAt } from '../segmentation/token-positions.js';
import { futureBefore, openerModifierTime } from '../time/choice-guards.js';
import { isDuration, sinceInner } from '../time/time.js';
import type { FoundAttribution } from '../attribution/index.js';
import { speakerInTurn, type Turn } from '../attribution/transcript.js';
import { scoreClaim } from '../checkworthiness/score.js';
import type { ClaimSink, SentenceView } from './sentence.js';
import { when } from '../../pipeline/trace.js';
import * as R from './rules.js';
import { capRunLeft, isCapNP } from './subject.js';

export function hasEventVerb(toks: Tok[]): boolean {
  for (const t of toks) if (EVENT_VERBS.has(t.l)) return true;
  return false;
}

export interface EventFound {
  s: number;
  e: number;
  time: TimeRef;
  subject: string | null;
}

/** "the largest exchange since …": a superlative just before `since` (a record compared over a span; an ordinal is not one). */
function superlativeBefore(toks: Tok[], since: number): boolean {
  for (let k = since - 1; k >= 0 && since - k <= 5; k--) {
    const l = toks[k].l;
    if (/^[,;:.]$/.test(toks[k].t)) return false;
    if (toks[k - 1]?.l === 'the' || toks[k - 1]?.l === 'its' || toks[k - 2]?.l === 'the') {
      if ((/[a-z]{2}est$/.test(l) && !NOT_SUPERLATIVE.test(l)) || /^(most|least|worst|best|biggest|highest|lowest)$/.test(l)) return true;
    }
  }
  return false;
}

/** A participle after "<noun>," that closes before the clause's own verb: "The swap, agreed at talks last week, is …". */
function reducedRelative(toks: Tok[], i: number): boolean {
  for (let k = i + 1; k < toks.length && k - i <= 14; k++) {
    if (toks[k].t === ',') {
      const n = toks[k + 1];
      // the main clause goes on after the closing comma with a verb ("is meant", "was signed", "will")
      return !!n && n.k === 'word' && !n.cap && /^(is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|came|comes|went|remains|remained|took|takes)$/.test(n.l);
    }
    if (/^[;:.]$/.test(toks[k].t)) return false;
  }
  return false;
}

/** An event verb at i that is not the verb of a dated event (a speech verb, a plan, a modifier, a source's). */
function notAnEvent(toks: Tok[], i: number, speechVerbs: Set<number>): boolean {
  const t = toks[i];
  if (!EVENT_VERBS.has(t.l)) return true;
  if (speechVerbs.has(i) || (i === 0 && t.cap)) return true;
  // "ruled out talks", "scheduled to meet": not the verb's own event
  if (when(R.EVENT_PHRASAL, (t.l === 'ruled' && toks[i + 1]?.l === 'out') || (t.l === 'scheduled' && toks[i + 1]?.l === 'to'), t.s, t.e)) return true;
  // "Under legislation approved by the cabinet in August, …": a participle in an opener modifies its noun
  if (when(R.EVENT_OPENER_MODIFIER, openerModifierTime(toks, i + 1, toks.length), t.s, t.e)) return true;
  // "schools will stay closed until Feb. 19", "is expected to sign on Monday": not (yet) an event
  if (when(R.EVENT_NOT_YET, futureBefore(toks, i) || (toks[i - 1]?.l === 'to' && PLAN_WORDS.has(toks[i - 2]?.l ?? '')), t.s, t.e)) return true;
  // "The swap, agreed at direct talks in Istanbul last week, is meant to …": a participle set off after a noun modifies
  // it (a reduced relative clause), it is not the sentence's event
  if (when(R.EVENT_REDUCED_RELATIVE, toks[i - 1]?.t === ',' && toks[i - 2]?.k === 'word' && !toks[i - 2].cap && /ed$/.test(t.l) && /^(at|in|by|during|under|on|after|before|last|earlier|this)$/.test(toks[i + 1]?.l ?? '')
    && !/^(and|but|then|also)$/.test(toks[i - 2].l) && reducedRelative(toks, i), t.s, t.e)) return true;
  // "figures released by the police last week", "a survey published Wednesday": the source's date, not an event
  return when(R.EVENT_SOURCE_PARTICIPLE, SOURCE_NOUNS.has(toks[i - 1]?.l ?? ''), t.s, t.e);
}

/** The clause around token i: [first token, last token]. */
function clauseAround(toks: Tok[], i: number): [number, number] {
  let a = i;
  while (a > 0 && !CLAUSE_PUNCT.has(toks[a - 1].t) && toks[a - 1].l !== 'when' && toks[a - 1].l !== 'while') a--;
  let b = i;
  // (a date's comma stays: "on Nov. 19, 2023")
  const dateComma = (q: number) => toks[q].t === ',' && toks[q - 1]?.k === 'num' && /^(19|20)\d\d$/.test(toks[q + 1]?.t ?? '');
  while (b < toks.length - 1 && (!CLAUSE_PUNCT.has(toks[b + 1].t) || dateComma(b + 1)) && toks[b + 1].l !== 'when' && toks[b + 1].l !== 'while' && !(toks[b + 1].t === '.' && b + 2 >= toks.length)) b++;
  return [a, b];
}

/** The event's subject: the capitalised run right before the verb (for "it"/"they", the nearest named actor to the left). */
function eventSubject(toks: Tok[], text: string, i: number, a: number): string | null {
  let j = i - 1;
  while (j >= a && SUBJECT_SKIP.has(toks[j].l)) j--;
  if (j < a) return null;
  if (toks[j].l === 'it' || toks[j].l === 'they') {
    // "moves Russia made before it annexed ..."
    for (let q = j - 1; q >= 0; q--) {
      if (isCapNP(toks[q]) && q > 0 && !/^(The|A|An)$/.test(toks[q].t)) {
        const r = capRunLeft(toks, q);
        return r ? text.slice(toks[r[0]].s, toks[r[1]].e) : null;
      }
    }
    return null;
  }
  const r = capRunLeft(toks, j);
  return r ? text.slice(toks[r[0]].s, toks[r[1]].e) : null;
}

/** The times an event verb at i may take: a date taken by a figure is not an event's (the corpus convention). */
function eventTimes(toks: Tok[], explicitAll: TimeRef[], used: Set<TimeRef>, i: number): TimeRef[] {
  return explicitAll.flatMap((x) => {
    if (used.has(x)) return [];
    const inner = sinceInner(x);
    // ("since records began in 2006" is an idiom, not an event; "the largest exchange since the full-scale invasion began
    // in February 2022" is a superlative's comparison baseline, not an event)
    if (when(R.EVENT_SUPERLATIVE_SINCE, /^since\b/i.test(x.text) && superlativeBefore(toks, tokAt(toks, x.start)), x.start, x.end)) return [];
    // "since negotiations collapsed in October" with no figure: the date inside the since-clause dates its verb
    if (inner && when(R.EVENT_SINCE_INNER, x.start < toks[i].s && x.end >= toks[i].e && inner.start >= toks[i].e && !/^(records?|record-keeping)$/.test(toks[i - 1]?.l ?? ''), inner.start, inner.end)) return [inner];
    return [x];
  });
}

/**
 * A time that dates a speech verb before the event verb is the statement's date, not the event's: "the ministry said
 * on Wednesday its forces had captured the village" ("said in a statement last week that …", "told state media on Monday").
 */
function datesSpeech(toks: Tok[], x: TimeRef, i: number, speechVerbs: Set<number>): boolean {
  return when(R.EVENT_STATEMENT_DATE, [...speechVerbs].some((v) => {
    if (v >= i) return false;
    const xt = tokAt(toks, x.start);
    if (Math.abs(xt - v) <= 2) return true;
    if (xt < v || xt - v > 7) return false;
    for (let q = v + 1; q < xt; q++) if (!STATEMENT_FRAME.test(toks[q].l)) return false;
    return true;
  }), x.start, x.end);
}

/** An event verb with an explicit date (year, month, day, weekday) in the same clause, not already used by a figure. */
export function findEvents(toks: Tok[], text: string, times: TimeRef[], used: Set<TimeRef>, speechVerbs: Set<number>): EventFound[] {
  const out: EventFound[] = [];
  // (a duration is no date: "who had been held for 430 days")
  const explicitAll = times.filter((t) => (t.date !== null || t.from !== null) && !isDuration(t) && !DURATION_PHRASE.test(t.text) && EXPLICIT_DATE.test(t.text));
  if (explicitAll.length === 0) return out;
  for (let i = 0; i < toks.length; i++) {
    if (notAnEvent(toks, i, speechVerbs)) continue;
    const [a, b] = clauseAround(toks, i);
    const cs = toks[a].s;
    const ce = toks[b].e;
    const explicit = eventTimes(toks, explicitAll, used, i);
    const tm = explicit.find((x) => x.start >= toks[i].e && x.end <= ce + 1) ?? explicit.find((x) => x.start >= cs && x.end <= toks[i].s && !datesSpeech(toks, x, i, speechVerbs));
    if (!tm || out.some((o) => o.time === tm)) continue;
    // the claim: from the clause start (without a leading connective) to the end of the time reference
    let k = a;
    while (k < i && /^(and|but|before|after|as|then|also)$/.test(toks[k].l)) k++;
    const e = Math.max(tm.end, toks[i].e);
    if (!when(R.DATED_EVENT, true, toks[k].s, Math.min(e, text.length))) continue;
    out.push({ s: toks[k].s, e: Math.min(e, text.length), time: tm, subject: eventSubject(toks, text, i, a) });
    used.add(tm);
  }
  return out;
}

/** Emits the sentence's dated events (attributed to the sentence's main speaker, in a transcript to the turn's speaker); returns how many. */
export function eventClaims(v: SentenceView, found: FoundAttribution[], attr: FoundAttribution | null, usedTimes: Set<TimeRef>, sink: ClaimSink, turn: Turn | null = null): number {
  if (!hasEventVerb(v.toks)) return 0;
  const speechVerbs = new Set(found.map((f) => f.verbIdx));
  const events = findEvents(v.toks, v.text, v.times(), usedTimes, speechVerbs);
  if (events.length === 0) return 0;
  // in a transcript, an event without a source of its own is the turn's speaker's, like a figure
  const speaker = speakerInTurn(turn, attr);
  let n = 0;
  for (const ev of events) {
    const sc = scoreClaim('event', null, !!speaker, true, ev.subject, v.toks, spokenText(v.text));
    sink({
      text: v.text.slice(ev.s, ev.e), start: ev.s, end: ev.e, category: 'event', quantity: null, subject: ev.subject,
      location: null, timeRef: ev.time, attribution: speaker ? { speaker: speaker.speaker, role: speaker.role } : null,
      checkworthiness: sc.score, checkworthinessReasons: sc.reasons,
    }, speaker);
    n++;
  }
  return n;
}
