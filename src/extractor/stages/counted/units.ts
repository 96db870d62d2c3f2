/** The unit of a figure: its own noun, a measure, or a noun named elsewhere in the sentence. */
import { PEOPLE_UNIT_NOUNS } from '../../resources/people.js';
import { defineRule } from '../../pipeline/rule.js';
import type { Figure } from '../classification/context.js';
import type { Classified } from '../outcome/harm.js';
import { contextLeft } from '../outcome/context.js';
import { impliedUnitLeft, moverSubject } from './implied.js';

export const TROOPS = defineRule({
  id: 'counted.troops',
  stage: 'counted',
  summary: 'Troop nouns with no harm attached count troops: "deployed 1,500 soldiers".',
  examples: {
    fires: ['Germany deployed 1,500 soldiers to the region.'],
    doesNotFire: ['Germany deployed 1,500 engineers to the region.'],
  },
  apply: ({ troop }: Figure): Classified | null => (troop ? { category: 'troop_count', unit: 'troops' } : null),
});

export const TROOP_CONTEXT = defineRule({
  id: 'counted.troop-context',
  stage: 'counted',
  summary: 'A bare figure after a troop noun in its clause counts troops: "troop numbers reached 190,000".',
  examples: {
    fires: ['Troop numbers reached 190,000 in the spring.'],
    doesNotFire: ['Visitor numbers reached 190,000 in the spring.'],
  },
  apply: ({ toks, m, all, n }: Figure): Classified | null => (!n && contextLeft(toks, m, all) === 'troops' ? { category: 'troop_count', unit: 'troops' } : null),
});

export const MEASURE = defineRule({
  id: 'counted.measure',
  stage: 'counted',
  summary: 'A bare figure with a unit of measure glued to it counts that unit: "weighed 40kg" (distances get theirs in the numbers stage).',
  examples: {
    fires: ['The parcel weighed 40kg when it arrived at the depot.', 'The storm dropped 300mm of rain on the valley.'],
    doesNotFire: ['The convoy carried 40 crates overnight.'],
  },
  apply: ({ m, n }: Figure): Classified | null => (!n && m.measure ? { category: 'quantity_other', unit: m.measure } : null),
});

export const IMPLIED_UNIT = defineRule({
  id: 'counted.implied-unit',
  stage: 'counted',
  summary: 'A bare figure whose unit is named before it: "cholera cases passed 12,000", "about 5,000 attended" (people).',
  examples: {
    fires: ['Cholera cases passed 12,000 on Monday.'],
    doesNotFire: ['The clinic treated 12,000 on Monday.'],
  },
  apply: ({ toks, m, n }: Figure): Classified | null => {
    const unit = n ? null : impliedUnitLeft(toks, m);
    return unit ? { category: 'quantity_other', unit } : null;
  },
});

export const MOVER_SUBJECT = defineRule({
  id: 'counted.mover-subject',
  stage: 'counted',
  summary: 'A bare level after a movement verb counts the verb\'s subject: "burglaries in Hartfield fell 12% in 2024, to 640".',
  examples: {
    fires: ['Reported burglaries in Hartfield fell 12% in 2024, to 640.'],
    doesNotFire: ['Hartfield recorded 640 in 2024.'],
  },
  apply: ({ toks, m, all, n }: Figure): Classified | null => {
    const unit = n ? null : moverSubject(toks, m, all);
    return unit ? { category: 'quantity_other', unit } : null;
  },
});

export const INHERITED_NOUN = defineRule({
  id: 'counted.inherited-noun',
  stage: 'counted',
  summary: 'A bare figure inherits the noun of the last counted figure before it: "added 56,000 positions, while … lost about 8,000".',
  examples: {
    fires: ['Health care added 56,000 positions, while manufacturing lost about 8,000.'],
    doesNotFire: ['Manufacturing lost about 8,000 in the year.'],
  },
  apply: ({ m, all, n, classify }: Figure): Classified | null => {
    if (n) return null;
    const prev = [...all].reverse().find((x) => x !== m && x.e <= m.s && !x.currency && !x.percent && x.noun);
    return prev ? classify(prev) : null;
  },
});

export const PEOPLE_UNIT = defineRule({
  id: 'counted.people-unit',
  stage: 'counted',
  summary: '"persons" and "person" are counted as people.',
  examples: {
    fires: ['Police questioned 40 persons after the match.'],
    doesNotFire: ['Police questioned 40 people after the match.'],
  },
  apply: ({ n, person }: Figure): Classified | null => (person && n && PEOPLE_UNIT_NOUNS.has(n) ? { category: 'quantity_other', unit: 'people' } : null),
});
