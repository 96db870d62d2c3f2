/**
 * The extractor must never throw and never produce a span that is not in the text, whatever it is given: one bad
 * sentence used to fail a whole article. Property-based: arbitrary strings, and news sentences from the fixtures
 * mutated the way real copy gets mangled (tokens dropped, duplicated, swapped; cut anywhere; case changed; numbers
 * and punctuation inserted).
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CLAIM_CATEGORIES, QUALIFIERS } from '../../../src/claims/claim-vocabulary.js';
import { extractClaims, splitSentences, type ExtractedClaim, type SentenceError, type SentenceStep } from '../../../src/extractor/index.js';
import { MAX_SENTENCE_CHARS } from '../../../src/extractor/stages/segmentation/index.js';

const PUB = new Date('2026-11-25T09:00:00Z');
/**
 * Generous: a fixture sentence takes well under a millisecond and 20,000 characters some 50 ms; this only catches
 * runaway (super-linear) inputs, which took seconds to minutes.
 */
const msAllowed = (text: string) => 1000 + text.length / 4;

const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const SENTENCES: string[] = readdirSync(FIXTURES)
  .filter((d) => d === 'corpus' || d.startsWith('holdout'))
  .flatMap((d) => readdirSync(join(FIXTURES, d)).filter((f) => f.endsWith('.json')).map((f) => join(FIXTURES, d, f)))
  .sort()
  .flatMap((f) => splitSentences((JSON.parse(readFileSync(f, 'utf8')) as { text: string }).text).map((s) => s.text));

/** Everything the claim shape promises (src/extractor/types.ts). */
function checkClaims(text: string, claims: ExtractedClaim[]): void {
  for (const c of claims) {
    expect(Number.isInteger(c.start) && Number.isInteger(c.end)).toBe(true);
    expect(0 <= c.start && c.start <= c.end && c.end <= text.length).toBe(true);
    expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(CLAIM_CATEGORIES).toContain(c.category);
    expect(c.checkworthiness >= 0 && c.checkworthiness <= 1).toBe(true);
    const q = c.quantity;
    if (q) {
      expect(0 <= q.start && q.start <= q.end && q.end <= text.length).toBe(true);
      expect(text.slice(q.start, q.end)).toBe(q.text);
      if (q.qualifier !== null) expect(QUALIFIERS).toContain(q.qualifier);
      for (const x of [q.value, q.low, q.high]) if (x !== null) expect(Number.isFinite(x)).toBe(true);
    }
    const t = c.timeRef;
    if (t) {
      expect(0 <= t.start && t.start <= t.end && t.end <= text.length).toBe(true);
      expect(text.slice(t.start, t.end)).toBe(t.text);
    }
    if (c.attribution) expect(typeof c.attribution.speaker).toBe('string');
  }
}

function extractChecked(text: string): void {
  const t0 = performance.now();
  let claims: ExtractedClaim[];
  try {
    claims = extractClaims(text, { publishedAt: PUB });
  } catch (err) {
    throw new Error(`extractClaims threw on ${JSON.stringify(text.slice(0, 300))}: ${(err as Error).stack}`);
  }
  const ms = performance.now() - t0;
  if (ms > msAllowed(text)) throw new Error(`extractClaims took ${ms.toFixed(0)} ms on ${JSON.stringify(text.slice(0, 300))}`);
  checkClaims(text, claims);
}

/** Splits a sentence into word/number/punctuation/space pieces that mutations move around. */
function pieces(s: string): string[] {
  return s.match(/\s+|[\p{L}\p{N}'’.,-]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

const NOISE = ['1', '12', '2,500', '3.5', '100,000', '40%', '$1.2bn', '€30m', '1990s', '2026', '.', ',', ';', ':', '"', '“', '”', "'", '(', ')', '—', '-', '?', '!', '\n', '\n\n', ' ', 'said', 'told', 'according to', 'By', 'and', 'of', 'the', 'he', 'she', 'they', 'it', 'said on Tuesday', 'al-', 'Mr.', 'U.S.'];

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'dup'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'cut'; at: number; keepHead: boolean }
  | { kind: 'case'; how: 'upper' | 'lower' | 'title' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.oneof(fc.constantFrom(...NOISE), fc.integer({ min: 0, max: 10_000_000 }).map(String)) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), keepHead: fc.boolean() }),
  fc.record({ kind: fc.constant('case' as const), how: fc.constantFrom('upper' as const, 'lower' as const, 'title' as const) }),
);

