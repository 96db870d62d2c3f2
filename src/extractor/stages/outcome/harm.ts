/** What a harm word says happened, and the category and unit a harm figure gets. */
import { CASUALTY_WORDS, DISPLACE_WORDS, KILL_WORDS, WOUND_WORDS } from '../../resources/harm.js';
import type { ClaimCategory } from '../../types.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';

export type Harm = 'killed' | 'wounded' | 'displaced' | 'casualties';

export interface Classified {
  category: ClaimCategory;
  unit: string | null;
}

export function harmOf(l: string): Harm | null {
  if (KILL_WORDS.has(l)) return 'killed';
  if (WOUND_WORDS.has(l)) return 'wounded';
  if (CASUALTY_WORDS.has(l)) return 'casualties';
  if (DISPLACE_WORDS.has(l)) return 'displaced';
  return null;
}

export function harmResult(h: Harm): Classified {
  if (h === 'displaced') return { category: 'displacement', unit: 'displaced' };
  if (h === 'casualties') return { category: 'casualties', unit: 'casualties' };
  return { category: 'casualties', unit: h };
}

/** Token k belongs to another figure's number: a harm word past it is that figure's. */
export function blocked(k: number, self: Mention, all: Mention[]): boolean {
  for (const m of all) if (m !== self && k >= m.ns && k < m.ne) return true;
  return false;
}

/** What an outcome rule looks at: the sentence, the figure, the other figures, and the token it is at. */
export interface Cue {
  toks: Tok[];
  m: Mention;
  all: Mention[];
  k: number;
}

/** The lowercase token at i ('' past either end). */
export function word(toks: Tok[], i: number): string {
  return toks[i]?.l ?? '';
}

/** Some token in toks[from, to) is in the set. */
export function anyIn(toks: Tok[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let i = Math.max(0, from); i < to && i < toks.length; i++) if (set.has(toks[i].l)) return true;
  return false;
}
