/** Periods relative to publication: "over eight years", "the past year", "earlier this month", "last week", "the weekend", "recent months". */
import { defineRule } from '../../../pipeline/rule.js';
import { SEASON_MONTHS, TIME_COUNT_RE } from '../../../resources/calendar.js';
import { addDays, addMonths, calendarUnit, monthEnd, monthStart, numOf, span, unitShift, weekday, type YMD } from '../calendar.js';
import { isFuture } from '../future.js';
import type { TimeGrammarRule } from './rule.js';

export const COUNTED_PERIOD: TimeGrammarRule = defineRule({
  id: 'time.counted-period',
  stage: 'time',
  summary: '"over the past eight years", "for three months", "within two years", "the next five years": N units back or ahead of publication.',
  examples: { fires: ['The war has killed 14,000 people over eight years.'], doesNotFire: ['The war has killed 14,000 people in eight provinces.'] },
  re: new RegExp(`\\b(over|for|during|in|within|throughout|across)\\s(?:the\\s)?(?:(past|last|previous|next|coming|first|final)\\s)?(${TIME_COUNT_RE})\\s(years?|months?|weeks?|days?|decades?|hours?|nights?|centur(?:y|ies))\\b(?!-)`, 'gi'),
  apply: (m, pub) => {
    const prep = m[1].toLowerCase();
    const mod = (m[2] ?? '').toLowerCase();
    if (mod === 'first' || mod === 'final') return { date: null, from: null, to: null };
    const n = numOf(m[3]);
    if (!isFinite(n)) return null;
    const future = mod === 'next' || mod === 'coming' || ((prep === 'in' || prep === 'within') && !mod);
    if (future) return { ...span(pub, unitShift(pub, n, m[4])), duration: !mod };
    return { ...span(unitShift(pub, -n, m[4]), pub), duration: !mod };
  },
});

export const ROLLING_WINDOW: TimeGrammarRule = defineRule({
  id: 'time.rolling-window',
  stage: 'time',
  summary: '"the past year", "the last decade", "the next month": a window of one unit (or "few" = three) back or ahead.',
  examples: { fires: ['Rents rose 9% over the past year.'], doesNotFire: ['Rents rose 9% last year.'] },
  re: /\b(?:over|in|during|for|within|throughout)?\s?the (past|last|previous|next|coming) (year|month|week|decade|day|few (?:days|weeks|months|years))\b/gi,
  apply: (m, pub) => {
    const dir = /next|coming/i.test(m[1]) ? 1 : -1;
    const u = m[2].toLowerCase();
    const n = u.startsWith('few') ? 3 : 1;
    const unit = u.startsWith('few') ? u.slice(4) : u;
    const other = unitShift(pub, dir * n, unit);
    return dir < 0 ? span(other, pub) : span(pub, other);
  },
});

export const EARLIER_THIS_PERIOD: TimeGrammarRule = defineRule({
  id: 'time.earlier-this-period',
  stage: 'time',
  summary: '"earlier this month", "later this year": the part of the unit before or after publication.',
  examples: { fires: ['Some 120 workers were laid off earlier this month.'], doesNotFire: ['Some 120 workers were laid off this month.'] },
  re: /\b(earlier|later) (this|last|next|in the) (week|month|year)\b/gi,
  apply: (m, pub) => {
    const which = m[2].toLowerCase() === 'in the' ? 'this' : m[2].toLowerCase();
    const sh = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    const [a, b] = calendarUnit(pub, m[3].toLowerCase(), sh);
    if (which === 'this') return m[1].toLowerCase() === 'earlier' ? span(a, pub) : span(pub, b);
    return span(a, b);
  },
});

/** Saturday-Sunday of the previous (sh -1), current (0) or next (1) week. */
function weekendOf(pub: YMD, sh: number): [YMD, YMD] {
  const wd = weekday(pub);
  const sat = addDays(pub, ((6 - wd + 7) % 7) - (sh < 0 ? 7 : 0) + (sh > 0 ? 7 : 0) - (wd === 0 && sh <= 0 ? 7 : 0));
  return [sat, addDays(sat, 1)];
}

export const NAMED_PERIOD: TimeGrammarRule = defineRule({
  id: 'time.named-period',
  stage: 'time',
  summary: '"last week", "this month", "next year", "last weekend", "last summer": the calendar unit or season.',
  examples: { fires: ['Officials said 300 people died last week.'], doesNotFire: ['Officials said 300 people died over the past week.'] },
  re: /\b(?:(?:in|during|over|by|until)\s)?(?:(late|early|mid-?)\s?)?(last|this|next|past) (week|weekend|month|year|decade|summer|winter|spring|autumn|fall)\b/gi,
  apply: (m, pub) => {
    const which = m[2].toLowerCase();
    const u = m[3].toLowerCase();
    if (which === 'past') return null; // handled by the rolling-window rule ("the past year")
    const sh = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    if (u === 'weekend') return span(...weekendOf(pub, sh));
    const season = SEASON_MONTHS[u];
    if (season) {
      const y = pub.y + sh;
      const [a, b] = season;
      return a < b ? span(monthStart(y, a), monthEnd(y, b)) : span(monthStart(y - (pub.m <= 2 && sh === 0 ? 1 : 0), 12), monthEnd(y + (pub.m <= 2 && sh === 0 ? 0 : 1), 2));
    }
    return span(...calendarUnit(pub, u, sh));
  },
});

export const WEEKEND: TimeGrammarRule = defineRule({
  id: 'time.weekend',
  stage: 'time',
  summary: '"over the weekend", "at the weekend": the last weekend (the next one in a future clause or "this weekend").',
  examples: { fires: ['Police arrested 40 people over the weekend.'], doesNotFire: ['Police arrested 40 people last weekend.'] },
  re: /\b(?:over|during|at|on|this|through)\s(?:the\s)?weekend\b/gi,
  apply: (m, pub, before) => {
    const wd = weekday(pub);
    const future = isFuture(before) || /^this/i.test(m[0]);
    // next Saturday on or after pub (future), else the last Saturday before pub
    let sat: YMD;
    if (future) sat = addDays(pub, (6 - wd + 7) % 7);
    else sat = addDays(pub, -((wd - 6 + 7) % 7 || 7));
    if (!future && wd === 0) sat = addDays(pub, -1);
    return span(sat, addDays(sat, 1));
  },
});

export const RECENT: TimeGrammarRule = defineRule({
  id: 'time.recent',
  stage: 'time',
  summary: '"in recent months", "recent weeks": open-ended back to publication (days 7, weeks 28, months 6 months, years 5 years).',
  examples: { fires: ['Some 5,000 troops have arrived in recent months.'], doesNotFire: ['Some 5,000 troops have arrived this month.'] },
  re: /\b(?:in |over |during )?(?:the )?recent (days|weeks|months|years)\b/gi,
  apply: (m, pub) => {
    const u = m[1].toLowerCase();
    const back = u === 'days' ? addDays(pub, -7) : u === 'weeks' ? addDays(pub, -28) : u === 'months' ? addMonths(pub, -6) : addMonths(pub, -60);
    return span(back, pub);
  },
});
