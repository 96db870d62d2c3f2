/** Period ends, starts and dateless anchors: "by year's end", "since the start of the year", "since the war began". */
import { defineRule } from '../../../pipeline/rule.js';
import { MONTH_RE, TIME_COUNT_RE } from '../../../resources/calendar.js';
import { calendarUnit, monthEnd, monthOf, resolveMonth, span, unresolved, yearSpan } from '../calendar.js';
import type { TimeGrammarRule } from './rule.js';

export const BY_PERIOD_END: TimeGrammarRule = defineRule({
  id: 'time.by-period-end',
  stage: 'time',
  summary: '"by year\'s end", "by month-end": from publication to the end of the current year, month or week.',
  examples: { fires: ["The plant will hire 200 workers by year's end."], doesNotFire: ['The plant will hire 200 workers by the end of 2027.'] },
  re: /\b(?:by|until|before) (?:the )?(year|month|week)(?:'s|’s|-) ?end\b/gi,
  apply: (m, pub) => span(pub, calendarUnit(pub, m[1].toLowerCase(), 0)[1]),
});

export const SINCE_PERIOD_START: TimeGrammarRule = defineRule({
  id: 'time.since-period-start',
  stage: 'time',
  summary: '"since the start of the year": from the start of the current year, month or week to publication.',
  examples: { fires: ['Prices have risen 6% since the start of the year.'], doesNotFire: ['Prices have risen 6% since the start of the war.'] },
  re: /\bsince the (?:start|beginning) of (?:the|this) (year|month|week)\b/gi,
  apply: (m, pub) => span(calendarUnit(pub, m[1].toLowerCase(), 0)[0], pub),
});

export const BY_END_OF: TimeGrammarRule = defineRule({
  id: 'time.by-end-of',
  stage: 'time',
  summary: '"by the end of 2027", "until the end of March": publication to the end of that period (dateless for a term or a war).',
  examples: { fires: ['The firm plans to cut 900 jobs by the end of 2027.'], doesNotFire: ['The firm cut 900 jobs at the end of 2024.'] },
  re: new RegExp(`\\b(?:by|until|till|before) the end of (?:(this|next|the) (year|month|decade|week)|((?:19|20)\\d\\d)|(${MONTH_RE})(?:\\s((?:19|20)\\d\\d))?|(?:the|this|its|their) (parliament|term|season|decade|century|programme|program|contract|war|conflict))\\b`, 'gi'),
  apply: (m, pub) => {
    if (m[6]) return unresolved();
    if (m[3]) return +m[3] < pub.y ? yearSpan(+m[3]) : span(pub, monthEnd(+m[3], 12));
    if (m[4]) {
      const mo = monthOf(m[4]);
      if (!mo) return null;
      const y = m[5] ? +m[5] : resolveMonth(mo, pub, true);
      return span(pub, monthEnd(y, mo));
    }
    const sh = m[1].toLowerCase() === 'next' ? 1 : 0;
    return span(pub, calendarUnit(pub, m[2].toLowerCase(), sh)[1]);
  },
});

export const RELATIVE_ANCHOR: TimeGrammarRule = defineRule({
  id: 'time.relative-anchor',
  stage: 'time',
  summary: '"a year earlier", "the previous month", "the day before": a time relative to another, without dates.',
  examples: { fires: ['Sales fell to 4,000 units, from 5,100 a year earlier.'], doesNotFire: ['Sales fell to 4,000 units a year.'] },
  re: /\b(?:(?:a|one|the|two|three|four|five|six|several) (?:day|week|month|year|decade|quarter)s? (?:earlier|before|later|previously|prior)|the (?:previous|preceding|prior|following) (?:day|week|month|year|quarter|season|decade)|(?:the )?(?:day|week|month|year) before)\b(?! (?:the|a|an|it|he|she|they|last)\b)/gi,
  apply: () => unresolved(),
});

export const SINCE_EVENT: TimeGrammarRule = defineRule({
  id: 'time.since-event',
  stage: 'time',
  summary: '"since the war began", "since then": a span from an event whose date the sentence does not give.',
  examples: { fires: ['Some 2,000 homes have been destroyed since the war began.'], doesNotFire: ['Some 2,000 homes have been destroyed since the war began in 2022.'] },
  re: /\b(?:since then|since the (?:start|beginning|outbreak|onset) of (?:the|this) (?:[\w-]+ )?(?:war|invasion|conflict|fighting|crisis|siege|occupation|pandemic)|since (?:the|its|their|his|her|this|that) (?:[\w-]+ ){0,3}(?:began|started|erupted|broke out|took office|took power|came to power|was elected|was launched|opened|ended))\b(?!,? (?:in|on|last|this|early|late|mid|at)\b|,? (?:19|20)\d\d|,? (?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)/gi,
  apply: () => unresolved(),
});

export const BEFORE_EVENT: TimeGrammarRule = defineRule({
  id: 'time.before-event',
  stage: 'time',
  summary: '(1.16) "before the war", "prior to the invasion": a dateless anchor.',
  examples: { fires: ['The town had 40,000 residents before the war.'], doesNotFire: ['The town had 40,000 residents before the war began in 2014.'] },
  re: /\b(?:[Bb]efore|[Pp]rior to) the (?:[a-z-]+ ){0,2}(?:war|invasion|conflict|fighting|pandemic|occupation|siege|uprising|revolution|coup)(?: (?:in|on|with|against) [A-Z][\w-]+)?(?![\w-])(?! (?:in|of|began|started|broke)\b|,? (?:19|20)\d\d)/g,
  apply: () => unresolved(),
});

export const FIRST_DAYS_OF_EVENT: TimeGrammarRule = defineRule({
  id: 'time.first-days-of-event',
  stage: 'time',
  summary: '(1.14) "the first 100 days of his presidency": a span of an event without its date.',
  examples: { fires: ['He signed 60 orders in the first 100 days of his presidency.'], doesNotFire: ['He signed 60 orders in the first 100 days of the year.'] },
  re: new RegExp(`\\b(?:(?:in|during|over|for|within)\\s)?the (?:first|last|final|opening) (?:(?:${TIME_COUNT_RE})\\s)?(?:days|weeks|months|years|hours) of (?:the|its|his|her|their|this|that) (?!year\\b|month\\b|week\\b)[a-z][\\w-]+`, 'gi'),
  apply: () => unresolved(),
});

export const DATELESS_TERM: TimeGrammarRule = defineRule({
  id: 'time.dateless-term',
  stage: 'time',
  summary: '"this season", "the current school year": periods without calendar dates in the text.',
  examples: { fires: ['The striker has scored 14 goals this season.'], doesNotFire: ['The striker has scored 14 goals this month.'] },
  re: /\b(?:this|last|next|the current|the previous|the coming) (?:term|season|semester|session|school year|academic year|financial year|fiscal year|parliament)\b/gi,
  apply: () => unresolved(),
});
