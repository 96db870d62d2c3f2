/**
 * Time references: chrono-node for calendar dates ("Jan. 5, 2022", "yesterday"), plus a custom grammar for
 * what chrono skips or resolves to a single point: bare years, "since 2011", "over eight years", "last week"
 * (as an interval), "next month", weekdays (past unless the clause is future), decades, "N years ago".
 * All arithmetic is on UTC calendar dates derived from publishedAt, so results do not depend on the host TZ.
 */
import * as chrono from 'chrono-node';
import { MONTHS, TENS, UNITS, WEEKDAYS } from '../../resources/lexicon.js';
import type { TimeRef } from '../../types.js';

export interface YMD {
  y: number;
  m: number; // 1-12
  d: number;
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
function addDays(a: YMD, n: number): YMD {
  return fromUTC(toUTC(a) + n * 86400000);
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function addMonths(a: YMD, n: number): YMD {
  const total = a.y * 12 + (a.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(a.d, daysInMonth(y, m)) };
}
function weekday(a: YMD): number {
  return new Date(toUTC(a)).getUTCDay();
}
function monthStart(y: number, m: number): YMD {
  return { y, m, d: 1 };
}
function monthEnd(y: number, m: number): YMD {
  return { y, m, d: daysInMonth(y, m) };
}

export function ymdOf(d: Date): YMD {
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

const NUMWORD = '(?:\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|several|a few|a couple of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine))';
const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const WD_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
// "forecast" as a noun ("revised its growth forecast ... from 3.6 per cent in November") is not future
const FUTURE_RE = /\b(will|'ll|shall|could be|is to|are to|plans? to|planned|scheduled|expected to|due to|set to|upcoming|to be held|would|expects?|(?<!\b(?:its|the|a|their|his|her|our|growth|previous|earlier|latest|new|inflation|official|budget|economic|own|revenue|sales|profit|earnings|weather|central)\s)forecasts?|predicts?|is going to|are going to)\b/i;

function numOf(s: string): number {
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
function monthOf(s: string): number {
  return MONTHS[s.toLowerCase().replace('.', '')];
}

function unitShift(anchor: YMD, n: number, unit: string): YMD {
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

interface Rule {
  re: RegExp;
  resolve: (m: RegExpExecArray, pub: YMD, before: string) => { date?: string | null; from: string | null; to: string | null; yearTo?: boolean; unresolved?: boolean; duration?: boolean } | null;
}
/** A time reference whose dates cannot be resolved from the text alone ("a year earlier", "since the war began"). */
const unresolved = () => ({ date: null, from: null, to: null, unresolved: true });

const day = (a: YMD) => ({ date: iso(a), from: iso(a), to: iso(a) });
const span = (a: YMD, b: YMD) => ({ date: null, from: iso(a), to: iso(b) });
const yearSpan = (y: number) => span(monthStart(y, 1), monthEnd(y, 12));
const monthSpan = (y: number, m: number) => span(monthStart(y, m), monthEnd(y, m));

const FUTURE_G = new RegExp(FUTURE_RE.source, 'gi');
/**
 * A future word in the 80 characters before a time makes it future, unless it is an adjective after a determiner
 * ("its planned 70 convoys", "the scheduled talks") or a past verb follows it ("… had reached northern Gaza in December").
 */
function isFuture(before: string): boolean {
  const w = before.slice(-80);
  let last: RegExpExecArray | null = null;
  FUTURE_G.lastIndex = 0;
  for (let m = FUTURE_G.exec(w); m; m = FUTURE_G.exec(w)) {
    if (/^(planned|scheduled|upcoming)$/i.test(m[0]) && /\b(its|the|their|his|her|our|a|an|this|these|those|[\w-]+['’]s)\s+$/i.test(w.slice(0, m.index))) continue;
    last = m;
  }
  if (!last) return false;
  return !/\b(had|did|was|were)\s+(\w+\s+)?\w+ed\b/i.test(w.slice(last.index + last[0].length));
}

/** The most recent month m at or before pub (or the next one when future). */
function resolveMonth(m: number, pub: YMD, future: boolean): number {
  if (future) return m >= pub.m ? pub.y : pub.y + 1;
  return m <= pub.m ? pub.y : pub.y - 1;
}

const ORD: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4 };

/** Year of a part of a year given as "the year" / "this year" / "last year" / "2024" / nothing. */
function partYear(spec: string | undefined, pub: YMD, startMonth: number, future: boolean): number {
  const l = (spec ?? '').toLowerCase();
  if (/^\d{4}$/.test(l)) return +l;
  if (l === 'last year') return pub.y - 1;
  if (l === 'this year' || l === 'next year') return pub.y + (l === 'next year' ? 1 : 0);
  // "the year" / none: the most recent such period that has begun, or the next one in a future clause
  if (future) return startMonth >= pub.m ? pub.y : pub.y + 1;
  return startMonth <= pub.m ? pub.y : pub.y - 1;
}

const RULES: Rule[] = [
  // by year's end / by year-end / by month's end: publication to the end of the current year or month
  {
    re: /\b(?:by|until|before) (?:the )?(year|month|week)(?:'s|’s|-) ?end\b/gi,
    resolve: (m, pub) => span(pub, calendarUnit(pub, m[1].toLowerCase(), 0)[1]),
  },
  // since the start of the year / since the beginning of this month: the start of the current unit to publication
  {
    re: /\bsince the (?:start|beginning) of (?:the|this) (year|month|week)\b/gi,
    resolve: (m, pub) => span(calendarUnit(pub, m[1].toLowerCase(), 0)[0], pub),
  },
  // by the end of 2026 / by the end of the year / until the end of March: publication to the end of that period
  {
    re: new RegExp(`\\b(?:by|until|till|before) the end of (?:(this|next|the) (year|month|decade|week)|((?:19|20)\\d\\d)|(${MONTH_RE})(?:\\s((?:19|20)\\d\\d))?|(?:the|this|its|their) (parliament|term|season|decade|century|programme|program|contract|war|conflict))\\b`, 'gi'),
    resolve: (m, pub) => {
      if (m[6]) return unresolved();
      if (m[3]) return +m[3] < pub.y ? yearSpan(+m[3]) : span(pub, monthEnd(+m[3], 12));
      if (m[4]) {
        const mo = monthOf(m[4]);
        if (!mo) return null;
        const y = m[5] ? +m[5] : resolveMonth(mo, pub, true);
        return span(pub, monthEnd(y, mo));
      }
      const u = m[2].toLowerCase();
      const sh = m[1].toLowerCase() === 'next' ? 1 : 0;
      return span(pub, calendarUnit(pub, u, sh)[1]);
    },
  },
  // relative anchors: "a year earlier", "the previous month", "the day before", "a week later"
  {
    re: /\b(?:(?:a|one|the|two|three|four|five|six|several) (?:day|week|month|year|decade|quarter)s? (?:earlier|before|later|previously|prior)|the (?:previous|preceding|prior|following) (?:day|week|month|year|quarter|season|decade)|(?:the )?(?:day|week|month|year) before)\b(?! (?:the|a|an|it|he|she|they|last)\b)/gi,
    resolve: () => unresolved(),
  },
  // since the war began / since the full-scale invasion began / since then
  {
    re: /\b(?:since then|since the (?:start|beginning|outbreak|onset) of (?:the|this) (?:[\w-]+ )?(?:war|invasion|conflict|fighting|crisis|siege|occupation|pandemic)|since (?:the|its|their|his|her|this|that) (?:[\w-]+ ){0,3}(?:began|started|erupted|broke out|took office|took power|came to power|was elected|was launched|opened|ended))\b(?!,? (?:in|on|last|this|early|late|mid|at)\b|,? (?:19|20)\d\d|,? (?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)/gi,
    resolve: () => unresolved(),
  },
  // (1.16) before the war / before the full-scale invasion / prior to the war in Syria: a dateless anchor
  {
    re: /\b(?:[Bb]efore|[Pp]rior to) the (?:[a-z-]+ ){0,2}(?:war|invasion|conflict|fighting|pandemic|occupation|siege|uprising|revolution|coup)(?: (?:in|on|with|against) [A-Z][\w-]+)?(?![\w-])(?! (?:in|of|began|started|broke)\b|,? (?:19|20)\d\d)/g,
    resolve: () => unresolved(),
  },
  // (1.14) the first six weeks of the truce / the first 100 days of his presidency: a span of an event without its date
  {
    re: new RegExp(`\\b(?:(?:in|during|over|for|within)\\s)?the (?:first|last|final|opening) (?:(?:${NUMWORD})\\s)?(?:days|weeks|months|years|hours) of (?:the|its|his|her|their|this|that) (?!year\\b|month\\b|week\\b)[a-z][\\w-]+`, 'gi'),
    resolve: () => unresolved(),
  },
  // this term / last season / the current school year: periods without calendar dates in the text
  {
    re: /\b(?:this|last|next|the current|the previous|the coming) (?:term|season|semester|session|school year|academic year|financial year|fiscal year|parliament)\b/gi,
    resolve: () => unresolved(),
  },
  // in the first half (of the current year) in business text; "scored in the second half" is a match half
  {
    re: /\b(?:in|during|over|for) the (first|second) half\b(?! of)/gi,
    resolve: (m, pub, before) => {
      if (/\b(goals?|scored?|scoring|minutes?|match|game|half-time|kick-?off|innings|quarterback|penalty|penalties|striker|referee)\b/i.test(before)) return null;
      const [a, b] = m[1].toLowerCase() === 'first' ? [1, 6] : [7, 12];
      const y = partYear(undefined, pub, a, isFuture(before.slice(-25)));
      return span(monthStart(y, a), monthEnd(y, b));
    },
  },
  // the year to June 2024 / the 12 months to March / the fiscal year ended September 30: twelve months ending then
  {
    re: new RegExp(`\\b(?:(?:in|for|during|over)\\s)?the (?:(?:financial|fiscal)\\s)?(?:year|12 months|twelve months) (?:to|ending|ended|through) (?:the end of\\s)?(${MONTH_RE})(?:\\s\\d{1,2}(?!\\d))?(?:,?\\s((?:19|20)\\d\\d))?`, 'g'),
    resolve: (m, pub) => {
      const mo = monthOf(m[1]);
      if (!mo) return null;
      const y = m[2] ? +m[2] : resolveMonth(mo, pub, false);
      const a = addMonths(monthStart(y, mo), -11);
      return { ...span(a, monthEnd(y, mo)), yearTo: true };
    },
  },
  // so far this year / this year so far / year to date: January 1 to publication
  {
    re: /\b(?:so far (?:this year|in ((?:19|20)\d\d))|this year so far|(?:in the |for the )?year to date|year-to-date)\b/gi,
    resolve: (m, pub) => span(monthStart(m[1] ? +m[1] : pub.y, 1), pub),
  },
  // the first nine months of the year / the first half of 2024 / the second half of last year
  {
    // (1.14) also headline style without articles: "in first half of year"
    re: new RegExp(`\\b(?:(?:in|during|over|for|of)\\s)?(?:the )?(first|last|final|second) (?:(${NUMWORD}) months|half) of (the year|this year|last year|next year|year|(?:19|20)\\d\\d)\\b`, 'gi'),
    resolve: (m, pub, before) => {
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
  },
  // the fourth quarter / fourth-quarter / the third quarter of 2024 / Q3 2024
  {
    re: /\b(?:(?:in|during|for|over)\s)?(?:the\s)?(first|second|third|fourth|final)[ -]quarter(?: of (the year|this year|last year|(?:19|20)\d\d))?\b|\bQ([1-4])(?:\s((?:19|20)\d\d))?\b/gi,
    resolve: (m, pub, before) => {
      const q = m[3] ? +m[3] : ORD[m[1].toLowerCase()];
      const a = 3 * q - 2;
      // a future verb right before ("will ... in the fourth quarter"); results are reported after the quarter
      const y = partYear(m[2] ?? m[4], pub, a, isFuture(before.slice(-25)));
      return span(monthStart(y, a), monthEnd(y, a + 2));
    },
  },
  // the October-December period / from October to December / between October and December (no year)
  {
    re: new RegExp(`\\b(?:(?:in|during|for|over)\\s)?(?:the\\s)?(?:(?:from|between)\\s)?(${MONTH_RE})(?:\\s?[-–]\\s?|\\s(?:to|and|through|until)\\s)(${MONTH_RE})(?:\\s(period|quarter|months))?(?![\\s.]*\\d)`, 'g'),
    resolve: (m, pub, before) => {
      const a = monthOf(m[1]);
      const b = monthOf(m[2]);
      if (!a || !b || a === b) return null;
      const yb = resolveMonth(b, pub, isFuture(before));
      const ya = a > b ? yb - 1 : yb;
      return span(monthStart(ya, a), monthEnd(yb, b));
    },
  },
  // between 2014 and 2022 / from 2014 to 2022
  {
    re: /\b(?:between|from) ((?:19|20)\d\d) (?:and|to|until|through) ((?:19|20)\d\d)\b/gi,
    resolve: (m) => span(monthStart(+m[1], 1), monthEnd(+m[2], 12)),
  },
  // 2014-15, 2019–2021
  {
    re: /\b((?:19|20)\d\d)\s?[-–](\d\d(?:\d\d)?)\b/g,
    resolve: (m) => {
      const a = +m[1];
      let b = +m[2];
      if (m[2].length === 2) b = Math.floor(a / 100) * 100 + b;
      if (b <= a || b - a > 50) return null;
      return span(monthStart(a, 1), monthEnd(b, 12));
    },
  },
  // since 2011 / since March 2020 / since early 2014
  {
    re: new RegExp(`\\bsince (?:(?:early|late|mid-?)\\s?)?(?:(${MONTH_RE}) )?((?:19|20)\\d\\d)\\b`, 'gi'),
    resolve: (m, pub) => (m[1] ? span(monthStart(+m[2], monthOf(m[1])), pub) : span(monthStart(+m[2], 1), pub)),
  },
  // since February
  {
    re: new RegExp(`\\bsince (${MONTH_RE})(?![\\w ]*\\d)`, 'g'),
    resolve: (m, pub) => {
      const mo = monthOf(m[1]);
      return span(monthStart(resolveMonth(mo, pub, false), mo), pub);
    },
  },
  // in/during/by March 2020 (month + year)
  {
    re: new RegExp(`\\b(?:(in|during|by|until|before|after|of|from|early|late|mid-?|throughout)\\s)?(${MONTH_RE}) ((?:19|20)\\d\\d)\\b`, 'g'),
    resolve: (m, pub) => {
      const mo = monthOf(m[2]);
      const y = +m[3];
      if ((m[1] ?? '').toLowerCase() === 'by' || (m[1] ?? '').toLowerCase() === 'until') return span(pub, monthEnd(y, mo));
      return monthSpan(y, mo);
    },
  },
  // the 1990s; (1.17) the early 1990s, the mid-1990s, the late 2010s = the decade (like 'early 2014' = the year)
  {
    re: /\b(?:(?:in|during|since|by) )?(?:the )?(?:(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-| ))?((?:1[89]|20)\d0)s\b/g,
    resolve: (m) => span(monthStart(+m[1], 1), monthEnd(+m[1] + 9, 12)),
  },
  // by 2030 / until 2025
  {
    re: /\b(by|until|till|through) ((?:19|20)\d\d)\b(?![-–,]?\s?\d)/gi,
    resolve: (m, pub) => {
      const y = +m[2];
      if (y < pub.y) return yearSpan(y);
      return span(pub, monthEnd(y, 12));
    },
  },
  // in 2014 / during 2014 / early 2014 / 2014 alone
  {
    re: /\b(?:(?:in|during|of|throughout|early|late|mid-?|from|after|before|around|circa)\s(?:(?:early|late|mid-?)\s?)?)?((?:19|20)\d\d)\b(?![-–]\d|,\d|\.\d|s\b|%)/gi,
    resolve: (m) => yearSpan(+m[1]),
  },
  // N years ago / two weeks ago
  {
    re: new RegExp(`\\b(${NUMWORD}) (years?|months?|weeks?|days?|decades?|hours?) ago\\b`, 'gi'),
    resolve: (m, pub) => {
      const n = numOf(m[1]);
      if (!isFinite(n)) return null;
      const a = unitShift(pub, -n, m[2]);
      const u = m[2].toLowerCase();
      if (u.startsWith('year') || u.startsWith('decade')) return yearSpan(a.y);
      if (u.startsWith('month')) return monthSpan(a.y, a.m);
      return day(a);
    },
  },
  // over the past eight years / over eight years / for three months / in the last 24 hours / within two years / next five years
  {
    re: new RegExp(`\\b(over|for|during|in|within|throughout|across)\\s(?:the\\s)?(?:(past|last|previous|next|coming|first|final)\\s)?(${NUMWORD})\\s(years?|months?|weeks?|days?|decades?|hours?|nights?|centur(?:y|ies))\\b(?!-)`, 'gi'),
    resolve: (m, pub) => {
      const prep = m[1].toLowerCase();
      const mod = (m[2] ?? '').toLowerCase();
      if (mod === 'first' || mod === 'final') return { date: null, from: null, to: null };
      const n = numOf(m[3]);
      if (!isFinite(n)) return null;
      const future = mod === 'next' || mod === 'coming' || ((prep === 'in' || prep === 'within') && !mod);
      if (future) return { ...span(pub, unitShift(pub, n, m[4])), duration: !mod };
      return { ...span(unitShift(pub, -n, m[4]), pub), duration: !mod };
    },
  },
  // the past year / the last decade / the past 24 hours (rolling windows)
  {
    re: /\b(?:over|in|during|for|within|throughout)?\s?the (past|last|previous|next|coming) (year|month|week|decade|day|few (?:days|weeks|months|years))\b/gi,
    resolve: (m, pub) => {
      const dir = /next|coming/i.test(m[1]) ? 1 : -1;
      const u = m[2].toLowerCase();
      const n = u.startsWith('few') ? 3 : 1;
      const unit = u.startsWith('few') ? u.slice(4) : u;
      const other = unitShift(pub, dir * n, unit);
      return dir < 0 ? span(other, pub) : span(pub, other);
    },
  },
  // earlier this month / later this year
  {
    re: /\b(earlier|later) (this|last|next|in the) (week|month|year)\b/gi,
    resolve: (m, pub) => {
      const which = m[2].toLowerCase() === 'in the' ? 'this' : m[2].toLowerCase();
      const u = m[3].toLowerCase();
      const sh = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      const [a, b] = calendarUnit(pub, u, sh);
      if (which === 'this') return m[1].toLowerCase() === 'earlier' ? span(a, pub) : span(pub, b);
      return span(a, b);
    },
  },
  // last week / this month / next year / last weekend
  {
    re: /\b(?:(?:in|during|over|by|until)\s)?(?:(late|early|mid-?)\s?)?(last|this|next|past) (week|weekend|month|year|decade|summer|winter|spring|autumn|fall)\b/gi,
    resolve: (m, pub) => {
      const which = m[2].toLowerCase();
      const u = m[3].toLowerCase();
      if (which === 'past') {
        return null; // handled by the rolling-window rule ("the past year")
      }
      const sh = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      if (u === 'weekend') {
        // Saturday-Sunday of the previous/current/next week
        const wd = weekday(pub);
        const sat = addDays(pub, ((6 - wd + 7) % 7) - (sh < 0 ? 7 : 0) + (sh > 0 ? 7 : 0) - (wd === 0 && sh <= 0 ? 7 : 0));
        return span(sat, addDays(sat, 1));
      }
      if (['summer', 'winter', 'spring', 'autumn', 'fall'].includes(u)) {
        const y = pub.y + sh;
        const ms: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 2] };
        const [a, b] = ms[u];
        return a < b ? span(monthStart(y, a), monthEnd(y, b)) : span(monthStart(y - (pub.m <= 2 && sh === 0 ? 1 : 0), 12), monthEnd(y + (pub.m <= 2 && sh === 0 ? 0 : 1), 2));
      }
      const [a, b] = calendarUnit(pub, u, sh);
      return span(a, b);
    },
  },
  // over the weekend / at the weekend
  {
    re: /\b(?:over|during|at|on|this|through)\s(?:the\s)?weekend\b/gi,
    resolve: (m, pub, before) => {
      const wd = weekday(pub);
      const future = isFuture(before) || /^this/i.test(m[0]);
      // next Saturday on or after pub (future), else the last Saturday before pub
      let sat: YMD;
      if (future) sat = addDays(pub, (6 - wd + 7) % 7);
      else sat = addDays(pub, -((wd - 6 + 7) % 7 || 7));
      if (!future && wd === 0) sat = addDays(pub, -1);
      return span(sat, addDays(sat, 1));
    },
  },
  // in recent months / recent weeks (open-ended: to = publication)
  {
    re: /\b(?:in |over |during )?(?:the )?recent (days|weeks|months|years)\b/gi,
    resolve: (m, pub) => {
      const u = m[1].toLowerCase();
      const back = u === 'days' ? addDays(pub, -7) : u === 'weeks' ? addDays(pub, -28) : u === 'months' ? addMonths(pub, -6) : addMonths(pub, -60);
      return span(back, pub);
    },
  },
  // on Wednesday / last Friday / next Monday / Wednesday
  {
    re: new RegExp(`\\b(?:(on|last|next|this|since|by|until|from|late|early)\\s)?(${WD_RE})(?:\\s(morning|afternoon|evening|night))?\\b`, 'g'),
    resolve: (m, pub, before) => {
      const wd = WEEKDAYS[m[2].toLowerCase()];
      const mod = (m[1] ?? '').toLowerCase();
      const cur = weekday(pub);
      let d: YMD;
      if (mod === 'next' || (mod !== 'last' && isFuture(before))) {
        let diff = (wd - cur + 7) % 7;
        if (diff === 0) diff = mod === 'next' ? 7 : 0;
        d = addDays(pub, diff);
      } else {
        let diff = (cur - wd + 7) % 7;
        if (mod === 'last' && diff === 0) diff = 7;
        d = addDays(pub, -diff);
      }
      if (mod === 'since') return span(d, pub);
      return day(d);
    },
  },
  // in January / early March / last May (no day, no year)
  {
    re: new RegExp(`\\b(?:(in|during|since|by|until|early|late|mid-?|last|next|this|from|throughout)\\s)?(${MONTH_RE})(?![\\s.]*\\d)`, 'g'),
    resolve: (m, pub, before) => {
      const prep = (m[1] ?? '').toLowerCase();
      if (!prep && /^(may|march)$/i.test(m[2])) return null;
      const mo = monthOf(m[2]);
      if (!mo) return null;
      const future = prep === 'next' || (prep !== 'last' && isFuture(before));
      let y = resolveMonth(mo, pub, future);
      if (prep === 'last' && mo === pub.m) y = pub.y - 1;
      if (prep === 'since') return span(monthStart(y, mo), pub);
      return monthSpan(y, mo);
    },
  },
  // today / yesterday / tonight (handled here for speed; chrono handles them too)
  {
    re: /\b(today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening)\b/gi,
    resolve: (m, pub) => {
      const l = m[1].toLowerCase();
      if (l === 'yesterday' || l === 'last night') return day(addDays(pub, -1));
      if (l === 'tomorrow') return day(addDays(pub, 1));
      return day(pub);
    },
  },
];

function calendarUnit(pub: YMD, u: string, sh: number): [YMD, YMD] {
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

/** Chrono handles explicit calendar dates; only its results that name a month or a numeric date are kept. */
const CHRONO_PREFILTER = new RegExp(`${MONTH_RE}\\s\\d|\\d{1,2}(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH_RE}|\\b\\d{4}-\\d\\d-\\d\\d\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b`);
const CHRONO_KEEP = new RegExp(`${MONTH_RE}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4}`);
const parser = chrono.casual;

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

const SINCE_INNER = new WeakMap<TimeRef, TimeRef>();
/** For "since heavy rain began on Monday": the time inside the clause ("on Monday"), which dates its verb. */
export function sinceInner(t: TimeRef): TimeRef | undefined {
  return SINCE_INNER.get(t);
}

export function findTimes(text: string, offset: number, pub: YMD): TimeRef[] {
  const found: TimeRef[] = [];
  const add = (start: number, end: number, r: { date?: string | null; from: string | null; to: string | null; yearTo?: boolean; unresolved?: boolean; duration?: boolean }) => {
    let s = start;
    let e = end;
    while (s < e && text[s] === ' ') s++;
    while (e > s && text[e - 1] === ' ') e--;
    const t: TimeRef = { text: text.slice(s, e), start: offset + s, end: offset + e, date: r.date ?? null, from: r.from, to: r.to };
    if (r.yearTo) YEAR_TO.add(t);
    if (r.unresolved) UNRESOLVED.add(t);
    if (r.duration) DURATION.add(t);
    found.push(t);
  };
  if (CHRONO_PREFILTER.test(text)) {
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
      if (r.end && r.end.isCertain('day')) {
        const b: YMD = { y: r.end.get('year') as number, m: r.end.get('month') as number, d: r.end.get('day') as number };
        add(s, r.index + r.text.length, span(a, b));
      } else if (pre && pre[1].toLowerCase() === 'since') {
        add(s, r.index + r.text.length, span(a, pub));
      } else add(s, r.index + r.text.length, day(a));
    }
  }
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      if (found.some((f) => f.start - offset < e && s < f.end - offset)) continue;
      const r = rule.resolve(m, pub, text.slice(0, s));
      if (r) add(s, e, r);
    }
  }
  found.sort((a, b) => a.start - b.start);
  const pubIso = iso(pub);
  for (const f of found) {
    const rs = f.start - offset;
    const before = text.slice(Math.max(0, rs - 80), rs);
    // "since heavy rain began on Monday", "since the pandemic low in 2020": from that date to publication
    const sm = /\bsince\b[^,;.:!?]*$/i.exec(before);
    // (a longer since-clause reaches its time only when no other time lies between: "since it broke out on Saturday and
    // was 15% contained as of Thursday morning" keeps Thursday)
    const sinceAt = f.start - (before.length - (sm?.index ?? 0));
    if (sm && !/^since\b/i.test(f.text) && (f.from ?? f.date) && !found.some((o) => o !== f && o.start >= sinceAt && o.end <= f.start)) {
      SINCE_INNER.set(f, { ...f });
      const ns = rs - (before.length - sm.index);
      f.start = offset + ns;
      f.text = text.slice(ns, f.end - offset);
      f.from = f.date ?? f.from;
      f.to = pubIso;
      f.date = null;
    }
  }
  return found;
}

/** "from April" after a future verb or a per-period amount starts a period. */
export function isStartDate(before: string): boolean {
  return isFuture(before) || /\b(a|per|each|every) (year|month|week)\s*$|\bannually\s*$/i.test(before);
}

/** Comparison baselines ("from April", "compared with a year ago", "than in 2019") are not the claim's time. */
export function isBaseline(text: string, t: TimeRef, sentStart: number): boolean {
  const rs = t.start - sentStart;
  const before = text.slice(Math.max(0, rs - 20), rs).toLowerCase();
  const after = text.slice(t.end - sentStart, t.end - sentStart + 12).toLowerCase();
  // "will rise to 15% from April", "savings of 2.5bn crowns a year from 2026": a start date, not a baseline
  if (/^from\b/i.test(t.text) && !/^\s*(to|until|through)\b/.test(after)) return !isStartDate(text.slice(0, rs));
  if (/\b(from|than|compared (with|to)|versus|vs\.?)\s*(the\s)?$/.test(before) && !/^\s*(to|until|through)\b/.test(after)) return true;
  // "than in the same period of 2023", "compared with the same month last year"
  const before2 = text.slice(Math.max(0, rs - 45), rs).toLowerCase();
  if (/\b(than|compared (with|to)|from|versus|vs\.?)\s+((in|during)\s+)?the same (period|time|months?|quarter|week|day|season)\s*$/.test(before2)) return true;
  return false;
}
