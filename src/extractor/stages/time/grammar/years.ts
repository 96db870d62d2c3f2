/** Years and months with a year: "in 2014", "since February", "by 2030", "2019-2021", "the 1990s", "in March 2020", "two years ago". */
import { defineRule } from '../../../pipeline/rule.js';
import { MONTH_RE, TIME_COUNT_RE } from '../../../resources/calendar.js';
import { day, monthEnd, monthOf, monthSpan, monthStart, numOf, resolveMonth, span, unitShift, yearSpan } from '../calendar.js';
import type { TimeGrammarRule } from './rule.js';

export const BETWEEN_YEARS: TimeGrammarRule = defineRule({
  id: 'time.between-years',
  stage: 'time',
  summary: '"between 2014 and 2022", "from 2014 to 2022": both years whole.',
  examples: { fires: ['The fund paid out $3 million between 2014 and 2022.'], doesNotFire: ['The fund paid out $3 million in 2014.'] },
  re: /\b(?:between|from) ((?:19|20)\d\d) (?:and|to|until|through) ((?:19|20)\d\d)\b/gi,
  apply: (m) => span(monthStart(+m[1], 1), monthEnd(+m[2], 12)),
});

export const YEAR_RANGE: TimeGrammarRule = defineRule({
  id: 'time.year-range',
  stage: 'time',
  summary: '"2014-15", "2019–2021": a span of years (at most fifty).',
  examples: { fires: ['The fund paid out $3 million in 2019-2021.'], doesNotFire: ['The fund paid out $3 million in 2019.'] },
  re: /\b((?:19|20)\d\d)\s?[-–](\d\d(?:\d\d)?)\b/g,
  apply: (m) => {
    const a = +m[1];
    let b = +m[2];
    if (m[2].length === 2) b = Math.floor(a / 100) * 100 + b;
    if (b <= a || b - a > 50) return null;
    return span(monthStart(a, 1), monthEnd(b, 12));
  },
});

export const SINCE_MONTH: TimeGrammarRule = defineRule({
  id: 'time.since-month',
  stage: 'time',
  summary: '"since February": from the most recent February to publication.',
  examples: { fires: ['Prices have risen 4% since February.'], doesNotFire: ['Prices rose 4% in February.'] },
  re: new RegExp(`\\bsince (${MONTH_RE})(?![\\w ]*\\d)`, 'g'),
  apply: (m, pub) => {
    const mo = monthOf(m[1]);
    return span(monthStart(resolveMonth(mo, pub, false), mo), pub);
  },
});

export const MONTH_YEAR: TimeGrammarRule = defineRule({
  id: 'time.month-year',
  stage: 'time',
  summary: '"in March 2020": that month ("by March 2030": publication to its end).',
  examples: { fires: ['The agency counted 84 cases in March 2020.'], doesNotFire: ['The agency counted 84 cases in 2020.'] },
  re: new RegExp(`\\b(?:(in|during|by|until|before|after|of|from|early|late|mid-?|throughout)\\s)?(${MONTH_RE}) ((?:19|20)\\d\\d)\\b`, 'g'),
  apply: (m, pub) => {
    const mo = monthOf(m[2]);
    const y = +m[3];
    if ((m[1] ?? '').toLowerCase() === 'by' || (m[1] ?? '').toLowerCase() === 'until') return span(pub, monthEnd(y, mo));
    return monthSpan(y, mo);
  },
});

export const DECADE: TimeGrammarRule = defineRule({
  id: 'time.decade',
  stage: 'time',
  summary: '(1.17) "the 1990s", "the early 1990s", "the mid-1990s": the decade (like "early 2014" = the year).',
  examples: { fires: ['The city lost 30,000 jobs in the 1990s.'], doesNotFire: ['The city lost 30,000 jobs in 1990.'] },
  re: /\b(?:(?:in|during|since|by) )?(?:the )?(?:(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-| ))?((?:1[89]|20)\d0)s\b/g,
  apply: (m) => span(monthStart(+m[1], 1), monthEnd(+m[1] + 9, 12)),
});

export const BY_YEAR: TimeGrammarRule = defineRule({
  id: 'time.by-year',
  stage: 'time',
  summary: '"by 2030", "until 2025": publication to the end of that year (a past year: the year).',
  examples: { fires: ['The country plans to plant 2 million trees by 2030.'], doesNotFire: ['The country planted 2 million trees in 2023.'] },
  re: /\b(by|until|till|through) ((?:19|20)\d\d)\b(?![-–,]?\s?\d)/gi,
  apply: (m, pub) => {
    const y = +m[2];
    if (y < pub.y) return yearSpan(y);
    return span(pub, monthEnd(y, 12));
  },
});

export const YEAR: TimeGrammarRule = defineRule({
  id: 'time.year',
  stage: 'time',
  summary: '"in 2014", "during 2014", "early 2014", "2014 alone": the year.',
  examples: { fires: ['The war killed 14,000 people in 2014.'], doesNotFire: ['The war killed 14,000 people last year.'] },
  re: /\b(?:(?:in|during|of|throughout|early|late|mid-?|from|after|before|around|circa)\s(?:(?:early|late|mid-?)\s?)?)?((?:19|20)\d\d)\b(?![-–]\d|,\d|\.\d|s\b|%)/gi,
  apply: (m) => yearSpan(+m[1]),
});

export const AGO: TimeGrammarRule = defineRule({
  id: 'time.ago',
  stage: 'time',
  summary: '"two weeks ago", "N years ago": that day, month or year.',
  examples: { fires: ['Some 300 people fled two weeks ago.'], doesNotFire: ['Some 300 people fled two weeks later.'] },
  re: new RegExp(`\\b(${TIME_COUNT_RE}) (years?|months?|weeks?|days?|decades?|hours?) ago\\b`, 'gi'),
  apply: (m, pub) => {
    const n = numOf(m[1]);
    if (!isFinite(n)) return null;
    const a = unitShift(pub, -n, m[2]);
    const u = m[2].toLowerCase();
    if (u.startsWith('year') || u.startsWith('decade')) return yearSpan(a.y);
    if (u.startsWith('month')) return monthSpan(a.y, a.m);
    return day(a);
  },
});
