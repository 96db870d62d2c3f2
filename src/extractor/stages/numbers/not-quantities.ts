/**
 * Filters "not a quantity": a parsed number that is a year, a date, an age, a time, an identifier, a phone number,
 * a compound adjective or a frequency. Each is a rule `apply(ctx) => true` when the number is excluded; the
 * ordered list is NOT_A_QUANTITY in rules.ts.
 */
import { defineRule, type RuleInfo } from '../../pipeline/rule.js';
import { ID_PREFIXES, NP_STOP, ROLE_WORDS, TIME_UNITS } from '../../resources/lexicon.js';
import { MONTHS } from '../../resources/calendar.js';
import { LC_ID_PREFIXES, SINGULAR_PERSONS, TEMPORAL_BEFORE_YEAR, YEAR_NOUNS } from '../../resources/number-context.js';
import type { Tok } from '../tokens/index.js';
import { at } from './types.js';
import { calibre } from './measures.js';
import { qualifierBefore } from './qualifiers.js';

/** A number at token i (digits or words) that ends before token j. */
export interface NumberContext {
  toks: Tok[];
  i: number;
  j: number;
  value: number;
  hasCurrency: boolean;
  percent: boolean;
  t: Tok;
  prev: Tok | undefined;
  prev2: Tok | undefined;
  next: Tok | undefined;
}

export type NotAQuantityRule = RuleInfo & { apply: (c: NumberContext) => boolean };

export function isMonthTok(t: Tok | undefined): boolean {
  return !!t && t.l in MONTHS && (t.cap || t.l.length > 3);
}

const plain = (c: NumberContext) => !c.hasCurrency && !c.percent;
const digits = (c: NumberContext) => c.t.k === 'num';

