/** Over-long sentences are cut into pieces the rules can afford (stages/segmentation/layout.ts). */
import { describe, expect, test } from '@jest/globals';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../../src/extractor/stages/segmentation/index.js';

describe('a sentence longer than MAX_SENTENCE_CHARS', () => {
  test('is cut at a clause boundary, into pieces that cover it with exact offsets', () => {
    const text = `${'the river rose 3 metres in 2 days, '.repeat(60)}and then it fell.`;
    const out = splitSentences(text);
    expect(out.length).toBeGreaterThan(1);
    for (const s of out) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    // every piece but the last ends after a comma: the cut prefers a clause boundary to a space
    for (const s of out.slice(0, -1)) expect(s.text.endsWith(',')).toBe(true);
    expect(out.map((s) => s.text).join(' ')).toBe(text);
  });

  test('without any space is cut at the limit, never inside a surrogate pair', () => {
    const text = '🙂'.repeat(MAX_SENTENCE_CHARS);
    const out = splitSentences(text);
    for (const s of out) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(s.start % 2).toBe(0);
    }
    expect(out.map((s) => s.text).join('')).toBe(text);
  });

  test('a news sentence is left whole', () => {
    const text = 'The council approved 14 new bus routes, 3 of them at night, after a vote of 31 to 9 on Tuesday.';
    expect(splitSentences(text)).toEqual([{ start: 0, end: text.length, text }]);
  });
});
