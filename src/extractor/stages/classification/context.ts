/** What every classification rule sees: the figure, its sentence, the other figures, and a few facts about its noun. */
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import type { Classified } from '../outcome/harm.js';
import { isPersonNoun, isTroopNoun, withPersonHead } from '../counted/nouns.js';
import { negatedHarm } from '../outcome/context.js';
import { baselineOf } from '../counted/implied.js';

export interface Figure {
  toks: Tok[];
  m: Mention;
  all: Mention[];
  /** the counted noun, lowercase */
  n: string | null;
  /** the figure this bare one is compared with ("rose to 68 from 54") */
  base: Mention | null;
  troop: boolean;
  /** a person noun (troops included) */
  person: boolean;
  /** "none of the 85 passengers": computed on first use */
  negated(): boolean;
  /** classifies another figure of the sentence (a part, a baseline, an elided noun's source) */
  classify(other: Mention): Classified;
}

export function figureOf(toks: Tok[], figure: Mention, others: Mention[], classify: (other: Mention) => Classified): Figure {
  // "1 police officer": the rules read the figure with its person head (the quantity's span stays the numbers stage's)
  const m = withPersonHead(toks, figure);
  const all = m === figure ? others : others.map((x) => (x === figure ? m : x));
  const troop = isTroopNoun(m);
  let negated: boolean | undefined;
  return {
    toks, m, all, n: m.noun, base: baselineOf(toks, m, all), troop, person: troop || isPersonNoun(toks, m),
    negated: () => (negated ??= negatedHarm(toks, m)),
    classify,
  };
}

export type ClassifyRule = (f: Figure) => Classified | null;
