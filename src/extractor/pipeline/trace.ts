/**
 * The rule trace: which named rules fired, and on which span of the article. Recording is off unless an
 * extraction asks for it (`extractClaims(text, { trace: true })`), so `fired` costs one null check on the hot path.
 *
 * A rule records the span of what it decided about: a number form its number, a counted-noun rule the figure,
 * an attribution rule the speaker and verb, a time rule the time expression, a sentence-level rule the sentence.
 * A claim then carries the rules whose spans touch its figure (or, for statements and events, its clause), its
 * speaker and its time.
 */
import type { RuleInfo } from './rule.js';

export interface Firing {
  rule: string;
  start: number;
  end: number;
}

let current: Firing[] | null = null;
/** Rules switched off for an ablation run (bench/rule-ablation.ts); empty in production. */
let disabled: ReadonlySet<string> = new Set();

/** Notes that `rule` fired on text[start, end). No-op unless a trace is being recorded. */
export function fired(rule: RuleInfo, start: number, end: number): void {
  if (current !== null) current.push({ rule: rule.id, start, end });
}

/**
 * The usual way a rule decides: `if (when(RULE, condition, start, end)) …`. Returns the condition, records the
 * firing when it holds, and returns false for a rule switched off by an ablation run.
 */
export function when(rule: RuleInfo, condition: boolean, start: number, end: number): boolean {
  if (!condition || (disabled.size > 0 && disabled.has(rule.id))) return false;
  if (current !== null) current.push({ rule: rule.id, start, end });
  return true;
}

/** For rules shaped as `apply` in a stage's ordered list: false when an ablation run switched the rule off. */
export function enabled(rule: RuleInfo): boolean {
  return disabled.size === 0 || !disabled.has(rule.id);
}

/** Runs fn with some rules switched off (ablation: what does each rule change?). */
export function withRulesDisabled<T>(ids: Iterable<string>, fn: () => T): T {
  const outer = disabled;
  disabled = new Set(ids);
  try {
    return fn();
  } finally {
    disabled = outer;
  }
}

/** True while a trace is recorded (for rules whose span costs something to compute). */
export function tracing(): boolean {
  return current !== null;
}

/** Runs fn with a fresh trace; nesting restores the outer one. */
export function withTrace<T>(fn: () => T): { result: T; firings: Firing[] } {
  const outer = current;
  const firings: Firing[] = [];
  current = firings;
  try {
    return { result: fn(), firings };
  } finally {
    current = outer;
  }
}

/**
 * Like withTrace, but fn may throw: the firings recorded up to the throw are returned with the error (withTrace loses
 * them). For the service's log of a sentence the extractor could not analyse: which rules ran before it broke.
 */
export function traceUntilError<T>(fn: () => T): { ok: true; result: T; firings: Firing[] } | { ok: false; error: unknown; firings: Firing[] } {
  const outer = current;
  const firings: Firing[] = [];
  current = firings;
  try {
    return { ok: true, result: fn(), firings };
  } catch (error) {
    return { ok: false, error, firings };
  } finally {
    current = outer;
  }
}

/** Ids of the firings that overlap any of the spans (an empty span matches a firing that contains its point). */
export function rulesTouching(firings: readonly Firing[], spans: ReadonlyArray<readonly [number, number]>): string[] {
  const ids = new Set<string>();
  for (const f of firings) {
    for (const [s, e] of spans) {
      if (f.start < Math.max(e, s + 1) && s < Math.max(f.end, f.start + 1)) {
        ids.add(f.rule);
        break;
      }
    }
  }
  return [...ids].sort();
}
