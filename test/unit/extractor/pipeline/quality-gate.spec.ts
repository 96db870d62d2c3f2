/**
 * The quality gate (bench/quality.ts): every labelled set keeps each field's F1 at or above its floor, and the
 * extractor's output on it equals the checked-in golden file. After an intended change: `npm run golden`, then
 * review the golden diff like code.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { evaluate, f1ByField } from '../../../../bench/eval.js';
import { goldenFile, goldenOf, labelledSets, readFloors } from '../../../../bench/quality.js';

const sets = labelledSets();
const floors = readFloors();

describe('extractor quality gate', () => {
  it('has a floor for every labelled set and a set for every floor', () => {
    expect(Object.keys(floors).sort()).toEqual(sets.map((s) => s.name));
  });

  describe.each(sets.map((s) => [s.name, s] as const))('%s', (name, set) => {
    it('stays at or above its floor on every field', () => {
      const scores = f1ByField(evaluate(set.articles));
      const below = Object.entries(floors[name] ?? {})
        .filter(([field, floor]) => (scores[field as keyof typeof scores] ?? 0) < floor)
        .map(([field, floor]) => `${field}: ${scores[field as keyof typeof scores].toFixed(3)} < floor ${floor}`);
      expect(below).toEqual([]);
    });

    it('gives the output in its golden file', () => {
      const file = goldenFile(name);
      expect(existsSync(file)).toBe(true);
      const want = readFileSync(file, 'utf8').split('\n');
      const got = goldenOf(set.articles).split('\n');
      // line by line, so a failure shows the claims that changed rather than one huge string
      const changed = got.map((line, i) => (line === want[i] ? null : { line: i + 1, golden: want[i] ?? null, now: line })).filter((x) => x !== null);
      if (want.length > got.length) changed.push({ line: got.length + 1, golden: want[got.length], now: null as unknown as string });
      expect(changed.slice(0, 5)).toEqual([]);
    });
  });
});