export const GLUED_TO_WORD = defineRule({
  id: 'numbers.glued-to-word',
  stage: 'numbers',
  summary: 'Digits glued to a word before them, or after a hyphen, are a name ("G7", "F-16", "COVID-19").',
  examples: { fires: ['Leaders of the G20 met 30 protesters outside.'], doesNotFire: ['Leaders of 20 states met 30 protesters outside.'] },
  apply: ({ t, prev, prev2 }: NumberContext) => t.k === 'num' && !!prev && !t.sp
    && (prev.k === 'word' || (prev.t === '-' && !!prev2 && !prev.sp && prev2.k === 'word')),
});
export const AFTER_SYMBOL = defineRule({
  id: 'numbers.after-symbol',
  stage: 'numbers',
  summary: 'Digits glued after "#", "/", ":" or "+" are a rank, a part or a code ("#3", "+44").',
  examples: { fires: ['The song reached #3 with 40,000 sales.'], doesNotFire: ['The song reached 3 charts with 40,000 sales.'] },
  apply: ({ t, prev }: NumberContext) => t.k === 'num' && !!prev && !t.sp && (prev.t === '#' || prev.t === '/' || prev.t === ':' || prev.t === '+'),
});
export const CLOCK_OR_SLASH = defineRule({
  id: 'numbers.clock-or-slash',
  stage: 'numbers',
  summary: 'Digits glued to ":" or "/" and more digits are a clock time or a date ("10:30", "1/19").',
  examples: { fires: ['The train left at 10:30 with 200 passengers.'], doesNotFire: ['The train left at ten with 200 passengers.'] },
  apply: ({ t, next, toks, j }: NumberContext) => t.k === 'num' && !!next && !next.sp && (next.t === ':' || next.t === '/') && toks[j + 1]?.k === 'num' && !toks[j + 1].sp,
});
export const PHONE_NUMBER = defineRule({
  id: 'numbers.phone-number',
  stage: 'numbers',
  summary: 'Dashed digit groups and long digit strings are phone numbers or ids ("555-123-4567", "555-0142", "20230517").',
  examples: { fires: ['Call the hotline on 555-123-4567 for help.'], doesNotFire: ['The hotline took 555 calls for help.'] },
  apply: ({ t, i, j, toks, prev, prev2, next, hasCurrency }: NumberContext) => {
    if (t.k !== 'num') return false;
    if (next && next.t === '-' && !next.sp && toks[j + 1]?.k === 'num' && !toks[j + 1].sp && toks[j + 2]?.t === '-' && !toks[j + 2].sp) return true;
    if (prev && prev.t === '-' && !t.sp && prev2?.k === 'num' && !prev.sp && toks[i - 3]?.t === '-') return true;
    if (/^\d{8,}$/.test(t.t) && !hasCurrency) return true;
    // a pair "555-0142" (a round pair "500-1000" is a range)
    if (next && next.t === '-' && !next.sp && toks[j + 1]?.k === 'num' && !toks[j + 1].sp && /^0\d|^\d{4}$/.test(toks[j + 1].t) && /^\d{3}$/.test(t.t) && !roundPair(t.t, toks[j + 1].t)) return true;
    return !!prev && prev.t === '-' && !t.sp && !prev.sp && prev2?.k === 'num' && /^\d{3}$/.test(prev2.t) && /^0\d|^\d{4}$/.test(t.t) && !roundPair(prev2.t, t.t);
  },
});
/** "500-1000", "200-1500": round numbers in rising order read as a range, not a phone number. */
function roundPair(a: string, b: string): boolean {
  return !/^0/.test(b) && Number(a) % 10 === 0 && Number(b) % 100 === 0 && Number(a) < Number(b);
}
export const LEADING_ZERO = defineRule({
  id: 'numbers.leading-zero',
  stage: 'numbers',
  summary: 'Digits with a leading zero are a code, not a count ("0800").',
  examples: { fires: ['Dial 0800 for the 24 branches.'], doesNotFire: ['Dial now for the 24 branches.'] },
  apply: ({ t }: NumberContext) => t.k === 'num' && /^0\d/.test(t.t),
});
export const DIGIT_GROUP_SEQUENCE = defineRule({
  id: 'numbers.digit-group-sequence',
  stage: 'numbers',
  summary: 'Digit groups next to each other are a code or phone number ("0800 123 4567"); not a count before a calibre.',
  examples: { fires: ['The line 800 555 1234 is open to 30 callers.'], doesNotFire: ['The line is open to 30 callers.'] },
  apply: ({ t, i, j, toks, prev }: NumberContext) => t.k === 'num' && ((toks[i + 1]?.k === 'num' && j === i + 1 && !calibre(toks, i + 2)) || (!!prev && prev.k === 'num')),
});
export const SCHOOL_YEAR = defineRule({
  id: 'numbers.school-year',
  stage: 'numbers',
  summary: '"Year 6" is a school year.',
  examples: { fires: ['Pupils in Year 6 raised 300 pounds.'], doesNotFire: ['Pupils this year raised 300 pounds.'] },
  apply: ({ t, prev, value }: NumberContext) => t.k === 'num' && !!prev && prev.cap && prev.l === 'year' && value < 14,
});
export const SEASON_SECOND_YEAR = defineRule({
  id: 'numbers.season-second-year',
  stage: 'numbers',
  summary: 'The second year of a season or fiscal year is no figure ("2025-26", "2024-2025").',
  examples: { fires: ['In the 2025-26 season the club sold 30,000 tickets.'], doesNotFire: ['In the 2025 season the club sold 30,000 tickets.'] },
  apply: ({ t, prev, prev2 }: NumberContext) => t.k === 'num' && !!prev && prev.t === '-' && !prev.sp && !t.sp && prev2?.k === 'num' && /^(19|20)\d\d$/.test(prev2.t) && /^(\d\d|(19|20)\d\d)$/.test(t.t),
});
export const PHONE_LINE = defineRule({
  id: 'numbers.phone-line',
  stage: 'numbers',
  summary: 'A number after "call", "text", "dial" is a line ("dial 911").',
  examples: { fires: ['Residents should dial 112 if 20 or more homes flood.'], doesNotFire: ['Residents counted 112 homes that flooded.'] },
  apply: (c: NumberContext) => digits(c) && !!c.prev && /^(call|text|dial|phone|telephone|tel|ring)$/.test(c.prev.l) && plain(c) && Number.isInteger(c.value),
});
export const STREET_ADDRESS = defineRule({
  id: 'numbers.street-address',
  stage: 'numbers',
  summary: 'A number before a capitalised street name is an address ("10 Harbour Road").',
  examples: { fires: ['Police sealed off 10 Harbour Road after 40 complaints.'], doesNotFire: ['Police sealed off 10 roads after 40 complaints.'] },
  apply: (c: NumberContext) => digits(c) && plain(c) && Number.isInteger(c.value) && !!c.next?.cap && c.next.k === 'word'
    && [c.toks[c.j + 1], c.toks[c.j + 2]].some((x) => !!x && /^(street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|place|square|terrace|crescent|close|way|parkway|court)$/.test(x.l) && x.cap),
});
export const AGE = defineRule({
  id: 'numbers.age',
  stage: 'numbers',
  summary: 'Ages: "aged 34", "ages 18-24", "people 65 and older", "as young as 19", "Jane Roe, 47,".',
  examples: {
    fires: ['Voters aged 18 to 24 made up 30 percent of the crowd.', 'Residents 65 and older get 12 free trips.', 'The driver, 47, was hurt.'],
    doesNotFire: ['Voters made up 30 percent of the crowd.'],
  },
  apply: (c: NumberContext) => digits(c) && (ageAfterWord(c) || ageAfterName(c)),
});

