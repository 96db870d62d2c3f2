/** Outcome rules on a whole figure: the harm it counts, from its noun, its verb, its context or a figure it belongs to. */
import { CASUALTY_WORDS, CONTEXT_LINKS, DISPLACE_NOUNS, KILL_NOUNS, WOUND_NOUNS } from '../../resources/harm.js';
import { NON_PERSON_NOUNS, OTHER_SENSE_OBJECTS } from '../../resources/things.js';
import { defineRule } from '../../pipeline/rule.js';
import type { Figure } from '../classification/context.js';
import { attachedHarm } from './attached.js';
import { contextLeft, sharedHarm, stateAfter } from './context.js';
import { harmResult, type Classified, type Harm } from './harm.js';

export const PART_OF_HARM_FIGURE = defineRule({
  id: 'outcome.part-of-harm-figure',
  stage: 'outcome',
  summary: 'A part of a harm figure shares its outcome: "killed 12 people, including three children".',
  examples: {
    fires: ['The blast killed 12 people, including three children.', 'About 14 people, among them two nurses, were wounded.'],
    doesNotFire: ['The school enrolled 300 pupils, including 40 children.'],
  },
  apply: ({ toks, m, all, n, person, classify }: Figure): Classified | null => {
    const before = toks[m.ts - 1]?.l ?? '';
    // "…, including 3 women", "…, among them two teachers"
    const part = /^(including|among)$/.test(before) || (/^(them|whom)$/.test(before) && /^(among|including)$/.test(toks[m.ts - 2]?.l ?? ''));
    if (!n || !person || !part) return null;
    const prev = [...all].reverse().find((x) => x !== m && x.e <= m.s && !x.currency && !x.percent);
    if (!prev) return null;
    const pc = classify(prev);
    return pc.category === 'casualties' || pc.category === 'displacement' ? pc : null;
  },
});

export const HARM_NOUN = defineRule({
  id: 'outcome.harm-noun',
  stage: 'outcome',
  summary: 'A counted noun that is itself a harm: "31,400 deaths", "300 dead", "40 injured", "2,000 refugees".',
  examples: {
    fires: ['There were 31,400 deaths last year.', 'The quake left 300 dead.'],
    doesNotFire: ['There were 31,400 births last year.'],
  },
  apply: ({ n }: Figure): Classified | null => {
    if (!n) return null;
    if (KILL_NOUNS.has(n)) return harmResult('killed');
    if (WOUND_NOUNS.has(n)) return harmResult('wounded');
    if (CASUALTY_WORDS.has(n)) return harmResult('casualties');
    return DISPLACE_NOUNS.has(n) ? harmResult('displaced') : null;
  },
});

export const HARM_MODIFIER = defineRule({
  id: 'outcome.harm-modifier',
  stage: 'outcome',
  summary: 'A harm participle before a person noun: "2,000 displaced families", "40 wounded soldiers".',
  examples: {
    fires: ['Aid reached 2,000 displaced families.', 'The ship carried 40 wounded soldiers.'],
    doesNotFire: ['Aid reached 2,000 farming families.'],
  },
  apply: ({ m, n, person }: Figure): Classified | null => {
    if (!n || !person) return null;
    const pm = m.nounMods.map((x): Harm | null => (DISPLACE_NOUNS.has(x) || x === 'uprooted' ? 'displaced' : WOUND_NOUNS.has(x) ? 'wounded' : null)).find((x) => x);
    return pm ? harmResult(pm) : null;
  },
});

/**
 * "killed 3 projects", "the board killed two proposals": a kill verb right before a lowercase plural that is not a
 * person noun kills something else (a person noun the lists lack is still read as people when the verb follows it).
 */
function killedInAnotherSense(toks: Figure['toks'], m: Figure['m'], h: Harm): boolean {
  if (h !== 'killed' || !m.noun || m.nounIdx < 0 || toks[m.nounIdx].cap) return false;
  const before = toks[m.ts - 1]?.l ?? '';
  return /^(killed|kills|kill|killing)$/.test(before) && OTHER_SENSE_OBJECTS.has(m.noun);
}

