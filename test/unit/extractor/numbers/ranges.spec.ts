import { describe, expect, test } from '@jest/globals';
import { one, quantities } from '../helpers.js';

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

describe('dashed ranges of counts (issue 11)', () => {
  test('"2000-3000 people fled" and "500-1000" are ranges', () => {
    expect(one('Some 2000-3000 people fled the valley.').quantity).toMatchObject({ qualifier: 'range', low: 2000, high: 3000 });
    expect(one('Officials expect 500-1000 to return.').quantity).toMatchObject({ qualifier: 'range', low: 500, high: 1000 });
    expect(one('Police detained 1500-2000 protesters.').quantity).toMatchObject({ qualifier: 'range', low: 1500, high: 2000 });
  });
  test('must not fire: years and phone numbers stay what they are', () => {
    expect(quantities('Between 1995-2000 the valley emptied.')).toEqual([]);
    expect(quantities('Call 555-1234 for help.')).toEqual([]);
  });
});
