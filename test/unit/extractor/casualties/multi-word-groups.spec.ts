import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('words between the number and the person noun do not hide the outcome', () => {
  test.each([
    ['2 police officers were killed at the roadblock.', 'killed', 2],
    ['Eleven armed herders were killed near the river.', 'killed', 11],
    ['3 civilian women were wounded by shrapnel.', 'wounded', 3],
    ['4 Kata\'ib al-Nur fighters were killed in the strike.', 'killed', 4],
  ])('%s', (text, unit, value) => {
    const c = one(text);
    expect(c.category).toBe('casualties');
    expect(c.quantity!.unit).toBe(unit);
    expect(c.quantity!.value).toBe(value);
  });

  test('a vehicle carrying people is still a vehicle', () => {
    const c = one('Two buses carrying miners overturned on the pass.');
    expect(c.quantity!.unit).toBe('buses');
  });
});
