import { describe, test } from '@jest/globals';
import { expectTime } from './time-cases.js';

// PUB = Wednesday 2022-01-19
describe('days, months and years resolve against publishedAt', () => {
  test.each([
    ['Officials said on Wednesday that 300 people died.', 'on Wednesday', '2022-01-19', '2022-01-19', '2022-01-19'],
    ['Officials said 300 people died on Monday.', 'on Monday', '2022-01-17', '2022-01-17', '2022-01-17'],
    ['Police arrested 40 people yesterday.', 'yesterday', '2022-01-18', '2022-01-18', '2022-01-18'],
    ['The agency counted 84 cases on Jan. 5, 2022.', 'on Jan. 5, 2022', '2022-01-05', '2022-01-05', '2022-01-05'],
    ['The agency counted 84 cases in March 2020.', 'in March 2020', null, '2020-03-01', '2020-03-31'],
    ['The war killed 14,000 people in 2014.', 'in 2014', null, '2014-01-01', '2014-12-31'],
  ])('%s', (text, t, date, from, to) => expectTime(text, t, date, from, to));
});
