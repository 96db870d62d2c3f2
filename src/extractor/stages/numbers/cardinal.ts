/** Parsers of cardinal numbers: digits (with thousands separators, decimals, a scale word or suffix) and words. */
import { defineRule } from '../../pipeline/rule.js';
import { SCALE_ABBREVIATIONS, SCALES, SUFFIX_SCALES, TENS, UNITS } from '../../resources/number-words.js';
import type { Tok } from '../tokens/index.js';
import { at, type Cardinal } from './types.js';

export const DIGIT_GROUPS = defineRule({
  id: 'numbers.digit-groups',
  stage: 'numbers',
  summary: 'Digits with comma thousands separators are one number ("14,250").',
  examples: { fires: ['Volunteers planted 14,250 trees along the river.'], doesNotFire: ['Volunteers planted 140 trees along the river.'] },
});
export const SCALE_WORD = defineRule({
  id: 'numbers.scale-word',
  stage: 'numbers',
  summary: 'Digits followed by a scale word multiply ("1.5 million", "2 hundred thousand").',
  examples: { fires: ['The port handled 1.5 million containers last year.'], doesNotFire: ['The port handled 150 containers on Monday.'] },
});
export const SUFFIX_SCALE = defineRule({
  id: 'numbers.suffix-scale',
  stage: 'numbers',
  summary: 'A scale suffix glued to digits multiplies ("6.8m", "$2bn", "10k").',
  examples: { fires: ['The club sold the striker for £6.8m in August.'], doesNotFire: ['The club sold the striker for £6.8 in August.'] },
});
export const SPACE_THOUSANDS = defineRule({
  id: 'numbers.space-thousands',
  stage: 'numbers',
  summary: 'Groups of three digits after a single space (or no-break space) are thousands ("3 000", "12 500 000"); a longer run is a code.',
  examples: { fires: ['The town has 12 500 residents.'], doesNotFire: ['The town has 12,500 residents.', 'Call 800 555 1234 today about 40 homes.'] },
});
export const SCALE_ABBREVIATION = defineRule({
  id: 'numbers.scale-abbreviation',
  stage: 'numbers',
  summary: 'Scale abbreviations apart from the digits multiply ("5 bln euros", "3.2 mln", "$4 bn").',
  examples: { fires: ['The group lost 5 bln euros last year.'], doesNotFire: ['The group lost 5 euros last year.'] },
});
export const NUMERAL_HUNDRED = defineRule({
  id: 'numbers.numeral-hundred',
  stage: 'numbers',
  summary: 'A numeral of 100 or more before "hundred" ("300 hundred kids") is a slip: read as the numeral, not multiplied.',
  examples: { fires: ['Around 300 hundred kids joined the march.'], doesNotFire: ['Around 3 hundred kids joined the march.'] },
});
export const WORD_DECIMAL = defineRule({
  id: 'numbers.word-decimal',
  stage: 'numbers',
  summary: 'Decimals in words: "five point five" is 5.5, "two point three million" 2,300,000 ("at one point" is an idiom).',
  examples: { fires: ['Growth slowed to two point three percent.'], doesNotFire: ['At one point five ministers walked out.'] },
});
export const WORD_NUMBER = defineRule({
  id: 'numbers.word-number',
  stage: 'numbers',
  summary: 'Numbers written in words, with tens, hyphens, scales and "and" ("forty-five", "one hundred and twenty").',
  examples: { fires: ['Forty-five nurses signed the letter to the board.'], doesNotFire: ['45 nurses signed the letter to the board.'] },
});
export const DOZEN = defineRule({
  id: 'numbers.dozen',
  stage: 'numbers',
  summary: '"a dozen", "three dozen", "2 dozen" count in twelves.',
  examples: { fires: ['Rescuers pulled a dozen sailors from the water.'], doesNotFire: ['Rescuers pulled twelve sailors from the water.'] },
});
export const HALF_A_SCALE = defineRule({
  id: 'numbers.half-a-scale',
  stage: 'numbers',
  summary: '"half a million" is 500,000.',
  examples: { fires: ['Nearly half a million voters stayed home.'], doesNotFire: ['Nearly a million voters stayed home.'] },
});
export const AND_A_HALF = defineRule({
  id: 'numbers.and-a-half',
  stage: 'numbers',
  summary: '"two and a half million", "3 million and a half" are 2,500,000 and 3,500,000.',
  examples: { fires: ['The bridge cost two and a half million euros to repair.', 'The bridge cost 3 million and a half euros.'], doesNotFire: ['The bridge cost two million euros to repair.'] },
});

const DIGITS_OK = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$/;

export function isNumWord(l: string): boolean {
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
  if (tk.k === 'num') return digitCardinal(toks, i);
  if (tk.k !== 'word') return null;
  const c = wordCardinal(toks, i);
  if (c && !at(WORD_NUMBER, true, toks, i, c.end)) return null;
  return c;
}

