import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('vague and unspecified amounts', () => {
  test('vague amounts follow the documented convention (2x..9x the base)', () => {
    expect(one('Tens of thousands of people fled.').quantity).toMatchObject({ qualifier: 'approximate', low: 20000, high: 90000, value: null });
    expect(one('Hundreds of homes burned.').quantity).toMatchObject({ qualifier: 'approximate', low: 200, high: 900 });
    expect(one('Dozens of children were hurt.').quantity).toMatchObject({ qualifier: 'approximate', low: 24, high: 108 });
    expect(one('Hundreds of thousands of refugees crossed.').quantity).toMatchObject({ low: 200000, high: 900000 });
    expect(one('Several thousand troops arrived.').quantity).toMatchObject({ low: 3000, high: 9000 });
  });

  test('an unspecified number is a claim with null amounts and null qualifier', () => {
    const c = one('Moscow sent an unspecified number of troops to Belarus.');
    expect(c.category).toBe('troop_count');
    expect(c.quantity).toMatchObject({ value: null, low: null, high: null, qualifier: null, unit: 'troops' });
  });
});
