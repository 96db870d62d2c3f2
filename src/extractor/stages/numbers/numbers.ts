/**
 * Number grammar over tokens: digits, scales, words, fractions, percents, money, ranges, vague amounts,
 * with qualifiers and the noun being counted. Also the must-not-fire rules (years, dates, ages, ordinals,
 * times, phone numbers, identifiers).
 */
import {
  AMBIGUOUS_CURRENCY, CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_ADJ, DOLLAR_PREFIXES, DURATION_PREPS, FRACTION_DENOMS,
  ID_PREFIXES, KILL_NOUNS, MONTHS, ROLE_WORDS, NP_STOP, PERSON_NOUNS, PRE_QUALIFIERS, SCALES, SUFFIX_SCALES, TENS,
  TIME_UNITS, TROOP_NOUNS, UNITS, VAGUE_PLURALS, WEEKDAYS, WOUND_NOUNS, DISPLACE_NOUNS,
} from '../../resources/lexicon.js';
import type { Tok } from '../segmentation/text.js';
import type { Qualifier } from '../../types.js';

export interface Cardinal {
  value: number;
  /** token index after the number */
  end: number;
  /** written in words */
  word: boolean;
  /** a scale word or suffix was applied (million, bn) */
  scale: number;
  /** value before scale */
  base: number;
}

export interface Amount {
  start: number; // token index (includes currency symbol)
  end: number; // token index after (includes percent / currency words)
  value: number | null;
  low: number | null;
  high: number | null;
  currency: string | null;
  percent: boolean;
  vague: boolean;
  word: boolean;
  scale: number;
  base: number;
  /** measurement unit glued to digits ("5km") */
  measure: string | null;
  /** a change amount ("percentage points", "basis points"): never the low end of a range */
  change?: boolean;
}

export interface Mention {
  /** token span of the whole quantity (qualifier .. noun) */
  ts: number;
  te: number;
  /** token span of the number core */
  ns: number;
  ne: number;
  s: number;
  e: number;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier | null;
  currency: string | null;
  percent: boolean;
  vague: boolean;
  unspecified: boolean;
  word: boolean;
  measure: string | null;
  /** head noun counted, lowercase */
  noun: string | null;
  nounIdx: number;
  nounMods: string[];
  /** "a 1,000-strong force": the number is the size of the group named by the noun */
  strong?: boolean;
}

