/** Parts of a year: halves, quarters, "the first nine months", "the year to June", "so far this year", month ranges. */
import { defineRule } from '../../../pipeline/rule.js';
import { MATCH_WORDS, MONTH_RE, PERIOD_ORDINALS, TIME_COUNT_RE } from '../../../resources/calendar.js';
import { addMonths, monthEnd, monthOf, monthStart, numOf, partYear, resolveMonth, span } from '../calendar.js';
import { isFuture } from '../future.js';
import type { TimeGrammarRule } from './rule.js';

export const HALF_YEAR: TimeGrammarRule = defineRule({
  id: 'time.half-year',
  stage: 'time',
  summary: '"in the first half" in business text: that half of the current year ("scored in the second half" is a match half).',
  examples: { fires: ['Profit rose 12% in the first half, the company said.'], doesNotFire: ['The striker scored 2 goals in the second half.'] },
  re: /\b(?:in|during|over|for) the (first|second) half\b(?! of)/gi,
  apply: (m, pub, before) => {
    if (MATCH_WORDS.test(before)) return null;
    const [a, b] = m[1].toLowerCase() === 'first' ? [1, 6] : [7, 12];
    const y = partYear(undefined, pub, a, isFuture(before.slice(-25)));
    return span(monthStart(y, a), monthEnd(y, b));
  },
});

export const YEAR_TO_MONTH: TimeGrammarRule = defineRule({
  id: 'time.year-to-month',
  stage: 'time',
  summary: '"the year to June 2024", "the fiscal year ended September 30": the twelve months ending then.',
  examples: { fires: ['Inflation was 3.1% in the year to January.'], doesNotFire: ['Inflation was 3.1% in January.'] },
  re: new RegExp(`\\b(?:(?:in|for|during|over)\\s)?the (?:(?:financial|fiscal)\\s)?(?:year|12 months|twelve months) (?:to|ending|ended|through) (?:the end of\\s)?(${MONTH_RE})(?:\\s\\d{1,2}(?!\\d))?(?:,?\\s((?:19|20)\\d\\d))?`, 'g'),
  apply: (m, pub) => {
    const mo = monthOf(m[1]);
    if (!mo) return null;
    const y = m[2] ? +m[2] : resolveMonth(mo, pub, false);
    const a = addMonths(monthStart(y, mo), -11);
    return { ...span(a, monthEnd(y, mo)), yearTo: true };
  },
});

export const YEAR_TO_DATE: TimeGrammarRule = defineRule({
  id: 'time.year-to-date',
  stage: 'time',
  summary: '"so far this year", "year to date": January 1 to publication.',
  examples: { fires: ['Some 4,500 migrants have crossed so far this year.'], doesNotFire: ['Some 4,500 migrants crossed this year.'] },
  re: /\b(?:so far (?:this year|in ((?:19|20)\d\d))|this year so far|(?:in the |for the )?year to date|year-to-date)\b/gi,
  apply: (m, pub) => span(monthStart(m[1] ? +m[1] : pub.y, 1), pub),
});

export const PART_OF_YEAR: TimeGrammarRule = defineRule({
  id: 'time.part-of-year',
  stage: 'time',
  summary: '"the first nine months of the year", "the second half of 2024" (also headline style: "in first half of year").',
  examples: { fires: ['Sales rose 8% in the first nine months of the year.'], doesNotFire: ['Sales rose 8% in the first nine months after the merger.'] },
  re: new RegExp(`\\b(?:(?:in|during|over|for|of)\\s)?(?:the )?(first|last|final|second) (?:(${TIME_COUNT_RE}) months|half) of (the year|this year|last year|next year|year|(?:19|20)\\d\\d)\\b`, 'gi'),
  apply: (m, pub, before) => {
    const which = m[1].toLowerCase();
    if (m[2]) {
      const n = numOf(m[2]);
      if (!isFinite(n) || n < 1 || n > 11 || which === 'second') return null;
      const [a, b] = which === 'first' ? [1, n] : [13 - n, 12];
      const y = partYear(m[3], pub, /^the/i.test(m[3]) ? b : a, isFuture(before.slice(-25)));
      return span(monthStart(y, a), monthEnd(y, b));
    }
    const [a, b] = which === 'first' ? [1, 6] : [7, 12];
    const y = partYear(m[3], pub, a, isFuture(before.slice(-25)));
    return span(monthStart(y, a), monthEnd(y, b));
  },
});

export const QUARTER: TimeGrammarRule = defineRule({
  id: 'time.quarter',
  stage: 'time',
  summary: '"the third quarter", "fourth-quarter", "Q3 2024": the most recent such quarter (the next one in a future clause).',
  examples: { fires: ['Revenue fell 5% in the third quarter.'], doesNotFire: ['A quarter of the 400 staff left.'] },
  re: /\b(?:(?:in|during|for|over)\s)?(?:the\s)?(first|second|third|fourth|final)[ -]quarter(?: of (the year|this year|last year|(?:19|20)\d\d))?\b|\bQ([1-4])(?:\s((?:19|20)\d\d))?\b/gi,
  apply: (m, pub, before) => {
    const q = m[3] ? +m[3] : PERIOD_ORDINALS[m[1].toLowerCase()];
    const a = 3 * q - 2;
    // a future verb right before ("will ... in the fourth quarter"); results are reported after the quarter
    const y = partYear(m[2] ?? m[4], pub, a, isFuture(before.slice(-25)));
    return span(monthStart(y, a), monthEnd(y, a + 2));
  },
});

export const MONTH_RANGE: TimeGrammarRule = defineRule({
  id: 'time.month-range',
  stage: 'time',
  summary: '"from October to December", "the October-December period" (no year): the most recent such months.',
  examples: { fires: ['Exports rose 7% from October to December.'], doesNotFire: ['Exports rose 7% in October.'] },
  re: new RegExp(`\\b(?:(?:in|during|for|over)\\s)?(?:the\\s)?(?:(?:from|between)\\s)?(${MONTH_RE})(?:\\s?[-–]\\s?|\\s(?:to|and|through|until)\\s)(${MONTH_RE})(?:\\s(period|quarter|months))?(?![\\s.]*\\d)`, 'g'),
  apply: (m, pub, before) => {
    const a = monthOf(m[1]);
    const b = monthOf(m[2]);
    if (!a || !b || a === b) return null;
    const yb = resolveMonth(b, pub, isFuture(before));
    const ya = a > b ? yb - 1 : yb;
    return span(monthStart(ya, a), monthEnd(yb, b));
  },
});
