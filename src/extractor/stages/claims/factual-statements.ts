/**
 * Claims that come from what a sentence asserts rather than from a figure or a speaker:
 *  - a factual statement without a number ("The senator voted against the water bill", "Burglaries have doubled"):
 *    a `statement` claim with no attribution, when the check-worthiness model scores one of the sentence's clauses
 *    at or above FACTUAL_STATEMENT_MIN with a factual cue (comparison with a baseline, trend, voting record,
 *    "has never");
 *  - no figure claim from a clause that asks, supposes or promises, when nobody is reported saying it
 *    ("Why do you spend $2 billion on …?", "we could have lost 3 million jobs", "I will hire 200 officers"): the
 *    speaker's own question, hypothetical or pledge is not a checkable figure. A reported plan keeps its figure
 *    ("the minister said the government will spend $2 billion": attributed; "the council will spend …": not first
 *    person, so no promise).
 */
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { ExtractedClaim, TimeRef } from '../../types.js';
import { readSentence, segmentAt } from '../checkworthiness/features.js';
import { scoreClaim } from '../checkworthiness/score.js';
import type { Mention } from '../numbers/index.js';
import type { Sentence } from '../segmentation/index.js';
import type { Tok } from '../tokens/index.js';

/** The lowest score at which a sentence without figure or speaker becomes a claim: the service's review threshold. */
export const FACTUAL_STATEMENT_MIN = 0.3;

export const FACTUAL_STATEMENT = defineRule({
  id: 'claims.factual-statement',
  stage: 'claims',
  summary: 'A sentence with no figure and no speaker whose clause states a change, a record or a comparison with a baseline is a statement claim ("The senator voted against the water bill twice").',
  examples: {
    fires: ['The senator voted against the water bill twice.', 'Burglaries in the old town are higher now than at any time since the nineties.'],
    doesNotFire: ['The senator will vote on the water bill.', 'Why have burglaries doubled in the old town?', 'Burglaries are a problem in the old town.'],
  },
});

export const FIGURE_IN_NON_FACTUAL_CLAUSE = defineRule({
  id: 'claims.figure-in-non-factual-clause',
  stage: 'claims',
  summary: 'No figure claim from an unattributed clause that asks, supposes or promises ("I will hire 200 officers", "we could have lost 3 million jobs").',
  examples: {
    fires: ['I will hire 200 new police officers in my first term.', 'Why did the county spend $40 million on a stadium?', 'If we had waited, we would have lost 4 million jobs.'],
    doesNotFire: [
      'We hired 200 new police officers in my first term.',
      'The county will spend $40 million on a stadium, the mayor said.',
      'The county board met on Tuesday. It voted to build a stadium. Why did the county spend $40 million on it? The board did not say.',
    ],
  },
});

/** True when, in spoken text, a figure's clause is a question, a counterfactual or a first-person promise and nobody is reported saying it. */
export function figureInNonFactualClause(toks: readonly Tok[], m: Mention, attributed: boolean, text: string): boolean {
  if (attributed || !spokenText(text)) return false;
  const mood = segmentAt(readSentence(toks), m.ts).mood;
  // a bare modal only lowers the score: news reports plans and estimates with "would" and "could" ("the draft would
  // release hundreds of prisoners"); a condition or a modal perfect ("would have lost") is counterfactual
  return when(FIGURE_IN_NON_FACTUAL_CLAUSE, mood.question || mood.counterfactual || mood.promise, m.s, m.e);
}

export const SPOKEN_TEXT = defineRule({
  id: 'claims.spoken-text',
  stage: 'claims',
  summary: 'Factual statements come only from spoken text: a transcript or interview (first and second person outside quotation marks in most sentences) or a text of one or two sentences; in news copy the reporter\'s unattributed narration is background, not a claim.',
  examples: {
    fires: ['Violent crime fell last year for the second year in a row.'],
    doesNotFire: [
      'The county opened a new depot in March. Officials expect it to serve 40 routes. Violent crime fell last year for the second year in a row. The sheriff did not comment.',
    ],
  },
});

/** Share of sentences with a first- or second-person word outside quotation marks above which a text is spoken. */
const SPOKEN_PRONOUNS_PER_SENTENCE = 0.4;
const QUOTED = /"[^"\n]*"?|“[^”\n]*”?/g;
// ("US" the country is not "us")
const FIRST_SECOND_PERSON = /\b(?:I|I'm|I've|I'll|I'd|[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'll|[Oo]ur|[Mm]y|[Yy]ou|[Yy]our|[Yy]ou're|us|me)\b/g;
const SENTENCE_END = /[.!?]["”’)]?(?:\s|$)/g;
let lastText: string | null = null;
let lastSpoken = false;

/**
 * A transcript or an interview, or a lone sentence: the text's sentences are its speakers' own claims. Measured on
 * the labelled sets: every news article has at most 0.24 first/second-person words per sentence outside quotes, the
 * debate transcripts 0.55–0.84. Cached for the last text (one article is extracted sentence by sentence).
 */
export function spokenText(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    const sentences = (text.match(SENTENCE_END) ?? []).length;
    const unquoted = text.replace(QUOTED, ' ');
    lastSpoken = sentences <= 2 || (unquoted.match(FIRST_SECOND_PERSON) ?? []).length / sentences >= SPOKEN_PRONOUNS_PER_SENTENCE;
  }
  return lastSpoken;
}

/** A statement claim for a sentence that yielded no claim, when one of its clauses asserts a checkable fact. */
export function factualStatement(toks: readonly Tok[], sent: Sentence, times: () => readonly TimeRef[], text: string): ExtractedClaim | null {
  // (a headline, with no closing punctuation, is no statement; news copy is not read at all: the cheap test first)
  if (toks.length < 4 || !/[.!"”’')]$/.test(sent.text)) return null;
  if (!when(SPOKEN_TEXT, spokenText(text), sent.start, sent.end)) return null;
  const reading = readSentence(toks);
  const cued = reading.segments.some((g) => g.mood.comparison || g.mood.trend || g.mood.record || g.mood.never);
  // (times only when a clause has a cue: most sentences have none)
  const timeRef = cued ? times().find((x) => x.date !== null || x.from !== null) ?? null : null;
  let best: { score: number; reasons: string[] } | null = null;
  for (const seg of reading.segments) {
    const m = seg.mood;
    if (!(m.comparison || m.trend || m.record || m.never)) continue;
    const sc = scoreClaim('statement', null, false, !!timeRef, null, toks, true, seg.a);
    if (!best || sc.score > best.score) best = sc;
  }
  if (!when(FACTUAL_STATEMENT, best !== null && best.score >= FACTUAL_STATEMENT_MIN, sent.start, sent.end)) return null;
  return {
    text: sent.text, start: sent.start, end: sent.end, category: 'statement', quantity: null, subject: null, location: null,
    timeRef, attribution: null, checkworthiness: best!.score, checkworthinessReasons: best!.reasons,
  };
}
