import { describe, expect, test } from '@jest/globals';
import { findTimes, sinceInner, ymdOf } from '../../../../src/extractor/stages/time/index.js';
import { expectTime } from './time-cases.js';

// PUB = Wednesday 2022-01-19
describe('since: from a date to publication', () => {
  test.each([
    ['The war has killed 14,000 people since 2011.', 'since 2011', null, '2011-01-01', '2022-01-19'],
    ['At least 23 people have died since heavy rain began on Monday.', 'since heavy rain began on Monday', null, '2022-01-17', '2022-01-19'],
  ])('%s', (text, t, date, from, to) => expectTime(text, t, date, from, to));

  const pub = ymdOf(new Date('2022-01-19T12:00:00Z'));

  test('a since-clause keeps the time inside it for its own verb', () => {
    const [t] = findTimes('Prices have doubled since talks collapsed in October.', 0, pub);
    expect(t.text).toBe('since talks collapsed in October');
    expect(sinceInner(t)?.text).toBe('in October');
    expect(sinceInner(t)?.from).toBe('2021-10-01');
  });

  test('a longer since-clause does not reach over another time', () => {
    const times = findTimes('The fire has burned 400 hectares since it started on Saturday and was 15% contained as of Thursday.', 0, pub);
    expect(times.map((t) => t.text)).toEqual(['since it started on Saturday', 'Thursday']);
  });

  test('a since with no date in the sentence is a dateless reference', () => {
    const [t] = findTimes('Some 2,000 homes have been destroyed since the war began.', 0, pub);
    expect(t).toMatchObject({ text: 'since the war began', date: null, from: null, to: null });
  });
});
