/** "according to X" covers the sentence. */
import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('attribution: according to', () => {
  test('a closing "according to" names the source', () => {
    expect(one('About 12 million people have fled, according to the U.N. refugee agency.').attribution?.speaker).toBe('the U.N. refugee agency');
  });
});
