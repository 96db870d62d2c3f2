/**
 * What the walk from a figure to its predicate may step over: an appositive between commas, a place after the
 * noun, an adverb before the participle. Each returns where the walk goes on (and whether that counts as a step).
 */
import { VIOLENT_VERBS } from '../../resources/harm.js';
import { GROUP_NOUNS } from '../../resources/military.js';
import { defineRule } from '../../pipeline/rule.js';
import { blocked, harmOf, word, type Cue } from './harm.js';

export interface Step {
  to: number;
  counts: boolean;
}
export type SkipRule = (c: Cue, steps: number) => Step | null;

const BREAKDOWN_OPENERS = /^(most|many|some|all|mostly|including|among|half)$/;
const PLACE_PREPS = /^(of|in|from|across)$/;
const PLACE_MODIFIERS = /^(the|northern|southern|eastern|western|central|north|south|east|west|occupied|rural|coastal|border)$/;

/** The comma that closes the one at k, within 10 tokens (stopping at `stop` too); -1 when none. */
function closingComma(c: Cue, stop: RegExp): number {
  const { toks, k } = c;
  let i = k + 1;
  while (i < toks.length && i - k < 10 && !stop.test(toks[i].t)) i++;
  return toks[i]?.t === ',' ? i : -1;
}

export const APPOSITIVE_SHARE = defineRule({
  id: 'outcome.appositive-share',
  stage: 'outcome',
  summary: 'A share between commas after the figure is stepped over: "2 million people, about 40% of the population, have fled".',
  examples: {
    fires: ['About 2 million people, some 40% of the population, have been displaced.'],
    doesNotFire: ['About 2 million people have been displaced, some 40% of the population.'],
  },
  apply: (c: Cue, steps: number): Step | null => {
    if (c.toks[c.k].t !== ',' || steps !== 0) return null;
    const close = closingComma(c, /^,$/);
    if (close < 0 || !c.all.some((x) => x !== c.m && x.percent && x.s >= c.toks[c.k].e && x.e <= c.toks[close].s)) return null;
    return { to: close + 1, counts: false };
  },
});

export const APPOSITIVE_BREAKDOWN = defineRule({
  id: 'outcome.appositive-breakdown',
  stage: 'outcome',
  summary: 'A breakdown with no figure between commas is stepped over: "At least 40 people, most of them children, died".',
  examples: {
    fires: ['At least 40 people, most of them children, died in the fire.'],
    doesNotFire: ['At least 40 people died in the fire, most of them children.'],
  },
  apply: (c: Cue, steps: number): Step | null => {
    const { toks, k } = c;
    if (toks[k].t !== ',' || steps !== 0 || !BREAKDOWN_OPENERS.test(word(toks, k + 1))) return null;
    const close = closingComma(c, /^[,.]$/);
    if (close < 0 || c.all.some((x) => x !== c.m && x.s >= toks[k].e && x.e <= toks[close].s)) return null;
    return { to: close + 1, counts: true };
  },
});

export const PLACE_AFTER_NOUN = defineRule({
  id: 'outcome.place-after-noun',
  stage: 'outcome',
  summary: 'A place or group after the counted noun is stepped over: "3,000 residents of northern Velmora were evacuated".',
  examples: {
    fires: ['Some 3,000 residents of northern Velmora were evacuated.', 'Twelve members of the crew were injured.'],
    doesNotFire: ['Some 3,000 residents were evacuated.'],
  },
  apply: (cue: Cue, steps: number): Step | null => {
    const { toks, m, k } = cue;
    if (steps !== 0 || !m.noun || k !== m.nounIdx + 1 || !PLACE_PREPS.test(toks[k].l)) return null;
    let c = k + 1;
    while (c < toks.length && c - k <= 3 && toks[c].k === 'word' && !toks[c].cap && PLACE_MODIFIERS.test(toks[c].l)) c++;
    const c0 = c;
    while (c < toks.length && c - c0 < 4 && toks[c].k === 'word' && toks[c].cap) c++;
    // a group after 'of the': "more than 330 members of the force have died"
    if (c === c0 && toks[k].l === 'of' && c > k + 1 && GROUP_NOUNS.has(word(toks, c))) c++;
    return c > c0 && !blocked(c, m, cue.all) ? { to: c, counts: true } : null;
  },
});

