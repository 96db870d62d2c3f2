import { describe, expect, test } from '@jest/globals';
import { one, quantities } from '../helpers.js';

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

  test('"the past 20 matches" is a period, "past 200 million pounds" a lower bound', () => {
    expect(quantities('The side won only 3 of the past 20 matches.').map((c) => c.quantity!.qualifier)).toEqual(['exact', 'exact']);
    expect(one('Spending went past 200 million pounds.').quantity).toMatchObject({ qualifier: 'lower_bound', low: 200e6 });
  });
});
