/**
 * Sentence-level features of the check-worthiness model: what kind of speech act a sentence (or one of its
 * clauses) is. A checkable assertion states a change, a comparison with a baseline, a record of what someone did;
 * a question, a promise, a hypothetical, an opinion or a present-tense denial does not assert a checkable fact.
 *
 * A sentence is read once (cached by its token array) into segments, cut at ";", ":", a spaced dash and
 * ", and / , but / , so": "I voted against a budget that cut 40 percent, and I'd do it again" has a factual first
 * segment and a hypothetical second one. A question mark and a sentence-opening "if" cover the whole sentence.
 */
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import {
  ACTOR_NOUNS, CONDITIONAL_OPENERS, FIRST_PERSON, FUTURE_AUX, HYPOTHETICAL_MODALS, INTENT_VERBS,
  IRREGULAR_PAST, NEGATED_PRESENT_AUX, NEGATORS, OPINION_VERBS, PRESENT_AUX, RECORD_AUX, RECORD_BASELINES, RECORD_VERBS,
  SUPERLATIVES, TREND_MOTION_VERBS, TREND_PARTICLES, TREND_WORDS,
} from '../../resources/checkworthiness.js';
import type { Tok } from '../tokens/index.js';

/** The features of one segment (the sentence-wide ones, question and conditional opener, are copied into each). */
export interface Mood {
  question: boolean;
  hypothetical: boolean;
  /** A counterfactual or a condition ("if …", "would have", "could have lost"): part of hypothetical, also read on its own. */
  counterfactual: boolean;
  promise: boolean;
  future: boolean;
  opinion: boolean;
  negated: boolean;
  comparison: boolean;
  trend: boolean;
  record: boolean;
  never: boolean;
  pastAction: boolean;
}

export interface Segment {
  /** token indexes [a, b) */
  a: number;
  b: number;
  mood: Mood;
}

export interface SentenceReading {
  segments: Segment[];
  /** Every segment's features or-ed: the sentence as a whole. */
  whole: Mood;
}

const ex = (fires: string[], doesNotFire: string[]) => ({ fires, doesNotFire });

