/** The speaker after the verb: "…, said Anna Voss, a NATO official." */
import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('attribution: speaker after the verb', () => {
  test('an inverted speaker with an appositive role', () => {
    expect(one('Roughly 4,000 troops will arrive, said Anna Voss, a NATO official.').attribution?.speaker).toBe('Anna Voss');
  });
});
