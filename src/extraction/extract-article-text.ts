/**
 * One article's extraction as the extractor threads run it: a sentence that throws is skipped (the others still give
 * their claims) and reported with the rule trace of that sentence. Pure; runs inside a worker thread.
 */
import { extractClaims, traceUntilError, type ExtractedClaim, type SentenceError, type SentenceStep } from '../extractor/index.js';
import type { SkippedSentence } from './extractor-thread-protocol.js';

/** A trace past this many rule ids says nothing more to whoever reads the log. */
const MAX_RULES = 100;

/** `step` is the extractor's seam for tests (a sentence forced to throw); production passes none. */
export function extractArticleText(
  text: string, publishedAt: Date | undefined, step?: SentenceStep, timeZone: string | null = null,
): { claims: ExtractedClaim[]; skipped: SkippedSentence[] } {
  const errors: SentenceError[] = [];
  const claims = extractClaims(text, { publishedAt, timeZone, onSentenceError: (e) => errors.push(e) }, step);
  return { claims, skipped: errors.map((e) => ({ ...describe(e), ...traceFailure(text, e, publishedAt, timeZone, step) })) };
}

function describe(e: SentenceError): Omit<SkippedSentence, 'rules' | 'reproduced'> {
  return { index: e.index, start: e.start, end: e.end, error: `${e.error.name}: ${e.error.message}` };
}

/**
 * The rules that fired on the failing sentence before it threw. The whole run does not trace (that would slow every
 * article for the rare failure), so the sentence is run again alone with the trace on and without the error handler.
 * Alone it lacks what earlier sentences left (a speaker carried on, the last figure): `reproduced` says whether it
 * threw again, so whoever reads the log knows the trace is that of the failure.
 */
function traceFailure(text: string, e: SentenceError, publishedAt: Date | undefined, timeZone: string | null, step?: SentenceStep): Pick<SkippedSentence, 'rules' | 'reproduced'> {
  const sentence = text.slice(e.start, e.end);
  // the seam sees the sentence under its index in the article, as in the first run
  const alone: SentenceStep | undefined = step && ((s, _i, analyze) => step(s, e.index, analyze));
  const run = traceUntilError(() => extractClaims(sentence, { publishedAt, timeZone }, alone));
  const rules = [...new Set(run.firings.map((f) => f.rule))].slice(0, MAX_RULES);
  return { rules, reproduced: !run.ok };
}
