/**
 * A 2 MB text on one line, without a single sentence end, must be extracted without an exception: the splitter cuts
 * it into pieces of at most MAX_SENTENCE_CHARS, so the work grows with the length. How long it takes is measured in
 * bench/extraction-scaling.bench.ts (`node dist/bench/run.js extraction-megabytes`), not asserted here.
 */
import { describe, expect, jest, test } from '@jest/globals';
import { extractClaims } from '../../../../src/extractor/index.js';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../../src/extractor/stages/segmentation/index.js';
import { SHAPES } from '../../../../bench/pathological.js';

const TWO_MB = 2 * 1024 * 1024;
const PUB = new Date('2026-11-25T09:00:00Z');

// a hang fails the test by this (generous) timeout instead of holding the suite; no timing is asserted
jest.setTimeout(180_000);

describe('a 2 MB single-line text', () => {
  test('without any punctuation is split into bounded pieces and extracted', () => {
    const text = SHAPES.unpunctuated.make(TWO_MB);
    expect(text.length).toBe(TWO_MB);
    expect(/[.!?\n]/.test(text)).toBe(false);
    const pieces = splitSentences(text);
    expect(pieces.every((s) => s.end - s.start <= MAX_SENTENCE_CHARS)).toBe(true);
    expect(pieces.length).toBeGreaterThanOrEqual(TWO_MB / MAX_SENTENCE_CHARS);
    expect(() => extractClaims(text, { publishedAt: PUB })).not.toThrow();
  });

  test('with a number every few words is extracted, every claim inside the text', () => {
    const text = SHAPES.unpunctuatedNumbers.make(TWO_MB);
    expect(text.length).toBe(TWO_MB);
    const claims = extractClaims(text, { publishedAt: PUB });
    expect(claims.length).toBeGreaterThan(0);
    // one expectation for all (some 86,000) claims: expect() per claim would cost more than the extraction
    const misplaced = claims.filter((c) => text.slice(c.start, c.end) !== c.text || (c.quantity && text.slice(c.quantity.start, c.quantity.end) !== c.quantity.text));
    expect(misplaced).toEqual([]);
  });
});
