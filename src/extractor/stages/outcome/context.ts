/** Outcomes read from around the figure rather than from its own verb: a tally noun, a state, a shared verb, a negation. */
import { CONTEXT_HARM, INJURY_TALLY_MOD, OUTCOME_STATES, STATE_LINKS } from '../../resources/harm.js';
import { PERSON_NOUNS } from '../../resources/people.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { isTroopNoun } from '../counted/nouns.js';
import { attachedHarm } from './attached.js';
import { blocked, harmOf, harmResult, word, type Classified, type Harm } from './harm.js';

export type ContextKind = Harm | 'troops';

const MAX_CONTEXT = 9;
const CLAUSE_STOPS = /^[;:(—]$/;

/** Context noun in the same clause left of the number: "the death toll rose to 300", "troop numbers reached 190,000". */
export function contextLeft(toks: Tok[], m: Mention, all: Mention[]): ContextKind | null {
  for (let k = m.ts - 1, steps = 0; k >= 0 && steps < MAX_CONTEXT; k--, steps++) {
    const t = toks[k];
    if (CLAUSE_STOPS.test(t.t)) break;
    // a comma ends the clause unless it is right before the figure and not followed by and/but
    if (t.t === ',' && !(toks[k + 1] && /^(and|but)$/.test(toks[k + 1].l) === false && steps < 2)) break;
    if (blocked(k, m, all)) break;
    const kind = CONTEXT_HARM[t.l];
    if (kind) return kind === 'killed' && t.l !== 'dead' && t.l !== 'killed' && word(toks, k - 1) === INJURY_TALLY_MOD ? 'wounded' : kind;
  }
  return null;
}

/** "41 are missing", "26 remain trapped": the state the figure's people are in. */
export function stateAfter(toks: Tok[], m: Mention): string | null {
  for (let k = m.te, n = 0; k < toks.length && n < 3; k++, n++) {
    const l = toks[k].l;
    if (OUTCOME_STATES.has(l)) return l;
    if (!STATE_LINKS.has(l)) return null;
  }
  return null;
}

export const NEGATED_HARM = defineRule({
  id: 'outcome.negated-harm',
  stage: 'outcome',
  summary: '"none of its 120 patients were hurt", "no one among the 21 crew was injured": a negated harm counts no one.',
  examples: {
    fires: ['None of the 85 passengers were hurt in the landing.', 'Not one of the 40 guests was injured.'],
    doesNotFire: ['Five of the 85 passengers were hurt in the landing.'],
  },
});

/** "none of the 85 passengers", "no one among the 21 crew". */
export function negatedHarm(toks: Tok[], m: Mention): boolean {
  let k = m.ts - 1;
  if (toks[k] && /^(its|the|their|his|her|our)$/.test(toks[k].l)) k--;
  if (!toks[k] || !/^(of|among)$/.test(toks[k].l)) return false;
  const none = /^(none|neither)$/.test(word(toks, k - 1)) || (word(toks, k - 1) === 'one' && /^(no|not)$/.test(word(toks, k - 2)));
  return when(NEGATED_HARM, none, m.s, m.e);
}

/** Between two figures: a bare coordination ("18 soldiers and 10 civilians") or a breakdown after a comma ("…, among them 12 children"). */
function coordinated(between: string[]): boolean {
  if (between.length === 1 && /^(and|or|,)$/.test(between[0])) return true;
  const c = between.lastIndexOf(',');
  if (c < 0) return false;
  const seg = between.slice(c + 1);
  const t = seg.findIndex((w) => w === 'them' || w === 'whom');
  return seg.length <= 8 && t > 0 && /^(of|among)$/.test(seg[t - 1]) && !between.slice(0, c).some((w) => w === ';' || w === '.');
}

/**
 * A harm verb shared with an earlier person figure: the second of two coordinated objects ("killed 18 soldiers and 10
 * civilians") or a breakdown after a harm figure ("More than 450 people have been killed, most of them fighters but
 * also more than 80 civilians").
 */
export function sharedHarm(toks: Tok[], m: Mention, all: Mention[]): Classified | null {
  const idx = all.indexOf(m);
  const prev = idx > 0 ? all[idx - 1] : null;
  if (!prev || prev.currency || prev.percent || !prev.noun) return null;
  if (!isTroopNoun(prev) && !PERSON_NOUNS.has(prev.noun)) return null;
  const between = toks.slice(prev.te, m.ts).map((t) => t.l);
  if (!coordinated(between)) return null;
  // the harm must belong to the earlier figure itself (a verb before it or right after it), not to a later predicate
  const pc = attachedHarm(toks, prev, all);
  if (!pc) return null;
  // "killed 18 soldiers and 10 civilians were wounded": a verb of its own after the second figure wins
  if (/^(were|was|are|is|have|has|had)$/.test(word(toks, m.te)) && between.length <= 1 && toks.slice(m.te, m.te + 4).some((t) => harmOf(t.l))) return null;
  return harmResult(pc);
}
