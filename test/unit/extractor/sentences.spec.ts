import { describe, expect, test } from '@jest/globals';
import { splitSentences } from '../../../src/extractor/index.js';

function texts(s: string): string[] {
  return splitSentences(s).map((x) => x.text);
}

describe('sentence splitting', () => {
  test('keeps decimals, titles, months and U.S. together', () => {
    expect(texts('About 6.8 million people fled. Aid arrived.')).toEqual(['About 6.8 million people fled.', 'Aid arrived.']);
    expect(texts('Gen. Mark Milley spoke. He left.')).toEqual(['Gen. Mark Milley spoke.', 'He left.']);
    expect(texts('Talks began Jan. 10 in Geneva. They failed.')).toEqual(['Talks began Jan. 10 in Geneva.', 'They failed.']);
    expect(texts('The U.S. Senate voted. It passed.')).toEqual(['The U.S. Senate voted.', 'It passed.']);
    expect(texts('He visited the U.S. The trip was short.')).toEqual(['He visited the U.S.', 'The trip was short.']);
    expect(texts('"Is it over?" he asked. No.')).toEqual(['"Is it over?" he asked.', 'No.']);
  });

  test('newlines and bullets break sentences; offsets are exact', () => {
    const s = 'Headline here\n\n  • Oops!\n  Something went wrong.\n\nBody text. More text.';
    const out = splitSentences(s);
    for (const x of out) expect(s.slice(x.start, x.end)).toBe(x.text);
    expect(out.map((x) => x.text)).toEqual(['Headline here', 'Oops!', 'Something went wrong.', 'Body text.', 'More text.']);
  });
});
