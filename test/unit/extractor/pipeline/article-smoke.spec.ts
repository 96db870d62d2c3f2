import { describe, expect, test } from '@jest/globals';
import { EXTRACTOR_VERSION, extractClaims } from '../../../../src/extractor/index.js';

const PUB = new Date('2022-01-19T12:00:00Z');

// Written for the tests, in the style of a wire story (not copied from any source).
const ARTICLE = `Kremlin rejects talks offer

A senior Russian official said Wednesday that Moscow would not back down.

Moscow has moved an estimated 100,000 troops close to its frontier with Ukraine, officials said.

The separatist war in the east has killed more than 14,000 people over eight years, the U.N. estimates.

"We are ready for any scenario," he told reporters.`;

describe('extractClaims smoke', () => {
  const claims = extractClaims(ARTICLE, { publishedAt: PUB });

  test('exports a version string', () => {
    expect(typeof EXTRACTOR_VERSION).toBe('string');
  });

  test('troop count with an estimate', () => {
    const c = claims.find((x) => x.quantity?.value === 100000);
    expect(c).toBeDefined();
    expect(c!.category).toBe('troop_count');
    expect(c!.quantity!.qualifier).toBe('approximate');
    expect(c!.quantity!.unit).toBe('troops');
  });

  test('casualties as a lower bound', () => {
    const c = claims.find((x) => x.quantity?.low === 14000);
    expect(c).toBeDefined();
    expect(c!.category).toBe('casualties');
    expect(c!.quantity!.qualifier).toBe('lower_bound');
    expect(c!.quantity!.unit).toBe('killed');
    expect(c!.quantity!.value).toBeNull();
  });

  test('attributed statement with pronoun resolved to the previous speaker', () => {
    const st = claims.filter((x) => x.category === 'statement');
    expect(st.length).toBeGreaterThanOrEqual(2);
    for (const s of st) expect(s.quantity).toBeNull();
    const last = st[st.length - 1];
    expect(last.text).toContain('he told reporters');
    expect(last.attribution?.speaker).toBe('A senior Russian official');
  });

  test('spans are exact', () => {
    for (const c of claims) {
      expect(ARTICLE.slice(c.start, c.end)).toBe(c.text);
      if (c.quantity) expect(ARTICLE.slice(c.quantity.start, c.quantity.end)).toBe(c.quantity.text);
      if (c.timeRef) expect(ARTICLE.slice(c.timeRef.start, c.timeRef.end)).toBe(c.timeRef.text);
      expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
      expect(c.checkworthiness).toBeLessThanOrEqual(1);
    }
  });
});