function ageAfterWord({ toks, i, j, value, prev, prev2, next, ...c }: NumberContext): boolean {
  const p = !c.hasCurrency && !c.percent;
  // "people 65 and older", "those 18 or over"
  if (value < 120 && next && (next.l === 'and' || next.l === 'or') && /^(older|over|above|up)$/.test(toks[j + 1]?.l ?? '') && p) return true;
  // "as young as 19"
  if (prev && prev.l === 'as' && (prev2?.l === 'young' || prev2?.l === 'old') && value < 130) return true;
  // "aged 34", "age 34"
  if (prev && (prev.l === 'aged' || prev.l === 'age' || prev.l === 'ages')) return true;
  // the upper end of an age range: "aged 50 to 79", "ages 18-24"
  return !!prev && /^(to|and|-|–)$/.test(prev.l) && prev2?.k === 'num' && /^(aged|age|ages|between)$/.test(toks[i - 3]?.l ?? '') && (toks[i - 3].l !== 'between' || /^(aged|ages)$/.test(toks[i - 4]?.l ?? ''));
}

function ageAfterName({ toks, i, j, value, prev, prev2, next, hasCurrency, percent }: NumberContext): boolean {
  if (value < 130 && prev && prev.t === ',' && prev2?.cap && prev2.k === 'word' && next && (next.t === ',' || next.t === ')') && !hasCurrency && !percent) return true;
  // "said manager Claire Donnelly, 47." (the sentence ends), "The man, 64, has not been named"
  if (value < 120 && Number.isInteger(value) && prev && prev.t === ',' && prev2?.k === 'word' && (prev2.cap && !isMonthTok(prev2) || SINGULAR_PERSONS.has(prev2.l) || ROLE_WORDS.has(prev2.l)) && !hasCurrency && !percent
    && ((next && (next.t === ',' || next.t === ')') && (SINGULAR_PERSONS.has(prev2.l) || ROLE_WORDS.has(prev2.l))) || (next && next.t === '.' && (!toks[j + 1] || /^["”’']$/.test(toks[j + 1].t))))) return true;
  return value < 130 && !!prev && prev.t === '(' && !!toks[i - 2]?.cap && !!next && next.t === ')';
}

export const PARENTHESISED_NUMERAL = defineRule({
  id: 'numbers.parenthesised-numeral',
  stage: 'numbers',
  summary: 'A numeral alone in parentheses is a reference or an id ("(2)").',
  examples: { fires: ['the clause (2) covers 300 firms.'], doesNotFire: ['the clause covers 300 firms.'] },
  apply: (c: NumberContext) => digits(c) && !!c.prev && c.prev.t === '(' && !!c.next && c.next.t === ')' && plain(c) && c.j === c.i + 1,
});
export const UPDATE_MARKER = defineRule({
  id: 'numbers.update-marker',
  stage: 'numbers',
  summary: 'Wire update markers are no figures ("UPDATE 2").',
  examples: { fires: ['UPDATE 2 - Floods cut power to 9,000 homes.'], doesNotFire: ['Floods cut power to 9,000 homes.'] },
  apply: ({ t, prev, value }: NumberContext) => t.k === 'num' && !!prev && prev.l === 'update' && (prev.cap || prev.t === 'UPDATE') && Number.isInteger(value) && value < 100,
});
export const IDENTIFIER_PREFIX = defineRule({
  id: 'numbers.identifier-prefix',
  stage: 'numbers',
  summary: 'A number after an identifier word is an id ("Article 5", "Flight 17", "No. 10").',
  examples: { fires: ['Article 5 binds all 32 members.'], doesNotFire: ['The treaty binds all 32 members.'] },
  apply: ({ t, prev, prev2 }: NumberContext) => t.k === 'num' && !!prev && ((
    (prev.cap || LC_ID_PREFIXES.has(prev.l)) && ID_PREFIXES.has(prev.l)) || (prev.t === '.' && !!prev2 && (prev2.l === 'no' || prev2.l === 'nos'))),
});
export const TIME_OF_DAY = defineRule({
  id: 'numbers.time-of-day',
  stage: 'numbers',
  summary: 'A number before "a.m.", "pm", "GMT" or "o\'clock" is a time of day.',
  examples: { fires: ['The rally began at 6 pm with 500 people.'], doesNotFire: ['The rally began with 500 people.'] },
  apply: ({ t, next, toks, j }: NumberContext) => t.k === 'num' && !!next && (
    ((next.l === 'a' || next.l === 'p') && toks[j + 1]?.t === '.' && toks[j + 2]?.l === 'm')
    || /^(am|pm|gmt|utc|edt|est|bst|cet|o'clock)$/.test(next.l) || (next.l === 'o' && toks[j + 1]?.t === "'")),
});
export const DAY_OF_MONTH = defineRule({
  id: 'numbers.day-of-month',
  stage: 'numbers',
  summary: 'A number 1–31 next to a month is a date ("Jan. 5", "5 January", "the 5th of May").',
  examples: { fires: ['On 5 January the army moved 300 tanks.'], doesNotFire: ['In January the army moved 300 tanks.'] },
  apply: (c: NumberContext) => digits(c) && plain(c) && c.value >= 1 && c.value <= 31 && Number.isInteger(c.value) && (
    isMonthTok(c.prev) || (!!c.prev && c.prev.t === '.' && isMonthTok(c.prev2)) || isMonthTok(c.next) || (!!c.next && c.next.l === 'of' && isMonthTok(c.toks[c.j + 1]))),
});
export const YEAR = defineRule({
  id: 'numbers.year',
  stage: 'numbers',
  summary: 'A four-digit number 1000–2100 is a year unless a lowercase noun follows and nothing temporal precedes.',
  examples: { fires: ['In 2019 the plant employed 400 people.', 'The firm had 1988 sales of $4 million.'], doesNotFire: ['The plant employed 400 people.'] },
  apply: (c: NumberContext) => {
    const { t, i, j, value, prev, next, toks } = c;
    if (!digits(c) || !plain(c) || !/^\d{4}$/.test(t.t) || value < 1000 || value > 2100 || j !== i + 1) return false;
    if (next && YEAR_NOUNS.has(next.l)) return true;
    const nounNext = next && next.k === 'word' && !next.cap && !(next.l in MONTHS) && !NP_STOP.has(next.l) && !TIME_UNITS.has(next.l);
    if (!nounNext) return !at(YEAR_IN_RANGE, inCountRange(c), toks, i, j);
    if (at(COUNT_AFTER_QUALIFIER, pluralNoun(next) && !!qualifierBefore(toks, i) && !/^(in|since|by|from|until|till|before|after|during|the|of)$/.test(prev?.l ?? ''), toks, i, j + 1)) return false;
    return (!!prev && TEMPORAL_BEFORE_YEAR.has(prev.l)) || (!!prev && /['’]s$/.test(prev.l) && value >= 1900) || isMonthTok(prev) || (!!prev && prev.t === ',' && toks[i - 2]?.k === 'num');
  },
});
export const COUNT_AFTER_QUALIFIER = defineRule({
  id: 'numbers.count-after-qualifier',
  stage: 'numbers',
  summary: 'A four-digit number after a qualifier and before a plural noun is a count ("more than 2000 workers"), not a year.',
  examples: { fires: ['More than 2000 workers joined the strike.'], doesNotFire: ['In 2000 workers joined the strike.', 'Since 2000 the strike has grown.'] },
});
export const YEAR_IN_RANGE = defineRule({
  id: 'numbers.year-in-range',
  stage: 'numbers',
  summary: 'A four-digit end of a dashed range of counts is no year ("2000-3000 people", "500-1000"); "1995-2000" stays years.',
  examples: { fires: ['Some 2000-3000 people fled the valley.', 'Officials expect 500-1000 to return.'], doesNotFire: ['Between 1995-2000 the valley emptied.'] },
});

const YEARLIKE = /^(1[0-9]|20)\d\d$/;
/** A plural noun (what a count counts), not a year's noun. */
function pluralNoun(x: Tok | undefined): boolean {
  return !!x && x.k === 'word' && !x.cap && (/[^su]s$/.test(x.l) || /^(people|men|women|children|personnel|police)$/.test(x.l)) && !YEAR_NOUNS.has(x.l);
}
/** "2000-3000 people", "1500-2000 troops" (start), "500-1000" (end). */
function inCountRange({ toks, i, j, value, prev, prev2, next }: NumberContext): boolean {
  const dash = (x: Tok | undefined) => !!x && (x.t === '-' || x.t === '–' || x.l === 'to');
  const b = toks[j + 1];
  if (dash(next) && b?.k === 'num' && /^\d{4}$/.test(b.t) && Number(b.t) > value && (Number(b.t) > 2100 || pluralNoun(toks[j + 2]))) return true;
  return dash(prev) && prev2?.k === 'num' && !YEARLIKE.test(prev2.t) && (parseFloat(prev2.t.replace(/,/g, '')) || 0) < value && toks[i - 3]?.k !== 'num';
}

export const COMPOUND_ADJECTIVE = defineRule({
  id: 'numbers.compound-adjective',
  stage: 'numbers',
  summary: 'A number hyphened to a singular word is an adjective ("a 10-year plan", "a 12-member council"), not a count.',
  examples: { fires: ['The 12-member council approved 40 new homes.'], doesNotFire: ['The council of 12 approved 40 new homes.'] },
  apply: ({ next, toks, j }: NumberContext) => !!next && next.t === '-' && !next.sp && !!toks[j + 1] && !toks[j + 1].sp && toks[j + 1].k === 'word'
    && toks[j + 1].l !== 'plus' && toks[j + 1].l !== 'strong' && !/[^s]s$/.test(toks[j + 1].l),
});
export const FREQUENCY = defineRule({
  id: 'numbers.frequency',
  stage: 'numbers',
  summary: 'A number after "every" is a frequency ("every 2 weeks").',
  examples: { fires: ['Buses run every 15 minutes for 3,000 commuters.'], doesNotFire: ['Buses run for 3,000 commuters.'] },
  apply: ({ prev }: NumberContext) => !!prev && prev.l === 'every',
});
