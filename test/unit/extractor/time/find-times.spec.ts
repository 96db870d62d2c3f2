/** The time stage on its own: findTimes on one sentence, against a publication date (Wednesday 2022-01-19). */
import { describe, expect, test } from '@jest/globals';
import { findTimes, isDuration, isUnresolved, rateMonth, ymdOf } from '../../../../src/extractor/stages/time/index.js';

const pub = ymdOf(new Date('2022-01-19T12:00:00Z'));
const spans = (s: string) => findTimes(s, 0, pub).map((t) => [t.text, t.from, t.to]);

describe('findTimes', () => {
  test('a weekday is the last one, or the next one in a future clause', () => {
    expect(spans('The talks resumed on Friday.')).toEqual([['on Friday', '2022-01-14', '2022-01-14']]);
    expect(spans('The talks will resume on Friday.')).toEqual([['on Friday', '2022-01-21', '2022-01-21']]);
  });

  test('a quarter is the most recent one, or the next one in a future clause', () => {
    expect(spans('Sales rose in the fourth quarter.')).toEqual([['in the fourth quarter', '2021-10-01', '2021-12-31']]);
    expect(spans('Sales will rise in the fourth quarter.')).toEqual([['in the fourth quarter', '2022-10-01', '2022-12-31']]);
  });

  test('"the second half" is a half-year in business text and nothing in a match report', () => {
    expect(spans('Profit rose in the second half.')).toEqual([['in the second half', '2021-07-01', '2021-12-31']]);
    expect(spans('The striker scored twice in the second half.')).toEqual([]);
  });

  test('an earlier rule keeps its span: a month with its year is one time, not a month and a year', () => {
    expect(spans('The deal was signed in March 2020.')).toEqual([['in March 2020', '2020-03-01', '2020-03-31']]);
    expect(spans('The fund grew in 2019-2021.')).toEqual([['2019-2021', '2019-01-01', '2021-12-31']]);
  });

  test('"may" without a preposition is not a month', () => {
    expect(spans('Prices may rise.')).toEqual([]);
  });

  test('"the year to October" is twelve months; a rate reads its final month', () => {
    const [t] = findTimes('Inflation was 3% in the year to October.', 0, pub);
    expect([t.from, t.to]).toEqual(['2020-11-01', '2021-10-31']);
    expect(rateMonth(t).from).toBe('2021-10-01');
  });

  test('durations and dateless references are marked', () => {
    const [d] = findTimes('Patients waited for three months.', 0, pub);
    expect(isDuration(d)).toBe(true);
    expect([d.from, d.to]).toEqual(['2021-10-19', '2022-01-19']);
    const [u] = findTimes('Sales fell a year earlier.', 0, pub);
    expect(isUnresolved(u)).toBe(true);
    expect([u.from, u.to]).toEqual([null, null]);
  });

  test('offsets are the article\'s', () => {
    const [t] = findTimes('Police arrested 40 people yesterday.', 100, pub);
    expect([t.start, t.end, t.date]).toEqual([126, 135, '2022-01-18']);
  });
});
