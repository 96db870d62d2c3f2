/**
 * bench/casualty-eval.ts: the casualty measures of issue 11 count what they say on a small hand-made set (the
 * gold is partly wrong on purpose, so a miss and a false report are certain whatever the extractor learns later).
 */
import { describe, expect, test } from '@jest/globals';
import { evaluateCasualties, reportSpans } from '../../../../bench/casualty-eval.js';
import type { Article, GoldQuantityClaim } from '../../../../bench/corpus.js';

const gold = (quantityText: string, unit: string, value: number | null, low: number | null = null): GoldQuantityClaim => ({
  quantityText, nth: 0, value, low, high: null, qualifier: low === null ? 'exact' : 'lower_bound',
  category: unit === 'killed' || unit === 'wounded' ? 'casualties' : 'quantity_other', unit,
  speaker: null, timeRefText: null, timeFrom: null, timeTo: null,
});

const TEXT = [
  'At least 30 people were killed, among them 12 children.',
  'The army deployed 3,000 soldiers and 200 tanks.',
  'Rebels killed 5 soldiers in the ambush.',
  'The strike wounded 12 soldiers and 40 civilians.',
].join('\n\n');

const ARTICLE: Article = {
  id: 'casualty-eval-case',
  publishedAt: '2026-05-22T08:00:00Z',
  text: TEXT,
  claims: [
    gold('At least 30 people', 'killed', null, 30),
    gold('12 children', 'killed', 13), // wrong on purpose: a certain miss
    gold('200 tanks', 'tanks', 200),
    // report 3 left without its toll on purpose: a certain false casualty report
    gold('40 civilians', 'wounded', 40),
  ],
};

describe('casualty eval', () => {
  test('a report is a paragraph', () => {
    expect(reportSpans('a\n\nb\n \n\nc').map(([s, e]) => 'a\n\nb\n \n\nc'.slice(s, e))).toEqual(['a', 'b', 'c']);
    expect(reportSpans('one line')).toEqual([[0, 8]]);
  });

  test('counts stated tolls found, misses and false reports per unit', () => {
    const res = evaluateCasualties([ARTICLE]);
    expect(res.reports).toBe(4);
    expect(res.byUnit.killed).toMatchObject({ gold: 2, found: 1, cleanReports: 2, falseAny: 1, reportsWithoutUnit: 3, falseUnit: 1 });
    expect(res.byUnit.wounded).toMatchObject({ gold: 1, found: 1, cleanReports: 2, falseAny: 1, reportsWithoutUnit: 3, falseUnit: 0 });
    expect(res.errors.map((e) => [e.kind, e.detail.slice(0, 13)])).toEqual([
      ['missed-killed', '"12 children"'],
      ['false-casualty', '"5 soldiers" '],
    ]);
  });
});