function digitCardinal(toks: Tok[], i: number): Cardinal | null {
  const tk = toks[i];
  let v = parseDigits(tk.t);
  if (v === null) return null;
  if (tk.t.includes(',') && !at(DIGIT_GROUPS, true, toks, i, i + 1)) return null;
  let j = i + 1;
  const grouped = spaceThousands(toks, i);
  if (grouped && at(SPACE_THOUSANDS, true, toks, i, grouped.end)) {
    v = grouped.value;
    j = grouped.end;
  }
  const nx = toks[j];
  if (nx && !nx.sp && nx.k === 'word') {
    if (at(SUFFIX_SCALE, nx.l in SUFFIX_SCALES, toks, i, j + 1)) return { value: v * SUFFIX_SCALES[nx.l], end: j + 1, word: false, scale: SUFFIX_SCALES[nx.l], base: v };
    return null; // ordinal / decade / identifier / measure: handled by caller
  }
  if (nx && nx.k === 'word' && at(DOZEN, nx.l === 'dozen', toks, i, j + 1)) return { value: v * 12, end: j + 1, word: false, scale: 12, base: v };
  if (nx && nx.k === 'word' && at(SCALE_ABBREVIATION, nx.l in SCALE_ABBREVIATIONS, toks, i, j + 1)) {
    return { value: v * SCALE_ABBREVIATIONS[nx.l], end: j + 1, word: false, scale: SCALE_ABBREVIATIONS[nx.l], base: v };
  }
  if (nx && nx.k === 'word' && at(SCALE_WORD, nx.l in SCALES, toks, i, j + 1)) {
    let scale = SCALES[nx.l];
    j++;
    // "300 hundred kids": not 30,000 (see NUMERAL_HUNDRED)
    if (scale === 100 && at(NUMERAL_HUNDRED, v >= 100 && !(toks[j] && toks[j].l in SCALES), toks, i, j)) return { value: v, end: j, word: false, scale: 1, base: v };
    // "1.5 million" / "2 hundred thousand" / "1 lakh crore"
    if ((scale === 100 || (scale < 1e7 && toks[j]?.l.startsWith('crore'))) && toks[j] && toks[j].l in SCALES && SCALES[toks[j].l] > scale) {
      scale *= SCALES[toks[j].l];
      j++;
    }
    // "3 million and a half"
    if (scale >= 1e3 && toks[j]?.l === 'and' && toks[j + 1]?.l === 'a' && toks[j + 2]?.l === 'half' && at(AND_A_HALF, true, toks, i, j + 3)) {
      return { value: (v + 0.5) * scale, end: j + 3, word: false, scale, base: v + 0.5 };
    }
    return { value: v * scale, end: j, word: false, scale, base: v };
  }
  return { value: v, end: j, word: false, scale: 1, base: v };
}

/** "3 000", "12 500 000": a 1–3 digit number and groups of exactly three digits, one space apart, nothing numeric around. */
function spaceThousands(toks: Tok[], i: number): { value: number; end: number } | null {
  if (!/^[1-9]\d{0,2}$/.test(toks[i].t) || toks[i - 1]?.k === 'num') return null;
  let text = toks[i].t;
  let j = i + 1;
  while (toks[j]?.k === 'num' && /^\d{3}$/.test(toks[j].t) && toks[j].sp && toks[j].s === toks[j - 1].e + 1) {
    text += toks[j].t;
    j++;
  }
  if (j === i + 1 || toks[j]?.k === 'num') return null;
  return { value: Number(text), end: j };
}

function wordCardinal(toks: Tok[], i: number): Cardinal | null {
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  let lastScale = 1;
  let base: number | null = null;
  while (j < toks.length) {
    const l = toks[j].l;
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
    // "five point five", "two point three million"
    if (l === 'point' && any && current < 1000 && toks[j + 1] && toks[j + 1].l in UNITS && UNITS[toks[j + 1].l] < 10
      && at(WORD_DECIMAL, !(toks[i - 1]?.l === 'at' && current === 1 && total === 0), toks, i, j + 2)) {
      let digits = '';
      j++;
      while (toks[j] && toks[j].l in UNITS && UNITS[toks[j].l] < 10) digits += String(UNITS[toks[j++].l]);
      current += Number(`0.${digits}`);
      continue;
    }
    if (l === 'dozen' && (any || j === i) && at(DOZEN, true, toks, i, j + 1)) {
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
      if (n1 && (n1.l === 'a' || n1.l === 'an') && n2 && at(HALF_A_SCALE, n2.l in SCALES, toks, j, j + 3)) {
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
      if (n1 && n1.l === 'a' && toks[j + 2] && toks[j + 2].l === 'half' && at(AND_A_HALF, true, toks, i, j + 3)) {
        const n3 = toks[j + 3];
        if (n3 && n3.l in SCALES) {
          base = current + 0.5;
          total += (current + 0.5) * SCALES[n3.l];
          current = 0;
          lastScale = SCALES[n3.l];
          j += 4;
          break;
        }
        // "three million and a half": half of the last scale
        if (current === 0 && lastScale >= 1e3) {
          total += 0.5 * lastScale;
          base = total / lastScale;
        } else current += 0.5;
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
