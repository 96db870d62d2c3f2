import { describe, expect, test } from '@jest/globals';
import { assess, compare, DEFAULT_TOLERANCES, parseTolerances, suggestRating, type ClaimNumber } from '../../src/sources/assessment.js';
import { effectivePriority, rank } from '../../src/review/priority.js';

const claim = (qualifier: ClaimNumber['qualifier'], v: { value?: number; low?: number; high?: number }): ClaimNumber => ({
  qualifier, value: v.value ?? null, low: v.low ?? null, high: v.high ?? null, unit: null, text: 'x',
});
const fig = (v: { value?: number; low?: number; high?: number }) => ({ value: v.value ?? null, low: v.low ?? null, high: v.high ?? null });

describe('compare: every qualifier against every relation', () => {
  test('lower_bound ("more than 14,000"): consistent above, contradicted below', () => {
    expect(compare(claim('lower_bound', { low: 14000 }), fig({ value: 14400 }), 0.05)).toEqual({ relation: 'consistent', gapPercent: -2.8 });
    expect(compare(claim('lower_bound', { low: 14000 }), fig({ value: 12000 }), 0.05)).toEqual({ relation: 'contradicted', gapPercent: 16.7 });
    // within tolerance of the bound still counts as consistent
    expect(compare(claim('lower_bound', { low: 14000 }), fig({ value: 13500 }), 0.05).relation).toBe('consistent');
  });
  test('upper_bound ("up to 500"): consistent below, contradicted above', () => {
    expect(compare(claim('upper_bound', { high: 500 }), fig({ value: 450 }), 0.1).relation).toBe('consistent');
    expect(compare(claim('upper_bound', { high: 500 }), fig({ value: 800 }), 0.1)).toEqual({ relation: 'contradicted', gapPercent: -37.5 });
  });
  test('approximate ("an estimated 100,000" vs 127,000): understated by 21.3%', () => {
    expect(compare(claim('approximate', { value: 100000 }), fig({ value: 127000 }), 0.1)).toEqual({ relation: 'understated', gapPercent: -21.3 });
    expect(compare(claim('approximate', { value: 100000 }), fig({ value: 95000 }), 0.1).relation).toBe('consistent');
  });
  test('exact: overstated when above the source beyond tolerance', () => {
    expect(compare(claim('exact', { value: 300 }), fig({ value: 200 }), 0.05)).toEqual({ relation: 'overstated', gapPercent: 50 });
  });
  test('range ("between 169,000 and 190,000"): inside, above, below', () => {
    const r = claim('range', { low: 169000, high: 190000 });
    expect(compare(r, fig({ value: 180000 }), 0.1).relation).toBe('consistent');
    expect(compare(r, fig({ value: 250000 }), 0.1).relation).toBe('understated');
    expect(compare(r, fig({ value: 100000 }), 0.1).relation).toBe('overstated');
  });
  test('source ranges and bounds are intervals too', () => {
    expect(compare(claim('exact', { value: 12 }), fig({ low: 10, high: 15 }), 0).relation).toBe('consistent');
    expect(compare(claim('exact', { value: 20 }), fig({ low: 10, high: 15 }), 0).relation).toBe('overstated');
    expect(compare(claim('exact', { value: 20 }), fig({ low: 10 }), 0).relation).toBe('consistent');
  });
  test('not_comparable without a number on either side', () => {
    expect(compare(claim(null, {}), fig({ value: 1 }), 0.1)).toEqual({ relation: 'not_comparable', gapPercent: null });
    expect(compare(claim('exact', { value: 1 }), fig({}), 0.1)).toEqual({ relation: 'not_comparable', gapPercent: null });
  });
});

describe('suggestRating', () => {
  const r = (relation: any, gapPercent: number | null = 0) => ({ relation, gapPercent });
  test('maps relations to a rating', () => {
    expect(suggestRating([], 0.1)).toBe('unverifiable');
    expect(suggestRating([r('not_comparable', null)], 0.1)).toBe('unverifiable');
    expect(suggestRating([r('consistent'), r('consistent')], 0.1)).toBe('true');
    expect(suggestRating([r('contradicted', 20)], 0.1)).toBe('false');
    expect(suggestRating([r('consistent'), r('contradicted', 20)], 0.1)).toBe('misleading');
    expect(suggestRating([r('understated', -15)], 0.1)).toBe('mostly_true');
    expect(suggestRating([r('understated', -21.3)], 0.1)).toBe('misleading');
    expect(suggestRating([r('overstated', 80)], 0.1)).toBe('mostly_false');
  });
});

describe('assess', () => {
  test('counts one origin once and explains itself', () => {
    const sources = [
      { id: 'a', title: 'UN', publisher: null, sourceType: 'intergovernmental', citesSourceId: null, value: 127000, low: null, high: null, asOf: '2026-01-01' },
      { id: 'b', title: 'Wire', publisher: null, sourceType: 'wire', citesSourceId: 'a', value: 127000, low: null, high: null, asOf: null },
      { id: 'c', title: 'Blog', publisher: null, sourceType: 'media', citesSourceId: 'b', value: 127000, low: null, high: null, asOf: null },
    ];
    const result = assess('troop_count', { ...claim('approximate', { value: 100000 }), text: 'an estimated 100,000 troops' }, sources, DEFAULT_TOLERANCES);
    expect(result.sources.map((s) => [s.sourceId, s.originId, s.counted])).toEqual([['a', 'a', true], ['b', 'a', false], ['c', 'a', false]]);
    expect(result.suggestedRating).toBe('misleading');
    expect(result.explanation).toMatch(/an estimated 100,000 troops/);
    expect(result.explanation).toMatch(/understates it \(-21.3%\)/);
    expect(result.explanation).toMatch(/1 independent source with/);
  });
  test('tolerances are configurable and validated', () => {
    expect(parseTolerances('{"casualties":0.02}').casualties).toBe(0.02);
    expect(() => parseTolerances('{"weather":0.1}')).toThrow(/unknown category/);
    expect(() => parseTolerances('{"money":2}')).toThrow(/\[0, 1\]/);
  });
});

describe('review priority', () => {
  test('aging: an old low-priority task overtakes a fresh high-priority one, and rank orders like the effective priority', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const old = rank(0.3, new Date(now.getTime() - 40 * 3600_000), 0.02);
    const fresh = rank(0.9, now, 0.02);
    expect(effectivePriority(old, now, 0.02)).toBeCloseTo(0.3 + 0.8, 6);
    expect(effectivePriority(fresh, now, 0.02)).toBeCloseTo(0.9, 6);
    expect(old).toBeGreaterThan(fresh);
  });
});
