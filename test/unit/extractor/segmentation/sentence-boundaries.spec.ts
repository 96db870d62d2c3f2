/**
 * Where sentences end: the splitter (stages/segmentation/sentences.ts) on its own, one behaviour per rule of
 * BOUNDARY_RULES and layout.ts, with exact offsets.
 */
import { describe, expect, test } from '@jest/globals';
import { splitSentences } from '../../../../src/extractor/stages/segmentation/index.js';

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

describe('a stop followed by a space', () => {
  test('ends the sentence before a capital, a digit or an opening quote', () => {
    expect(texts('The dam held. Water fell.')).toEqual(['The dam held.', 'Water fell.']);
    expect(texts('The dam held! 40 homes were saved.')).toEqual(['The dam held!', '40 homes were saved.']);
    expect(texts('The dam held. “It worked,” she said.')).toEqual(['The dam held.', '“It worked,” she said.']);
  });

  test('does not end it before a lower-case word', () => {
    expect(texts('Polls close at 8 p.m. on Sunday. Counting starts then.')).toEqual(['Polls close at 8 p.m. on Sunday.', 'Counting starts then.']);
  });

  test('a title, "No." or a month before a number, and an initial keep the sentence going', () => {
    expect(texts('Sgt. Amara Diallo led 30 troops. They withdrew.')).toEqual(['Sgt. Amara Diallo led 30 troops.', 'They withdrew.']);
    expect(texts('Route No. 9 closed. Traffic slowed.')).toEqual(['Route No. 9 closed.', 'Traffic slowed.']);
    expect(texts('Writer K. Obi won. Fans cheered.')).toEqual(['Writer K. Obi won.', 'Fans cheered.']);
  });

  test('a month abbreviation before a word is a sentence end', () => {
    expect(texts('The vote was held in Dec. The result came later.')).toEqual(['The vote was held in Dec.', 'The result came later.']);
  });

  test('a dotted abbreviation ends the sentence only before a sentence opener', () => {
    expect(texts('Aid reached the U.N. Office in Kabul.')).toEqual(['Aid reached the U.N. Office in Kabul.']);
    expect(texts('Aid reached the U.N. However, little was left.')).toEqual(['Aid reached the U.N.', 'However, little was left.']);
  });

  test('a run of marks with closing quotes ends where the quotes end', () => {
    expect(texts('He shouted "Stop!!" Nobody moved.')).toEqual(['He shouted "Stop!!"', 'Nobody moved.']);
  });
});
