/** Days and months without a year: "on Wednesday", "last Friday", "in January", "yesterday". */
import { defineRule } from '../../../pipeline/rule.js';
import { MONTH_RE, WEEKDAY_RE, WEEKDAYS } from '../../../resources/calendar.js';
import { addDays, day, monthOf, monthSpan, monthStart, resolveMonth, span, weekday, type YMD } from '../calendar.js';
import { isFuture } from '../future.js';
import type { TimeGrammarRule } from './rule.js';

export const WEEKDAY: TimeGrammarRule = defineRule({
  id: 'time.weekday',
  stage: 'time',
  summary: '"on Wednesday", "last Friday", "next Monday": the most recent such day (the next one in a future clause).',
  examples: { fires: ['Officials said 300 people died on Monday.'], doesNotFire: ['Officials said 300 people died in January.'] },
  re: new RegExp(`\\b(?:(on|last|next|this|since|by|until|from|late|early)\\s)?(${WEEKDAY_RE})(?:\\s(morning|afternoon|evening|night))?\\b`, 'g'),
  apply: (m, pub, before) => {
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
});

export const MONTH: TimeGrammarRule = defineRule({
  id: 'time.month',
  stage: 'time',
  summary: '"in January", "early March", "last May" (no day, no year): the most recent such month ("may"/"march" need a preposition).',
  examples: { fires: ['Officials said 300 people died in January.'], doesNotFire: ['Officials said 300 people died in January 2024.'] },
  re: new RegExp(`\\b(?:(in|during|since|by|until|early|late|mid-?|last|next|this|from|throughout)\\s)?(${MONTH_RE})(?![\\s.]*\\d)`, 'g'),
  apply: (m, pub, before) => {
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
});

export const DEICTIC_DAY: TimeGrammarRule = defineRule({
  id: 'time.deictic-day',
  stage: 'time',
  summary: '"today", "yesterday", "tomorrow", "last night", "this morning" (here for speed; chrono knows them too).',
  examples: { fires: ['Police arrested 40 people yesterday.'], doesNotFire: ['Police arrested 40 people on Monday.'] },
  re: /\b(today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening)\b/gi,
  apply: (m, pub) => {
    const l = m[1].toLowerCase();
    if (l === 'yesterday' || l === 'last night') return day(addDays(pub, -1));
    if (l === 'tomorrow') return day(addDays(pub, 1));
    return day(pub);
  },
});
