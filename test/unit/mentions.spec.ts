import { describe, expect, test } from '@jest/globals';
import { mentionedNames } from '../../src/notes/mentions.js';

describe('mentionedNames', () => {
  test('names after @, lower-cased, without the punctuation that ends a sentence', () => {
    expect(mentionedNames('@Dana can you look? Thanks @omar.k. Also @lee-ann!')).toEqual(['dana', 'omar.k', 'lee-ann']);
  });
  test('an e-mail address or an @ inside a word is not a mention', () => {
    expect(mentionedNames('write to desk@example.org or a@b')).toEqual([]);
  });
  test('each name once, however often it appears', () => {
    expect(mentionedNames('@dana @DANA (@dana)')).toEqual(['dana']);
  });
  test('a bare @ or @ followed by punctuation mentions no one', () => {
    expect(mentionedNames('meet @ 5pm, @. and @-')).toEqual([]);
  });
});
