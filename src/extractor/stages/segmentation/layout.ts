/**
 * Splitter rules that do not depend on the words around a stop: a mark inside a word, a line break, and the cut of
 * an over-long sentence.
 */
import { defineRule } from '../../pipeline/rule.js';

export const MARK_INSIDE_WORD = defineRule({
  id: 'segmentation.mark-inside-word',
  stage: 'segmentation',
  summary: 'A stop with no space after it is inside a word or number ("6.8", "U.S.-led", "example.com"), not a sentence end.',
  examples: {
    fires: ['Prices rose 4.5 percent in March, the agency said.'],
    doesNotFire: ['Prices rose 4 percent in March. The agency said so.'],
  },
});

export const BREAK_AT_NEWLINE = defineRule({
  id: 'segmentation.break-at-newline',
  stage: 'segmentation',
  summary: 'A line break ends a sentence (headlines, bullets and captions have no full stop).',
  examples: {
    fires: ['Storm cuts power to 8,000 homes\nCrews worked through the night to restore it.'],
    doesNotFire: ['The storm cut power to 8,000 homes. Crews worked through the night to restore it.'],
  },
});

/**
 * The longest sentence the rules see. Several rules compare every figure of a sentence with every token or time of it,
 * so their cost grows with the square (or cube) of a sentence's length: a run-on "sentence" (a table flattened into one
 * line, a list of 50,000 numbers, a text without full stops) could hold the extractor for minutes. Longer sentences
 * are cut into pieces of at most this many characters, at a clause boundary where there is one. News sentences are far
 * shorter (the longest of the 1,368 in the labeled sets has 325 characters), so this changes nothing on real copy.
 */
export const MAX_SENTENCE_CHARS = 1000;

const runOn = `The depot shipped ${'12 crates of flour and 30 sacks of rice on the first day and '.repeat(18)}then it closed`;

export const CUT_OVER_LONG_SENTENCE = defineRule({
  id: 'segmentation.cut-over-long-sentence',
  stage: 'segmentation',
  summary: `A sentence longer than ${MAX_SENTENCE_CHARS} characters is cut into pieces, at a clause boundary where there is one, so no rule sees a run-on text whole.`,
  examples: {
    fires: [`${runOn}.`],
    doesNotFire: [`The depot shipped ${'12 crates of flour and 30 sacks of rice on the first day and '.repeat(5)}then it closed.`],
  },
});

export function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\f' || c === '\v';
}

/** Where to end the first piece of the over-long sentence text[a, b): after ';', else ',' ':' or a dash, else a space. */
export function pieceEnd(text: string, a: number, b: number): number {
  const hi = Math.min(b, a + MAX_SENTENCE_CHARS);
  const lo = a + (MAX_SENTENCE_CHARS >> 1);
  for (const marks of [';', ',:—–']) {
    for (let i = hi - 1; i >= lo; i--) if (marks.includes(text[i]) && isSpace(text[i + 1] ?? ' ')) return i + 1;
  }
  for (let i = hi - 1; i >= lo; i--) if (isSpace(text[i])) return i + 1;
  // no break at all: cut, but never between the two halves of a surrogate pair
  const code = text.charCodeAt(hi - 1);
  return code >= 0xd800 && code <= 0xdbff ? hi - 1 : hi;
}
