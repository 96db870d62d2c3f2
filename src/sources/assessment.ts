import type { ClaimCategory, Qualifier } from '../claims/claim-vocabulary.js';
import type { Rating } from '../verdicts/verdict.entity.js';

/**
 * Comparing a claim's number with sources' figures, the same way every time. Pure functions.
 *
 * Both sides become intervals: a claim "exact"/"approximate" is [v, v], "lower_bound" [low, ∞),
 * "upper_bound" (−∞, high], "range" [low, high]; a source figure is [value, value] or [low, high]
 * (a missing side is open). The claim interval is widened by the category's relative tolerance;
 * if it then meets the source interval the claim is `consistent`. Otherwise a bound that the source
 * breaks is `contradicted` ("more than 14,000" against 12,000), and a point or range claim is
 * `overstated` or `understated` by its gap to the nearest end of the source interval
 * ("an estimated 100,000" against 127,000: understated, −21.3%).
 */
export const DEFAULT_TOLERANCES: Record<ClaimCategory, number> = {
  troop_count: 0.1,
  casualties: 0.05,
  displacement: 0.1,
  money: 0.05,
  percentage: 0.05,
  quantity_other: 0.1,
  event: 0.1,
  statement: 0.1,
};

export type Relation = 'consistent' | 'overstated' | 'understated' | 'contradicted' | 'not_comparable';

export interface ClaimNumber {
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier | null;
  unit: string | null;
  text: string | null;
}

export interface SourceFigure {
  id: string;
  title: string;
  publisher: string | null;
  sourceType: string;
  citesSourceId: string | null;
  value: number | null;
  low: number | null;
  high: number | null;
  asOf: string | null;
}

export interface SourceComparison {
  sourceId: string;
  figure: { value: number | null; low: number | null; high: number | null; asOf: string | null } | null;
  relation: Relation;
  /** (claim − source) / source, in percent, one decimal; null when not comparable. */
  gapPercent: number | null;
  /** The source this one's figure comes from (itself when it cites nothing). */
  originId: string;
  /** false when another source of the same origin is already counted. */
  counted: boolean;
}

export interface Assessment {
  tolerance: { category: ClaimCategory; relative: number };
  sources: SourceComparison[];
  suggestedRating: Rating;
  explanation: string;
}

type Interval = [number, number];

export function claimInterval(c: ClaimNumber): Interval | null {
  switch (c.qualifier) {
    case 'exact':
    case 'approximate':
      return c.value === null ? null : [c.value, c.value];
    case 'lower_bound':
      return c.low === null ? null : [c.low, Infinity];
    case 'upper_bound':
      return c.high === null ? null : [-Infinity, c.high];
    case 'range':
      return c.low === null || c.high === null ? null : [c.low, c.high];
    default:
      return null;
  }
}

export function figureInterval(f: Pick<SourceFigure, 'value' | 'low' | 'high'>): Interval | null {
  if (f.value !== null) return [f.value, f.value];
  if (f.low === null && f.high === null) return null;
  return [f.low ?? -Infinity, f.high ?? Infinity];
}

const gap = (claimed: number, source: number) => (source === 0 ? null : Math.round(((claimed - source) / Math.abs(source)) * 1000) / 10);

/** Where the claim "points": its value, its bound, or the middle of its range. */
function claimPoint(c: Interval): number {
  if (Number.isFinite(c[0]) && Number.isFinite(c[1])) return (c[0] + c[1]) / 2;
  return Number.isFinite(c[0]) ? c[0] : c[1];
}
function sourcePoint(s: Interval): number {
  if (Number.isFinite(s[0]) && Number.isFinite(s[1])) return (s[0] + s[1]) / 2;
  return Number.isFinite(s[0]) ? s[0] : s[1];
}

export function compare(claim: ClaimNumber, figure: Pick<SourceFigure, 'value' | 'low' | 'high'>, tolerance: number): { relation: Relation; gapPercent: number | null } {
  const c = claimInterval(claim);
  const s = figureInterval(figure);
  if (!c || !s) return { relation: 'not_comparable', gapPercent: null };
  const widened: Interval = [c[0] - Math.abs(c[0]) * tolerance, c[1] + Math.abs(c[1]) * tolerance];
  if (widened[0] <= s[1] && s[0] <= widened[1]) {
    return { relation: 'consistent', gapPercent: gap(claimPoint(c), sourcePoint(s)) };
  }
  const claimAbove = widened[0] > s[1];
  const bound = claim.qualifier === 'lower_bound' || claim.qualifier === 'upper_bound';
  const gapPercent = claimAbove ? gap(c[0], s[1]) : gap(c[1], s[0]);
  if (bound) return { relation: 'contradicted', gapPercent };
  return { relation: claimAbove ? 'overstated' : 'understated', gapPercent };
}

/** Follows citesSourceId to the first source in the chain (cycles are cut). */
function originOf(id: string, byId: Map<string, SourceFigure>): string {
  const seen = new Set<string>();
  let current = id;
  for (;;) {
    seen.add(current);
    const next = byId.get(current)?.citesSourceId;
    if (!next || !byId.has(next) || seen.has(next)) return current;
    current = next;
  }
}

