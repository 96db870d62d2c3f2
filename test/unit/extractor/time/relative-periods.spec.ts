import { describe, test } from '@jest/globals';
import { expectTime } from './time-cases.js';

// PUB = Wednesday 2022-01-19
describe('periods relative to publication are intervals', () => {
  test.each([
    ['Officials said 300 people died last week.', 'last week', null, '2022-01-10', '2022-01-16'],
    ['Russia will send 3,000 troops next month.', 'next month', null, '2022-02-01', '2022-02-28'],
    ['The agency counted 84 cases last year.', 'last year', null, '2021-01-01', '2021-12-31'],
    ['The war has killed 14,000 people over eight years.', 'over eight years', null, '2014-01-19', '2022-01-19'],
    ['The agency counted 84 cases in the past two weeks.', 'in the past two weeks', null, '2022-01-05', '2022-01-19'],
  ])('%s', (text, t, date, from, to) => expectTime(text, t, date, from, to));
});
