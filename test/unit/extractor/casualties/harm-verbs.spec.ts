import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('a harm verb attached to the figure gives its outcome', () => {
  test.each([
    ['The insurgency has killed more than 14,000 people.', 'casualties', 'killed'],
    ['At least 23 people have died.', 'casualties', 'killed'],
    ['2,000 soldiers were wounded in April.', 'casualties', 'wounded'],
    ['The blast injured 40 workers.', 'casualties', 'wounded'],
    ['The fighting displaced 1.2 million people.', 'displacement', 'displaced'],
    ['Nearly 60,000 residents were evacuated.', 'displacement', 'displaced'],
    ['More than 5,000 people fled the city.', 'displacement', 'displaced'],
  ])('%s', (text, category, unit) => {
    const c = one(text);
    expect(c.category).toBe(category);
    expect(c.quantity!.unit).toBe(unit);
  });

  test('the counted noun is kept apart from the event', () => {
    expect(one('2,000 soldiers were wounded.').category).toBe('casualties');
    expect(one('2,000 soldiers were deployed.').category).toBe('troop_count');
  });
});
