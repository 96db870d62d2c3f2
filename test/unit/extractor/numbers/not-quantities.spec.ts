import { describe, expect, test } from '@jest/globals';
import { one, quantities } from '../helpers.js';

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

describe('codes', () => {
  test('a number with a leading zero is a code', () => {
    expect(quantities('Dial 0800 for the helpline.')).toEqual([]);
  });
});

describe('numerals that are references', () => {
  test('a numeral alone in parentheses or an UPDATE marker is not a figure', () => {
    expect(quantities('Border tensions rise (25219)')).toEqual([]);
    expect(quantities('Quake toll rises to 120 (UPDATE 2)').map((c) => c.quantity!.value)).toEqual([120]);
  });
  test('must not fire: figures inside parentheses with more than a numeral', () => {
    expect(one('The budget (about $2 billion) was approved.').quantity).toMatchObject({ value: 2e9, qualifier: 'approximate' });
    expect(quantities('Officials said the toll rose to 45 (up from 30).').map((c) => c.quantity!.value)).toEqual([45, 30]);
  });
});
