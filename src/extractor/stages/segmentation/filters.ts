/**
 * Runs the boilerplate filters (stages/segmentation/boilerplate.ts, in the order of rules.ts) on a sentence.
 */
import { enabled, fired, when } from '../../pipeline/trace.js';
import { NAVIGATION_HEADER } from '../../resources/boilerplate.js';
import { NAVIGATION_BLOCK } from './boilerplate.js';
import { BOILERPLATE_RULES } from './rules.js';

interface SentenceLike {
  text: string;
  start: number;
  end: number;
}

const spanOf = (s: SentenceLike | string): [string, number, number] => (typeof s === 'string' ? [s, 0, s.length] : [s.text, s.start, s.end]);

/** A header that opens a block of navigation links; the lines after it, up to a blank line, are not article text. */
export function isNavHeader(sentence: SentenceLike | string): boolean {
  const [text, start, end] = spanOf(sentence);
  return when(NAVIGATION_BLOCK, NAVIGATION_HEADER.test(text.trim()), start, end);
}

/** True for page furniture (and for an empty sentence). Pass the sentence (not its text) to have the firing's span. */
export function isBoilerplate(sentence: SentenceLike | string): boolean {
  const [text, start, end] = spanOf(sentence);
  const t = text.trim();
  if (t.length === 0) return true;
  for (const rule of BOILERPLATE_RULES) {
    if (enabled(rule) && rule.apply(t)) {
      fired(rule, start, end);
      return true;
    }
  }
  return false;
}
