/**
 * Time references in a sentence, in the shape of chrono's parsers and refiners: chrono-node for calendar dates
 * (chrono.ts), then the grammar rules of rules.ts for what chrono skips or resolves to a single point (bare years,
 * "since 2011", "over eight years", "last week" as an interval, weekdays, decades, "N years ago"…), then the
 * refiners (refiners.ts). All arithmetic is on UTC calendar dates derived from publishedAt (calendar.ts).
 */
import type { RuleInfo } from '../../pipeline/rule.js';
import { enabled, fired } from '../../pipeline/trace.js';
import type { TimeRef } from '../../types.js';
import { iso, type TimeValue, type YMD } from './calendar.js';
import { CALENDAR_DATE, chronoDates } from './chrono.js';
import { widenSinceClauses } from './refiners.js';
import { TIME_GRAMMAR } from './rules.js';

export { iso, ymdIn, ymdOf, type YMD } from './calendar.js';
export { isBaseline } from './baseline.js';
export { isStartDate } from './future.js';
export { sinceInner } from './refiners.js';

const YEAR_TO = new WeakSet<TimeRef>();
const UNRESOLVED = new WeakSet<TimeRef>();
const DURATION = new WeakSet<TimeRef>();
/** A real time reference without dates ("a year earlier", "since the war began", "this term"). */
export function isUnresolved(t: TimeRef): boolean {
  return UNRESOLVED.has(t);
}
/** A bare duration ("within 18 weeks", "for three months"): weaker than a calendar time in the same clause. */
export function isDuration(t: TimeRef): boolean {
  return DURATION.has(t);
}
/**
 * A rate "in the year to October" is the October reading (an annual change measured then): its final month.
 * Flows ("a loss for the year to June 2024") keep the twelve months.
 */
export function rateMonth(t: TimeRef): TimeRef {
  if (!YEAR_TO.has(t) || !t.to) return t;
  return { ...t, from: `${t.to.slice(0, 8)}01` };
}

/** The time references in text (a sentence starting at offset in the article), sorted by start. */
export function findTimes(text: string, offset: number, pub: YMD): TimeRef[] {
  const found: TimeRef[] = [];
  const add = (rule: RuleInfo, start: number, end: number, r: TimeValue) => {
    let s = start;
    let e = end;
    while (s < e && text[s] === ' ') s++;
    while (e > s && text[e - 1] === ' ') e--;
    const t: TimeRef = { text: text.slice(s, e), start: offset + s, end: offset + e, date: r.date ?? null, from: r.from, to: r.to };
    if (r.yearTo) YEAR_TO.add(t);
    if (r.unresolved) UNRESOLVED.add(t);
    if (r.duration) DURATION.add(t);
    fired(rule, t.start, t.end);
    found.push(t);
  };
  chronoDates(text, pub, (s, e, v) => add(CALENDAR_DATE, s, e, v));
  for (const rule of TIME_GRAMMAR) {
    if (!enabled(rule)) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      if (found.some((f) => f.start - offset < e && s < f.end - offset)) continue;
      const r = rule.apply(m, pub, text.slice(0, s));
      if (r) add(rule, s, e, r);
    }
  }
  found.sort((a, b) => a.start - b.start);
  widenSinceClauses(found, text, offset, iso(pub));
  return found;
}
