/** A surname alone resolves to the full name seen earlier in the article. */
import { describe, expect, test } from '@jest/globals';
import { claims } from '../helpers.js';

describe('attribution: surname memory', () => {
  test('surname resolves to the full name seen earlier', () => {
    const cs = claims('Deputy Foreign Minister Sergei Ryabkov met envoys. Ryabkov said there could be no deal.');
    expect(cs.find((c) => c.category === 'statement')?.attribution?.speaker).toBe('Sergei Ryabkov');
  });
});
