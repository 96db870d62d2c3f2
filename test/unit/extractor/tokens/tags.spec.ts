/** Part-of-speech tags on our tokens (stages/tokens/tags.ts: wink-nlp's tagger aligned to tokenize's tokens). */
import { describe, expect, test } from '@jest/globals';
import {
  isNominalTag,
  isProperNounTag,
  isVerbOrAuxTag,
  isVerbTag,
  nounChunk,
  properNounRun,
  tagged,
  tokenize,
  type TaggedTok,
} from '../../../../src/extractor/stages/tokens/index.js';

function tag(sentence: string): TaggedTok[] {
  return tagged(tokenize(sentence), sentence);
}
const posOf = (toks: TaggedTok[], word: string) => toks.find((t) => t.t === word)?.pos;
const text = (toks: TaggedTok[], [a, b]: [number, number]) => toks.slice(a, b + 1).map((t) => t.t).join(' ');

describe('tagged', () => {
  test('gives every token a Universal POS tag', () => {
    const toks = tag('The ministry said 42 people were killed in Vilnius on Tuesday.');
    expect(toks.map((t) => t.pos)).toEqual(['DET', 'NOUN', 'VERB', 'NUM', 'NOUN', 'AUX', 'VERB', 'ADP', 'PROPN', 'ADP', 'PROPN', 'PUNCT']);
  });

  test('a token wink splits takes the tag of its first part; offsets into the article are kept', () => {
    const article = 'Intro line.\nTurkey\'s bank spent $45 million.';
    const start = article.indexOf('Turkey');
    const toks = tagged(tokenize(article, start, article.length), article);
    expect(toks[0].t).toBe("Turkey's");
    expect(toks[0].pos).toBe('PROPN');
    expect(posOf(toks, '$')).toBe('SYM');
    expect(posOf(toks, '45')).toBe('NUM');
  });

  test('tags a token array once (in place) and an empty one not at all', () => {
    const toks = tag('Crews restored power to 8,000 homes.');
    toks[0].pos = 'X';
    expect(tagged(toks, 'Crews restored power to 8,000 homes.')[0].pos).toBe('X');
    expect(tagged([], '')).toEqual([]);
  });

  test('tokens are untagged until a rule asks', () => {
    expect((tokenize('Crews restored power.')[0] as Partial<TaggedTok>).pos).toBeUndefined();
  });
});

describe('tag tests', () => {
  const toks = tag('Police said the estimate was revised, and the European Commission will review it.');
  test('verbs, auxiliaries and nouns', () => {
    expect(isVerbTag(toks[1])).toBe(true); // said
    expect(isVerbTag(toks[3])).toBe(false); // estimate (a noun here)
    expect(isVerbTag(toks[4])).toBe(false); // was
    expect(isVerbOrAuxTag(toks[4])).toBe(true);
    expect(isNominalTag(toks[3])).toBe(true);
  });

  test('proper nouns and their run', () => {
    const i = toks.findIndex((t) => t.t === 'Commission');
    expect(isProperNounTag(toks[i])).toBe(true);
    expect(text(toks, properNounRun(toks, i)!)).toBe('European Commission');
    expect(properNounRun(toks, 3)).toBeNull();
  });

  test('a noun chunk: determiner, modifiers and compound nouns around a noun', () => {
    const t = tag('The council approved the new bus routes on Monday.');
    expect(text(t, nounChunk(t, t.findIndex((x) => x.t === 'bus'))!)).toBe('the new bus routes');
    expect(nounChunk(t, t.findIndex((x) => x.t === 'approved'))).toBeNull();
  });
});
