import { describe, expect, test } from '@jest/globals';
import { one, quantities } from '../helpers.js';

describe('what is counted', () => {
  test.each([
    ['Russia has sent an estimated 100,000 troops to the border.', 'troop_count', 'troops'],
    ['Germany deployed 1,500 soldiers.', 'troop_count', 'troops'],
    ['The navy has 3,000 military personnel there.', 'troop_count', 'troops'],
    ['Rebels destroyed 50 tanks.', 'quantity_other', 'tanks'],
    ['The fire destroyed 130 homes.', 'quantity_other', 'homes'],
    ['The state opened 120 walk-in sites.', 'quantity_other', 'sites'],
    ['Inflation hit 7 percent.', 'percentage', 'percent'],
    ['The program costs $4.2 billion.', 'money', 'USD'],
    ['Rescuers found 41 who are missing.', 'quantity_other', null],
  ])('%s', (text, category, unit) => {
    const c = one(text);
    expect(c.category).toBe(category);
    if (unit !== null) expect(c.quantity!.unit).toBe(unit);
  });

  test('an elided noun is inherited from the figure before it', () => {
    const text = 'Health care added 56,000 positions, while manufacturing lost about 8,000.';
    expect(quantities(text).map((c) => c.quantity!.unit)).toEqual(['positions', 'positions']);
  });
});
