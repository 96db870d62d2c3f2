/** The speaker before the verb: "The military said", "The agency estimated", "The ministry accused". */
import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('attribution: speaker before the verb', () => {
  test.each([
    ['The military said 40 soldiers were wounded.', 'The military'],
    ['The agency estimated that 1.4 million people are displaced.', 'The agency'],
    ['The ministry accused the rebels of massing up to 8,000 troops.', 'The ministry'],
  ])('%s', (text, speaker) => {
    expect(one(text).attribution?.speaker).toBe(speaker);
  });
});
