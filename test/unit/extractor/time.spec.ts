import { describe, expect, test } from '@jest/globals';
import { one, PUB } from './helpers.js';

// PUB = Wednesday 2022-01-19
describe('time references resolved against publishedAt', () => {
  test.each([
    ['Officials said 300 people died last week.', 'last week', null, '2022-01-10', '2022-01-16'],
    ['Officials said on Wednesday that 300 people died.', 'on Wednesday', '2022-01-19', '2022-01-19', '2022-01-19'],
    ['Officials said 300 people died on Monday.', 'on Monday', '2022-01-17', '2022-01-17', '2022-01-17'],
    ['Russia will send 3,000 troops next month.', 'next month', null, '2022-02-01', '2022-02-28'],
    ['The war killed 14,000 people in 2014.', 'in 2014', null, '2014-01-01', '2014-12-31'],
    ['The war has killed 14,000 people over eight years.', 'over eight years', null, '2014-01-19', '2022-01-19'],
    ['The war has killed 14,000 people since 2011.', 'since 2011', null, '2011-01-01', '2022-01-19'],
    ['Police arrested 40 people yesterday.', 'yesterday', '2022-01-18', '2022-01-18', '2022-01-18'],
    ['The agency counted 84 cases on Jan. 5, 2022.', 'on Jan. 5, 2022', '2022-01-05', '2022-01-05', '2022-01-05'],
    ['The agency counted 84 cases in March 2020.', 'in March 2020', null, '2020-03-01', '2020-03-31'],
    ['The agency counted 84 cases last year.', 'last year', null, '2021-01-01', '2021-12-31'],
    ['The agency counted 84 cases in the past two weeks.', 'in the past two weeks', null, '2022-01-05', '2022-01-19'],
    ['At least 23 people have died since heavy rain began on Monday.', 'since heavy rain began on Monday', null, '2022-01-17', '2022-01-19'],
  ])('%s', (text, t, date, from, to) => {
    const c = one(text, PUB);
    expect(c.timeRef).not.toBeNull();
    expect(c.timeRef!.text).toBe(t);
    expect(c.timeRef!.date).toBe(date);
    expect(c.timeRef!.from).toBe(from);
    expect(c.timeRef!.to).toBe(to);
    expect(text.slice(c.timeRef!.start, c.timeRef!.end)).toBe(c.timeRef!.text);
  });

  test('a comparison baseline is not the time of the figure', () => {
    expect(one('Prices fell 2 percent from April.').timeRef).toBeNull();
  });

  test('a time in another clause does not attach', () => {
    const c = one('Lithuania, a country of 2.8 million people, joined the alliance in 2004.');
    expect(c.timeRef).toBeNull();
  });

  test('deterministic given publishedAt', () => {
    const text = 'Officials said 300 people died last week.';
    expect(JSON.stringify(one(text, PUB))).toBe(JSON.stringify(one(text, PUB)));
  });
});
