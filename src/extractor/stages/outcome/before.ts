/** Outcome cues before the figure: a verb that acts on it ("killing at least 112 people", "lost 11 soldiers"). */
import { DEATH_OF_NOUNS, LOSS_TALLY_MIN, LOSS_VERBS, RELOCATE_BEFORE, SHELTER_PLACES } from '../../resources/harm.js';
import { TROOP_NOUNS } from '../../resources/military.js';
import { PERSON_NOUNS } from '../../resources/people.js';
import { defineRule } from '../../pipeline/rule.js';
import type { Mention } from '../numbers/index.js';
import { anyIn, harmOf, word, type Cue, type Harm } from './harm.js';

type BeforeRule = (c: Cue) => Harm | null;

function countsPeople(m: Mention): boolean {
  return !!m.noun && (PERSON_NOUNS.has(m.noun) || TROOP_NOUNS.has(m.noun));
}

export const HARM_VERB_BEFORE = defineRule({
  id: 'outcome.harm-verb-before',
  stage: 'outcome',
  summary: 'A harm verb right before the figure (qualifiers may come between) names its outcome: "killing at least 12 people".',
  examples: {
    fires: ['The storm killed at least 12 people in the valley.', 'Shelling wounded 30 residents overnight.'],
    doesNotFire: ['At least 12 people attended the meeting in the valley.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => harmOf(toks[k].l),
});

export const LOST_PEOPLE = defineRule({
  id: 'outcome.lost-people',
  stage: 'outcome',
  summary: 'Losing people is killing them ("the battalion lost 40 soldiers"); a war-long loss of thousands counts killed and wounded.',
  examples: {
    fires: ['The battalion lost 40 soldiers in the first week.', 'The invading army has lost 120,000 troops since the spring.'],
    doesNotFire: ['The battalion lost 40 vehicles in the first week.'],
  },
  apply: ({ toks, m, k }: Cue): Harm | null => {
    if (!LOSS_VERBS.has(toks[k].l) || !countsPeople(m)) return null;
    return (m.value ?? m.low ?? m.high ?? 0) >= LOSS_TALLY_MIN ? 'casualties' : 'killed';
  },
});

export const LOSSES_IN_PEOPLE = defineRule({
  id: 'outcome.losses-in-people',
  stage: 'outcome',
  summary: 'Losses given in people are killed and wounded together: "put the losses at 2,300 personnel".',
  examples: {
    fires: ['Analysts put the army losses at 2,300 personnel.'],
    doesNotFire: ['Analysts put the army losses at 2,300 vehicles.'],
  },
  apply: ({ toks, m, k }: Cue): Harm | null => (toks[k].l === 'losses' && countsPeople(m) ? 'casualties' : null),
});

export const MOVED_TO_SHELTER = defineRule({
  id: 'outcome.moved-to-shelter',
  stage: 'outcome',
  summary: 'Moving people to shelters or camps displaces them: "moved 5,000 people from the coast to shelters".',
  examples: {
    fires: ['Officials moved 5,000 people from the coast to shelters.'],
    doesNotFire: ['Officials moved 5,000 people from the coast to the capital.'],
  },
  apply: ({ toks, m, k }: Cue): Harm | null => (RELOCATE_BEFORE.has(toks[k].l) && anyIn(toks, m.te, m.te + 14, SHELTER_PLACES) ? 'displaced' : null),
});

export const DEATH_OF = defineRule({
  id: 'outcome.death-of',
  stage: 'outcome',
  summary: 'A death written as a noun before "of" counts the killed: "resulting in the death of 2 people", "the killing of 5 guards".',
  examples: {
    fires: ['The crash resulted in the death of 3 passengers.', 'Rights groups condemned the killing of 5 guards.'],
    doesNotFire: ['The crash resulted in the rescue of 3 passengers.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => (toks[k].l === 'of' && DEATH_OF_NOUNS.has(word(toks, k - 1)) ? 'killed' : null),
});

export type { BeforeRule };
