import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('shares and percents', () => {
  test('fractions and percents are percentages', () => {
    expect(one('Two-thirds of voters backed the plan.').quantity).toMatchObject({ value: 66.67, unit: 'percent' });
    expect(one('Turnout reached 60 percent.').quantity).toMatchObject({ value: 60, unit: 'percent' });
    expect(one('Turnout reached 60%.').quantity).toMatchObject({ value: 60, unit: 'percent' });
    expect(one('Turnout reached 60 per cent.').quantity).toMatchObject({ value: 60, unit: 'percent' });
    expect(one('Roughly one in five adults smoke.').quantity).toMatchObject({ value: 20, unit: 'percent', qualifier: 'approximate' });
    expect(one('Half of the homes lost power.').quantity).toMatchObject({ value: 50, unit: 'percent' });
    expect(one('Temperatures fell to minus 15 degrees.').quantity).toMatchObject({ value: -15 });
  });

});

describe('fractions of a scale and numerals that are references', () => {
  test('"a quarter of a million" is 250,000, not 25 percent; a currency word may follow', () => {
    expect(one('Organisers said a quarter of a million protesters marched on Saturday.').quantity).toMatchObject({
      text: 'a quarter of a million protesters', value: 250000, unit: 'protesters',
    });
    expect(one('Donors pledged three-quarters of a billion dollars.')).toMatchObject({
      category: 'money', quantity: { value: 750_000_000, unit: 'USD' },
    });
    expect(one('A quarter million dollars was raised.').quantity).toMatchObject({ value: 250000, unit: 'USD' });
  });
  test('must not fire: a share stays a share', () => {
    expect(one('A quarter of the budget went to defence.').quantity).toMatchObject({ value: 25, unit: 'percent' });
  });
});
