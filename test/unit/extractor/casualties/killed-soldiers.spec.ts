import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('soldiers who are killed are casualties, not a troop count', () => {
  test.each([
    ['Four soldiers were shot and killed at the border post.', 'killed', 4],
    ['Nine marines were ambushed and wounded near the port.', 'wounded', 9],
    ['Between 3 to 6 fighters were killed in the clashes.', 'killed', null],
  ])('%s', (text, unit, value) => {
    const c = one(text);
    expect(c.category).toBe('casualties');
    expect(c.quantity!.unit).toBe(unit);
    if (value !== null) expect(c.quantity!.value).toBe(value);
  });

  test('a range of fighters killed keeps both ends', () => {
    const c = one('Between 3 to 6 fighters were killed in the clashes.');
    expect([c.quantity!.low, c.quantity!.high]).toEqual([3, 6]);
  });

  test('soldiers shot at and released stay a troop count', () => {
    expect(one('Four soldiers were shot at the border post and later flown home.').category).toBe('troop_count');
  });
});
