/** What an attribution covers: a closing "…, X said." what precedes it, but not a clause with its own lead. */
import { describe, expect, test } from '@jest/globals';
import { claims, one } from '../helpers.js';

describe('attribution: coverage', () => {
  test('a closing attribution covers the figure before it', () => {
    expect(one('More than 300 people died, the U.N. refugee agency said.').attribution?.speaker).toBe('the U.N. refugee agency');
  });

  test('a closing attribution does not cover an earlier clause with its own lead attribution', () => {
    const cs = claims('About 15,000 people slept in tents, and officials said roughly 3,200 buildings were destroyed.');
    const q = cs.filter((c) => c.quantity);
    expect(q[0].attribution).toBeNull();
    expect(q[1].attribution?.speaker).toBe('officials');
  });

  test('statements have null quantity and a span equal to the sentence', () => {
    const text = 'Nothing here. Blinken said the alliance would stand firm.';
    const st = claims(text).filter((c) => c.category === 'statement');
    expect(st).toHaveLength(1);
    expect(text.slice(st[0].start, st[0].end)).toBe(st[0].text);
  });
});