export const QUESTION = defineRule({
  id: 'checkworthiness.question',
  stage: 'checkworthiness',
  summary: 'A sentence that ends with a question mark asks rather than asserts: "Why do you spend $2 billion on …?"',
  examples: ex(['Why did the county spend $40 million on a stadium nobody uses?'], ['The county spent $40 million on a stadium nobody uses.']),
});
export const HYPOTHETICAL = defineRule({
  id: 'checkworthiness.hypothetical',
  stage: 'checkworthiness',
  summary: 'A condition or a modal (if, unless, would, could, might, should) makes a clause hypothetical: "we could have lost 3 million jobs".',
  examples: ex(
    ['Without the rescue package we could have lost 3 million jobs.', 'If the levy passes, rents might rise by 12 percent.'],
    ['We lost 3 million jobs in the recession.', 'Rents rose by 12 percent last year.'],
  ),
});
export const PROMISE = defineRule({
  id: 'checkworthiness.promise-or-proposal',
  stage: 'checkworthiness',
  summary: 'A first-person promise, plan or proposal (I will, we\'ll, we are going to, I want, we plan to, I propose) states an intent, not a fact.',
  examples: ex(
    ['I will hire 300 new nurses in my first year.', 'We plan to plant 10,000 trees along the river.', 'I want every pensioner to get a $500 winter payment.'],
    ['We hired 300 new nurses last year.', 'The council will plant 10,000 trees along the river.'],
  ),
});
export const FUTURE = defineRule({
  id: 'checkworthiness.future',
  stage: 'checkworthiness',
  summary: 'A future (will, going to) with someone else as subject is a forecast or an announced plan, not yet a fact.',
  examples: ex(['The new bridge will cost $80 million.'], ['The new bridge cost $80 million.']),
});
export const OPINION = defineRule({
  id: 'checkworthiness.first-person-opinion',
  stage: 'checkworthiness',
  summary: 'A first-person opinion verb (I think, we believe, I\'m proud, I know) frames the clause as the speaker\'s view.',
  examples: ex(['I think 40 new schools is too many for this district.'], ['The district opened 40 new schools.']),
});
export const NEGATED = defineRule({
  id: 'checkworthiness.negated',
  stage: 'checkworthiness',
  summary: 'A negated present, future or modal verb is a denial or a refusal ("I\'m not looking for a $5 trillion tax cut"); a negated past ("didn\'t", "has never") states a record and does not count.',
  examples: ex(['I am not asking for a $2 trillion stimulus.', 'Not one more dollar will go to the stadium without an audit.'], ['The council did not spend the $2 million it was given.']),
});
export const COMPARISON = defineRule({
  id: 'checkworthiness.comparison-with-baseline',
  stage: 'checkworthiness',
  summary: 'A comparison with a baseline ("than at any time since", "than ever", "twice what it was") or a superlative with one ("the lowest level since 1990", "the largest in the world") states a checkable record.',
  examples: ex(
    ['Unemployment is lower now than at any time since the war.', 'The river reached its highest level since records began.'],
    ['Unemployment is low.', 'The three largest banks met on Monday.'],
  ),
});
export const TREND = defineRule({
  id: 'checkworthiness.trend',
  stage: 'checkworthiness',
  summary: 'A verb of change ("fell", "has doubled", "went way down", "is up again") or a streak ("for the third year in a row") states a checkable change.',
  examples: ex(['The trade deficit went way down last spring.', 'Burglaries have doubled in the old town.'], ['The trade deficit is a problem.', 'Burglaries are a problem in the old town.']),
});
export const RECORD = defineRule({
  id: 'checkworthiness.voting-record',
  stage: 'checkworthiness',
  summary: 'A record of official acts ("voted against", "vetoed", "signed", "refused", "missed votes") is checkable on the record.',
  examples: ex(['The senator voted against the water bill twice.'], ['The senator will vote on the water bill.']),
});
export const NEVER = defineRule({
  id: 'checkworthiness.never-claim',
  stage: 'checkworthiness',
  summary: '"has never", "never + past verb": a claim about the whole record, checkable.',
  examples: ex(['The governor has never balanced a budget.'], ['The governor will never balance a budget.']),
});
export const PAST_ACTION = defineRule({
  id: 'checkworthiness.past-action-by-actor',
  stage: 'checkworthiness',
  summary: 'A past-tense verb with a named or titled actor (or the speaker) as subject asserts what someone did: "Ortega closed the clinic".',
  examples: ex(['Ortega closed the clinic in the spring.'], ['Ortega wants to close the clinic.']),
});

const fold = (l: string) => (l.includes('’') ? l.replace(/’/g, "'") : l);
const cache = new WeakMap<readonly Tok[], SentenceReading>();
const MODAL_PERFECT = new Set(["would've", "could've", "might've", "should've"]);

/** Reads a sentence (cached per token array: every claim of the sentence shares one reading and one set of firings). */
export function readSentence(toks: readonly Tok[]): SentenceReading {
  let r = cache.get(toks);
  if (!r) {
    r = read(toks);
    cache.set(toks, r);
  }
  return r;
}

/** The segment a token belongs to (for a figure: the features of its own clause). */
export function segmentAt(reading: SentenceReading, tokIdx: number): Segment {
  return reading.segments.find((s) => tokIdx >= s.a && tokIdx < s.b) ?? reading.segments[reading.segments.length - 1];
}

// Trigger words: a feature's function runs on a segment only when one of its words is there (most clauses have none).
const T_MODAL = 1;
const T_PERSON = 2;
const T_FUTURE = 4;
const T_NEG = 8;
const T_COMPARE = 16;
const T_TREND = 32;
const T_RECORD = 64;
const T_NEVER = 128;
const TRIGGERS = new Map<string, number>();
const addTriggers = (words: Iterable<string>, bit: number) => {
  for (const w of words) TRIGGERS.set(w, (TRIGGERS.get(w) ?? 0) | bit);
};
addTriggers([...HYPOTHETICAL_MODALS, 'if', 'unless', ...MODAL_PERFECT], T_MODAL);
addTriggers([...FIRST_PERSON, "i'll", "we'll", "i'm", "we're", "let's"], T_PERSON);
addTriggers([...FUTURE_AUX, 'going'], T_FUTURE);
addTriggers([...NEGATORS, ...NEGATED_PRESENT_AUX], T_NEG);
addTriggers([...SUPERLATIVES, 'than', 'twice', 'half', 'double'], T_COMPARE);
addTriggers([...TREND_WORDS, ...TREND_MOTION_VERBS, 'row', 'each'], T_TREND);
addTriggers(RECORD_VERBS, T_RECORD);
addTriggers(['never'], T_NEVER);

