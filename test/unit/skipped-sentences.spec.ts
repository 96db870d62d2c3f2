/** A sentence the extractor throws on: skipped, and reported with the rules that fired on it (src/extraction/extract-article-text.ts). */
import { describe, expect, test } from '@jest/globals';
import { extractArticleText } from '../../src/extraction/extract-article-text.js';
import { ruleById, traceUntilError, type SentenceStep } from '../../src/extractor/index.js';
import { fired } from '../../src/extractor/pipeline/trace.js';

const PUB = new Date('2026-11-25T09:00:00Z');
const RULE = { id: 'test.some-rule', stage: 'claims' } as Parameters<typeof fired>[0];

describe('traceUntilError', () => {
  test('keeps the firings recorded before the throw, with the error', () => {
    const run = traceUntilError(() => {
      fired(RULE, 3, 7);
      throw new RangeError('past the end');
    });
    expect(run.ok).toBe(false);
    expect(run.firings).toEqual([{ rule: 'test.some-rule', start: 3, end: 7 }]);
    expect(!run.ok && run.error).toBeInstanceOf(RangeError);
  });

  test('returns the result and the firings when nothing throws, and records nothing afterwards', () => {
    const run = traceUntilError(() => {
      fired(RULE, 0, 1);
      return 42;
    });
    expect(run).toEqual({ ok: true, result: 42, firings: [{ rule: 'test.some-rule', start: 0, end: 1 }] });
    fired(RULE, 5, 6);
    expect(run.firings).toHaveLength(1);
  });
});

describe('extractArticleText', () => {
  const text = [
    'Russia has moved an estimated 100,000 troops to its border, officials said on Tuesday.',
    'One soldier guarded the gate, and the war has killed more than 14,000 people over eight years, the U.N. estimates.',
    'About 1.5 million people have been displaced by the fighting, the U.N. refugee agency said.',
  ].join(' ');

  test('skips the sentence that throws, keeps the others, and names the rules that fired on it', () => {
    const throwAfterRules: SentenceStep = (s, i, analyze) => {
      analyze(s);
      if (i === 1) throw new TypeError('a rule read past the last token');
    };
    const { claims, skipped } = extractArticleText(text, PUB, throwAfterRules);
    expect(claims.map((c) => c.quantity?.value ?? c.quantity?.low)).toEqual([100000, 1500000]);
    expect(skipped).toEqual([{
      index: 1, start: text.indexOf('One soldier'), end: text.indexOf(' About'), error: 'TypeError: a rule read past the last token',
      // the rules behind this sentence's figures and speaker, among others that looked at it
      rules: expect.arrayContaining(['claims.lone-one-needs-harm', 'outcome.harm-verb-before', 'attribution.closing-attribution']), reproduced: true,
    }]);
    expect(skipped[0].rules.every((id) => ruleById(id) !== undefined)).toBe(true);
    expect(new Set(skipped[0].rules).size).toBe(skipped[0].rules.length);
  });

  test('says so when the sentence alone does not throw again (the failure needed what earlier sentences left)', () => {
    let runs = 0;
    const throwOnce: SentenceStep = (s, i, analyze) => {
      analyze(s);
      if (i === 1 && runs++ === 0) throw new TypeError('only in context');
    };
    const { skipped } = extractArticleText(text, PUB, throwOnce);
    expect(skipped).toMatchObject([{ index: 1, reproduced: false, rules: expect.arrayContaining(['claims.lone-one-needs-harm']) }]);
  });

  test('without a failure: the claims of extractClaims and nothing skipped', () => {
    const { claims, skipped } = extractArticleText(text, PUB);
    expect(skipped).toEqual([]);
    expect(claims).toHaveLength(3);
  });
});
