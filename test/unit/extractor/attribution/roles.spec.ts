/** A speaker phrase split into role and name. */
import { describe, expect, test } from '@jest/globals';
import { claims, one } from '../helpers.js';

describe('attribution: role and name', () => {
  test('a title before the name is the role', () => {
    const c = claims('Deputy Foreign Minister Sergei Ryabkov said Moscow would not back down.')[0];
    expect(c.category).toBe('statement');
    expect(c.quantity).toBeNull();
    expect(c.attribution).toEqual({ speaker: 'Sergei Ryabkov', role: 'Deputy Foreign Minister' });
  });

  test('a lowercase title with an organisation before it', () => {
    expect(one('White House press secretary Jen Psaki said 3,000 troops were on alert.').attribution?.speaker).toBe('Jen Psaki');
  });
});
