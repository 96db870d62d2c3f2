import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('ranges', () => {
  test('ranges', () => {
    expect(one('Between 169,000 and 190,000 people were killed.').quantity).toMatchObject({ qualifier: 'range', low: 169000, high: 190000, value: null });
    expect(one('The toll stood at 14,200 to 14,400 dead.').quantity).toMatchObject({ qualifier: 'range', low: 14200, high: 14400 });
    expect(one('Police detained 10-15 protesters.').quantity).toMatchObject({ qualifier: 'range', low: 10, high: 15 });
    expect(one('The repairs cost between $1.5 and $2 billion.').quantity).toMatchObject({ qualifier: 'range', low: 1.5e9, high: 2e9, unit: 'USD' });
    expect(one('Prices will rise 5 to 10 million units.').quantity).toMatchObject({ qualifier: 'range', low: 5e6, high: 10e6 });
  });


  test('"from A to B" is a range', () => {
    expect(one('Estimates run from 200 to 300 homes.').quantity).toMatchObject({ qualifier: 'range', low: 200, high: 300 });
  });
});