function triggersOf(l: string): number {
  let m = TRIGGERS.get(l) ?? 0;
  if (l.endsWith("'ll")) m |= T_PERSON | T_FUTURE;
  if (l.endsWith('est')) m |= T_COMPARE;
  return m;
}

function read(toks: readonly Tok[]): SentenceReading {
  const ls = toks.map((t) => fold(t.l));
  const span = (a: number, b: number): [number, number] => [toks[a]?.s ?? 0, toks[Math.max(a, b - 1)]?.e ?? 0];
  const [s0, e0] = span(0, toks.length);
  const question = when(QUESTION, endsWithQuestion(toks), s0, e0);
  const first = firstWord(toks, ls);
  const conditional = CONDITIONAL_OPENERS.has(ls[first] ?? '') && !reducedConditional(toks, ls, first);
  const segments = cut(toks, ls).map(([a, b]) => {
    const [s, e] = span(a, b);
    let t = 0;
    for (let k = a; k < b; k++) t |= triggersOf(ls[k]);
    const mood: Mood = {
      question,
      hypothetical: when(HYPOTHETICAL, conditional || (!!(t & T_MODAL) && hypothetical(toks, ls, a, b)), s, e),
      counterfactual: conditional || (!!(t & T_MODAL) && counterfactual(toks, ls, a, b)),
      promise: when(PROMISE, !!(t & T_PERSON) && promise(ls, a, b), s, e),
      future: false,
      opinion: when(OPINION, !!(t & T_PERSON) && opinion(ls, a, b), s, e),
      negated: when(NEGATED, !!(t & T_NEG) && negated(toks, ls, a, b), s, e),
      comparison: when(COMPARISON, !!(t & T_COMPARE) && comparison(toks, ls, a, b), s, e),
      trend: when(TREND, !!(t & T_TREND) && trend(ls, a, b), s, e),
      record: when(RECORD, !!(t & T_RECORD) && record(ls, a, b), s, e),
      never: when(NEVER, !!(t & T_NEVER) && never(toks, ls, a, b), s, e),
      pastAction: false,
    };
    mood.future = !mood.promise && when(FUTURE, !!(t & T_FUTURE) && future(ls, a, b), s, e);
    mood.pastAction = !mood.hypothetical && !mood.promise && when(PAST_ACTION, pastAction(toks, ls, a, b), s, e);
    return { a, b, mood };
  });
  if (segments.length === 1) return { segments, whole: segments[0].mood };
  const whole = { ...segments[0].mood };
  for (const sg of segments.slice(1)) for (const k of Object.keys(whole) as Array<keyof Mood>) whole[k] ||= sg.mood[k];
  return { segments, whole };
}

function endsWithQuestion(toks: readonly Tok[]): boolean {
  for (let k = toks.length - 1; k >= 0 && k >= toks.length - 3; k--) {
    if (toks[k].t === '?') return true;
    if (toks[k].k !== 'punct' || !/^["”’')]$/.test(toks[k].t)) return false;
  }
  return false;
}

/** The first word, past interjections and connectives ("Well, if …", "And if …"). */
function firstWord(toks: readonly Tok[], ls: string[]): number {
  let k = 0;
  while (k < toks.length && (toks[k].k === 'punct' || /^(and|but|so|well|now|look|then|yes|no|oh)$/.test(ls[k]))) k++;
  return k;
}

/** Segment bounds: ";", ":", a spaced dash, ", and / , but / , so / , while". */
function cut(toks: readonly Tok[], ls: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k].t;
    const hard = t === ';' || t === ':' || ((t === '—' || t === '–') && toks[k].sp);
    const soft = t === ',' && /^(and|but|so|while|whereas)$/.test(ls[k + 1] ?? '');
    if ((hard || soft) && k > a) {
      out.push([a, k]);
      a = k + 1;
    }
  }
  if (a < toks.length || out.length === 0) out.push([a, toks.length]);
  return out;
}

/** "If convicted, he faces up to 20 years": a condition with no clause of its own states a rule, not a supposition. */
function reducedConditional(toks: readonly Tok[], ls: string[], k: number): boolean {
  return /^(if|unless)$/.test(ls[k]) && /(ed|en)$/.test(ls[k + 1] ?? '') && (toks[k + 2]?.t === ',' || ls[k + 2] === 'guilty');
}