const DIGITS_OK = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$/;
const MEASURES = new Set(['km', 'kg', 'mm', 'cm', 'mph', 'kph', 'ft', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh', 'sq', 'lb', 'lbs', 'kmh', 'ha', 'g', 'mg', 'ml', 'l']);
const IRREGULAR_VERBS = new Set([
  'struck', 'took', 'take', 'takes', 'hit', 'fell', 'rose', 'made', 'make', 'sent', 'left', 'lost', 'came', 'come',
  'went', 'go', 'became', 'began', 'held', 'kept', 'found', 'gave', 'got', 'get', 'saw', 'ran', 'met', 'paid', 'stood',
  'won', 'led', 'brought', 'bought', 'built', 'spent', 'fled', 'died', 'need', 'needs', 'needed', 'remain', 'remained',
  'remains', 'live', 'lived', 'lives_', 'face', 'faced', 'faces', 'depend', 'depends', 'received', 'receive', 'did',
  'do', 'does', 'sit', 'sat', 'slept', 'sleep', 'spend', 'told', 'shot', 'lay', 'cost', 'costs', 'put', 'set', 'grew',
  'rose', 'drew', 'flew', 'wore', 'threw', 'sought', 'fought', 'caught', 'taught', 'thought', 'felt', 'meant', 'owned',
  'cast', 'sold', 'chose', 'gone',
]);
export const SINGULAR_PERSONS = new Set(['person', 'man', 'woman', 'child', 'soldier', 'civilian', 'officer', 'worker', 'resident', 'journalist', 'boy', 'girl', 'baby', 'policeman', 'firefighter', 'passenger', 'student', 'teenager', 'infant', 'toddler', 'pilot', 'driver', 'migrant', 'refugee', 'serviceman', 'marine', 'sailor', 'guard', 'nurse', 'doctor', 'patient', 'prisoner', 'hostage', 'protester']);
const LC_ID_PREFIXES = new Set(['section', 'article', 'page', 'chapter', 'paragraph', 'clause', 'item', 'figure', 'table', 'rule', 'flight', 'route', 'room', 'gate', 'platform', 'exit', 'level', 'category', 'phase', 'stage', 'version', 'grade', 'no', 'number']);
const SMALL_DETS = new Set(['the', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'both', 'all', 'every', 'each', 'whose']);
const CHANGE_VERBS = new Set([
  'rose', 'risen', 'rise', 'rises', 'fell', 'fallen', 'fall', 'falls', 'increased', 'increase', 'increases', 'decreased',
  'dropped', 'drop', 'drops', 'climbed', 'climb', 'grew', 'grown', 'grow', 'jumped', 'declined', 'surged', 'plunged',
  'slid', 'cut', 'raised', 'lowered', 'reduced', 'up', 'down', 'went', 'shrank', 'swelled', 'soared', 'tumbled',
  'slipped', 'doubled', 'tripled', 'halved', 'revised', 'changed', 'moved', 'expanded', 'contracted', 'boosted',
  'edged', 'crept', 'ticked', 'inched', 'shot', 'spiked', 'dipped', 'sank', 'bounced', 'rebounded', 'recovered', 'go', 'goes', 'gone',
]);
const TEMPORAL_BEFORE_YEAR = new Set([
  'in', 'since', 'by', 'of', 'from', 'until', 'till', 'before', 'after', 'during', 'early', 'late', 'mid', 'the',
  'year', 'to', 'through', 'between', 'and', 'around', 'circa', 'summer', 'winter', 'spring', 'autumn', 'fall',
  'fiscal', 'election', 'budget', 'season', 'as', 'for', 'than', 'on', 'at', 'last', 'next', 'this',
  'his', 'her', 'their', 'its', 'our', 'a', 'an', 'that', 'whose',
]);

function isNumWord(l: string): boolean {
  return l in UNITS || l in TENS;
}

export function parseDigits(t: string): number | null {
  if (!DIGITS_OK.test(t)) return null;
  return parseFloat(t.replace(/,/g, ''));
}

/** Parse a cardinal number starting at token i (digits or words). */
export function parseCardinal(toks: Tok[], i: number): Cardinal | null {
  const tk = toks[i];
  if (!tk) return null;
  if (tk.k === 'num') {
    const v = parseDigits(tk.t);
    if (v === null) return null;
    let j = i + 1;
    const nx = toks[j];
    if (nx && !nx.sp && nx.k === 'word') {
      if (nx.l in SUFFIX_SCALES) return { value: v * SUFFIX_SCALES[nx.l], end: j + 1, word: false, scale: SUFFIX_SCALES[nx.l], base: v };
      return null; // ordinal / decade / identifier / measure: handled by caller
    }
    if (nx && nx.k === 'word' && nx.l in SCALES) {
      let scale = SCALES[nx.l];
      j++;
      // "1.5 million" / "2 hundred thousand"
      if (scale === 100 && toks[j] && toks[j].l in SCALES && SCALES[toks[j].l] > 100) {
        scale *= SCALES[toks[j].l];
        j++;
      }
      return { value: v * scale, end: j, word: false, scale, base: v };
    }
    return { value: v, end: j, word: false, scale: 1, base: v };
  }
  if (tk.k !== 'word') return null;
  // word numbers
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  let lastScale = 1;
  let base: number | null = null;
  while (j < toks.length) {
    const w = toks[j];
    const l = w.l;
    if (l in UNITS) {
      if (any && current % 10 !== 0 && current < 100 && current !== 0) break; // "two three"
      current += UNITS[l];
      any = true;
      j++;
      continue;
    }
    if (l in TENS) {
      if (any && current % 100 !== 0 && current !== 0) break;
      current += TENS[l];
      any = true;
      j++;
      // twenty-five
      if (toks[j] && toks[j].t === '-' && !toks[j].sp && toks[j + 1] && !toks[j + 1].sp && toks[j + 1].l in UNITS && UNITS[toks[j + 1].l] < 10) {
        current += UNITS[toks[j + 1].l];
        j += 2;
      }
      continue;
    }
    if ((l === 'a' || l === 'an') && !any) {
      const n1 = toks[j + 1];
      if (n1 && (n1.l in SCALES || n1.l === 'dozen')) {
        current = 1;
        any = true;
        j++;
        continue;
      }
      break;
    }
    if (l === 'dozen' && (any || j === i)) {
      current = (current || 1) * 12;
      any = true;
      j++;
      lastScale = 12;
      continue;
    }
    if (l === 'half' && !any) {
      // "half a million"
      const n1 = toks[j + 1];
      const n2 = toks[j + 2];
      if (n1 && (n1.l === 'a' || n1.l === 'an') && n2 && n2.l in SCALES) {
        base = 0.5;
        total += 0.5 * SCALES[n2.l];
        lastScale = SCALES[n2.l];
        any = true;
        j += 3;
        break;
      }
      break;
    }
    if (l === 'and' && any) {
      // "one hundred and five", "two and a half million"
      const n1 = toks[j + 1];
      if (n1 && (n1.l in UNITS || n1.l in TENS) && current >= 100 && current % 100 === 0) {
        j++;
        continue;
      }
      if (n1 && n1.l === 'a' && toks[j + 2] && toks[j + 2].l === 'half') {
        const n3 = toks[j + 3];
        if (n3 && n3.l in SCALES) {
          base = current + 0.5;
          total += (current + 0.5) * SCALES[n3.l];
          current = 0;
          lastScale = SCALES[n3.l];
          j += 4;
          break;
        }
        current += 0.5;
        j += 3;
        break;
      }
      break;
    }
    if (l in SCALES && any) {
      const sc = SCALES[l];
      if (sc === 100) {
        current = (current || 1) * 100;
      } else {
        if (base === null) base = total + current;
        total += (current || 1) * sc;
        current = 0;
      }
      lastScale = sc;
      j++;
      continue;
    }
    break;
  }
  if (!any) return null;
  const value = total + current;
  return { value, end: j, word: true, scale: lastScale, base: base ?? value };
}

function matchSeq(toks: Tok[], end: number, words: string[]): boolean {
  // tokens ending right before `end` equal words
  const n = words.length;
  if (end - n < 0) return false;
  for (let k = 0; k < n; k++) if (toks[end - n + k].l !== words[k]) return false;
  return true;
}

const QUAL_SEQS: Array<[string[], Qualifier]> = PRE_QUALIFIERS.map(
  ([p, q]) => [p.split(' ').flatMap((w) => (w.endsWith('.') ? [w.slice(0, -1), '.'] : [w])), q] as [string[], Qualifier],
).sort((a, b) => b[0].length - a[0].length);

/** Qualifier phrase ending right before token index `end`. */
export function qualifierBefore(toks: Tok[], end: number): { q: Qualifier; start: number } | null {
  for (const [seq, q] of QUAL_SEQS) {
    if (matchSeq(toks, end, seq)) {
      // "some" only as a qualifier directly before a number; "over" after "rose/fell" fine
      return { q, start: end - seq.length };
    }
  }
  return null;
}

function isMonthTok(t: Tok | undefined): boolean {
  return !!t && t.l in MONTHS && (t.cap || t.l.length > 3);
}

/** Currency symbol or code at token i: returns currency and index of the number. */
function currencyPrefix(toks: Tok[], i: number): { cur: string; next: number } | null {
  const t = toks[i];
  if (!t) return null;
  if (t.k === 'punct' && t.t in CURRENCY_SYMBOLS) return { cur: CURRENCY_SYMBOLS[t.t], next: i + 1 };
  if (t.k === 'word') {
    const n1 = toks[i + 1];
    if (n1 && n1.t === '$' && !n1.sp && t.l in DOLLAR_PREFIXES) return { cur: DOLLAR_PREFIXES[t.l], next: i + 2 };
    // "U.S.$"
    if (t.t === 'U' && toks[i + 1]?.t === '.' && toks[i + 2]?.t === 'S' && toks[i + 3]?.t === '.' && toks[i + 4]?.t === '$')
      return { cur: 'USD', next: i + 5 };
    if (t.t === t.t.toUpperCase() && t.t.length === 3 && CURRENCY_CODES.has(t.l) && n1 && n1.k === 'num') return { cur: t.t.toUpperCase(), next: i + 1 };
  }
  return null;
}

/** Currency or percent word(s) after a number at token j. */
function unitAfter(toks: Tok[], j: number): { currency: string | null; percent: boolean; end: number; factor?: number } {
  const t = toks[j];
  if (!t) return { currency: null, percent: false, end: j };
  // "12 basis points" = 0.12 percent; "bps"
  if (t.l === 'basis' && (toks[j + 1]?.l === 'points' || toks[j + 1]?.l === 'point')) return { currency: null, percent: true, end: j + 2, factor: 0.01 };
  if (t.l === 'bps' || (t.l === 'bp' && t.sp)) return { currency: null, percent: true, end: j + 1, factor: 0.01 };
  if (t.t === '%') return { currency: null, percent: true, end: j + 1 };
  if (t.l === 'percent' || t.l === 'pct') return { currency: null, percent: true, end: j + 1 };
  if (t.l === 'per' && toks[j + 1]?.l === 'cent') return { currency: null, percent: true, end: j + 2 };
  if (t.l === 'percentage' && (toks[j + 1]?.l === 'points' || toks[j + 1]?.l === 'point')) return { currency: null, percent: true, end: j + 2, factor: 1 };
  if (t.k === 'word' && t.t.length === 3 && t.t === t.t.toUpperCase() && CURRENCY_CODES.has(t.l)) return { currency: t.t, percent: false, end: j + 1 };
  // "41.3 billion Swedish crowns", "Indian rupees": a country adjective before a currency word picks the code
  if (t.k === 'word' && t.cap && toks[j + 1] && toks[j + 1].l in CURRENCY_WORDS && !(t.l in DOLLAR_ADJ) && /(ish|ian|ean|ese|an|ic|i|ch|ss)$/.test(t.l)) {
    const w = CURRENCY_WORDS[toks[j + 1].l];
    const code = w[0] === '~' ? (AMBIGUOUS_CURRENCY[w]?.find(([re]) => re !== null && re.test(t.t))?.[1] ?? w) : w;
    return { currency: code, percent: false, end: j + 2 };
  }
  if (t.l in CURRENCY_WORDS) {
    if ((t.l === 'pounds' || t.l === 'pound') && /weigh/.test(toks[j - 3]?.l ?? '')) return { currency: null, percent: false, end: j };
    if (t.l === 'real') return { currency: null, percent: false, end: j };
    return { currency: CURRENCY_WORDS[t.l], percent: false, end: j + 1 };
  }
  if (t.l in DOLLAR_ADJ && t.cap) {
    // "Canadian dollars", "U.S. dollars"
    let k = j + 1;
    if (t.t === 'U' || t.t === 'US') {
      while (toks[k] && (toks[k].t === '.' || toks[k].t === 'S')) k++;
      if (toks[k]?.l === 'dollars' || toks[k]?.l === 'dollar') return { currency: 'USD', percent: false, end: k + 1 };
      return { currency: null, percent: false, end: j };
    }
    if (t.l === 'hong' && toks[k]?.l === 'kong') k++;
    if (t.l === 'new' && toks[k]?.l === 'zealand') k++;
    if (toks[k]?.l === 'dollars' || toks[k]?.l === 'dollar') return { currency: DOLLAR_ADJ[t.l], percent: false, end: k + 1 };
  }
  return { currency: null, percent: false, end: j };
}

/** Reasons a number at token i is not a quantity. */
function excludedNumber(toks: Tok[], i: number, j: number, value: number, hasCurrency: boolean, percent: boolean): boolean {
  const t = toks[i];
  const prev = toks[i - 1];
  const prev2 = toks[i - 2];
  const next = toks[j];
  if (t.k === 'num') {
    // glued suffix that is not a scale: ordinals, decades, identifiers
    const glued = toks[i + 1];
    if (glued && !glued.sp && glued.k === 'word' && !(glued.l in SUFFIX_SCALES) && !MEASURES.has(glued.l)) return true;
    // glued to a preceding word or hyphenated identifier: G7, F-16, COVID-19
    if (prev && !t.sp && prev.k === 'word') return true;
    if (prev && !t.sp && prev.t === '-' && prev2 && !prev.sp && prev2.k === 'word') return true;
    if (prev && !t.sp && (prev.t === '#' || prev.t === '/' || prev.t === ':' || prev.t === '+')) return true;
    if (next && !next.sp && (next.t === ':' || next.t === '/') && toks[j + 1]?.k === 'num' && !toks[j + 1].sp) return true; // 10:30, 1/19
    // phone-like: 555-123-4567
    if (next && next.t === '-' && !next.sp && toks[j + 1]?.k === 'num' && !toks[j + 1].sp && toks[j + 2]?.t === '-' && !toks[j + 2].sp) return true;
    if (prev && prev.t === '-' && !t.sp && prev2?.k === 'num' && !prev.sp && toks[i - 3]?.t === '-') return true;
    if (/^\d{8,}$/.test(t.t) && !hasCurrency) return true;
    // leading zero ("0800"), or digit groups separated only by spaces ("0800 123 4567")
    if (/^0\d/.test(t.t)) return true;
    // ("300,000 155mm shells": a count before a calibre is no digit group)
    if ((toks[i + 1]?.k === 'num' && !calibre(toks, i + 2)) || (prev && prev.k === 'num')) return true;
    // phone-like pair "555-0142"
    if (next && next.t === '-' && !next.sp && toks[j + 1]?.k === 'num' && !toks[j + 1].sp && /^0\d|^\d{4}$/.test(toks[j + 1].t) && /^\d{3}$/.test(t.t)) return true;
    if (prev && prev.t === '-' && !t.sp && !prev.sp && prev2?.k === 'num' && /^\d{3}$/.test(prev2.t) && /^0\d|^\d{4}$/.test(t.t)) return true;
    // "Year 6", "Key Stage 2": school years are identifiers
    if (prev && prev.cap && prev.l === 'year' && value < 14) return true;
    // the second year of a season or fiscal year: "2025-26", "2024-2025"
    if (prev && prev.t === '-' && !prev.sp && !t.sp && prev2?.k === 'num' && /^(19|20)\d\d$/.test(prev2.t) && /^(\d\d|(19|20)\d\d)$/.test(t.t)) return true;
    // phone and text lines: "call or text 988", "dial 911"
    if (prev && /^(call|text|dial|phone|telephone|tel|ring)$/.test(prev.l) && !hasCurrency && !percent && Number.isInteger(value)) return true;
    // street addresses: "1 Market Street", "10 Downing St"
    if (!hasCurrency && !percent && Number.isInteger(value) && next?.cap && next.k === 'word' && [toks[j + 1], toks[j + 2]].some((x) => !!x && /^(street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|place|square|terrace|crescent|close|way|parkway|court)$/.test(x.l) && x.cap)) return true;
    // ages: "people 65 and older", "those 18 or over"
    if (value < 120 && next && (next.l === 'and' || next.l === 'or') && /^(older|over|above|up)$/.test(toks[j + 1]?.l ?? '') && !hasCurrency && !percent) return true;
    // "as young as 19", "people over 65"
    if (prev && prev.l === 'as' && (prev2?.l === 'young' || prev2?.l === 'old') && value < 130) return true;
    // a numeral alone in parentheses ("(25219)", "(2)"): a reference or an id, not a figure
    if (prev && prev.t === '(' && next && next.t === ')' && !hasCurrency && !percent && j === i + 1) return true;
    // wire update markers: "UPDATE 2", "Update 3"
    if (prev && prev.l === 'update' && (prev.cap || prev.t === 'UPDATE') && Number.isInteger(value) && value < 100) return true;
    // identifier prefix: "Article 5", "No. 10"
    if (prev && (prev.cap || LC_ID_PREFIXES.has(prev.l)) && ID_PREFIXES.has(prev.l)) return true;
    if (prev && prev.t === '.' && prev2 && (prev2.l === 'no' || prev2.l === 'nos')) return true;
    // time of day
    if (next && (next.l === 'a' || next.l === 'p') && toks[j + 1]?.t === '.' && (toks[j + 2]?.l === 'm')) return true;
    if (next && (next.l === 'am' || next.l === 'pm' || next.l === 'gmt' || next.l === 'utc' || next.l === 'edt' || next.l === 'est' || next.l === 'bst' || next.l === 'cet')) return true;
    if (next && next.l === 'o' && toks[j + 1]?.t === "'" ) return true;
    if (next && next.l === "o'clock") return true;
    // dates: "Jan. 5", "January 5", "5 January"
    if (!hasCurrency && !percent && value >= 1 && value <= 31 && Number.isInteger(value)) {
      if (isMonthTok(prev)) return true;
      if (prev && prev.t === '.' && isMonthTok(prev2)) return true;
      if (isMonthTok(next)) return true;
      if (next && next.l === 'of' && isMonthTok(toks[j + 1])) return true;
    }
    // years
    if (!hasCurrency && !percent && /^\d{4}$/.test(t.t) && value >= 1000 && value <= 2100 && j === i + 1) {
      const nounNext = next && next.k === 'word' && !next.cap && !(next.l in MONTHS) && !NP_STOP.has(next.l) && !TIME_UNITS.has(next.l);
      if (!nounNext || (prev && TEMPORAL_BEFORE_YEAR.has(prev.l)) || (prev && /['’]s$/.test(prev.l) && value >= 1900) || isMonthTok(prev) || (prev && prev.t === ',' && toks[i - 2]?.k === 'num')) return true;
    }
    // ISO date 2022-01-19
    if (/^\d{4}$/.test(t.t) && next && next.t === '-' && !next.sp && toks[j + 1]?.k === 'num' && !toks[j + 1].sp && toks[j + 2]?.t === '-') return true;
    // ages: "aged 34", "age 34", "34-year-old", "34 years old", ", 34,"
    if (prev && (prev.l === 'aged' || prev.l === 'age' || prev.l === 'ages')) return true;
    // the upper end of an age range: "aged 50 to 79", "ages 18-24"
    if (prev && /^(to|and|-|–)$/.test(prev.l) && prev2?.k === 'num' && /^(aged|age|ages|between)$/.test(toks[i - 3]?.l ?? '') && (toks[i - 3].l !== 'between' || /^(aged|ages)$/.test(toks[i - 4]?.l ?? ''))) return true;
    if (value < 130 && prev && prev.t === ',' && prev2?.cap && prev2.k === 'word' && next && (next.t === ',' || next.t === ')') && !hasCurrency && !percent) return true;
    // "said manager Claire Donnelly, 47." (the sentence ends), "The man, 64, has not been named"
    if (value < 120 && Number.isInteger(value) && prev && prev.t === ',' && prev2?.k === 'word' && (prev2.cap && !isMonthTok(prev2) || SINGULAR_PERSONS.has(prev2.l) || ROLE_WORDS.has(prev2.l)) && !hasCurrency && !percent
      && ((next && (next.t === ',' || next.t === ')') && (SINGULAR_PERSONS.has(prev2.l) || ROLE_WORDS.has(prev2.l))) || (next && next.t === '.' && (!toks[j + 1] || /^["”’']$/.test(toks[j + 1].t))))) return true;
    if (value < 130 && prev && prev.t === '(' && toks[i - 2]?.cap && next && next.t === ')') return true;
  }
  if (next && next.t === '-' && !next.sp && toks[j + 1]?.l === 'year' && toks[j + 2]?.t === '-' && toks[j + 3]?.l === 'old') return true;
  if (next && (next.l === 'years' || next.l === 'year') && toks[j + 1]?.l === 'old') return true;
  if (next && next.l === 'year-old') return true;
  // adjectival durations and sizes: "a 10-year plan", "five-day", "a 12-member council" (but "a 2,000-strong force")
  if (next && next.t === '-' && !next.sp && toks[j + 1] && !toks[j + 1].sp && toks[j + 1].k === 'word' && toks[j + 1].l !== 'plus' && toks[j + 1].l !== 'strong' && !/[^s]s$/.test(toks[j + 1].l)) return true;
  // frequencies: "every 2 weeks"
  if (prev && prev.l === 'every') return true;
  return false;
}

interface RawAmount extends Amount {}

/** Parse one amount (no range) at token i. */
export function parseAmount(toks: Tok[], i: number, bareShare = false): RawAmount | null {
  let currency: string | null = null;
  let k = i;
  const cp = currencyPrefix(toks, i);
  if (cp) {
    currency = cp.cur;
    k = cp.next;
  }
  const tk = toks[k];
  if (!tk) return null;
  // "minus 15 degrees" is negative; "plus or minus one point" is a tolerance
  if (!currency && tk.l === 'minus' && !(toks[k - 1]?.l === 'or' && toks[k - 2]?.l === 'plus')) {
    const r = parseAmount(toks, k + 1);
    if (r && r.value !== null && !r.vague) return { ...r, start: i, value: -r.value, base: -r.base };
    return null;
  }
  // fractions: "two-thirds", "a third of", "half of", "three quarters"
  if (!currency && tk.k === 'word' && (tk.l in UNITS || tk.l === 'a' || tk.l === 'an' || tk.l === 'half')) {
    let num = tk.l === 'a' || tk.l === 'an' ? 1 : tk.l === 'half' ? 1 : UNITS[tk.l];
    let d: Tok | undefined;
    let j = k + 1;
    if (tk.l === 'half') {
      d = tk;
      j = k + 1;
    } else if (toks[j]?.t === '-' && !toks[j].sp && toks[j + 1] && !toks[j + 1].sp) {
      d = toks[j + 1];
      j += 2;
    } else {
      d = toks[j];
      j += 1;
    }
    // "half a percentage point" = 0.5 points
    if (tk.l === 'half' && (toks[k + 1]?.l === 'a' || toks[k + 1]?.l === 'an') && toks[k + 2]?.l === 'percentage' && /^points?$/.test(toks[k + 3]?.l ?? '')) {
      return { start: i, end: k + 4, value: 0.5, low: null, high: null, currency: null, percent: true, vague: false, word: true, scale: 1, base: 0.5, measure: null, change: true };
    }
    if (d && d.l in FRACTION_DENOMS && num >= 1 && num <= 10) {
      const den = FRACTION_DENOMS[d.l];
      const singular = !d.l.endsWith('s');
      const okNum = (num === 1) === singular || d.l === 'half';
      const nx = toks[j];
      if (okNum && num < den) {
        if (nx && nx.l in SCALES && SCALES[nx.l] >= 1e3) {
          return fractionOfScale(toks, i, j + 1, num / den, SCALES[nx.l]);
        }
        // "a quarter of a million", "three-quarters of a billion": a fraction of a scale, not a share
        const sc = toks[j + 2];
        if (nx?.l === 'of' && (toks[j + 1]?.l === 'a' || toks[j + 1]?.l === 'an') && sc && sc.l in SCALES && SCALES[sc.l] >= 1e3) {
          return fractionOfScale(toks, i, j + 3, num / den, SCALES[sc.l]);
        }
        const needOf = num === 1 || d.l === 'half';
        // "the second half of 2026", "the other half of": a part of a period or thing, not a share
        const partOf = d.l === 'half' && PART_BEFORE_HALF.has(toks[k - 1]?.l ?? '');
        // without "of": after a qualifier or "by" ("nearly half", "down by a quarter"), before a comparative
        // ("a third fewer"), "half the/its ..."
        const bare = (bareShare || (!!nx && SHARE_COMPARATIVES.has(nx.l)) || (d.l === 'half' && !!nx && SHARE_DETS.has(nx.l)))
          && !(nx && (TIME_UNITS.has(nx.l) || /^(mile|miles|inch|an|a)$/.test(nx.l)));
        if (!partOf && ((nx && nx.l === 'of') || bare || (!needOf && !(nx && TIME_UNITS.has(nx.l))))) {
          const v = Math.round((num / den) * 10000) / 100;
          return { start: i, end: j, value: v, low: null, high: null, currency: null, percent: true, vague: false, word: true, scale: 1, base: v, measure: null };
        }
      }
    }
  }
  // vague: "tens of thousands", "hundreds", "dozens", "several thousand", "a few hundred"
  if (!currency && tk.k === 'word') {
    if (tk.l in VAGUE_PLURALS && toks[k - 1]?.l !== 'the') {
      let base = VAGUE_PLURALS[tk.l];
      let j = k + 1;
      if (toks[j]?.l === 'of' && toks[j + 1] && toks[j + 1].l in VAGUE_PLURALS && VAGUE_PLURALS[toks[j + 1].l] >= 1000 && VAGUE_PLURALS[toks[j + 1].l] > base) {
        base = base * VAGUE_PLURALS[toks[j + 1].l];
        j += 2;
      }
      // a quoted vague amount: killing "hundreds" of fighters
      if ((toks[j]?.t === '"' || toks[j]?.t === '”') && !toks[j].sp && toks[j + 1]?.l === 'of' && (toks[k - 1]?.t === '"' || toks[k - 1]?.t === '“')) j++;
      const nx = toks[j];
      const ok = nx && (nx.l === 'of' || nx.l === 'more' || (nx.k === 'word' && !NP_STOP.has(nx.l)) || /^(were|have|had|are|was|has|fled|died)$/.test(nx.l));
      if (ok && !(tk.l === 'tens' && base === 10)) {
        return { start: i, end: j, value: null, low: 2 * base, high: 9 * base, currency: null, percent: false, vague: true, word: true, scale: base, base: 1, measure: null };
      }
    }
    const few = tk.l === 'several' ? [3, 9] : (tk.l === 'a' && toks[k + 1]?.l === 'few') ? [2, 5] : null;
    if (few) {
      const j = tk.l === 'several' ? k + 1 : k + 2;
      const sc = toks[j];
      if (sc && (sc.l in SCALES || sc.l === 'dozen')) {
        let base = sc.l === 'dozen' ? 12 : SCALES[sc.l];
        let e = j + 1;
        if (base === 100 && toks[e] && toks[e].l in SCALES) {
          base *= SCALES[toks[e].l];
          e++;
        }
        return { start: i, end: e, value: null, low: few[0] * base, high: few[1] * base, currency: null, percent: false, vague: true, word: true, scale: base, base: 1, measure: null };
      }
    }
  }
  const c = parseCardinal(toks, k);
  if (!c) {
    // temperatures: "41C", "106F" (a capital C or F glued to the number, nothing glued after it)
    if (tk.k === 'num' && toks[k + 1] && !toks[k + 1].sp && (toks[k + 1].t === 'C' || toks[k + 1].t === 'F') && !(toks[k + 2] && !toks[k + 2].sp && toks[k + 2].k !== 'punct') && !(toks[k - 1] && !tk.sp && toks[k - 1].k === 'word') && !(toks[k - 1] && ID_PREFIXES.has(toks[k - 1].l))) {
      const v = parseDigits(tk.t);
      if (v === null || v > 150) return null;
      return { start: i, end: k + 2, value: v, low: null, high: null, currency: null, percent: false, vague: false, word: false, scale: 1, base: v, measure: 'degrees' };
    }
    // "5km" measurement glued
    // ("5G" is a network generation, "Flight 3G" an identifier)
    if (tk.k === 'num' && toks[k + 1] && !toks[k + 1].sp && MEASURES.has(toks[k + 1].l) && toks[k + 1].t !== 'G' && !(toks[k - 1] && ID_PREFIXES.has(toks[k - 1].l))) {
      const v = parseDigits(tk.t);
      if (v === null) return null;
      // a calibre names a kind of weapon or ammunition, it counts nothing: "155mm artillery shells", "7.62mm rounds"
      if (calibre(toks, k + 1)) return null;
      return { start: i, end: k + 2, value: v, low: null, high: null, currency, percent: false, vague: false, word: false, scale: 1, base: v, measure: toks[k + 1].l };
    }
    return null;
  }
  // "one in five", "1 in 10": a share, in percent
  if (!currency && toks[c.end]?.l === 'in' && c.scale === 1 && c.value >= 1 && c.value <= 20) {
    const d = parseCardinal(toks, c.end + 1);
    if (d && d.scale === 1 && d.value > c.value && d.value <= 1000 && !(toks[d.end] && TIME_UNITS.has(toks[d.end].l))) {
      const v = Math.round((c.value / d.value) * 10000) / 100;
      return { start: i, end: d.end, value: v, low: null, high: null, currency: null, percent: true, vague: false, word: c.word, scale: 1, base: v, measure: null };
    }
  }
  // rates: "31.8 per 100,000", "4.2 per 1,000 live births" (the number after "per" is the base, not a figure)
  if (!currency && toks[c.end]?.l === 'per' && toks[c.end + 1]?.k === 'num' && (parseDigits(toks[c.end + 1].t) ?? 0) >= 100 && !excludedNumber(toks, k, c.end, c.value, false, false)) {
    return { start: i, end: c.end + 2, value: c.value, low: null, high: null, currency: null, percent: false, vague: false, word: c.word, scale: c.scale, base: c.base, measure: `per ${toks[c.end + 1].t}` };
  }
  // "25 cents", "50 pence": fractions of a currency unit
  if (!currency && (toks[c.end]?.l === 'cents' || toks[c.end]?.l === 'cent' || toks[c.end]?.l === 'pence' || toks[c.end]?.l === 'p' && !toks[c.end].sp) && toks[c.end]?.l !== 'per') {
    if (!(toks[c.end].l === 'cent' && toks[c.end - 1]?.l === 'per')) {
      const cur = toks[c.end].l === 'pence' || toks[c.end].l === 'p' ? 'GBP' : 'USD';
      if (!excludedNumber(toks, k, c.end, c.value, true, false))
        return { start: i, end: c.end + 1, value: c.value / 100, low: null, high: null, currency: cur, percent: false, vague: false, word: c.word, scale: 1, base: c.value / 100, measure: null };
    }
  }
  // "41°C", "106 °F"
  if (!currency && toks[c.end]?.t === '°' && !excludedNumber(toks, k, c.end, c.value, false, false)) {
    const e = /^[CF]$/.test(toks[c.end + 1]?.t ?? '') && !toks[c.end + 1].sp ? c.end + 2 : c.end + 1;
    return { start: i, end: e, value: c.value, low: null, high: null, currency: null, percent: false, vague: false, word: c.word, scale: 1, base: c.value, measure: 'degrees' };
  }
  let u = unitAfter(toks, c.end);
  if (currency && u.currency) u = { ...u, currency: null, end: c.end };
  const cur = currency ?? u.currency;
  if (excludedNumber(toks, k, c.end, c.value, !!cur, u.percent)) return null;
  if (c.word && !cur && !u.percent) {
    // word numbers: "one" only with a scale; small numbers after determiners are references ("the two leaders")
    // "one" only with a scale, in "one in five", or before a singular person ("one soldier was killed": kept only if a harm figure)
    if (toks[k].l === 'one' && c.scale === 1 && !(toks[c.end]?.l === 'in') && !SINGULAR_PERSONS.has(toks[c.end]?.l ?? '')) return null;
    // a possessive is a determiner too: "Hezbollah's three regional divisions", "the country's two largest banks"
    if (c.value < 100 && toks[k - 1] && (SMALL_DETS.has(toks[k - 1].l) || (/['’]s$/.test(toks[k - 1].l) && toks[k - 1].k === 'word'))) return null;
    if (toks[k].l === 'a' && c.value < 1000 && c.scale !== 12) return null;
  }
  const f = u.factor ?? 1;
  return {
    start: i, end: u.end, value: f === 1 ? c.value : Math.round(c.value * f * 1e6) / 1e6, low: null, high: null, currency: cur, percent: u.percent, vague: false,
    word: c.word, scale: c.scale, base: f === 1 ? c.base : c.base * f, measure: null, change: u.factor !== undefined,
  };
}

/** "a quarter million (dollars)", "three-quarters of a billion euros": the currency word may follow. */
function fractionOfScale(toks: Tok[], start: number, end: number, fraction: number, scale: number): RawAmount {
  const u = unitAfter(toks, end);
  return {
    start, end: u.currency ? u.end : end, value: fraction * scale, low: null, high: null, currency: u.currency ?? null, percent: false,
    vague: false, word: true, scale, base: fraction, measure: null,
  };
}

const PART_BEFORE_HALF = new Set(['first', 'second', 'final', 'last', 'latter', 'former', 'other', 'back', 'front', 'top', 'bottom', 'upper', 'lower', 'northern', 'southern', 'eastern', 'western']);
const SHARE_COMPARATIVES = new Set(['fewer', 'less', 'more', 'lower', 'higher', 'smaller', 'larger', 'bigger', 'cheaper', 'greater']);
const SHARE_DETS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'all', 'these', 'those']);

const RANGE_SEPS = new Set(['to', '-', '–', '—', 'or', 'and']);

const CALIBRE_NOUNS = /^(artillery|shells?|rounds?|ammunition|ammo|guns?|howitzers?|cannons?|mortars?|rockets?|cartridges?|bullets?|munitions?|projectiles?|rifles?|self-propelled|calibre|caliber|gun)$/;
/** "155mm artillery shells", "120 mm mortars", "155-mm howitzers": a calibre (mm/cm/in) before a weapon or ammunition noun. */
function calibre(toks: Tok[], unitIdx: number): boolean {
  if (!/^(mm|cm|millimetre|millimeter)$/.test(toks[unitIdx]?.l ?? '')) return false;
  for (let q = unitIdx + 1; q < toks.length && q <= unitIdx + 3; q++) {
    if (toks[q].k !== 'word') return false;
    if (CALIBRE_NOUNS.test(toks[q].l)) return true;
  }
  return false;
}

/** -ly words that are nouns ("12 family members", "two ally nations"). */
const LY_NOUNS = new Set(['family', 'ally', 'rally', 'supply', 'assembly', 'anomaly', 'belly', 'bully', 'reply', 'jelly', 'lily', 'monopoly', 'butterfly', 'dragonfly', 'italy', 'july', 'fly', 'holy', 'only', 'early', 'daily', 'weekly', 'monthly', 'yearly', 'elderly', 'friendly']);
/** Participles that are a unit by themselves even with an agent ("26 trapped by the flood", "300 arrested by police"). */
const PARTICIPLE_UNITS = /^(missing|trapped|detained|arrested|hospitalized|hospitalised|stranded|rescued|captured|abducted|kidnapped|jailed|imprisoned|infected|affected|evacuated|displaced|killed|wounded|injured|hurt|deported|held)$/;

/** A lowercase plural noun token ("children", "sites", "personnel"). */
function pluralNounTok(x: Tok | undefined): boolean {
  return !!x && x.k === 'word' && !x.cap && (/[^su]s$/.test(x.l) || /^(people|men|women|children|personnel)$/.test(x.l))
    && !NP_STOP.has(x.l) && !IRREGULAR_VERBS.has(x.l) && !(x.l in MONTHS) && !(x.l in WEEKDAYS);
}

/** Noun phrase after a quantity: returns head noun and extent. */
export function nounAfter(toks: Tok[], j: number, allowOf: boolean): { head: string; idx: number; end: number; mods: string[] } | null {
  let k = j;
  if (toks[k]?.l === 'of' && allowOf) {
    k++;
    if (toks[k] && (SMALL_DETS.has(toks[k].l) || toks[k].l === 'them')) {
      if (toks[k].l === 'them') return null;
      k++;
      // "12 of its planned 70 convoys": a part of a number, the noun is the whole's (handled by the caller)
      if (toks[k]?.k === 'num' || (toks[k]?.k === 'word' && !toks[k].cap && toks[k + 1]?.k === 'num')) return null;
    }
  }
  const mods: string[] = [];
  let head: Tok | null = null;
  let headIdx = -1;
  let headText = '';
  let count = 0;
  // "4,012 U.S. adults", "300 U.N. peacekeepers": a dotted country abbreviation is a modifier
  if (toks[k]?.t.length === 1 && toks[k].cap && toks[k + 1]?.t === '.' && !toks[k + 1].sp && toks[k + 2]?.t.length === 1 && toks[k + 2].cap && !toks[k + 2].sp && toks[k + 3]?.t === '.' && toks[k + 4]?.k === 'word' && !toks[k + 4].cap) {
    mods.push(`${toks[k].l}.${toks[k + 2].l}.`);
    k += 4;
  }
  // "four partly occupied Ukrainian regions", "300 newly trained soldiers": an adverb and the participle it modifies
  // are modifiers, not the counted noun
  if (toks[k]?.k === 'word' && /[a-z]{3}ly$/.test(toks[k].l) && !LY_NOUNS.has(toks[k].l) && toks[k + 1]?.k === 'word' && /(ed|en|ing)$/.test(toks[k + 1].l)
    && toks[k + 2]?.k === 'word' && !NP_STOP.has(toks[k + 2].l) && !IRREGULAR_VERBS.has(toks[k + 2].l)) {
    mods.push(toks[k].l, toks[k + 1].l);
    k += 2;
  }
  // scare quotes around the counted noun: '27 "terrorists" were arrested'
  if ((toks[k]?.t === '"' || toks[k]?.t === '“') && toks[k + 1]?.k === 'word' && !toks[k + 1].cap && /s$/.test(toks[k + 1].l) && (toks[k + 2]?.t === '"' || toks[k + 2]?.t === '”')) k++;
  // (1.15) a quoted number before its noun: '"several hundred" troops', '"around 30" Russians' (a closing quote glued to the
  // number, a word after a space)
  if ((toks[k]?.t === '"' || toks[k]?.t === '”') && !toks[k].sp && toks[k - 1]?.k !== 'punct' && toks[k + 1]?.k === 'word' && toks[k + 1].sp
    && (!toks[k + 1].cap ? /[^su]s$|^(people|men|women|children|personnel)$/.test(toks[k + 1].l) : /(ians|ans|ese)$/.test(toks[k + 1].l))) k++;
  // (1.15) a model designation before the noun is a modifier: "18 CV90 infantry fighting vehicles", "six F-16 fighter jets"
  if (toks[k]?.k === 'word' && /^[A-Z]{1,4}$/.test(toks[k].t)) {
    let e = k + 1;
    if (toks[e]?.t === '-' && !toks[e].sp) e++;
    if (toks[e]?.k === 'num' && !toks[e].sp && toks[e + 1]?.k === 'word' && toks[e + 1].sp && !toks[e + 1].cap && !NP_STOP.has(toks[e + 1].l) && !IRREGULAR_VERBS.has(toks[e + 1].l)) {
      mods.push(toks.slice(k, e + 1).map((x) => x.t).join(''));
      k = e + 1;
    }
  }
  // "14 more bodies", "two more soldiers": "more" belongs to the phrase when a noun follows
  if (toks[k]?.l === 'more' && toks[k + 1]?.k === 'word' && !NP_STOP.has(toks[k + 1].l) && !IRREGULAR_VERBS.has(toks[k + 1].l)) k++;
  while (k < toks.length && count < 4) {
    const t = toks[k];
    if (t.k !== 'word') break;
    // (1.15) an acronym between a modifier and a plural noun is a modifier: "9,000 suspected IS fighters"
    if (count > 0 && /^[A-Z]{2,5}$/.test(t.t) && pluralNounTok(toks[k + 1])) {
      mods.push(t.t);
      k++;
      continue;
    }
    // hyphenated compounds are one word: "walk-in", "Russian-backed"
    let e = k;
    let w = t.l;
    while (toks[e + 1]?.t === '-' && !toks[e + 1].sp && toks[e + 2] && !toks[e + 2].sp && toks[e + 2].k === 'word') {
      w += '-' + toks[e + 2].l;
      e += 2;
    }
    const isCompound = e > k;
    if (!isCompound) {
      if (NP_STOP.has(t.l) && !(count === 0 && (t.l === 'killed' || t.l === 'wounded' || t.l === 'injured' || t.l === 'dead'))) break;
      if (t.l in MONTHS && t.cap) break;
      if (t.l in WEEKDAYS) break;
      if (IRREGULAR_VERBS.has(t.l)) break;
      // "-ing" opens the phrase only as a modifier: "polling stations", "trucking company owners"
      const nounNext = (x: Tok | undefined) => !!x && x.k === 'word' && !x.cap && !NP_STOP.has(x.l) && !IRREGULAR_VERBS.has(x.l) && !/(ed|ing|ly)$/.test(x.l);
      if (count === 0 && /ing$/.test(t.l) && !PERSON_NOUNS.has(t.l) && !(nounNext(toks[k + 1]) && (/[^su]s$/.test(toks[k + 1].l) || (nounNext(toks[k + 2]) && /[^su]s$/.test(toks[k + 2].l))))) break;
      if (count > 0 && /(ed|ing)$/.test(t.l) && !TROOP_NOUNS.has(t.l) && !PERSON_NOUNS.has(t.l)
        && !(/ing$/.test(t.l) && toks[k + 1]?.k === 'word' && !toks[k + 1].cap && /[^su]s$/.test(toks[k + 1].l) && !NP_STOP.has(toks[k + 1].l) && !IRREGULAR_VERBS.has(toks[k + 1].l) && count < 3)) break;
      if (count > 0 && /ly$/.test(t.l)) break;
      // (1.14) "the 2,500 originally pledged": an adverb and a participle with no noun after them are no unit
      if (count === 0 && /ly$/.test(t.l) && !PERSON_NOUNS.has(t.l) && /ed$/.test(toks[k + 1]?.l ?? '') && !(toks[k + 2]?.k === 'word' && !toks[k + 2].cap && !NP_STOP.has(toks[k + 2].l))) break;
      // "degrees Celsius" keeps "degrees"; "ethnic Armenians" is a demonym after a modifier
      if (count > 0 && t.cap && head && !head.cap && !/(ians|ans|ese|is)$/.test(t.l)) break;
    }
    if (head) mods.push(headText);
    head = toks[e];
    headText = w;
    headIdx = e;
    count++;
    k = e + 1;
    const l = toks[e].l;
    // a following plural noun makes a compound ("police officers", "measles cases")
    const nx = toks[k];
    const nextPlural = !!nx && nx.k === 'word' && !nx.cap && /[^su]s$/.test(nx.l) && !NP_STOP.has(nx.l) && !IRREGULAR_VERBS.has(nx.l) && !(nx.l in MONTHS) && (count < 3 || (count === 3 && /ed$/.test(mods[0] ?? ''))) && !TIME_UNITS.has(l);
    if (nextPlural) continue;
    // "2,400 nurse training places": a person noun that modifies an -ing + plural compound is not the head
    const modifiesCompound = !!nx && nx.k === 'word' && !nx.cap && /ing$/.test(nx.l) && !!toks[k + 1] && toks[k + 1].k === 'word' && !toks[k + 1].cap && /[^su]s$/.test(toks[k + 1].l) && !NP_STOP.has(toks[k + 1].l) && count < 3;
    if (modifiesCompound && !TIME_UNITS.has(l) && !/[^su]s$/.test(l)) continue;
    if (
      TROOP_NOUNS.has(l) || PERSON_NOUNS.has(l) || KILL_NOUNS.has(l) || WOUND_NOUNS.has(l) ||
      DISPLACE_NOUNS.has(l) || TIME_UNITS.has(l) || l === 'casualties'
      // (1.14) a measure ends the phrase: "roughly 200 km west of the island"
      || (count === 1 && /^(km|kilometres|kilometers|miles|mi|metres|meters|kg|kilograms|tonnes|tons|hectares|acres|feet|ft|nautical)$/.test(l) && /^(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|inland|offshore|away|long|wide|high|deep)$/.test(toks[k]?.l ?? ''))
    ) break;
    // a participle head ("26 trapped", "300 injured") or a plural noun ends the phrase; a passive with an agent
    // ("up to 10,000 fired by Russia") counts an elided noun, not the participle (states and harm verbs stay)
    if (!isCompound && count === 1 && /ed$/.test(l)) {
      const stateLike = PARTICIPLE_UNITS.test(l) || KILL_NOUNS.has(l) || WOUND_NOUNS.has(l) || DISPLACE_NOUNS.has(l);
      if (toks[k]?.l === 'by' && !stateLike) return null;
      // (1.15) an adjective in -ed before a noun: "5,000 malnourished children", "100 suspected chemical weapons sites",
      // "three armoured personnel carriers" (states and harm participles stay the unit: "300 injured")
      const modTok = (x: Tok | undefined) => !!x && x.k === 'word' && !x.cap && !NP_STOP.has(x.l) && !IRREGULAR_VERBS.has(x.l) && !/ly$/.test(x.l);
      if (!stateLike && (pluralNounTok(toks[k]) || (/^[A-Z]{2,5}$/.test(toks[k]?.t ?? '') && pluralNounTok(toks[k + 1]))
        || (modTok(toks[k]) && pluralNounTok(toks[k + 1])))) continue;
      break;
    }
    if (/[^su]s$/.test(l) && l.length > 3) break;
  }
  if (!head) return null;
  return { head: headText, idx: headIdx, end: headIdx + 1, mods };
}

function mkMention(toks: Tok[], ts: number, te: number, ns: number, ne: number, a: Partial<Mention>): Mention {
  return {
    ts, te, ns, ne, s: toks[ts].s, e: toks[te - 1].e,
    value: a.value ?? null, low: a.low ?? null, high: a.high ?? null, qualifier: a.qualifier ?? null,
    currency: a.currency ?? null, percent: a.percent ?? false, vague: a.vague ?? false,
    unspecified: a.unspecified ?? false, word: a.word ?? false, measure: a.measure ?? null,
    noun: a.noun ?? null, nounIdx: a.nounIdx ?? -1, nounMods: a.nounMods ?? [], strong: a.strong,
  };
}

function round(v: number | null): number | null {
  if (v === null) return null;
  return Math.round(v * 1e6) / 1e6;
}

/** Find all quantity mentions in a tokenised sentence. */
export function findMentions(toks: Tok[]): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < toks.length) {
    // tallies and scores "9-4": neither number is a quantity
    const t0 = toks[i];
    // (1.16) a vote tally written with "to": "voted 151 to 11", "by 62 votes to 31" — neither number is a quantity
    if (t0.k === 'num' && isTallyTo(toks, i)) {
      i += toks[i + 1]?.l === 'votes' ? 4 : 3;
      continue;
    }
    if (t0.k === 'num' && toks[i + 1]?.t === '-' && !toks[i + 1].sp && toks[i + 2]?.k === 'num' && !toks[i + 2].sp) {
      const a = parseDigits(t0.t);
      const b = parseDigits(toks[i + 2].t);
      if (a !== null && b !== null && a >= b && !/^(19|20)\d\d$/.test(t0.t)) {
        i += 3;
        continue;
      }
    }
    const m = mentionAt(toks, i, out);
    if (m) {
      out.push(m);
      i = Math.max(m.te, i + 1);
    } else i++;
  }
  return out;
}

/** (1.16) "voted 151 to 11", "voted 62 to 31 on Tuesday", "approved by 62 votes to 31", "a vote of 98 to 52". */
function isTallyTo(toks: Tok[], i: number): boolean {
  const withVotes = toks[i + 1]?.l === 'votes';
  const to = toks[i + (withVotes ? 2 : 1)];
  const b = toks[i + (withVotes ? 3 : 2)];
  if (!to || !/^(to|against)$/.test(to.l) || !b || b.k !== 'num') return false;
  if (toks[i + (withVotes ? 4 : 3)]?.k === 'word' && /^(scale|million|billion|thousand|percent)$/.test(toks[i + (withVotes ? 4 : 3)].l)) return false;
  if (!/^\d{1,3}$/.test(toks[i].t) || !/^\d{1,3}$/.test(b.t)) return false;
  const p1 = toks[i - 1]?.l ?? '';
  const p2 = toks[i - 2]?.l ?? '';
  if (/^(voted|vote|votes|voting)$/.test(p1)) return true;
  if (p1 === 'of' && /^(vote|votes|margin)$/.test(p2)) return true;
  if (p1 === 'by' && (withVotes || /^(voted|vote|votes|passed|approved|adopted|rejected|backed|defeated|carried)$/.test(p2))) return true;
  return withVotes;
}

/** (1.16) a number that is part of a name: "the Israeli Arrow 3 system", "the Arrow 2", "Nord Stream 1 and 2". */
function nameNumber(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (t.k !== 'num' || !/^\d{1,2}$/.test(t.t)) return false;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  if (prev && (prev.l === 'and' || prev.l === 'or') && toks[i - 2]?.k === 'num' && nameNumber(toks, i - 2)) return !next || !next.cap;
  if (!prev || prev.k !== 'word' || !prev.cap || !t.sp || /['’]s$/.test(prev.t) || isMonthTok(prev) || prev.t === prev.t.toUpperCase()) return false;
  const prev2 = toks[i - 2];
  if (!prev2) return false;
  // the name must not open the sentence: "In Ukraine 12 …" (prev2 is a sentence-initial preposition) is not covered
  const p2ok = prev2.l === 'the' || (prev2.k === 'word' && prev2.cap && toks[i - 3] !== undefined && !/^[.!?\n]$/.test(toks[i - 3].t) && toks[i - 3].k === 'word' && !toks[i - 3].cap);
  // "Arrow 2 and Arrow 3 systems": the second of two coordinated names
  const coordinated = (prev2.l === 'and' || prev2.l === 'or') && toks[i - 3]?.k === 'num' && nameNumber(toks, i - 3);
  if (!p2ok && !coordinated) return false;
  // title case ("Strikes Kill 12 People") has a capitalised word after the number
  if (next && next.k === 'word' && next.cap) return false;
  if (next && next.k === 'num') return false;
  return true;
}

function mentionAt(toks: Tok[], i: number, prior: Mention[]): Mention | null {
  if (nameNumber(toks, i)) return null;
  const t = toks[i];
  // an unspecified number of troops
  if (t.l === 'unspecified' || t.l === 'undisclosed' || t.l === 'unknown' || t.l === 'untold' || t.l === 'uncounted') {
    const n1 = toks[i + 1];
    if (n1 && (n1.l === 'number' || n1.l === 'numbers') && toks[i + 2]?.l === 'of') {
      const st = toks[i - 1] && (toks[i - 1].l === 'an' || toks[i - 1].l === 'a') ? i - 1 : i;
      const np = nounAfter(toks, i + 2, true);
      const te = np ? np.end : i + 2;
      return mkMention(toks, st, te, i, i + 2, { unspecified: true, noun: np?.head ?? null, nounIdx: np?.idx ?? -1, nounMods: np?.mods ?? [] });
    }
    return null;
  }
  // between A and B
  if (t.l === 'between') {
    const a = parseAmount(toks, i + 1);
    if (a && toks[a.end]?.l === 'and') {
      const b = parseAmount(toks, a.end + 1);
      if (b && !a.vague && !b.vague) return rangeMention(toks, i, a, b, prior);
    }
    return null;
  }
  // from A to B (a range unless a change verb precedes)
  if (t.l === 'from') {
    const a = parseAmount(toks, i + 1);
    if (a && toks[a.end]?.l === 'to') {
      const b = parseAmount(toks, a.end + 1);
      let change = false;
      for (let k = Math.max(0, i - 4); k < i; k++) if (CHANGE_VERBS.has(toks[k].l)) change = true;
      if (b && !change && !a.vague && !b.vague) return rangeMention(toks, i + 1, a, b, prior);
    }
    return null;
  }
  const pw = toks[i - 1]?.l ?? '';
  const bareShare = !!qualifierBefore(toks, i) || pw === 'by' || (/^(and|while|but|whereas)$/.test(pw) && prior.some((p) => p.percent && p.word));
  const a = parseAmount(toks, i, bareShare);
  if (!a) return null;
  // ranges: "14,200 to 14,400", "10-15", "two or three"
  const sep = toks[a.end];
  if (sep && RANGE_SEPS.has(sep.l) && !a.vague && sep.l !== 'and') {
    const b = parseAmount(toks, a.end + 1);
    const hyphen = sep.t === '-' || sep.t === '–' || sep.t === '—';
    if (b && !b.vague && (!hyphen || sep.t !== '—' || !sep.sp)) {
      const av = a.value as number;
      const bv = b.value as number;
      const aScaled = a.scale === 1 && b.scale > 1 && av <= b.base ? av * b.scale : av;
      let isRange = aScaled < bv;
      if (sep.l === 'or' && !(a.word && b.word) && !(a.scale > 1 || b.scale > 1)) isRange = isRange && bv - aScaled <= Math.max(2, aScaled);
      // both ends must be the same kind of amount ("5% to $7 billion" is not a range)
      if ((a.percent && b.currency) || (a.currency && b.percent) || (a.currency && b.currency && a.currency !== b.currency)) isRange = false;
      // "fell 41% to 4.2 billion crowns", "rose 12% to 1,200": an explicit percent followed by a non-percent level;
      // "rose by 1.2 percentage points to 15%": a change then a level
      if ((a.percent && !b.percent) || a.change) isRange = false;
      if (isRange) return rangeMention(toks, i, a, b, prior);
    }
  }
  return singleMention(toks, a, prior);
}

function postQualifier(toks: Tok[], j: number): { q: Qualifier; end: number } | null {
  const t = toks[j];
  if (!t) return null;
  if (t.l === 'or' && (toks[j + 1]?.l === 'more' || toks[j + 1]?.l === 'above')) return { q: 'lower_bound', end: j + 2 };
  if (t.l === 'or' && (toks[j + 1]?.l === 'fewer' || toks[j + 1]?.l === 'less')) return { q: 'upper_bound', end: j + 2 };
  if (t.l === 'or' && toks[j + 1]?.l === 'so') return { q: 'approximate', end: j + 2 };
  if (t.t === '+' && !t.sp) return { q: 'lower_bound', end: j + 1 };
  if (t.t === '-' && !t.sp && toks[j + 1]?.l === 'plus') return { q: 'lower_bound', end: j + 2 };
  if (t.l === 'plus' && toks[j + 1]?.k === 'word' && !NP_STOP.has(toks[j + 1].l)) return { q: 'lower_bound', end: j + 1 };
  return null;
}

function singleMention(toks: Tok[], a: Amount, prior: Mention[]): Mention | null {
  let ts = a.start;
  let qualifier: Qualifier = a.vague ? 'approximate' : 'exact';
  const pq = qualifierBefore(toks, a.start);
  const prevEnd = prior.length ? prior[prior.length - 1].te : 0;
  // "the past 200 years" is a period, "spending past 200 million pounds" a lower bound
  if (pq && toks[pq.start].l === 'past' && pq.start === a.start - 1 && /^(the|over|in|for|during|within|its|their)$/.test(toks[pq.start - 1]?.l ?? '')) {
    // not a qualifier
  } else if (pq && pq.start >= prevEnd) {
    const pl = toks[pq.start - 1]?.l ?? '';
    const verbUp = (toks[pq.start].l === 'up' || toks[pq.start].l === 'down') && CHANGE_VERBS.has(pl);
    // "people over 65", "children under 5": an age threshold, not a count
    const ageThreshold = /^(over|under|above|below)$/.test(toks[pq.start].l) && (PERSON_NOUNS.has(pl) || /^(those|anyone|everyone|aged|ages)$/.test(pl)) && (a.value ?? 999) < 120;
    if (ageThreshold) return null;
    if (!verbUp) {
      if (!a.vague || pq.q !== 'approximate') qualifier = pq.q;
      ts = pq.start;
    }
  }
  // multipliers: "five times that amount", "three times as many"
  if (toks[a.end]?.l === 'times' && /^(that|the|as|more|higher|larger|bigger|greater|less|lower|smaller|its|their|what|this)$/.test(toks[a.end + 1]?.l ?? '')) return null;
  let end = a.end;
  const post = postQualifier(toks, end);
  if (post) {
    qualifier = post.q;
    end = post.end;
  }
  let value = a.value;
  let low = a.low;
  let high = a.high;
  if (!a.vague) {
    if (qualifier === 'lower_bound') {
      low = value;
      value = null;
    } else if (qualifier === 'upper_bound') {
      high = value;
      value = null;
    }
  } else if (qualifier === 'lower_bound') {
    high = null;
  } else if (qualifier === 'upper_bound') {
    low = null;
  }
  let noun: ReturnType<typeof nounAfter> = null;
  // "a 1,000-strong emergency unit": the size of the group
  if (!a.currency && !a.percent && toks[end]?.t === '-' && !toks[end].sp && toks[end + 1]?.l === 'strong' && !toks[end + 1].sp) {
    const np = nounAfter(toks, end + 2, false);
    const te2 = np ? np.end : end + 2;
    return mkMention(toks, ts, te2, a.start, a.end, {
      value: round(value), low: round(low), high: round(high), qualifier, word: a.word, noun: np?.head ?? null,
      nounIdx: np?.idx ?? -1, nounMods: np?.mods ?? [], strong: true,
    });
  }
  // "a magnitude 6.4 earthquake", "a category 4 storm": the scale is the unit
  const scaleWord = toks[a.start - 1]?.l;
  const measure = a.measure ?? (scaleWord === 'magnitude' ? 'magnitude' : null);
  if (!a.currency && !a.percent && !measure) noun = nounAfter(toks, end, true);
  // "below the 170,000 economists had forecast": the noun is the subject of a relative clause, not what is counted
  if (noun && noun.idx === end && /^(economists|analysts|forecasters|experts|traders|investors|strategists)$/.test(noun.head)
    && /^(had|have|has)$/.test(toks[noun.end]?.l ?? '') && /^(forecast|expected|predicted|estimated|anticipated|projected|pencilled|penciled)$/.test(toks[noun.end + 1]?.l ?? '')) {
    noun = null;
  }
  // "155 mm artillery shells": a calibre, not a figure; "300,000 155mm shells": the noun is after the calibre
  if (noun && !a.currency && !a.percent && calibre(toks, end)) return null;
  if (!noun && !a.currency && !a.percent && toks[end]?.k === 'num' && calibre(toks, end + 1)) {
    const np = nounAfter(toks, end + 2, false);
    if (np) noun = { ...np, end: np.end };
  }
  // "4.5 points" after "percentage points" in the same sentence: the same unit, elided
  let percent = a.percent;
  if (noun && /^points?$/.test(noun.head) && noun.idx === end && toks.slice(0, a.start).some((x, q) => x.l === 'percentage' && /^points?$/.test(toks[q + 1]?.l ?? ''))) {
    percent = true;
    end = noun.end;
    noun = null;
  }
  // "won 26 of their 38 league games": the noun of the whole
  const wholeAt = toks[end]?.l === 'of' && SMALL_DETS.has(toks[end + 1]?.l ?? '') ? (toks[end + 2]?.k === 'num' ? end + 3 : toks[end + 2]?.k === 'word' && !toks[end + 2].cap && toks[end + 3]?.k === 'num' ? end + 4 : -1) : -1;
  if (!noun && !a.word && !a.currency && !percent && wholeAt > 0) {
    const whole = nounAfter(toks, wholeAt, false);
    if (whole) noun = { ...whole, end, idx: whole.idx };
  }
  // "Tens of thousands rally": a singular word after a vague amount is a verb, the people are implied
  if (noun && a.vague && noun.idx === end && !/s$/.test(noun.head) && !PERSON_NOUNS.has(noun.head) && !TROOP_NOUNS.has(noun.head) && !noun.head.includes('-')) noun = null;
  // durations with a temporal preposition are time references, not quantities
  // prison terms are quantities: "faces up to 20 years in prison", "was sentenced to five years"
  const prisonTerm = !!noun && /^(years?|months?)$/.test(noun.head) && noun.idx === end && (
    /^(in|behind)$/.test(toks[noun.end]?.l ?? '') && /^(prison|jail|bars|custody|detention)$/.test(toks[noun.end + 1]?.l ?? '')
    || (toks[noun.end]?.l === 'of' && /^(imprisonment|jail|prison)$/.test(toks[noun.end + 1]?.l ?? ''))
    || (/^(to|faces|facing|face|of)$/.test(toks[ts - 1]?.l ?? '') && /^(sentenced|jailed|term|sentence|faces|facing|face)$/.test(toks[ts - 1]?.l === 'to' || toks[ts - 1]?.l === 'of' ? toks[ts - 2]?.l ?? '' : toks[ts - 1].l)));
  if (noun && TIME_UNITS.has(noun.head) && noun.idx === end && !prisonTerm) {
    const before = toks[ts - 1];
    const after = toks[noun.end];
    // "within the first two years", "the past three seasons"
    if (before && /^(first|last|past|next|previous|final|coming|initial|remaining)$/.test(before.l)) return null;
    if ((before && DURATION_PREPS.has(before.l)) || DURATION_PREPS.has(toks[a.start - 1]?.l ?? '') || (after && /^(ago|later|earlier|old|long|before|after|since|from|into|of|early|late|ahead|behind|sooner)$/.test(after.l)) || pq) return null;
    if (toks[ts - 1]?.l === 'the' || toks[ts - 1]?.l === 'a') return null;
  }
  // word numbers need a counted noun (or a harm verb right after)
  if (a.word && !a.vague && !a.currency && !a.percent && a.scale === 1 && !noun) {
    const nx = toks[end];
    // "won six of the 15 seats": the noun of the whole
    if (wholeAt > 0) {
      const whole = nounAfter(toks, wholeAt, false);
      if (whole) noun = { ...whole, end, idx: whole.idx };
    }
    // "..., while candidates backed by Hill took five,": the noun of an earlier figure in the sentence
    // "86 points, four ahead of Millbrook": a margin in the unit of the previous figure
    const elided = !!nx && prior.some((p) => p.noun && !p.percent && !p.currency) && ((/^[,.;]$/.test(nx.t) && /^(took|won|lost|got|gained|held|has|have|had|with|kept|secured|captured)$/.test(toks[a.start - 1]?.l ?? ''))
      || (/^(ahead|behind|clear)$/.test(nx.l) && /^(of|,|\.)$/.test(toks[end + 1]?.l ?? '')));
    // (1.16) "11 people were injured, three of them seriously", "16 jets, four of them from …": a part of an earlier figure
    const partOf = !!nx && nx.l === 'of' && /^(them|those|whom)$/.test(toks[end + 1]?.l ?? '') && /^[,(—–-]$/.test(toks[ts - 1]?.t ?? '')
      && prior.some((p) => !p.percent && !p.currency && (p.noun || p.value !== null || p.low !== null));
    if (!noun && !elided && !partOf && !(nx && /^(were|have|had|are|was|died|killed|wounded|injured)$/.test(nx.l))) return null;
  }
  let te = noun ? noun.end : end;
  // "12.5 cases per 100,000 people": the base of a rate belongs to this figure
  if ((noun || a.currency) && toks[te]?.l === 'per' && toks[te + 1]?.k === 'num' && (parseDigits(toks[te + 1].t) ?? 0) >= 100) {
    te += 2;
    const base = nounAfter(toks, te, false);
    if (base && base.idx === te) te = base.end;
  }
  if (noun && !post) {
    const post2 = postQualifier(toks, te);
    if (post2 && post2.q !== qualifier) {
      qualifier = post2.q;
      te = post2.end;
      if (qualifier === 'lower_bound') {
        low = a.value;
        value = null;
      } else if (qualifier === 'upper_bound') {
        high = a.value;
        value = null;
      }
    }
  }
  return mkMention(toks, ts, te, a.start, a.end, {
    value: round(value), low: round(low), high: round(high), qualifier, currency: a.currency, percent,
    vague: a.vague, word: a.word, measure, noun: noun?.head ?? null, nounIdx: noun?.idx ?? -1, nounMods: noun?.mods ?? [],
  });
}

function rangeMention(toks: Tok[], ts: number, a: Amount, b: Amount, _prior: Mention[]): Mention {
  let av = a.value as number;
  const bv = b.value as number;
  if (a.scale === 1 && b.scale > 1 && av <= b.base) av *= b.scale;
  const currency = a.currency ?? b.currency;
  const percent = a.percent || b.percent;
  const end = b.end;
  let noun: ReturnType<typeof nounAfter> = null;
  if (!currency && !percent) noun = nounAfter(toks, end, true);
  const te = noun ? noun.end : end;
  return mkMention(toks, ts, te, a.start, b.end, {
    value: null, low: round(Math.min(av, bv)), high: round(Math.max(av, bv)), qualifier: 'range', currency, percent,
    word: a.word, noun: noun?.head ?? null, nounIdx: noun?.idx ?? -1, nounMods: noun?.mods ?? [],
  });
}

export { isNumWord };
