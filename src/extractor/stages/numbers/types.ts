/** What the number mentions stage produces: a cardinal, an amount (number + currency/percent/measure), a mention. */
import type { Tok } from '../tokens/index.js';
import type { Qualifier } from '../../types.js';
import type { RuleInfo } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';

export interface Cardinal {
  value: number;
  /** token index after the number */
  end: number;
  /** written in words */
  word: boolean;
  /** a scale word or suffix was applied (million, bn) */
  scale: number;
  /** value before scale */
  base: number;
}

export interface Amount {
  start: number; // token index (includes currency symbol)
  end: number; // token index after (includes percent / currency words)
  value: number | null;
  low: number | null;
  high: number | null;
  currency: string | null;
  percent: boolean;
  vague: boolean;
  word: boolean;
  scale: number;
  base: number;
  /** measurement unit glued to digits ("5km") */
  measure: string | null;
  /** a change amount ("percentage points", "basis points"): never the low end of a range */
  change?: boolean;
}

export interface Mention {
  /** token span of the whole quantity (qualifier .. noun) */
  ts: number;
  te: number;
  /** token span of the number core */
  ns: number;
  ne: number;
  s: number;
  e: number;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier | null;
  currency: string | null;
  percent: boolean;
  vague: boolean;
  unspecified: boolean;
  word: boolean;
  measure: string | null;
  /** head noun counted, lowercase */
  noun: string | null;
  nounIdx: number;
  nounMods: string[];
  /** "a 1,000-strong force": the number is the size of the group named by the noun */
  strong?: boolean;
}

/** The counted noun phrase after a number. */
export interface NounPhrase {
  head: string;
  idx: number;
  end: number;
  mods: string[];
}

export function mkMention(toks: Tok[], ts: number, te: number, ns: number, ne: number, a: Partial<Mention>): Mention {
  return {
    ts, te, ns, ne, s: toks[ts].s, e: toks[te - 1].e,
    value: a.value ?? null, low: a.low ?? null, high: a.high ?? null, qualifier: a.qualifier ?? null,
    currency: a.currency ?? null, percent: a.percent ?? false, vague: a.vague ?? false,
    unspecified: a.unspecified ?? false, word: a.word ?? false, measure: a.measure ?? null,
    noun: a.noun ?? null, nounIdx: a.nounIdx ?? -1, nounMods: a.nounMods ?? [], strong: a.strong,
  };
}

export function round(v: number | null): number | null {
  if (v === null) return null;
  return Math.round(v * 1e6) / 1e6;
}

/** Character span of tokens [a, b) for a rule firing. */
export function span(toks: Tok[], a: number, b: number): [number, number] {
  const x = toks[Math.max(0, Math.min(a, toks.length - 1))];
  const y = toks[Math.max(0, Math.min(b - 1, toks.length - 1))];
  return x && y ? [x.s, Math.max(x.s, y.e)] : [0, 0];
}

/** `when` over a token span: records the rule on tokens [a, b) when cond holds (false if ablation switched it off). */
export function at(rule: RuleInfo, cond: boolean, toks: Tok[], a: number, b: number): boolean {
  if (!cond) return false;
  const [s, e] = span(toks, a, b);
  return when(rule, true, s, e);
}
