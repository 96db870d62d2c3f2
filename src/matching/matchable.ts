/**
 * A claim as matching compares it, and its figure as an interval: what the ranker (match-score.ts), the figure
 * reading (figures.ts) and the candidate search (claim-matcher.ts) share.
 */
import type { ClaimCategory, Qualifier } from '../claims/claim-vocabulary.js';

/** What the scorer needs of a claim: the extractor's output and the stored claim both fit. */
export interface MatchableClaim {
  text: string;
  category: ClaimCategory;
  quantity: { value: number | null; low: number | null; high: number | null; unit: string | null; qualifier: Qualifier | null; text?: string } | null;
  subject: string | null;
  location: string | null;
  speaker?: string | null;
  /** The period the claim is about, as the extractor resolved it (ISO dates, inclusive). */
  timeRef?: { from: string | null; to: string | null } | null;
  /** Its words as Postgres stores them (`claims.match_terms`); without them a light stand-in is used. */
  terms?: string[];
  /** When the claim was published (its article's date, or the request's): stands for its moment when the text has none. */
  publishedAt?: string | null;
}

/**
 * Relative widening of a stated number: "100,000" → ±2 %, "about 100,000" → ±5 %. So "about 100,000" and
 * "about 120,000" are two estimates, not one claim.
 */
export const EXACT_TOLERANCE = 0.02;
export const APPROXIMATE_TOLERANCE = 0.05;

/**
 * A figure stated exactly, as an interval: ±EXACT_TOLERANCE, but never wider than half a unit of its last written digit.
 * "67" is 66.5–67.5, so a retirement age of 69 is another figure (±2 % would let 67 and 69 meet); "14,400" is not
 * "14,000"; a round "100,000" keeps its ±2 %.
 */
export function exactInterval(v: number): Interval {
  const half = 0.49 * lastDigitUnit(v);
  const tol = Math.min(Math.abs(v) * EXACT_TOLERANCE, half);
  return [v - tol, v + tol];
}

/** 1 for 67, 100 for 14,400, 0.1 for 4.5, 100,000,000 for 1.4 billion (read to 12 significant digits). */
function lastDigitUnit(v: number): number {
  const a = Math.abs(v);
  if (a === 0 || !Number.isFinite(a)) return 1;
  const [mantissa, exponent] = a.toExponential(11).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  // digits d1 d2 … dn of d1.d2… × 10^e: the last one weighs 10^(e − n + 1)
  return 10 ** (Number(exponent) - Math.max(1, digits.length) + 1);
}
/**
 * A bound is read as "near the bound": "more than 14,000" → [14,000, 21,000], "fewer than 500" → [333, 500].
 * Unbounded, "more than 1,200 killed" would match "2,900 killed", which is another claim.
 */
export const OPEN_BOUND_FACTOR = 1.5;
/**
 * The SQL prefilter widens the query interval by this factor each way; every interval above is within a
 * factor 1.575 (1.5 × 1.05) of the stated number, so the prefilter never drops a pair the scorer would keep.
 */
export const PREFILTER_FACTOR = 2;

export type Interval = [number, number];

const FRACTION = /\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|one in \w+|\w+ in (?:two|three|four|five|ten))\b/i;

export function intervalOf(q: MatchableClaim['quantity']): Interval | null {
  if (!q || q.qualifier === null) return null;
  const { value, low, high } = q;
  if (low !== null && high !== null) return low <= high ? [low, high] : [high, low]; // range, or "tens of thousands"
  const widen = (v: number, tol: number): Interval => {
    const a = v * (1 - tol);
    const b = v * (1 + tol);
    return a <= b ? [a, b] : [b, a];
  };
  switch (q.qualifier) {
    case 'exact':
      if (value === null) return null;
      // "two-thirds", "a quarter", "one in five": a fraction is a rounded figure.
      return q.text && FRACTION.test(q.text) ? widen(value, APPROXIMATE_TOLERANCE) : exactInterval(value);
    case 'approximate':
      return value === null ? (low ?? high) === null ? null : widen((low ?? high)!, APPROXIMATE_TOLERANCE) : widen(value, APPROXIMATE_TOLERANCE);
    case 'lower_bound': {
      const v = low ?? value;
      if (v === null) return null;
      return v >= 0 ? [v, v * OPEN_BOUND_FACTOR] : [v, v / OPEN_BOUND_FACTOR];
    }
    case 'upper_bound': {
      const v = high ?? value;
      if (v === null) return null;
      return v >= 0 ? [v / OPEN_BOUND_FACTOR, v] : [v * OPEN_BOUND_FACTOR, v];
    }
    case 'range':
      return value === null ? null : widen(value, APPROXIMATE_TOLERANCE);
  }
}

/** The loose window the SQL candidate query uses (a superset of everything the scorer can accept). */
export function prefilterWindow([lo, hi]: Interval): Interval {
  return [lo >= 0 ? lo / PREFILTER_FACTOR : lo * PREFILTER_FACTOR, hi >= 0 ? hi * PREFILTER_FACTOR : hi / PREFILTER_FACTOR];
}

/** 0.5 when the intervals just touch, 1 when one lies inside the other. Null when they do not overlap. */
export function numericCloseness(a: Interval, b: Interval): number | null {
  const lo = Math.max(a[0], b[0]);
  const hi = Math.min(a[1], b[1]);
  if (lo > hi) return null;
  const narrower = Math.min(a[1] - a[0], b[1] - b[0]);
  const covered = narrower <= 0 ? 1 : (hi - lo) / narrower;
  return 0.5 + 0.5 * Math.min(1, covered);
}
