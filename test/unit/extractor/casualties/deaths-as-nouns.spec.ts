import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('a death written as a noun or as "to death" counts the killed', () => {
  test.each([
    ['The landslide resulted in the death of 6 workers.', 6],
    ['Monitors reported the killing of 11 herders near the river.', 11],
    ['The mob beat 3 men to death outside the station.', 3],
    ['Seven guards were shot to death during the raid.', 7],
  ])('%s', (text, value) => {
    const c = one(text);
    expect(c.category).toBe('casualties');
    expect(c.quantity!.unit).toBe('killed');
    expect(c.quantity!.value).toBe(value);
  });

  test.each([
    'A court sentenced 5 men to death for the bombing.',
    'The strike led to the release of 6 workers.',
  ])('not a killing: %s', (text) => {
    expect(one(text).category).not.toBe('casualties');
  });
});
