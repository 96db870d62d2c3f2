import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('a harm noun or tally gives the outcome', () => {
  test.each([
    ['The quake left 300 dead.', 'casualties', 'killed'],
    ['There were 31,400 deaths.', 'casualties', 'killed'],
    ['About 320,000 refugees crossed the border.', 'displacement', 'displaced'],
    ['The death toll rose to 300.', 'casualties', 'killed'],
  ])('%s', (text, category, unit) => {
    const c = one(text);
    expect(c.category).toBe(category);
    expect(c.quantity!.unit).toBe(unit);
  });
});
