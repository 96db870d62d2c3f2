import { describe, expect, test } from '@jest/globals';
import { one } from './helpers.js';

describe('category and unit', () => {
  test.each([
    ['Russia has sent an estimated 100,000 troops to the border.', 'troop_count', 'troops'],
    ['Germany deployed 1,500 soldiers.', 'troop_count', 'troops'],
    ['The navy has 3,000 military personnel there.', 'troop_count', 'troops'],
    ['The insurgency has killed more than 14,000 people.', 'casualties', 'killed'],
    ['At least 23 people have died.', 'casualties', 'killed'],
    ['The quake left 300 dead.', 'casualties', 'killed'],
    ['There were 31,400 deaths.', 'casualties', 'killed'],
    ['2,000 soldiers were wounded in April.', 'casualties', 'wounded'],
    ['The blast injured 40 workers.', 'casualties', 'wounded'],
    ['The fighting displaced 1.2 million people.', 'displacement', 'displaced'],
    ['About 320,000 refugees crossed the border.', 'displacement', 'displaced'],
    ['Nearly 60,000 residents were evacuated.', 'displacement', 'displaced'],
    ['More than 5,000 people fled the city.', 'displacement', 'displaced'],
    ['Rebels destroyed 50 tanks.', 'quantity_other', 'tanks'],
    ['The fire destroyed 130 homes.', 'quantity_other', 'homes'],
    ['The state opened 120 walk-in sites.', 'quantity_other', 'sites'],
    ['Inflation hit 7 percent.', 'percentage', 'percent'],
    ['The program costs $4.2 billion.', 'money', 'USD'],
    ['The death toll rose to 300.', 'casualties', 'killed'],
    ['Rescuers found 41 who are missing.', 'quantity_other', null],
  ])('%s', (text, category, unit) => {
    const c = one(text);
    expect(c.category).toBe(category);
    if (unit !== null) expect(c.quantity!.unit).toBe(unit);
  });

  test('the counted noun is kept apart from the event', () => {
    expect(one('2,000 soldiers were wounded.').category).toBe('casualties');
    expect(one('2,000 soldiers were deployed.').category).toBe('troop_count');
  });

  test('an elided noun is inherited from the figure before it', () => {
    const text = 'Health care added 56,000 positions, while manufacturing lost about 8,000.';
    const units = quantitiesUnits(text);
    expect(units).toEqual(['positions', 'positions']);
  });
});

import { quantities } from './helpers.js';
function quantitiesUnits(text: string): Array<string | null> {
  return quantities(text).map((c) => c.quantity!.unit);
}
