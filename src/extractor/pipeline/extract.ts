/**
 * The extraction run. Pure, synchronous and deterministic given opts.publishedAt.
 *
 * Per sentence, in order: filter (sentence-filter.ts) -> tokens (segmentation) -> number mentions (numbers) ->
 * attributions (attribution) -> quotation carried from the sentence before (claims/statements) -> figure claims:
 * what is counted (counted), time (time: findTimes, then the choice per figure), subject, location, currency,
 * check-worthiness (claims/figures) -> dated events (claims/events) -> a statement when there is neither
 * (claims/statements) -> speaker memory for the next sentences (attribution).
 */
import { findAttributions, mainAttribution, newMemory, noteNames, notePersons, remember, type FoundAttribution } from '../stages/attribution/index.js';
import { eventClaims, figureClaims, QuoteCarry, statementClaim, type ArticleFigures, type ClaimSink, type SentenceView } from '../stages/claims/index.js';
import { factualStatement } from '../stages/claims/factual-statements.js';
import { findMentions } from '../stages/numbers/index.js';
import { withHarmMentions } from '../stages/outcome/mentions.js';
import { findTurns, turnAt, turnStatementSpeaker } from '../stages/attribution/transcript.js';
import { splitSentences, type Sentence } from '../stages/segmentation/index.js';
import { tokenize, type Tok } from '../stages/tokens/index.js';
import { findTimes, ymdIn } from '../stages/time/index.js';
import type { ExtractedClaim, ExtractOptions, TimeRef } from '../types.js';
import { SentenceFilter } from './sentence-filter.js';
import { rulesTouching, withTrace, type Firing } from './trace.js';
import { COUNTING_VERBS, SAY_TELL_VERBS } from '../resources/speech-verbs.js';

// 2.0.0: the pipeline of named rules (issue 11): new number forms, casualty patterns of conflict reports, tolls of one,
// transcript speakers, factual statements in spoken text, and the check-worthiness model (docs/extraction-CHANGELOG.md)
export const EXTRACTOR_VERSION = 'numeric-claims/2.0.0';

/**
 * How each sentence is analysed: `analyze` is the extractor's own step. The default runs it; tests wrap it (for instance
 * to make one sentence fail and see that the others still come out).
 */
export type SentenceStep = (sentence: Sentence, index: number, analyze: (sentence: Sentence) => void) => void;
const ANALYZE: SentenceStep = (sentence, _index, analyze) => analyze(sentence);

/** The spans a claim's trace is read from: its figure (or clause), its speaker, its time. */
type Anchors = Map<ExtractedClaim, Array<readonly [number, number]>>;

export function extractClaims(text: string, opts: ExtractOptions = {}, step: SentenceStep = ANALYZE): ExtractedClaim[] {
  return opts.trace ? traceExtraction(text, opts, step).claims : runPipeline(text, opts, step, null);
}

/** Extraction with the rule trace on: every claim carries `rules`, and every firing is returned (eval, CLI, tests). */
export function traceExtraction(text: string, opts: ExtractOptions = {}, step: SentenceStep = ANALYZE): { claims: ExtractedClaim[]; firings: Firing[] } {
  const anchors: Anchors = new Map();
  const { result: claims, firings } = withTrace(() => runPipeline(text, opts, step, anchors));
  for (const c of claims) c.rules = rulesTouching(firings, anchors.get(c) ?? [[c.start, c.end]]);
  return { claims, firings };
}

function anchorSpans(c: ExtractedClaim, speaker: { s: number; e: number } | null): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [c.quantity ? [c.quantity.start, c.quantity.end] : [c.start, c.end]];
  if (speaker) spans.push([speaker.s, speaker.e]);
  if (c.timeRef) spans.push([c.timeRef.start, c.timeRef.end]);
  return spans;
}

/** The speaker later pronouns refer to: the sentence's said/told speaker rather than the subject of another reporting verb. */
function speakerToRemember(toks: Tok[], found: FoundAttribution[], attr: FoundAttribution | null): FoundAttribution | null {
  // (1.17) "Yemen has recorded …, the World Health Organization said …. …, it said." → the WHO
  if (!attr || !COUNTING_VERBS.has(toks[attr.verbIdx]?.l ?? '')) return attr;
  return found.find((f) => !f.media && f !== attr && SAY_TELL_VERBS.has(toks[f.verbIdx]?.l ?? '')) ?? attr;
}

function runPipeline(text: string, opts: ExtractOptions, step: SentenceStep, anchors: Anchors | null): ExtractedClaim[] {
  const pub = ymdIn(opts.publishedAt ?? new Date(), opts.timeZone);
  const claims: ExtractedClaim[] = [];
  const sink: ClaimSink = (claim, speaker) => {
    claims.push(claim);
    if (anchors) anchors.set(claim, anchorSpans(claim, speaker));
  };
  const mem = newMemory();
  const filter = new SentenceFilter(text);
  const quotes = new QuoteCarry();
  const figures: ArticleFigures = { lastCount: null, currencies: new Map() };
  // transcript turns (speaker labels), found once per text; empty for news copy
  const turns = findTurns(text);
  let firstSentence = true;
  const analyze = (sent: Sentence): void => {
    if (!filter.keep(sent)) return;
    const toks = tokenize(text, sent.start, sent.end);
    if (toks.length < 3) {
      firstSentence = false;
      return;
    }
    const claimsBefore = claims.length;
    const mentions = withHarmMentions(toks, findMentions(toks));
    noteNames(toks, text, mem);
    const found = findAttributions(toks, text, mem);
    const attr = mainAttribution(found);
    const quote = quotes.enter(text, sent, toks, attr);
    let times: TimeRef[] | null = null;
    const view: SentenceView = { text, sent, toks, mentions, times: () => (times ??= findTimes(sent.text, sent.start, pub)) };
    const sentTurn = turnAt(turns, sent.start);
    const { emitted, usedTimes } = figureClaims(view, found, quote.carried, figures, sink, sentTurn);
    const events = eventClaims(view, found, attr, usedTimes, sink, sentTurn);
    // attributed positions without a figure or an event
    if (emitted === 0 && events === 0) {
      // in a transcript, a participant's assertion without a source of its own is the turn speaker's statement
      const turn = attr || quote.carried ? null : turnAt(turns, sent.start);
      // a stance with its own subject ("the council called for …") keeps that subject
      const stAttr = turn ? mainAttribution(findAttributions(toks, text, mem, true)) ?? turnStatementSpeaker(turn, sent, toks) : attr;
      statementClaim({ text, sent, toks, attr: stAttr, quote, mem, firstSentence, times: view.times }, sink);
    }
    // a sentence with no figure and no speaker that asserts a checkable fact ("X voted against the bill")
    if (claims.length === claimsBefore) {
      const fact = factualStatement(toks, sent, view.times, text);
      if (fact) sink(fact, null);
    }
    quotes.leave(sent, attr, quote);
    firstSentence = false;
    notePersons(toks, text, mem);
    const memAttr = speakerToRemember(toks, found, attr);
    if (memAttr) remember(mem, memAttr);
  };
  splitSentences(text).forEach((sent, index) => {
    const before = claims.length;
    try {
      step(sent, index, analyze);
    } catch (err) {
      // One sentence the rules cannot handle must not cost the article its other claims: drop what this sentence
      // produced, report it, go on. Without a handler the error propagates (tests want to see it).
      claims.length = before;
      if (!opts.onSentenceError) throw err;
      opts.onSentenceError({ index, start: sent.start, end: sent.end, error: err instanceof Error ? err : new Error(String(err)) });
    }
  });
  return claims;
}
