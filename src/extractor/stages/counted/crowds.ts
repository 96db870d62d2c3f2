/** Figures that count a crowd or a group's size: "a crowd of 31,442", "a 1,200-strong force", "thousands remain". */
import { FORCE_NOUNS, MILITARY_MODS } from '../../resources/military.js';
import { CROWD_NOUNS, WORKFORCE_NOUNS } from '../../resources/people.js';
import { defineRule } from '../../pipeline/rule.js';
import type { Figure } from '../classification/context.js';
import type { Classified } from '../outcome/harm.js';
import { crowdLeft } from './nouns.js';

export const CROWD_SIZE = defineRule({
  id: 'counted.crowd-size',
  stage: 'counted',
  summary: 'A bare figure given as a crowd\'s size counts people: "police put the crowd at 45,000".',
  examples: {
    fires: ['Police put the crowd at 45,000.'],
    doesNotFire: ['Police put the cost at 45,000.'],
  },
  apply: ({ toks, m, n }: Figure): Classified | null =>
    (crowdLeft(toks, m) && (!n || (/ed$/.test(n) && m.nounIdx === m.ne)) ? { category: 'quantity_other', unit: 'people' } : null),
});

export const STRONG_GROUP = defineRule({
  id: 'counted.strong-group',
  stage: 'counted',
  summary: '"a 1,200-strong force" is troops, "a 5,000-strong crowd" people, "a 300-strong workforce" workers.',
  examples: {
    fires: ['A 1,200-strong force crossed the river at dawn.', 'A 5,000-strong crowd filled the square.'],
    doesNotFire: ['About 1,200 soldiers crossed the river at dawn.'],
  },
  apply: ({ m, n }: Figure): Classified | null => {
    if (!m.strong) return null;
    const mil = m.nounMods.some((x) => MILITARY_MODS.has(x));
    if (n && ((FORCE_NOUNS.has(n) && (n !== 'company' || mil)) || mil)) return { category: 'troop_count', unit: 'troops' };
    if (n && CROWD_NOUNS.has(n)) return { category: 'quantity_other', unit: 'people' };
    if (n && WORKFORCE_NOUNS.has(n)) return { category: 'quantity_other', unit: 'workers' };
    return { category: 'quantity_other', unit: n };
  },
});

export const VAGUE_PEOPLE = defineRule({
  id: 'counted.vague-people',
  stage: 'counted',
  summary: 'A vague plural with no noun before a verb counts people: "thousands remain without shelter".',
  examples: {
    fires: ['Thousands remain without shelter in the hills.'],
    doesNotFire: ['The exhibition drew thousands.'],
  },
  apply: ({ toks, m, n }: Figure): Classified | null => (!n && m.vague && toks[m.te]?.k === 'word' ? { category: 'quantity_other', unit: 'people' } : null),
});