export const ATTACHED_HARM = defineRule({
  id: 'outcome.attached-harm',
  stage: 'outcome',
  summary: 'The figure\'s own harm verb (before or after it) gives its outcome, unless it counts things: "has killed more than 14,000 people".',
  examples: {
    fires: ['The insurgency has killed more than 14,000 people.'],
    doesNotFire: ['The insurgency has recruited more than 14,000 people.', 'The shelling damaged 130 homes.', 'The board killed 3 projects to save money.'],
  },
  apply: ({ toks, m, all, n, person, negated }: Figure): Classified | null => {
    if (negated()) return null;
    const h = attachedHarm(toks, m, all);
    return h && (!n || person || !NON_PERSON_NOUNS.has(n)) && !killedInAnotherSense(toks, m, h) ? harmResult(h) : null;
  },
});

export const SHARED_HARM = defineRule({
  id: 'outcome.shared-harm',
  stage: 'outcome',
  summary: 'A person figure coordinated with an earlier harm figure shares its verb: "killed 18 soldiers and 10 civilians".',
  examples: {
    fires: ['The strike killed 18 soldiers and 10 civilians.'],
    doesNotFire: ['The strike killed 18 soldiers, and 10 civilians were rescued.'],
  },
  apply: ({ toks, m, all, person, negated }: Figure): Classified | null => (person && !negated() ? sharedHarm(toks, m, all) : null),
});

export const STATE_OF_BARE_FIGURE = defineRule({
  id: 'outcome.state-of-bare-figure',
  stage: 'outcome',
  summary: 'A bare figure whose state follows it takes the state as its unit: "41 are missing", "26 remain trapped".',
  examples: {
    fires: ['Rescuers said 41 are missing.'],
    doesNotFire: ['Rescuers said 41 are safe.'],
  },
  apply: ({ toks, m, n }: Figure): Classified | null => {
    const st = n ? null : stateAfter(toks, m);
    return st ? { category: 'quantity_other', unit: st } : null;
  },
});

export const TALLY_CONTEXT = defineRule({
  id: 'outcome.tally-context',
  stage: 'outcome',
  summary: 'A bare figure after a tally noun in its clause: "the death toll rose to 300" is killed.',
  examples: {
    fires: ['The death toll rose to 300.'],
    doesNotFire: ['The ticket price rose to 300.'],
  },
  apply: ({ toks, m, all, n }: Figure): Classified | null => {
    const c = n ? null : contextLeft(toks, m, all);
    return c && c !== 'troops' ? harmResult(c) : null;
  },
});

export const MISSING_PEOPLE = defineRule({
  id: 'outcome.missing-people',
  stage: 'outcome',
  summary: 'People who "remain missing" or "unaccounted for" are a count of the missing.',
  examples: {
    fires: ['At least 31 people remain missing after the landslide.'],
    doesNotFire: ['At least 31 people remain in hospital after the landslide.'],
  },
  apply: ({ toks, m, person }: Figure): Classified | null => {
    if (!person) return null;
    const st = stateAfter(toks, { ...m, te: m.nounIdx + 1 });
    return st === 'missing' || st === 'unaccounted' ? { category: 'quantity_other', unit: 'missing' } : null;
  },
});

export const TALLY_CONTEXT_PEOPLE = defineRule({
  id: 'outcome.tally-context-people',
  stage: 'outcome',
  summary: 'A person figure linked to a tally noun before it: "the toll rose to 300 people", "among the wounded were three children".',
  examples: {
    fires: ['The death toll rose to 300 people.'],
    doesNotFire: ['The village had 300 people.'],
  },
  apply: ({ toks, m, all, person }: Figure): Classified | null => {
    if (!person) return null;
    const c = contextLeft(toks, m, all);
    if (!c || c === 'troops' || m.nounIdx < 0) return null;
    return toks.slice(Math.max(0, m.ts - 3), m.ts).some((t) => CONTEXT_LINKS.has(t.l)) ? harmResult(c) : null;
  },
});
