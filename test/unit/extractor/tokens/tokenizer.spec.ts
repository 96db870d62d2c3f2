/** Tokens of a sentence (stages/tokens/tokenizer.ts) with exact offsets into the article. */
import { describe, expect, test } from '@jest/globals';
import { tokenize } from '../../../../src/extractor/stages/tokens/index.js';

const surface = (s: string) => tokenize(s).map((t) => t.t);

describe('tokenize', () => {
  test('numbers keep their separators; words keep inner apostrophes; punctuation is one character', () => {
    expect(surface("Turkey's 2,500.75 troops—don't")).toEqual(["Turkey's", '2,500.75', 'troops', '—', "don't"]);
  });

  test('an Arabic name particle stays on a capitalised name only', () => {
    expect(surface('Said al-Mansouri met bin-Salman')).toEqual(['Said', 'al-Mansouri', 'met', 'bin-Salman']);
    expect(surface('an al-fresco dinner')).toEqual(['an', 'al', '-', 'fresco', 'dinner']);
  });

  test('offsets are absolute when a span of the text is tokenised', () => {
    const text = 'Intro. The port handled 3.2 million containers.';
    const start = text.indexOf('The');
    for (const t of tokenize(text, start, text.length)) expect(text.slice(t.s, t.e)).toBe(t.t);
    expect(tokenize(text, start, text.length)[0].sp).toBe(true);
  });

  test('kinds, lowercase, spacing and capitals (also outside ASCII)', () => {
    const [a, b, c, d] = tokenize('Łukasz paid $40');
    expect([a.k, a.cap, a.l]).toEqual(['word', true, 'łukasz']);
    expect([b.k, b.cap]).toEqual(['word', false]);
    expect([c.k, c.sp, d.k, d.sp]).toEqual(['punct', true, 'num', false]);
  });
});
