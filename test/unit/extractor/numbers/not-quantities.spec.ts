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

describe('years and counts (issue 11)', () => {
  test('a four-digit count after a qualifier and before a plural noun', () => {
    expect(one('More than 2000 workers joined the strike.').quantity).toMatchObject({ low: 2000, qualifier: 'lower_bound', unit: 'workers' });
    expect(one('Around 1500 troops crossed the river.').quantity).toMatchObject({ value: 1500, qualifier: 'approximate' });
  });
  test('must not fire: a year stays a year', () => {
    expect(quantities('In 2000 workers joined the strike.')).toEqual([]);
    expect(quantities('Since 2000 the strike has grown.')).toEqual([]);
    expect(quantities('The 2000 election was close.')).toEqual([]);
    expect(quantities('The firm had 1988 sales growth.')).toEqual([]);
  });
});

describe('calibres and distances (issue 11)', () => {
  test('calibres in a list give no figure; the count before a calibre stays', () => {
    expect(quantities('Gunners fired 120mm and 82mm mortars at the ridge.')).toEqual([]);
    expect(quantities('Gunners fired 120 mm and 82 mm mortars at the ridge.')).toEqual([]);
    expect(one('Ukraine received 300,000 155mm shells.').quantity).toMatchObject({ value: 300000 });
  });
  test('a distance is a quantity in km, never troops', () => {
    const c = one('Troops dug in 5km north of the town.');
    expect(c.category).toBe('quantity_other');
    expect(c.quantity).toMatchObject({ value: 5, unit: 'km' });
  });
});
