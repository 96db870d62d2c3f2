/** Calibres: a number fused to mm/cm before a weapon or ammunition noun names a kind of weapon and counts nothing. */
import { defineRule } from '../../pipeline/rule.js';
import { CALIBRE_NOUNS } from '../../resources/number-context.js';
import type { Tok } from '../segmentation/text.js';
import { at } from './types.js';

export const CALIBRE = defineRule({
  id: 'numbers.calibre',
  stage: 'numbers',
  summary: 'A calibre ("155mm artillery shells", "120 mm mortars") names a weapon; it is no figure.',
  examples: { fires: ['The army fired 155mm artillery shells at the ridge.'], doesNotFire: ['The army fired 300 artillery shells at the ridge.'] },
});

/** "155mm artillery shells", "120 mm mortars", "155-mm howitzers": a calibre (mm/cm/in) before a weapon or ammunition noun. */
export function calibre(toks: Tok[], unitIdx: number): boolean {
  if (!/^(mm|cm|millimetre|millimeter)$/.test(toks[unitIdx]?.l ?? '')) return false;
  for (let q = unitIdx + 1; q < toks.length && q <= unitIdx + 3; q++) {
    if (toks[q].k !== 'word') return false;
    if (CALIBRE_NOUNS.test(toks[q].l)) return at(CALIBRE, true, toks, unitIdx - 1, q + 1);
  }
  return false;
}
