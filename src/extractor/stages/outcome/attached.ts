/**
 * The harm attached to a figure: a verb before it ("killed more than 14,000"), or its predicate after it ("2,000
 * soldiers were wounded", "300 dead"). Walks out from the figure through the words allowed between, trying the
 * stage's rules (rules.ts) at each token.
 */
import { HARM_AUXILIARIES, HARM_LEFT_GAP, HARM_NOUNS_PASSED, TALLY_NOUNS, VIOLENT_VERBS } from '../../resources/harm.js';
import { defineRule } from '../../pipeline/rule.js';
import type { Rule } from '../../pipeline/rule.js';
import { enabled, fired, when } from '../../pipeline/trace.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { blocked, type Cue, type Harm } from './harm.js';
import { AFTER_FIGURE, BEFORE_FIGURE, SKIPS_AFTER_FIGURE } from './rules.js';
import { ADVERB_BEFORE_HARM, adverbBeforeHarm } from './skips.js';

const MAX_BEFORE = 4;

export const SHOT_DEAD = defineRule({
  id: 'outcome.shot-dead',
  stage: 'outcome',
  summary: '"shot dead 2 shopkeepers": a violent verb with "dead" before the figure kills it ("dead" alone there is a tally).',
  examples: {
    fires: ['Gunmen shot dead 2 shopkeepers in the town.'],
    doesNotFire: ['The dead 2 days later numbered more.', 'Gunmen shot 2 shopkeepers in the town.'],
  },
});
const MAX_AFTER = 7;

/** The first enabled rule that gives an outcome at this token (recorded on the figure). */
function firstOutcome(rules: ReadonlyArray<Rule<(c: Cue) => Harm | null>>, c: Cue): Harm | null {
  for (const r of rules) {
    if (!enabled(r)) continue;
    const h = r.apply(c);
    if (h) {
      fired(r, c.m.s, c.m.e);
      return h;
    }
  }
  return null;
}

function harmBefore(toks: Tok[], m: Mention, all: Mention[]): Harm | null {
  for (let k = m.ts - 1, steps = 0; k >= 0 && steps < MAX_BEFORE; k--, steps++) {
    // "the death toll … 300": a tally noun is context, read by the classification
    if (TALLY_NOUNS.has(toks[k].l)) {
      return when(SHOT_DEAD, toks[k].l === 'dead' && VIOLENT_VERBS.has(toks[k - 1]?.l ?? ''), m.s, m.e) ? 'killed' : null;
    }
    if (!blocked(k, m, all)) {
      const h = firstOutcome(BEFORE_FIGURE, { toks, m, all, k });
      if (h) return h;
    }
    if (!HARM_LEFT_GAP.has(toks[k].l)) return null;
  }
  return null;
}

function harmAfter(toks: Tok[], m: Mention, all: Mention[]): Harm | null {
  let k = m.te;
  let steps = 0;
  walk: while (k < toks.length && steps < MAX_AFTER) {
    for (const r of SKIPS_AFTER_FIGURE) {
      const step = enabled(r) ? r.apply({ toks, m, all, k }, steps) : null;
      if (step) {
        fired(r, m.s, m.e);
        k = step.to;
        if (step.counts) steps++;
        continue walk;
      }
    }
    if (blocked(k, m, all)) return null;
    if (!HARM_NOUNS_PASSED.has(toks[k].l)) {
      const h = firstOutcome(AFTER_FIGURE, { toks, m, all, k });
      if (h) return h;
      const aux = HARM_AUXILIARIES.has(toks[k].l);
      if (!aux && !when(ADVERB_BEFORE_HARM, adverbBeforeHarm({ toks, m, all, k }, steps), m.s, m.e)) return null;
    }
    k++;
    steps++;
  }
  return null;
}

/** Harm verb attached to the quantity: "killed more than 14,000", "2,000 soldiers were wounded", "300 dead". */
export function attachedHarm(toks: Tok[], m: Mention, all: Mention[]): Harm | null {
  return harmBefore(toks, m, all) ?? harmAfter(toks, m, all);
}