const PART_OPENERS = /^(including|among)$/;
const PREDICATE_START = /^(were|was|have|has|had|are|is)$/;

export const APPOSITIVE_PART = defineRule({
  id: 'outcome.appositive-part',
  stage: 'outcome',
  summary: 'A part between commas, figures and all, is stepped over: "At least 9 villagers, including 3 women, were killed" (the part gets the outcome too).',
  examples: {
    fires: ['At least 11 villagers, including 4 women, were killed in the raid.'],
    doesNotFire: ['At least 11 villagers were killed in the raid, including 4 women.'],
  },
  apply: (c: Cue, steps: number): Step | null => {
    const { toks, k } = c;
    if (toks[k].t !== ',' || steps !== 0 || !PART_OPENERS.test(word(toks, k + 1))) return null;
    const close = closingComma(c, /^[,.;]$/);
    return close < 0 ? null : { to: close + 1, counts: true };
  },
});

export const INCLUDING_PHRASE = defineRule({
  id: 'outcome.including-phrase',
  stage: 'outcome',
  summary: 'A short "including …" phrase without commas is stepped over: "15 militants including a commander were killed".',
  examples: {
    fires: ['Twelve gunmen including a senior commander were killed in the clash.', 'Twelve gunmen including two commanders were killed in the clash.'],
    doesNotFire: ['Twelve gunmen were killed in the clash, including a senior commander.'],
  },
  apply: (c: Cue, steps: number): Step | null => {
    const { toks, k } = c;
    if (steps !== 0 || !PART_OPENERS.test(toks[k].l)) return null;
    // the part may have a figure of its own ("including two commanders"); any other figure ends the phrase
    const inPart = (i: number) => c.all.some((o) => o !== c.m && o.ts > k && i >= o.ns && i < o.ne);
    for (let i = k + 1; i < toks.length && i - k <= 6; i++) {
      if (toks[i].k !== 'word' || (blocked(i, c.m, c.all) && !inPart(i))) return null;
      if (PREDICATE_START.test(toks[i].l)) return i > k + 1 ? { to: i, counts: true } : null;
    }
    return null;
  },
});

export const VIOLENT_VERB_AND = defineRule({
  id: 'outcome.violent-verb-and',
  stage: 'outcome',
  summary: 'A violent verb coordinated with a harm verb is stepped over: "three soldiers were shot and killed".',
  examples: {
    fires: ['Three soldiers were shot and killed at the checkpoint.'],
    doesNotFire: ['Three soldiers were shot at the checkpoint and later released.', 'Three soldiers were killed at the checkpoint.'],
  },
  apply: ({ toks, k }: Cue, steps: number): Step | null =>
    (steps > 0 && VIOLENT_VERBS.has(toks[k].l) && word(toks, k + 1) === 'and' && !!harmOf(word(toks, k + 2)) ? { to: k + 2, counts: true } : null),
});

export const ADVERB_BEFORE_HARM = defineRule({
  id: 'outcome.adverb-before-harm',
  stage: 'outcome',
  summary: 'An -ly adverb right before a harm participle is stepped over: "two people were lightly wounded".',
  examples: {
    fires: ['Two people were lightly wounded in the blast.'],
    doesNotFire: ['Two people were wounded in the blast.'],
  },
});

/** The adverb rule's test (it continues the walk rather than jumping). */
export function adverbBeforeHarm(c: Cue, steps: number): boolean {
  const t = c.toks[c.k];
  const next = c.toks[c.k + 1];
  return steps > 0 && t.k === 'word' && /[a-z]{3}ly$/.test(t.l) && !!next && !!harmOf(next.l);
}
