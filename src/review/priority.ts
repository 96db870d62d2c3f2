import type { ClaimCategory } from '../claims/claim-vocabulary.js';

/** How much a category matters to a desk, as a multiplier on check-worthiness. Harm and force sizes first. */
export const CATEGORY_WEIGHTS: Record<ClaimCategory, number> = {
  casualties: 1,
  troop_count: 1,
  displacement: 0.95,
  money: 0.85,
  percentage: 0.8,
  quantity_other: 0.7,
  event: 0.6,
  statement: 0.6,
};

/** Base priority of a task, in [0, 1]. */
export function basePriority(checkworthiness: number, category: ClaimCategory): number {
  return Math.round(checkworthiness * CATEGORY_WEIGHTS[category] * 1000) / 1000;
}

/**
 * Effective priority = base + agingPerHour × hours waiting, so every task eventually rises to the top.
 * Ordering by it at any instant equals ordering by `rank` = base − agingPerHour × (creation time in hours since
 * the epoch), a constant per task that Postgres can index. SQL computes rank the same way (see sqlRank).
 */
export function rank(base: number, createdAt: Date, agingPerHour: number): number {
  return base - (agingPerHour * createdAt.getTime()) / 3_600_000;
}

export function effectivePriority(taskRank: number, now: Date, agingPerHour: number): number {
  return taskRank + (agingPerHour * now.getTime()) / 3_600_000;
}

/** The same formula in SQL, for a priority expression `base` and a creation time `createdAt`; $agingParam is the rate. */
export const sqlRank = (base: string, createdAt: string, agingParam: string) =>
  `(${base}) - ${agingParam}::double precision * extract(epoch FROM ${createdAt}) / 3600.0`;
export const sqlEffectivePriority = (rankColumn: string, agingParam: string) =>
  `round((${rankColumn} + ${agingParam}::double precision * extract(epoch FROM now()) / 3600.0)::numeric, 4)::double precision`;