function hypothetical(toks: readonly Tok[], ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const l = ls[k];
    if ((l === 'if' || l === 'unless') && !reducedConditional(toks, ls, k)) return true;
    if (!HYPOTHETICAL_MODALS.has(l)) continue;
    if (l === 'may' && toks[k].cap) continue; // the month
    // "I'd voted" is "I had voted"
    if (l.endsWith("'d") && /(ed|en)$/.test(ls[k + 1] ?? '')) continue;
    return true;
  }
  return false;
}

/** A condition or a modal perfect: "if we had …", "we would have lost", "could've". */
function counterfactual(toks: readonly Tok[], ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (((ls[k] === 'if' || ls[k] === 'unless') && !reducedConditional(toks, ls, k)) || MODAL_PERFECT.has(ls[k])) return true;
    if (HYPOTHETICAL_MODALS.has(ls[k]) && ls[k + 1] === 'have' && /(ed|en|lost|made|had|got|kept|seen|done|paid|spent)$/.test(ls[k + 2] ?? '')) return true;
  }
  return false;
}

/** A first-person subject followed by a future or an intent: "I will", "we'll", "we are going to", "I want", "let's". */
function promise(ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const l = ls[k];
    if (l === "let's") return true;
    if (l === "i'll" || l === "we'll") return true;
    if ((l === "i'm" || l === "we're") && ls[k + 1] === 'going' && ls[k + 2] === 'to') return true;
    if (!FIRST_PERSON.has(l)) continue;
    let n = k + 1;
    if (/^(also|just|really|still|now|all)$/.test(ls[n] ?? '')) n++;
    const v = ls[n] ?? '';
    if (FUTURE_AUX.has(v) || INTENT_VERBS.has(v)) return true;
    if ((v === 'am' || v === 'are') && ls[n + 1] === 'going' && ls[n + 2] === 'to') return true;
    if ((v === 'have' || v === 'need') && ls[n + 1] === 'to') return true;
  }
  return false;
}

function future(ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (FUTURE_AUX.has(ls[k]) || ls[k].endsWith("'ll")) return true;
    if (ls[k] === 'going' && ls[k + 1] === 'to' && /^(is|are|was|were|'s|'re)$|'s$|'re$/.test(ls[k - 1] ?? '') && !/^(the|a|an|be)$/.test(ls[k + 2] ?? '')) return true;
  }
  return false;
}

function opinion(ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const l = ls[k];
    const subj = FIRST_PERSON.has(l) || l === "i'm" || l === "we're";
    if (!subj) continue;
    for (let n = k + 1; n <= k + 3 && n < b; n++) {
      if (OPINION_VERBS.has(ls[n])) return true;
      if (!/^(am|are|really|do|just|also|very|so|truly|still|firmly|personally)$/.test(ls[n])) break;
    }
  }
  return false;
}

function negated(toks: readonly Tok[], ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const l = ls[k];
    if (NEGATED_PRESENT_AUX.has(l)) return true;
    if (!NEGATORS.has(l) || l === 'nor' || l === 'neither') continue;
    const prev = ls[k - 1] ?? '';
    if (l === 'never') {
      if (!RECORD_AUX.has(prev) && !isPast(toks, ls, k + 1)) return true;
      continue;
    }
    // "has not confirmed" states a record; "we have no plans" is a present denial
    if (RECORD_AUX.has(prev) && !(l === 'no' && (prev === 'have' || prev === 'has'))) continue;
    if (l === 'not' && !PRESENT_AUX.has(prev) && k !== a && !/^(that's|it's|is|are|was)$/.test(prev)) continue;
    return true;
  }
  return false;
}

const NOT_SUPERLATIVE = /^(interest|protest|arrest|request|forest|west|test|harvest|contest|suggest|invest|guest|chest|quest|rest|nest|manifest|unrest|conquest|inquest|priest|honest|modest|latest|biggest|best)$/;
const NUMBER_WORDS = /^(half|one|two|three|four|five|six|seven|eight|nine|ten|a|an|twice|double|triple|\$|€|£)$/;

