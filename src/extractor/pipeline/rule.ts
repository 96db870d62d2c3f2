/**
 * Named rules. Every decision the extractor makes (a number form, what is counted, who said it, which time a
 * figure takes, what lowers a sentence's check-worthiness) is a rule with an id, the stage it belongs to, a one-line
 * summary, and examples that must make it fire and near misses that must not. Rules register themselves when their
 * module loads; `test/unit/extractor/rule-examples.spec.ts` runs every rule's examples through the whole pipeline
 * with the trace on, and the trace (pipeline/trace.ts) names the rules behind every claim and every eval error.
 *
 * A stage keeps its rules in an ordered list (its configuration); the order is the order they are tried.
 */
export const STAGES = [
  'segmentation',
  'tokens',
  'numbers',
  'counted',
  'outcome',
  'classification',
  'attribution',
  'time',
  'claims',
  'checkworthiness',
  'refiners',
] as const;
export type Stage = (typeof STAGES)[number];

export interface RuleExamples {
  /** Texts on which the rule must fire (somewhere in the text). */
  fires: readonly string[];
  /** Near misses: texts on which it must not fire. */
  doesNotFire: readonly string[];
}

export interface RuleInfo {
  /** `<stage>.<kebab-name>`, unique, stable: ids appear in traces, eval reports and golden reviews. */
  readonly id: string;
  readonly stage: Stage;
  readonly summary: string;
  readonly examples: RuleExamples;
}

/** A rule whose logic is `apply`; its signature is the stage's own (see each stage's rules.ts). */
export type Rule<F extends (...args: never[]) => unknown = (...args: never[]) => unknown> = RuleInfo & { readonly apply: F };

const registry = new Map<string, RuleInfo>();
const ID = /^([a-z]+)\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Declares a rule (with or without `apply`) and registers it. Ids are checked once, at module load. */
export function defineRule<R extends RuleInfo>(rule: R): R {
  const m = ID.exec(rule.id);
  if (!m || m[1] !== rule.stage) throw new Error(`rule id ${rule.id} must be "${rule.stage}.<kebab-name>"`);
  if (!(STAGES as readonly string[]).includes(rule.stage)) throw new Error(`rule ${rule.id}: unknown stage ${rule.stage}`);
  if (registry.has(rule.id)) throw new Error(`rule ${rule.id} is defined twice`);
  registry.set(rule.id, rule);
  return rule;
}

/** Every registered rule, by stage order then id. */
export function allRules(): RuleInfo[] {
  const order = (s: Stage) => STAGES.indexOf(s);
  return [...registry.values()].sort((a, b) => order(a.stage) - order(b.stage) || a.id.localeCompare(b.id));
}

export function ruleById(id: string): RuleInfo | undefined {
  return registry.get(id);
}
