/** Outcome cues after the figure: its predicate ("2,000 soldiers were wounded", "12,000 people were left homeless"). */
import {
  HARM_LEFT_GAP, INJURY_NOUNS, REFUGE_NOUNS, VIOLENT_VERBS, REFUGE_SEEKING, RELOCATE_AFTER, SHELTER_PLACES_AFTER, SHELTERING_VERBS, SUFFER_VERBS,
} from '../../resources/harm.js';
import { defineRule } from '../../pipeline/rule.js';
import { anyIn, harmOf, word, type Cue, type Harm } from './harm.js';

const HOMES = new Set(['homes', 'home']);

export const HARM_VERB_AFTER = defineRule({
  id: 'outcome.harm-verb-after',
  stage: 'outcome',
  summary: 'The figure\'s own harm predicate after it (auxiliaries may come between): "two hundred miners were injured".',
  examples: {
    fires: ['Two hundred miners were injured in the collapse.', 'At least 23 people have died.'],
    doesNotFire: ['Two hundred miners were rescued after the collapse.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => harmOf(toks[k].l),
});

export const LOST_THEIR_LIVES = defineRule({
  id: 'outcome.lost-their-lives',
  stage: 'outcome',
  summary: '"lost their lives" after the figure: killed.',
  examples: {
    fires: ['Nine climbers lost their lives on the ridge.'],
    doesNotFire: ['Nine climbers lost their way on the ridge.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => (toks[k].l === 'lost' && word(toks, k + 1) === 'their' && word(toks, k + 2) === 'lives' ? 'killed' : null),
});

export const SUFFERED_INJURIES = defineRule({
  id: 'outcome.suffered-injuries',
  stage: 'outcome',
  summary: 'Suffering or sustaining injuries, wounds or burns: wounded.',
  examples: {
    fires: ['Four officers suffered minor injuries during the arrest.'],
    doesNotFire: ['Four officers suffered no setbacks during the arrest.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => (SUFFER_VERBS.has(toks[k].l) && anyIn(toks, k + 1, k + 4, INJURY_NOUNS) ? 'wounded' : null),
});

export const FORCED_OUT = defineRule({
  id: 'outcome.forced-out',
  stage: 'outcome',
  summary: '"were forced from / out / to": displaced.',
  examples: {
    fires: ['Around 8,000 people were forced from their villages.'],
    doesNotFire: ['Around 8,000 people were forced into overtime.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => (toks[k].l === 'forced' && /^(from|out|to)$/.test(word(toks, k + 1)) ? 'displaced' : null),
});

export const DRIVEN_FROM_HOMES = defineRule({
  id: 'outcome.driven-from-homes',
  stage: 'outcome',
  summary: 'A figure followed by "from / out of … homes": displaced ("chased 3,000 families out of their homes").',
  examples: {
    fires: ['The fighting has driven 20,000 families from their homes.'],
    doesNotFire: ['The fighting has driven 20,000 families from their fields.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => {
    const from = toks[k].l === 'from' || (toks[k].l === 'out' && word(toks, k + 1) === 'of');
    return from && anyIn(toks, k + 1, k + 4, HOMES) ? 'displaced' : null;
  },
});

export const LEFT_THEIR_HOMES = defineRule({
  id: 'outcome.left-their-homes',
  stage: 'outcome',
  summary: '"left / lost their homes" after the figure: displaced.',
  examples: {
    fires: ['Roughly 900 families left their homes after the quake.'],
    doesNotFire: ['Roughly 900 families left their cars after the quake.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => ((toks[k].l === 'left' || toks[k].l === 'lost') && word(toks, k + 1) === 'their' && word(toks, k + 2) === 'homes' ? 'displaced' : null),
});

export const SHELTERING = defineRule({
  id: 'outcome.sheltering',
  stage: 'outcome',
  summary: 'People sheltering or camped somewhere are displaced; "sheltering from the rain" is not.',
  examples: {
    fires: ['About 15,000 people are sheltering in school buildings.'],
    doesNotFire: ['About 15,000 people are sheltering from the heat in parks.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => (SHELTERING_VERBS.has(toks[k].l) && !/^(from|under)$/.test(word(toks, k + 1)) ? 'displaced' : null),
});

export const SOUGHT_REFUGE = defineRule({
  id: 'outcome.sought-refuge',
  stage: 'outcome',
  summary: 'Seeking refuge, shelter or asylum: displaced.',
  examples: {
    fires: ['Some 600 villagers sought refuge in the monastery.'],
    doesNotFire: ['Some 600 villagers sought work in the city.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => (REFUGE_SEEKING.has(toks[k].l) && REFUGE_NOUNS.has(word(toks, k + 1)) ? 'displaced' : null),
});

export const CROSSED_INTO = defineRule({
  id: 'outcome.crossed-into',
  stage: 'outcome',
  summary: 'People who "crossed into" another country: displaced.',
  examples: {
    fires: ['Nearly 4,000 people crossed into the neighbouring country overnight.'],
    doesNotFire: ['Nearly 4,000 people crossed the bridge overnight.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => (toks[k].l === 'crossed' && word(toks, k + 1) === 'into' ? 'displaced' : null),
});

export const MOVED_TO_SHELTER_AFTER = defineRule({
  id: 'outcome.moved-to-shelter-after',
  stage: 'outcome',
  summary: 'People "were moved / taken to shelters, camps or safety": displaced.',
  examples: {
    fires: ['Around 700 patients were moved to temporary shelters.'],
    doesNotFire: ['Around 700 patients were moved to another ward.'],
  },
  apply: ({ toks, k }: Cue): Harm | null => (RELOCATE_AFTER.has(toks[k].l) && anyIn(toks, k + 1, k + 5, SHELTER_PLACES_AFTER) ? 'displaced' : null),
});

/** A violent verb before the figure, through qualifiers: "stabbed at least 4 people". */
function violentVerbBefore(c: Cue): boolean {
  for (let k = c.m.ts - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    if (VIOLENT_VERBS.has(c.toks[k].l)) return true;
    if (!HARM_LEFT_GAP.has(c.toks[k].l)) return false;
  }
  return false;
}

export const TO_DEATH = defineRule({
  id: 'outcome.to-death',
  stage: 'outcome',
  summary: 'Killed "to death": "10 men were shot to death", "stabbed 4 people to death" (not "sentenced to death").',
  examples: {
    fires: ['Six farmers were shot to death at the well.', 'The attacker stabbed 4 people to death in the square.'],
    doesNotFire: ['The court sentenced 4 people to death in the square.'],
  },
  apply: (c: Cue): Harm | null => {
    const { toks, k } = c;
    if (VIOLENT_VERBS.has(toks[k].l) && word(toks, k + 1) === 'to' && word(toks, k + 2) === 'death') return 'killed';
    return toks[k].l === 'to' && word(toks, k + 1) === 'death' && k === c.m.te && violentVerbBefore(c) ? 'killed' : null;
  },
});
