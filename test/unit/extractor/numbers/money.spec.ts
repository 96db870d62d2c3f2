import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('money', () => {
  test('money with currency codes', () => {
    expect(one('Congress approved $1.5 billion in aid.')).toMatchObject({ category: 'money', quantity: { value: 1.5e9, unit: 'USD' } });
    expect(one('Brussels pledged €200 million.')).toMatchObject({ category: 'money', quantity: { value: 2e8, unit: 'EUR' } });
    expect(one('The plan costs $2bn.')).toMatchObject({ category: 'money', quantity: { value: 2e9, unit: 'USD' } });
    expect(one('London will spend £7 billion.')).toMatchObject({ category: 'money', quantity: { value: 7e9, unit: 'GBP' } });
    expect(one('The fare rises by 25 cents.')).toMatchObject({ category: 'money', quantity: { value: 0.25, unit: 'USD' } });
    expect(one('The state will save 14 billion euros.')).toMatchObject({ category: 'money', quantity: { value: 14e9, unit: 'EUR' } });
  });


  test('currency codes, adjectives and letter prefixes pick the currency', () => {
    expect(one('The bank raised CHF 40 million from the sale.').quantity).toMatchObject({ value: 40e6, unit: 'CHF' });
    expect(one('The firm paid 12 million USD in fines.').quantity).toMatchObject({ value: 12e6, unit: 'USD' });
    expect(one('The mine was sold for 80 million Canadian dollars.').quantity).toMatchObject({ value: 80e6, unit: 'CAD' });
    expect(one('The tower sold for US$900 million.').quantity).toMatchObject({ value: 900e6, unit: 'USD' });
  });
});

describe('currency forms from outside text (issue 11)', () => {
  test('"HK$", "HK $", "A$", "NZ$", "S$", "C$" name their dollar', () => {
    expect(one('The tower sold for HK$3.7 billion.').quantity).toMatchObject({ value: 3.7e9, unit: 'HKD' });
    expect(one('The tower sold for HK $3.7 billion.').quantity).toMatchObject({ value: 3.7e9, unit: 'HKD' });
    expect(one('The mine sold for A$40 million.').quantity).toMatchObject({ unit: 'AUD' });
    expect(one('The farm sold for NZ$12 million.').quantity).toMatchObject({ unit: 'NZD' });
    expect(one('The flat sold for S$2 million.').quantity).toMatchObject({ unit: 'SGD' });
    expect(one('The team sold for C$900 million.').quantity).toMatchObject({ unit: 'CAD' });
  });
  test('must not fire: an article before "$" is no prefix', () => {
    expect(one('A $5 fee applies to riders.').quantity).toMatchObject({ value: 5, unit: 'USD' });
  });
  test('a currency symbol after the number', () => {
    expect(one('A kilo of coffee costs 12 € at the market.').quantity).toMatchObject({ value: 12, unit: 'EUR' });
    expect(one('A ticket costs 20 $ at the door.').quantity).toMatchObject({ value: 20, unit: 'USD' });
    expect(one('The hotel charged 300 euros a night.').quantity).toMatchObject({ value: 300, unit: 'EUR' });
  });
});