function mutate(sentence: string, ms: Mutation[]): string {
  let p = pieces(sentence);
  for (const m of ms) {
    const n = p.length;
    if (m.kind === 'case') {
      const f = m.how === 'upper' ? (x: string) => x.toUpperCase() : m.how === 'lower' ? (x: string) => x.toLowerCase() : (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
      p = p.map(f);
    } else if (m.kind === 'insert') {
      p.splice(n === 0 ? 0 : m.at % (n + 1), 0, m.what);
    } else if (n === 0) {
      continue;
    } else if (m.kind === 'drop') {
      p.splice(m.at % n, 1);
    } else if (m.kind === 'dup') {
      p.splice(m.at % n, 0, p[m.at % n]);
    } else if (m.kind === 'swap') {
      const a = m.at % n;
      const b = m.with % n;
      [p[a], p[b]] = [p[b], p[a]];
    } else {
      // a cut at any character, not only between pieces
      const s = p.join('');
      const at = m.at % (s.length + 1);
      p = [m.keepHead ? s.slice(0, at) : s.slice(at)];
    }
  }
  return p.join('');
}

describe('extractor robustness', () => {
  // The two crashes reported from outside testing.
  test.each([
    ['a reporting verb followed by lowercase words to the end, no final stop', 'I hope you think'],
    ['a byline running into the first sentence', 'By Julia Payne and Lili Bayer Moscow says the measures are illegal.'],
  ])('does not throw on %s', (_what, text) => {
    extractChecked(text);
  });

  test('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => extractChecked(s)), { numRuns: 1500 });
  });

  test('arbitrary strings made of news-like pieces', () => {
    const piece = fc.oneof(fc.constantFrom(...NOISE), fc.constantFrom('Russia', 'troops', 'killed', 'people', 'on', 'Monday', 'last', 'week', 'percent', 'million', 'about', 'more', 'than', 'at', 'least'), fc.integer({ min: 0, max: 99999 }).map(String));
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom(' ', ''), (ps, sep) => extractChecked(ps.join(sep))), { numRuns: 1500 });
  });

  test('mutated news sentences from the fixtures', () => {
    expect(SENTENCES.length).toBeGreaterThan(500);
    fc.assert(
      fc.property(fc.constantFrom(...SENTENCES), fc.array(mutation, { minLength: 1, maxLength: 6 }), (s, ms) => extractChecked(mutate(s, ms))),
      { numRuns: 3000 },
    );
  });

  test('mutated short articles (several fixture sentences, mutated, joined)', () => {
    const sentence = fc.tuple(fc.constantFrom(...SENTENCES), fc.array(mutation, { maxLength: 3 })).map(([s, ms]) => mutate(s, ms));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 2, maxLength: 6 }), fc.constantFrom(' ', '\n', '\n\n'), (ss, sep) => extractChecked(ss.join(sep))),
      { numRuns: 500 },
    );
  });
});

describe('a sentence that throws', () => {
  const ARTICLE = [
    'Russia has moved an estimated 100,000 troops to its border with Ukraine, Western officials said on Tuesday.',
    'The separatist war in the east has killed more than 14,000 people over eight years, the U.N. estimates.',
    'About 1.5 million people have been displaced by the fighting, the U.N. refugee agency said.',
  ].join(' ');
  const sentences = splitSentences(ARTICLE);
  // The seam: a step that fails on the second sentence, as a bug in any rule would.
  const failSecond: SentenceStep = (s, i, analyze) => {
    if (i === 1) throw new TypeError('a rule read past the last token');
    analyze(s);
  };
  const skipSecond: SentenceStep = (s, i, analyze) => {
    if (i !== 1) analyze(s);
  };

  test('is skipped and reported with its index and span; the other sentences keep their claims', () => {
    const errors: SentenceError[] = [];
    const claims = extractClaims(ARTICLE, { publishedAt: PUB, onSentenceError: (e) => errors.push(e) }, failSecond);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ index: 1, start: sentences[1].start, end: sentences[1].end });
    expect(errors[0].error.message).toBe('a rule read past the last token');
    expect(claims).toEqual(extractClaims(ARTICLE, { publishedAt: PUB }, skipSecond));
    expect(claims.map((c) => c.quantity?.value ?? c.quantity?.low)).toEqual([100000, 1500000]);
  });

  test('propagates when nobody handles it (so that tests and callers that want to see it do)', () => {
    expect(() => extractClaims(ARTICLE, { publishedAt: PUB }, failSecond)).toThrow('a rule read past the last token');
  });
});

describe('over-long sentences', () => {
  const LIST = `The ministry published the following counts: ${Array.from({ length: 2000 }, (_, i) => 100 + ((i * 7919) % 90000)).join(', ')}.`;
  const RUN_ON = Array.from({ length: 200 }, (_, i) => `the army moved ${100 + i} troops across the river and officials said ${200 + i} people fled`).join(' and ');

  test.each([
    ['a list of 2,000 numbers', LIST],
    ['a run-on sentence without a full stop', RUN_ON],
    ['a single 5,000-character word', 'x'.repeat(5000)],
    ['surrogate pairs with no space', '😀'.repeat(3000)],
  ])('%s is cut into pieces of at most MAX_SENTENCE_CHARS, at a clause boundary when there is one', (what, text) => {
    const pieces = splitSentences(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(p.start, p.end)).toBe(p.text);
      // never half of a surrogate pair at either end
      expect(p.text).toBe(Array.from(p.text).join(''));
      expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p.text)).toBe(false);
    }
    // nothing lost: the pieces cover the text but its spaces
    expect(pieces.map((p) => p.text).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    if (what === 'a list of 2,000 numbers') for (const p of pieces.slice(0, -1)) expect(p.text.endsWith(',')).toBe(true);
    extractChecked(text);
  });

  test('long arbitrary texts (up to 20,000 characters) extract in bounded time', () => {
    const piece = fc.oneof(fc.constantFrom(...NOISE), fc.constantFrom(...SENTENCES.slice(0, 200)), fc.integer({ min: 0, max: 99999 }).map(String));
    fc.assert(fc.property(fc.array(piece, { minLength: 200, maxLength: 2000 }), fc.constantFrom(' ', ', ', ''), (ps, sep) => extractChecked(ps.join(sep).slice(0, 20_000))), { numRuns: 25 });
  });
});
