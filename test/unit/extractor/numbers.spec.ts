import { describe, expect, test } from '@jest/globals';
import { one, quantities } from './helpers.js';

describe('number forms', () => {
  test.each([
    ['Officials counted 14,000 people.', 14000],
    ['The fund holds 1.5 million dollars.', 1.5e6],
    ['The city has 6.8m residents.', 6.8e6],
    ['Rebels seized two villages.', 2],
    ['Seventeen soldiers were wounded.', 17],
    ['The army lost a dozen tanks.', 12],
    ['Forty-five workers went on strike.', 45],
    ['Some half a million people fled.', 500000],
    ['The region has one hundred and twenty clinics.', 120],
    ['Firefighters saved 2 million acres.', 2e6],
  ])('%s -> %d', (text, value) => {
    const c = one(text);
    expect(c.quantity!.value ?? c.quantity!.low ?? c.quantity!.high).toBeCloseTo(value);
  });

  test('fractions and percents are percentages', () => {
    expect(one('Two-thirds of voters backed the plan.').quantity).toMatchObject({ value: 66.67, unit: 'percent' });
    expect(one('Turnout reached 60 percent.').quantity).toMatchObject({ value: 60, unit: 'percent' });
    expect(one('Turnout reached 60%.').quantity).toMatchObject({ value: 60, unit: 'percent' });
    expect(one('Turnout reached 60 per cent.').quantity).toMatchObject({ value: 60, unit: 'percent' });
    expect(one('Roughly one in five adults smoke.').quantity).toMatchObject({ value: 20, unit: 'percent', qualifier: 'approximate' });
    expect(one('Half of the homes lost power.').quantity).toMatchObject({ value: 50, unit: 'percent' });
    expect(one('Temperatures fell to minus 15 degrees.').quantity).toMatchObject({ value: -15 });
  });

  test('money with currency codes', () => {
    expect(one('Congress approved $1.5 billion in aid.')).toMatchObject({ category: 'money', quantity: { value: 1.5e9, unit: 'USD' } });
    expect(one('Brussels pledged €200 million.')).toMatchObject({ category: 'money', quantity: { value: 2e8, unit: 'EUR' } });
    expect(one('The plan costs $2bn.')).toMatchObject({ category: 'money', quantity: { value: 2e9, unit: 'USD' } });
    expect(one('London will spend £7 billion.')).toMatchObject({ category: 'money', quantity: { value: 7e9, unit: 'GBP' } });
    expect(one('The fare rises by 25 cents.')).toMatchObject({ category: 'money', quantity: { value: 0.25, unit: 'USD' } });
    expect(one('The state will save 14 billion euros.')).toMatchObject({ category: 'money', quantity: { value: 14e9, unit: 'EUR' } });
  });

  test('ranges', () => {
    expect(one('Between 169,000 and 190,000 people were killed.').quantity).toMatchObject({ qualifier: 'range', low: 169000, high: 190000, value: null });
    expect(one('The toll stood at 14,200 to 14,400 dead.').quantity).toMatchObject({ qualifier: 'range', low: 14200, high: 14400 });
    expect(one('Police detained 10-15 protesters.').quantity).toMatchObject({ qualifier: 'range', low: 10, high: 15 });
    expect(one('The repairs cost between $1.5 and $2 billion.').quantity).toMatchObject({ qualifier: 'range', low: 1.5e9, high: 2e9, unit: 'USD' });
    expect(one('Prices will rise 5 to 10 million units.').quantity).toMatchObject({ qualifier: 'range', low: 5e6, high: 10e6 });
  });

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

describe('qualifiers', () => {
  test.each([
    ['an estimated 100,000 troops', 'approximate', 'value'],
    ['about 300 people', 'approximate', 'value'],
    ['some 300 people', 'approximate', 'value'],
    ['roughly 300 people', 'approximate', 'value'],
    ['around 300 people', 'approximate', 'value'],
    ['more than 300 people', 'lower_bound', 'low'],
    ['at least 300 people', 'lower_bound', 'low'],
    ['over 300 people', 'lower_bound', 'low'],
    ['300 people or more', 'lower_bound', 'low'],
    ['up to 300 people', 'upper_bound', 'high'],
    ['nearly 300 people', 'upper_bound', 'high'],
    ['almost 300 people', 'upper_bound', 'high'],
    ['fewer than 300 people', 'upper_bound', 'high'],
    ['less than 300 people', 'upper_bound', 'high'],
    ['300 people', 'exact', 'value'],
  ])('%s -> %s', (phrase, qualifier, field) => {
    const c = one(`Officials said ${phrase} attended.`);
    expect(c.quantity!.qualifier).toBe(qualifier);
    expect((c.quantity as unknown as Record<string, number>)[field]).toBe(300 * (phrase.includes('100,000') ? 1000 / 3 : 1));
  });

  test('"edged up to" is a movement, not an upper bound', () => {
    expect(one('The jobless rate edged up to 3.9 percent.').quantity!.qualifier).toBe('exact');
  });
});

describe('must not fire', () => {
  test.each([
    'Russia annexed Crimea in 2014.',
    'The talks resumed on Jan. 5, 2022.',
    'The meeting started at 10:30 and ended at 3 p.m.',
    'A 34-year-old man was arrested.',
    'The suspect, aged 34, was detained.',
    'John Smith, 34, was detained.',
    'It was the first such drill since 2021.',
    'She finished third in the 21st round.',
    'He is one of the most senior officials.',
    'Call 555-123-4567 or 0800 123 4567 for help.',
    'The council voted 9-4 to approve it.',
    'The Covid-19 rules lapsed under Article 5 of the treaty.',
    'Ukraine wants more F-16 jets and G7 support.',
    'Oops! Something went wrong. Please try again later.',
    'The two leaders met in Geneva.',
    'The war has lasted for eight years.',
    'The 1990s were calmer.',
    'Officials want the vaccine for people over 65.',
    '5 min read',
    'Photo 1 of 12',
    'The 12-member council meets every 2 weeks.',
    'In his 2021 speech, the president spoke for an hour.',
    'One man said the shelling had stopped.',
  ])('%s', (text) => {
    expect(quantities(text)).toEqual([]);
  });
});

describe('"one" counts only as a harm figure', () => {
  test('One person was killed', () => {
    expect(one('One person was killed, police said.')).toMatchObject({ category: 'casualties', quantity: { value: 1, unit: 'killed' } });
  });
});

describe('one claim per quantity', () => {
  test('two figures in one sentence give two claims with distinct quantity spans', () => {
    const text = 'The strike killed 14 civilians and wounded 37 others, officials said.';
    const q = quantities(text);
    expect(q).toHaveLength(2);
    expect(q[0].quantity!.start).not.toBe(q[1].quantity!.start);
    expect(q.map((c) => c.quantity!.unit)).toEqual(['killed', 'wounded']);
    for (const c of q) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(text.slice(c.quantity!.start, c.quantity!.end)).toBe(c.quantity!.text);
    }
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
  test('a numeral alone in parentheses or an UPDATE marker is not a figure', () => {
    expect(quantities('Border tensions rise (25219)')).toEqual([]);
    expect(quantities('Quake toll rises to 120 (UPDATE 2)').map((c) => c.quantity!.value)).toEqual([120]);
  });
  test('must not fire: figures inside parentheses with more than a numeral', () => {
    expect(one('The budget (about $2 billion) was approved.').quantity).toMatchObject({ value: 2e9, qualifier: 'approximate' });
    expect(quantities('Officials said the toll rose to 45 (up from 30).').map((c) => c.quantity!.value)).toEqual([45, 30]);
  });
});
