/**
 * Every named rule's own examples, run through the whole pipeline with the trace on: each `fires` text must make
 * the rule fire, each `doesNotFire` text (a near miss) must not. A rule without both kinds of example fails here.
 */
import { describe, expect, it } from '@jest/globals';
import { allRules, traceExtraction } from '../../../../src/extractor/index.js';

const PUBLISHED = new Date('2026-03-10T12:00:00Z');
const firedIn = (text: string): Set<string> => new Set(traceExtraction(text, { publishedAt: PUBLISHED }).firings.map((f) => f.rule));

const rules = allRules();

describe('named rules', () => {
  it('are registered', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    it('has examples that fire and near misses that do not', () => {
      expect(rule.examples.fires.length).toBeGreaterThan(0);
      expect(rule.examples.doesNotFire.length).toBeGreaterThan(0);
    });
    it.each(rule.examples.fires.map((t) => [t]))('fires on %j', (text) => {
      expect([...firedIn(text)]).toContain(rule.id);
    });
    it.each(rule.examples.doesNotFire.map((t) => [t]))('does not fire on %j', (text) => {
      expect([...firedIn(text)]).not.toContain(rule.id);
    });
  });
});
