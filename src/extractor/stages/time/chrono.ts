/** Calendar dates through chrono-node ("Jan. 5, 2022", "5 March", "2024-03-01", "3/5/2024"). */
import * as chrono from 'chrono-node';
import { defineRule } from '../../pipeline/rule.js';
import { enabled } from '../../pipeline/trace.js';
import { MONTH_RE } from '../../resources/calendar.js';
import { day, span, type TimeValue, type YMD } from './calendar.js';
import { isFuture } from './future.js';

export const CALENDAR_DATE = defineRule({
  id: 'time.calendar-date',
  stage: 'time',
  summary: 'A date with a day (chrono-node): a month name or a numeric date; without a year, the most recent such day unless the clause is future.',
  examples: { fires: ['The agency counted 84 cases on Jan. 5, 2022.'], doesNotFire: ['The agency counted 84 cases in January 2022.'] },
});

/** Chrono runs only on text that may hold such a date, and only its results that name a month or a numeric date are kept. */
const CHRONO_PREFILTER = new RegExp(`${MONTH_RE}\\s\\d|\\d{1,2}(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH_RE}|\\b\\d{4}-\\d\\d-\\d\\d\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b`);
const CHRONO_KEEP = new RegExp(`${MONTH_RE}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4}`);
const parser = chrono.casual;

/** Calls add(start, end, value) for each calendar date in text (offsets in text). */
export function chronoDates(text: string, pub: YMD, add: (start: number, end: number, v: TimeValue) => void): void {
  if (!enabled(CALENDAR_DATE) || !CHRONO_PREFILTER.test(text)) return;
  const ref = new Date(pub.y, pub.m - 1, pub.d, 12);
  for (const r of parser.parse(text, ref)) {
    if (!CHRONO_KEEP.test(r.text)) continue;
    if (!r.start.isCertain('day')) continue;
    // "the fiscal year to June 30": left to the twelve-months rule
    if (/\b(?:year|months) (?:to|ending|ended|through) (?:the end of )?$/i.test(text.slice(Math.max(0, r.index - 30), r.index))) continue;
    const a: YMD = { y: r.start.get('year') as number, m: r.start.get('month') as number, d: r.start.get('day') as number };
    // a day without a year is the most recent one on or before publication unless the clause is future
    if (!r.start.isCertain('year') && !r.end && (a.y > pub.y || (a.y === pub.y && (a.m > pub.m || (a.m === pub.m && a.d > pub.d)))) && !isFuture(text.slice(0, r.index))) a.y -= 1;
    let s = r.index;
    const pre = /\b(on|since|by|until|from)\s$/i.exec(text.slice(Math.max(0, s - 7), s));
    if (pre) s -= pre[0].length;
    const e = r.index + r.text.length;
    if (r.end && r.end.isCertain('day')) {
      const b: YMD = { y: r.end.get('year') as number, m: r.end.get('month') as number, d: r.end.get('day') as number };
      add(s, e, span(a, b));
    } else if (pre && pre[1].toLowerCase() === 'since') {
      add(s, e, span(a, pub));
    } else add(s, e, day(a));
  }
}
