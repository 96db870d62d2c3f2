/**
 * The time stage's configuration: chrono-node first for calendar dates (chrono.ts), then the grammar rules below
 * in this order (an earlier match keeps its span), then the refiners (refiners.ts). The order matters where
 * patterns overlap: a period end before a bare year, "the year to June" before a month, a month with its year
 * before a bare month, the rolling window before "last/this/next <unit>".
 *
 * "since 2011", "since March 2020" need no rule of their own: the year or month-year rule finds the date and the
 * since-clause refiner widens it to publication (a since-year rule fired 32 times on the labelled sets and changed nothing).
 */
import { BEFORE_EVENT, BY_END_OF, BY_PERIOD_END, DATELESS_TERM, FIRST_DAYS_OF_EVENT, RELATIVE_ANCHOR, SINCE_EVENT, SINCE_PERIOD_START } from './grammar/anchors.js';
import { DEICTIC_DAY, MONTH, WEEKDAY } from './grammar/days.js';
import { HALF_YEAR, MONTH_RANGE, PART_OF_YEAR, QUARTER, YEAR_TO_DATE, YEAR_TO_MONTH } from './grammar/parts-of-year.js';
import { COUNTED_PERIOD, EARLIER_THIS_PERIOD, NAMED_PERIOD, RECENT, ROLLING_WINDOW, WEEKEND } from './grammar/periods.js';
import type { TimeGrammarRule } from './grammar/rule.js';
import { AGO, BETWEEN_YEARS, BY_YEAR, DECADE, MONTH_YEAR, SINCE_MONTH, YEAR, YEAR_RANGE } from './grammar/years.js';

export const TIME_GRAMMAR: readonly TimeGrammarRule[] = [
  BY_PERIOD_END,
  SINCE_PERIOD_START,
  BY_END_OF,
  RELATIVE_ANCHOR,
  SINCE_EVENT,
  BEFORE_EVENT,
  FIRST_DAYS_OF_EVENT,
  DATELESS_TERM,
  HALF_YEAR,
  YEAR_TO_MONTH,
  YEAR_TO_DATE,
  PART_OF_YEAR,
  QUARTER,
  MONTH_RANGE,
  BETWEEN_YEARS,
  YEAR_RANGE,
  SINCE_MONTH,
  MONTH_YEAR,
  DECADE,
  BY_YEAR,
  YEAR,
  AGO,
  COUNTED_PERIOD,
  ROLLING_WINDOW,
  EARLIER_THIS_PERIOD,
  NAMED_PERIOD,
  WEEKEND,
  RECENT,
  WEEKDAY,
  MONTH,
  DEICTIC_DAY,
];
