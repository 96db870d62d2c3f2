import type { ClaimCategory } from '../claims/claim-vocabulary.js';
import type { ClaimNumber } from '../sources/assessment.js';

/**
 * Living verdicts, the pure part: what a published verdict rested on (its basis) and when a later figure moves past it.
 *
 * The basis is the evidence the verdict cites: its sources' figures (value or low/high, with their as-of dates). A
 * verdict that cites no figure rests on the claim's own figure. Each figure counts by the numbers it states: "at least
 * 40" is 40, "40 to 45" is [40, 45] (a bound is a number someone reported, and a toll that rises past it is news). The
 * band is the smallest interval holding every basis figure, widened on each side by the category's relative tolerance
 * (ASSESSMENT_TOLERANCES, the tolerance the assessment used; casualties 5 %, troops 10 % …): sources 47 and 52 with 5 %
 * give [44.65, 54.6]. A later figure (a new source's, or a matching claim's on another article) is outside the tolerance
 * when its numbers do not meet the band: 61 against [44.65, 54.6] is; 53 is not.
 */

export type RecheckReason = 'claim_superseded' | 'source_figure' | 'matching_claim' | 'review_by_passed';
export const RECHECK_REASONS: readonly RecheckReason[] = ['claim_superseded', 'source_figure', 'matching_claim', 'review_by_passed'];

/** The figure that made a verdict due: a number or a range, where it came from, and its date. */
export interface RecheckFigure {
  value: number | null;
  low: number | null;
  high: number | null;
  /** The claim's wording ("at least 52 people"); null for a source figure. */
  text: string | null;
  /** The date it describes (a source's as-of date, a claim's date or its article's publication), YYYY-MM-DD. */
  asOf: string | null;
  claimId?: string | null;
  sourceId?: string | null;
  articleId?: string | null;
  /** Who gave it (the source's publisher, the claim's speaker). */
  who?: string | null;
}

export interface BasisSource {
  id: string;
  value: number | null;
  low: number | null;
  high: number | null;
  asOf: string | null;
  publisher: string | null;
  title: string;
}

export interface Basis {
  claim: { text: string | null; value: number | null; low: number | null; high: number | null; qualifier: string | null; unit: string | null };
  sources: BasisSource[];
  /** Figures a re-check was confirmed against (they join the band). */
  confirmed: RecheckFigure[];
  tolerance: { category: ClaimCategory; relative: number };
  band: { low: number | null; high: number | null } | null;
  at: string;
}

type Interval = [number, number];

/** The numbers a figure states, as an interval: [min, max] of its value, low and high (null: none). */
export function statedNumbers(f: Pick<BasisSource, 'value' | 'low' | 'high'>): Interval | null {
  const numbers = [f.value, f.low, f.high].filter((n): n is number => n !== null && n !== undefined && Number.isFinite(n));
  return numbers.length === 0 ? null : [Math.min(...numbers), Math.max(...numbers)];
}

/** The band of a basis: the hull of its figures (sources and confirmed ones, else the claim's own), widened. */
export function bandOf(claim: ClaimNumber, figures: Array<Pick<BasisSource, 'value' | 'low' | 'high'>>, tolerance: number): { low: number; high: number } | null {
  const intervals = figures.map(statedNumbers).filter((i): i is Interval => i !== null);
  if (intervals.length === 0) {
    const own = statedNumbers(claim);
    if (own) intervals.push(own);
  }
  if (intervals.length === 0) return null;
  const lo = Math.min(...intervals.map((i) => i[0]));
  const hi = Math.max(...intervals.map((i) => i[1]));
  return { low: lo - Math.abs(lo) * tolerance, high: hi + Math.abs(hi) * tolerance };
}

export function basisOf(category: ClaimCategory, claim: ClaimNumber, sources: BasisSource[], confirmed: RecheckFigure[], tolerance: number, at: Date): Basis {
  const withFigure = sources.filter((s) => statedNumbers(s) !== null);
  return {
    claim: { text: claim.text, value: claim.value, low: claim.low, high: claim.high, qualifier: claim.qualifier, unit: claim.unit },
    sources: withFigure,
    confirmed,
    tolerance: { category, relative: tolerance },
    band: bandOf(claim, [...withFigure, ...confirmed], tolerance),
    at: at.toISOString(),
  };
}

/** true when the figure's numbers do not meet the band (a figure without a number never does). */
export function outsideBand(band: { low: number | null; high: number | null } | null, figure: Pick<RecheckFigure, 'value' | 'low' | 'high'>): boolean {
  if (!band) return false;
  const f = statedNumbers(figure);
  if (!f) return false;
  const low = band.low ?? -Infinity;
  const high = band.high ?? Infinity;
  return f[1] < low || f[0] > high;
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));

/** "52", "40 to 45", "at least 40"; with its date and who gave it when known. */
export function describeFigure(f: Pick<RecheckFigure, 'value' | 'low' | 'high' | 'text' | 'asOf' | 'who'>): string {
  const number = f.text ?? (f.value !== null ? fmt(f.value)
    : f.low !== null && f.high !== null ? `${fmt(f.low)} to ${fmt(f.high)}`
      : f.low !== null ? `at least ${fmt(f.low)}` : f.high !== null ? `at most ${fmt(f.high)}` : 'no figure');
  const parts = [f.who, f.asOf].filter(Boolean);
  return parts.length > 0 ? `${number} (${parts.join(', ')})` : number;
}

export const RECHECK_REASON_TEXT: Record<RecheckReason, string> = {
  claim_superseded: 'a later revision of the article changed the figure',
  source_figure: 'a new source gives a figure outside the verdict\'s tolerance',
  matching_claim: 'a later claim on another article gives a figure outside the verdict\'s tolerance',
  review_by_passed: 'the verdict\'s review date has passed',
};

/** The `recheck` of an answer from a verdict row's columns: null when not due; figure ids for staff only. */
export function recheckView(dueAt: Date | string | null, reason: string | null, figure: RecheckFigure | null, staff: boolean) {
  if (dueAt === null || dueAt === undefined) return null;
  const f = figure && !staff ? { value: figure.value, low: figure.low, high: figure.high, text: figure.text, asOf: figure.asOf, who: figure.who ?? null } : figure;
  return { due: true as const, since: new Date(dueAt).toISOString(), reason: reason as RecheckReason, figure: f ?? null };
}

/** The last confirmation as answers show it (who confirmed: staff only). */
export function lastRecheckView(last: { at: string; byName?: string | null; note: string; text: string; reason: RecheckReason } | null, staff: boolean) {
  if (!last) return null;
  return staff ? last : { at: last.at, note: last.note, text: last.text, reason: last.reason };
}