/**
 * The rating the numbers suggest, from independent comparable sources only:
 * none → unverifiable; all consistent → true; sources that disagree among themselves → misleading;
 * only contradicted → false; otherwise by the largest gap: ≤ 2× tolerance → mostly_true,
 * ≤ 4× → misleading, beyond → mostly_false. (Editors decide; this is a suggestion.)
 */
export function suggestRating(relations: Array<{ relation: Relation; gapPercent: number | null }>, tolerance: number): Rating {
  const comparable = relations.filter((r) => r.relation !== 'not_comparable');
  if (comparable.length === 0) return 'unverifiable';
  const consistent = comparable.filter((r) => r.relation === 'consistent').length;
  const contradicted = comparable.filter((r) => r.relation === 'contradicted').length;
  if (consistent === comparable.length) return 'true';
  if (contradicted === comparable.length) return 'false';
  if (consistent > 0 && contradicted > 0) return 'misleading';
  const off = comparable.filter((r) => r.relation !== 'consistent');
  const worst = Math.max(...off.map((r) => Math.abs(r.gapPercent ?? Infinity))) / 100;
  if (worst <= 2 * tolerance) return 'mostly_true';
  if (worst <= 4 * tolerance) return 'misleading';
  return 'mostly_false';
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));

function describeFigure(f: SourceComparison['figure']): string {
  if (!f) return 'no figure';
  if (f.value !== null) return fmt(f.value);
  if (f.low !== null && f.high !== null) return `${fmt(f.low)} to ${fmt(f.high)}`;
  return f.low !== null ? `at least ${fmt(f.low)}` : `at most ${fmt(f.high!)}`;
}

const RELATION_TEXT: Record<Relation, string> = {
  consistent: 'consistent with the claim',
  overstated: 'the claim overstates it',
  understated: 'the claim understates it',
  contradicted: 'it contradicts the claim',
  not_comparable: 'not comparable',
};

export function assess(category: ClaimCategory, claim: ClaimNumber, sources: SourceFigure[], tolerances: Record<ClaimCategory, number>): Assessment {
  const tolerance = tolerances[category];
  const byId = new Map(sources.map((s) => [s.id, s]));
  const countedOrigins = new Set<string>();
  const compared: SourceComparison[] = sources.map((s) => {
    const { relation, gapPercent } = compare(claim, s, tolerance);
    const originId = originOf(s.id, byId);
    const counted = relation !== 'not_comparable' && !countedOrigins.has(originId);
    if (counted) countedOrigins.add(originId);
    return {
      sourceId: s.id,
      figure: figureInterval(s) ? { value: s.value, low: s.low, high: s.high, asOf: s.asOf } : null,
      relation,
      gapPercent,
      originId,
      counted,
    };
  });
  const suggestedRating = claimInterval(claim) ? suggestRating(compared.filter((c) => c.counted), tolerance) : 'unverifiable';

  const lines: string[] = [];
  const claimed = claim.text ?? 'no number';
  lines.push(`The article says ${claimed}${claimInterval(claim) ? '' : ', which has no number to compare'}. Tolerance for ${category.replace('_', ' ')}: ±${Math.round(tolerance * 100)}%.`);
  for (const c of compared) {
    const s = byId.get(c.sourceId)!;
    const who = `${s.title}${s.publisher ? ` (${s.publisher}, ${s.sourceType})` : ` (${s.sourceType})`}`;
    if (!c.figure) {
      lines.push(`${who} gives no figure.`);
      continue;
    }
    const asOf = c.figure.asOf ? ` as of ${c.figure.asOf}` : '';
    const gapText = c.gapPercent === null || c.relation === 'consistent' ? '' : ` (${c.gapPercent > 0 ? '+' : ''}${c.gapPercent}%)`;
    const dup = c.counted || c.relation === 'not_comparable' ? '' : ' It repeats an origin already counted.';
    lines.push(`${who} gives ${describeFigure(c.figure)}${asOf}: ${RELATION_TEXT[c.relation]}${gapText}.${dup}`);
  }
  const independent = compared.filter((c) => c.counted).length;
  lines.push(`${independent} independent source${independent === 1 ? '' : 's'} with a comparable figure. Suggested rating: ${suggestedRating.replace('_', ' ')}.`);
  return { tolerance: { category, relative: tolerance }, sources: compared, suggestedRating, explanation: lines.join(' ') };
}

/** DEFAULT_TOLERANCES overridden by ASSESSMENT_TOLERANCES (JSON); throws on anything else, so boot fails. */
export function parseTolerances(json: string): Record<ClaimCategory, number> {
  const overrides: unknown = JSON.parse(json);
  const out = { ...DEFAULT_TOLERANCES };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (!(key in out)) throw new Error(`ASSESSMENT_TOLERANCES: unknown category ${key}`);
    if (typeof value !== 'number' || value < 0 || value > 1) throw new Error(`ASSESSMENT_TOLERANCES: ${key} must be a number in [0, 1]`);
    out[key as ClaimCategory] = value;
  }
  return out;
}
