import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { loadConfig, parseReviewDays } from '../../src/config/config.js';
import { bandOf, basisOf, describeFigure, outsideBand } from '../../src/verdicts/living-verdicts.js';

const claim = (value: number | null, low: number | null = null, high: number | null = null) =>
  ({ text: null, value, low, high, qualifier: value !== null ? 'exact' as const : 'lower_bound' as const, unit: 'killed' });

describe('living verdicts: the band a later figure may fall in', () => {
  test('the hull of the cited figures, widened by the relative tolerance on each side', () => {
    expect(bandOf(claim(40), [{ value: 47, low: null, high: null }, { value: 52, low: null, high: null }], 0.05)).toEqual({ low: 44.65, high: 54.6 });
  });

  test('no cited figure: the claim\'s own numbers; a bound counts by its number ("at least 40" is 40)', () => {
    expect(bandOf(claim(null, 40), [], 0.05)).toEqual({ low: 38, high: 42 });
    expect(bandOf(claim(null), [], 0.05)).toBeNull();
  });

  test('outside: the figure\'s numbers do not meet the band; inside and figure-less are not', () => {
    const band = { low: 38, high: 42 };
    expect(outsideBand(band, { value: 61, low: null, high: null })).toBe(true);
    expect(outsideBand(band, { value: null, low: 30, high: null })).toBe(true);
    expect(outsideBand(band, { value: 41, low: null, high: null })).toBe(false);
    expect(outsideBand(band, { value: null, low: 20, high: 39 })).toBe(false);
    expect(outsideBand(band, { value: null, low: null, high: null })).toBe(false);
    expect(outsideBand(null, { value: 1000, low: null, high: null })).toBe(false);
  });

  test('the basis keeps the sources with a figure, their dates, the confirmed figures and the tolerance', () => {
    const basis = basisOf('casualties', claim(40), [
      { id: 's1', value: 40, low: null, high: null, asOf: '2026-11-01', publisher: 'Agency', title: 'Report' },
      { id: 's2', value: null, low: null, high: null, asOf: null, publisher: null, title: 'No figure' },
    ], [{ value: 61, low: null, high: null, text: 'at least 61', asOf: '2026-11-04' }], 0.05, new Date('2026-12-01T00:00:00Z'));
    expect(basis.sources.map((s) => s.id)).toEqual(['s1']);
    expect(basis.band).toEqual({ low: 38, high: 64.05 });
    expect(basis.tolerance).toEqual({ category: 'casualties', relative: 0.05 });
  });

  test('a figure in words, with who and when', () => {
    expect(describeFigure({ value: 14400, low: null, high: null, text: null, asOf: '2022-02-01', who: 'UN' })).toBe('14,400 (UN, 2022-02-01)');
    expect(describeFigure({ value: null, low: 40, high: 45, text: null, asOf: null })).toBe('40 to 45');
  });
});

describe('VERDICT_REVIEW_DAYS', () => {
  test('category:days pairs; an unknown category or bad days stops the boot, naming the pair', () => {
    expect(parseReviewDays('casualties:30, troop_count:14')).toEqual({ casualties: 30, troop_count: 14 });
    expect(parseReviewDays('')).toEqual({});
    expect(loadConfig({}).VERDICT_REVIEW_DAYS).toBe('casualties:30,troop_count:30,displacement:30');
    expect(() => loadConfig({ VERDICT_REVIEW_DAYS: 'killed:30' })).toThrow(/VERDICT_REVIEW_DAYS="killed:30": "killed:30": the category must be one of troop_count, casualties/);
    expect(() => loadConfig({ VERDICT_REVIEW_DAYS: 'casualties:0' })).toThrow(/days must be a whole number from 1 to 3650/);
    expect(() => loadConfig({ VERDICT_REVIEW_DAYS: 'casualties:thirty' })).toThrow(/VERDICT_REVIEW_DAYS/);
  });
});
