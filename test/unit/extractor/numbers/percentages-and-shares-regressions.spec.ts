/**
 * Percentages, percentage and basis points, shares without "of".
 * Regression cases re-homed by behaviour from the files named after the round that produced them (holdout3.spec.ts, realworld.spec.ts);
 * each case is kept as it was: same describe and test names, same assertions.
 */
import { describe, expect, test } from '@jest/globals';
import { one, quantities } from '../helpers.js';

// From holdout3.spec.ts: Rules added after the third held-out set (test/fixtures/holdout3): each with cases that must fire and cases that must not.
describe('numbers and units', () => {
  test('half a percentage point, past as a lower bound', () => {
    expect(one('Voters rejected raising the sales tax by half a percentage point.').quantity).toMatchObject({ value: 0.5, unit: 'percent' });
    expect(one("The deal takes the club's spending past 200 million pounds.").quantity).toMatchObject({ low: 2e8, qualifier: 'lower_bound' });
  });
});

// From realworld.spec.ts: Rules added after the second held-out set (test/fixtures/holdout2): each with cases that must fire and cases that must not.
const texts = (s: string) => quantities(s).map((c) => c.quantity!.text);

describe('percentage and basis points', () => {
  test('singular percentage point, "one" allowed', () => {
    expect(one('The band is plus or minus one percentage point.').quantity).toMatchObject({ value: 1, unit: 'percent' });
  });

  test('basis points are hundredths of a percent', () => {
    expect(one('Bond yields rose by 12 basis points.')).toMatchObject({ category: 'percentage', quantity: { value: 0.12, unit: 'percent' } });
  });
});

describe('shares without "of"', () => {
  test.each([
    ['Energy bills jumped by nearly a fifth.', null, 20, 'upper_bound'],
    ['Crossings were roughly a third fewer than last year.', 33.33, null, 'approximate'],
    ['Orders were down by a quarter, the company said.', 25, null, 'exact'],
    ['The survey found that nearly half planned to raise prices.', null, 50, 'upper_bound'],
    ['Half the population lives in cities.', 50, null, 'exact'],
  ])('%s', (text, value, high, qualifier) => {
    expect(one(text).quantity).toMatchObject({ value, high, qualifier, unit: 'percent' });
  });

  test('a coordinated share after another share', () => {
    expect(texts('Nearly half planned to raise prices and a quarter expected to cut staff.')).toEqual(['Nearly half', 'a quarter']);
  });

  test('must not fire: parts of periods, ordinals, durations', () => {
    expect(quantities('Inflation will not return to target before the second half of 2026, he said.')).toHaveLength(0);
    expect(quantities('The first half of the season was poor.')).toHaveLength(0);
    expect(quantities('She is seeking a third term.')).toHaveLength(0);
    expect(quantities('The talks lasted almost a quarter century.')).toHaveLength(0);
    expect(quantities('He walked for about half an hour.')).toHaveLength(0);
  });
});
