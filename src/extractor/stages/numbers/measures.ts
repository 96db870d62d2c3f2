/** Calibres: a number fused to mm/cm before a weapon or ammunition noun names a kind of weapon and counts nothing. */
import { defineRule } from '../../pipeline/rule.js';
import { CALIBRE_NOUNS } from '../../resources/number-context.js';
import type { Tok } from '../tokens/index.js';
import { at } from './types.js';

export const CALIBRE = defineRule({
  id: 'numbers.calibre',
  stage: 'numbers',
  summary: 'A calibre ("155mm artillery shells", "120 mm mortars") names a weapon; it is no figure.',
  examples: {
    fires: ['The army fired 155mm artillery shells at the ridge.', 'Gunners fired 120mm and 82mm mortars at the ridge.'],
    doesNotFire: ['The army fired 300 artillery shells at the ridge.'],
  },
});

/** "155mm artillery shells", "120 mm mortars", "155-mm howitzers": a calibre (mm/cm/in) before a weapon or ammunition noun. */
export function calibre(toks: Tok[], unitIdx: number): boolean {
  if (!/^(mm|cm|millimetre|millimeter)$/.test(toks[unitIdx]?.l ?? '')) return false;
  for (let q = unitIdx + 1; q < toks.length && q <= unitIdx + 3; q++) {
    // "120mm and 82mm mortars", "120 mm, 82 mm mortars": calibres in a list share the weapon noun
    if (q === unitIdx + 1 && /^(and|or|,)$/.test(toks[q].l) && toks[q + 1]?.k === 'num' && /^(mm|cm|millimetre|millimeter)$/.test(toks[q + 2]?.l ?? '')) {
      return calibre(toks, q + 2) && at(CALIBRE, true, toks, unitIdx - 1, unitIdx + 1);
    }
    if (toks[q].k !== 'word') return false;
    if (CALIBRE_NOUNS.test(toks[q].l)) return at(CALIBRE, true, toks, unitIdx - 1, q + 1);
  }
  return false;
}

export const DISTANCE = defineRule({
  id: 'numbers.distance',
  stage: 'numbers',
  summary: 'A length glued to its unit ("5km north of the town") is a distance: its unit is what is counted, never troops.',
  examples: { fires: ['Troops dug in 5km north of the town.'], doesNotFire: ['Troops dug in north of the town.'] },
});
/** Units of length glued to digits that make the number a distance. */
export const DISTANCE_UNITS = new Set(['km', 'ft']);
