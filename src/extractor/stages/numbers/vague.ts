/** Parsers of vague amounts: "tens of thousands", "hundreds", "dozens", "several thousand", "a few hundred". */
import { defineRule } from '../../pipeline/rule.js';
import { NP_STOP } from '../../resources/lexicon.js';
import { SCALES, VAGUE_PLURALS } from '../../resources/number-words.js';
import type { AmountContext } from './amount-forms.js';
import type { Amount } from './types.js';

export const VAGUE_PLURAL = defineRule({
  id: 'numbers.vague-plural',
  stage: 'numbers',
  summary: 'A plural scale is a vague amount from 2x to 9x its base ("hundreds of", "tens of thousands").',
  examples: { fires: ['Hundreds of families queued for water.'], doesNotFire: ['The hundreds column was wrong.', 'Two families queued for water.'] },
  apply: ({ toks, i, k, currency }: AmountContext): Amount | undefined => {
    const tk = toks[k];
    if (currency || tk.k !== 'word' || !(tk.l in VAGUE_PLURALS) || toks[k - 1]?.l === 'the') return undefined;
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
    if (!ok || (tk.l === 'tens' && base === 10)) return undefined;
    return { start: i, end: j, value: null, low: 2 * base, high: 9 * base, currency: null, percent: false, vague: true, word: true, scale: base, base: 1, measure: null };
  },
});
export const SEVERAL_SCALE = defineRule({
  id: 'numbers.several-scale',
  stage: 'numbers',
  summary: '"several thousand" is 3x–9x, "a few hundred" 2x–5x the scale.',
  examples: { fires: ['Several thousand fans waited outside.'], doesNotFire: ['Several fans waited outside.'] },
  apply: ({ toks, i, k, currency }: AmountContext): Amount | undefined => {
    const tk = toks[k];
    if (currency || tk.k !== 'word') return undefined;
    const few = tk.l === 'several' ? [3, 9] : (tk.l === 'a' && toks[k + 1]?.l === 'few') ? [2, 5] : null;
    if (!few) return undefined;
    const j = tk.l === 'several' ? k + 1 : k + 2;
    const sc = toks[j];
    if (!sc || !(sc.l in SCALES || sc.l === 'dozen')) return undefined;
    let base = sc.l === 'dozen' ? 12 : SCALES[sc.l];
    let e = j + 1;
    if (base === 100 && toks[e] && toks[e].l in SCALES) {
      base *= SCALES[toks[e].l];
      e++;
    }
    return { start: i, end: e, value: null, low: few[0] * base, high: few[1] * base, currency: null, percent: false, vague: true, word: true, scale: base, base: 1, measure: null };
  },
});