function comparison(toks: readonly Tok[], ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const l = ls[k];
    if (l === 'than' && k + 1 < b && toks[k + 1].k === 'word' && !NUMBER_WORDS.test(ls[k + 1]) && !/^(rather|other)$/.test(ls[k - 1] ?? '')) return true;
    if ((l === 'twice' || l === 'half' || l === 'double') && ls[k + 1] === 'what') return true;
    const sup = SUPERLATIVES.has(l) || (l.length > 5 && l.endsWith('est') && /[a-z]{3}est$/.test(l) && !NOT_SUPERLATIVE.test(l));
    if (!sup || !/^(the|its|their|our|his|her|my|your)$/.test(ls[k - 1] ?? ls[k - 2] ?? '') && !/^(the|its|their|our)$/.test(ls[k - 2] ?? '')) continue;
    // ("the first two years" is no record; "the first drill since 2021", "for the first time in a decade" are)
    const baseline = (w: string) => (l === 'first' ? w === 'since' || w === 'time' : RECORD_BASELINES.has(w) || w === 'ever');
    for (let n = k + 1; n < b && n <= k + 7; n++) if (baseline(ls[n])) return true;
  }
  return false;
}

function trend(ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const l = ls[k];
    // ("declined to comment", "fell short", "to lower costs" are no change)
    if (TREND_WORDS.has(l) && ls[k - 1] !== 'to' && !(l === 'declined' && ls[k + 1] === 'to') && !(l === 'fell' && ls[k + 1] === 'short')) return true;
    if (TREND_MOTION_VERBS.has(l)) {
      for (let n = k + 1; n <= k + 2 && n < b; n++) if (TREND_PARTICLES.has(ls[n])) return true;
    }
    if (l === 'row' && ls[k - 1] === 'a' && ls[k - 2] === 'in') return true;
    if (l === 'each' && ls[k + 1] === 'of' && ls[k + 2] === 'the' && /^(last|past)$/.test(ls[k + 3] ?? '')) return true;
  }
  return false;
}

function record(ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const l = ls[k];
    if (!RECORD_VERBS.has(l) || ls[k - 1] === 'to') continue;
    if (l === 'voted' && !/^(for|against|to|no|yes|down|twice|in)$/.test(ls[k + 1] ?? '')) continue;
    // "the debate is sponsored by a bank" is no act on the record
    if (/^(is|are|was|were|been|be)$/.test(ls[k - 1] ?? '')) continue;
    return true;
  }
  return false;
}

/** A past form: regular -ed (not an adjective like "interested") or a frequent irregular one. */
function isPast(toks: readonly Tok[], ls: string[], k: number): boolean {
  const l = ls[k];
  if (!l || toks[k].k !== 'word') return false;
  if (IRREGULAR_PAST.has(l)) return true;
  // (the cheap test first: this runs on every token of every clause)
  if (l.length < 4 || !(l.endsWith('ed') || l.endsWith('en'))) return false;
  return (/[a-z]{2}(ed|en)$/.test(l) && !/^(interested|concerned|tired|united|need|seen|often|open|even|been|given|eleven|seven|kitchen|children|women|men|citizen|garden|happen|listen)$/.test(l));
}

function never(toks: readonly Tok[], ls: string[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (ls[k] !== 'never') continue;
    if (/^(has|have|had|hasn't|haven't|i've|we've|they've|he's|she's)$/.test(ls[k - 1] ?? '') || isPast(toks, ls, k + 1)) return true;
  }
  return false;
}

const NOT_ACTOR = /^(the|a|an|this|that|these|those|it|there|here|what|who|why|how|when|where|which|thank|good|well|yes|no|and|but|so|if|let's|today|tonight)$/;

function pastAction(toks: readonly Tok[], ls: string[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    if (!isPast(toks, ls, k) || toks[k].cap) continue;
    let s = k - 1;
    while (s > a && /^(has|have|had|also|just|already|actually|never|once|then|recently|i've|we've)$/.test(ls[s])) s--;
    const w = toks[s];
    if (w.k !== 'word') continue;
    if (/^(i|we|he|she|they|i've|we've|they've)$/.test(ls[s])) return true;
    if (ACTOR_NOUNS.has(ls[s]) && /^(the|my|your|our|his|her|their|this)$/.test(ls[s - 1] ?? '')) return true;
    if (w.cap && !NOT_ACTOR.test(ls[s])) return true;
  }
  return false;
}
