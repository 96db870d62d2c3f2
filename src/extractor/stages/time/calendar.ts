/**
 * Calendar arithmetic on UTC dates derived from publishedAt, so results do not depend on the host time zone.
 * Also the results a time rule returns (a day, a span, a dateless reference).
 */
import { MONTHS } from '../../resources/calendar.js';
import { TENS, UNITS } from '../../resources/number-words.js';

export interface YMD {
  y: number;
  m: number; // 1-12
  d: number;
}

/** What a time rule resolves a phrase to. */
export interface TimeValue {
  date?: string | null;
  from: string | null;
  to: string | null;
  /** "the year to June": twelve months ending then (a rate takes the final month, see rateMonth) */
  yearTo?: boolean;
  /** a real time reference without dates ("a year earlier", "since the war began") */
  unresolved?: boolean;
  /** a bare duration ("for three months") */
  duration?: boolean;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}
export function iso(a: YMD): string {
  return `${pad(a.y, 4)}-${pad(a.m)}-${pad(a.d)}`;
}
function toUTC(a: YMD): number {
  return Date.UTC(a.y, a.m - 1, a.d);
}
function fromUTC(t: number): YMD {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
export function addDays(a: YMD, n: number): YMD {
  return fromUTC(toUTC(a) + n * 86400000);
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export function addMonths(a: YMD, n: number): YMD {
  const total = a.y * 12 + (a.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(a.d, daysInMonth(y, m)) };
}
export function weekday(a: YMD): number {
  return new Date(toUTC(a)).getUTCDay();
}
export function monthStart(y: number, m: number): YMD {
  return { y, m, d: 1 };
}
export function monthEnd(y: number, m: number): YMD {
  return { y, m, d: daysInMonth(y, m) };
}
export function ymdOf(d: Date): YMD {
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of `d` where the article was published: "yesterday" in a paper of Tokyo at 02:00 local time
 * (17:00 UTC the day before) is the day before the Tokyo date. UTC (or no zone) is `ymdOf`. An unknown zone throws
 * (a RangeError from Intl); callers validate zones before they get here.
 */
export function ymdIn(d: Date, timeZone?: string | null): YMD {
  if (!timeZone || timeZone === 'UTC') return ymdOf(d);
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const part = (type: string) => Number(format.formatToParts(d).find((p) => p.type === type)!.value);
  return { y: part('year'), m: part('month'), d: part('day') };
}

/** A count written in a time phrase ("three", "twenty-one", "a few", "2.5"). */
export function numOf(s: string): number {
  const l = s.toLowerCase();
  if (/^\d/.test(l)) return parseFloat(l);
  if (l === 'a' || l === 'an') return 1;
  if (l === 'several') return 3;
  if (l === 'a few') return 3;
  if (l === 'a couple of') return 2;
  if (l.includes('-')) {
    const [a, b] = l.split('-');
    return (TENS[a] ?? 0) + (UNITS[b] ?? 0);
  }
  return UNITS[l] ?? TENS[l] ?? NaN;
}
export function monthOf(s: string): number {
  return MONTHS[s.toLowerCase().replace('.', '')];
}

/** anchor moved by n units (days, weeks, hours rounded to days, months, years, decades, centuries). */
export function unitShift(anchor: YMD, n: number, unit: string): YMD {
  const u = unit.toLowerCase().replace(/s$/, '');
  if (u === 'day' || u === 'night') return addDays(anchor, n);
  if (u === 'week') return addDays(anchor, 7 * n);
  if (u === 'hour') return addDays(anchor, Math.sign(n) * Math.ceil(Math.abs(n) / 24));
  if (u === 'month') return addMonths(anchor, Math.round(n));
  if (u === 'year') return addMonths(anchor, Math.round(n * 12));
  if (u === 'decade') return addMonths(anchor, Math.round(n * 120));
  if (u === 'century') return addMonths(anchor, Math.round(n * 1200));
  return anchor;
}

/** The calendar week (Monday-Sunday), month, decade or year of pub, shifted by sh units. */
export function calendarUnit(pub: YMD, u: string, sh: number): [YMD, YMD] {
  if (u === 'week') {
    const wd = (weekday(pub) + 6) % 7; // Monday = 0
    const mon = addDays(pub, -wd + 7 * sh);
    return [mon, addDays(mon, 6)];
  }
  if (u === 'month') {
    const a = addMonths(monthStart(pub.y, pub.m), sh);
    return [a, monthEnd(a.y, a.m)];
  }
  if (u === 'decade') {
    const y0 = Math.floor(pub.y / 10) * 10 + 10 * sh;
    return [monthStart(y0, 1), monthEnd(y0 + 9, 12)];
  }
  const y = pub.y + sh;
  return [monthStart(y, 1), monthEnd(y, 12)];
}

/** The most recent month m at or before pub (or the next one when future). */
export function resolveMonth(m: number, pub: YMD, future: boolean): number {
  if (future) return m >= pub.m ? pub.y : pub.y + 1;
  return m <= pub.m ? pub.y : pub.y - 1;
}

/** Year of a part of a year given as "the year" / "this year" / "last year" / "2024" / nothing. */
export function partYear(spec: string | undefined, pub: YMD, startMonth: number, future: boolean): number {
  const l = (spec ?? '').toLowerCase();
  if (/^\d{4}$/.test(l)) return +l;
  if (l === 'last year') return pub.y - 1;
  if (l === 'this year' || l === 'next year') return pub.y + (l === 'next year' ? 1 : 0);
  // "the year" / none: the most recent such period that has begun, or the next one in a future clause
  if (future) return startMonth >= pub.m ? pub.y : pub.y + 1;
  return startMonth <= pub.m ? pub.y : pub.y - 1;
}

/** A time reference whose dates cannot be resolved from the text alone ("a year earlier", "since the war began"). */
export const unresolved = (): TimeValue => ({ date: null, from: null, to: null, unresolved: true });
export const day = (a: YMD): TimeValue => ({ date: iso(a), from: iso(a), to: iso(a) });
export const span = (a: YMD, b: YMD): TimeValue => ({ date: null, from: iso(a), to: iso(b) });
export const yearSpan = (y: number): TimeValue => span(monthStart(y, 1), monthEnd(y, 12));
export const monthSpan = (y: number, m: number): TimeValue => span(monthStart(y, m), monthEnd(y, m));
