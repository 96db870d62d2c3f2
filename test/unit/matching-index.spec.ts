import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { DEFAULT_LIMITS, TermIndex, type IndexedClaim } from '../../src/matching/term-index.js';

/** A uuid whose last digits are `n`, so tests can read which claim came back. */
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const claim = (n: number, terms: string[], extra: Partial<IndexedClaim> = {}): IndexedClaim => ({
  id: uuid(n), seq: n, version: n, category: 'statement', quantityMin: null, quantityMax: null, published: true, terms, ...extra,
});
const words = (index: TermIndex, terms: string[], publishedOnly = false, limits = DEFAULT_LIMITS) =>
  index.candidates({ terms, category: 'statement', window: null }, publishedOnly, limits);

describe('TermIndex', () => {
  test('finds claims by shared terms, the rarest shared terms first (summed IDF), then the newest', () => {
    const index = new TermIndex(4);
    index.upsert(claim(1, ['budget', 'said']));
    index.upsert(claim(2, ['budget', 'hospital', 'said']));
    index.upsert(claim(3, ['said', 'school']));
    index.upsert(claim(4, ['said', 'budget']));
    for (let n = 5; n <= 40; n++) index.upsert(claim(n, ['said', `filler${n}`])); // "said" common, grows the arrays
    expect(index.claims).toBe(40);
    // hospital (1 claim) + budget (3) + said (40): 2 holds all three; 1 and 4 tie on budget+said, the newer (4) first.
    expect(words(index, ['hospital', 'budget', 'said']).slice(0, 4)).toEqual([uuid(2), uuid(4), uuid(1), uuid(40)]);
    expect(words(index, ['nothing'])).toEqual([]);
  });

  test('IDF comes from the index: a term in fewer claims weighs more, and a term in every claim weighs little', () => {
    const index = new TermIndex();
    for (let n = 1; n <= 10; n++) index.upsert(claim(n, n <= 2 ? ['rare', 'common'] : ['common']));
    expect(index.df('rare')).toBe(2);
    expect(index.df('common')).toBe(10);
    expect(index.idf('rare')).toBeCloseTo(Math.log(1 + (10 - 2 + 0.5) / 2.5), 10);
    expect(index.idf('common')).toBeCloseTo(Math.log(1 + 0.5 / 10.5), 10);
    expect(index.idf('rare')).toBeGreaterThan(index.idf('common'));
  });

  test('a term whose count holds dead postings still weighs more than nothing (one claim, updated)', () => {
    const index = new TermIndex();
    index.upsert(claim(1, ['bridge', 'cost']));
    index.upsert(claim(1, ['bridge', 'cost', 'viaduct'], { version: 2, published: true }));
    expect(index.df('bridge')).toBe(2);
    expect(index.idf('bridge')).toBeGreaterThan(0);
    expect(words(index, ['bridge', 'cost'], true)).toEqual([uuid(1)]);
  });

  test('keeps the top K only, in order', () => {
    const index = new TermIndex();
    // Claim n shares n of the query's terms t1…tn: more shared terms, higher score.
    const terms = Array.from({ length: 30 }, (_, i) => `t${i + 1}`);
    for (let n = 1; n <= 30; n++) index.upsert(claim(n, terms.slice(0, n)));
    const top = words(index, terms, false, { ...DEFAULT_LIMITS, byWords: 5, byWordsInWindow: 0 });
    expect(top).toEqual([uuid(30), uuid(29), uuid(28), uuid(27), uuid(26)]);
  });

  test('a newer version replaces the claim: old terms no longer find it, new ones do; an older or equal version is ignored', () => {
    const index = new TermIndex();
    index.upsert(claim(1, ['bridge', 'collapse']));
    index.upsert(claim(2, ['other']));
    expect(index.upsert(claim(1, ['tunnel', 'flood'], { version: 10 }))).toBe(true);
    expect(words(index, ['bridge'])).toEqual([]);
    expect(words(index, ['tunnel'])).toEqual([uuid(1)]);
    expect(index.versionOf(1)).toBe(10);
    expect(index.upsert(claim(1, ['bridge'], { version: 5 }))).toBe(false); // read again out of order
    expect(index.upsert(claim(1, ['bridge'], { version: 10 }))).toBe(false);
    expect(words(index, ['bridge'])).toEqual([]);
    expect(index.claims).toBe(2);
    // Updated twice after the boot load (found through the map, not the sorted base), then removed.
    expect(index.upsert(claim(1, ['bridge'], { version: 11 }))).toBe(true);
    expect(words(index, ['bridge'])).toEqual([uuid(1)]);
    expect(index.remove(1)).toBe(true);
    expect(index.remove(1)).toBe(false);
    expect(words(index, ['bridge'])).toEqual([]);
    expect(index.versionOf(1)).toBeNull();
    expect(index.claims).toBe(1);
  });

  test('compaction drops dead postings from the document frequencies and keeps the live claims findable', () => {
    const index = new TermIndex();
    for (let n = 1; n <= 2000; n++) index.upsert(claim(n, ['word', `w${n}`]));
    for (let n = 1; n <= 1500; n++) index.upsert(claim(n, ['changed', `w${n}`], { version: 10_000 + n }));
    expect(index.df('word')).toBe(2000); // dead postings still counted
    expect(index.compactIfWorthIt()).toBe(true);
    expect(index.df('word')).toBe(500);
    expect(index.df('changed')).toBe(1500);
    expect(words(index, ['w7'])).toEqual([uuid(7)]);
    expect(words(index, ['w1999'])).toEqual([uuid(1999)]);
    expect(index.stats).toMatchObject({ claims: 2000, dead: 0 });
  });

  test('publishedOnly leaves out claims that are not published', () => {
    const index = new TermIndex();
    index.upsert(claim(1, ['vaccine'], { published: false }));
    index.upsert(claim(2, ['vaccine']));
    expect(words(index, ['vaccine']).sort()).toEqual([uuid(1), uuid(2)]);
    expect(words(index, ['vaccine'], true)).toEqual([uuid(2)]);
    // Published later (a new version): found then.
    index.upsert(claim(1, ['vaccine'], { published: true, version: 9 }));
    expect(words(index, ['vaccine'], true).sort()).toEqual([uuid(1), uuid(2)]);
  });

  test('figures: the nearest of the same category inside the window on each side, before and after the sorted arrays are merged', () => {
    const index = new TermIndex();
    const fig = (n: number, v: number, category = 'casualties') => claim(n, [`x${n}`], { category, quantityMin: v, quantityMax: v });
    index.upsert(fig(1, 100));
    index.upsert(fig(2, 104));
    index.upsert(fig(3, 96));
    index.upsert(fig(4, 500)); // outside the window
    index.upsert(fig(5, 101, 'economy')); // other category
    index.upsert(fig(6, 120));
    const query = { terms: ['none'], category: 'casualties', window: [80, 125] as const };
    const limits = { ...DEFAULT_LIMITS, figureScan: 1 };
    const check = () => {
      // One each side of 102.5: 104 above, 100 below.
      expect(index.candidates(query, false, limits).sort()).toEqual([uuid(1), uuid(2)]);
      expect(index.candidates(query, false).sort()).toEqual([uuid(1), uuid(2), uuid(3), uuid(6)]);
    };
    check(); // unsorted, recent
    index.seal();
    check(); // merged
    // Its figure changes out of the window: no longer a candidate by figure.
    index.upsert({ ...fig(2, 900), version: 20 });
    expect(index.candidates(query, false).sort()).toEqual([uuid(1), uuid(3), uuid(6)]);
  });

  test('claims found by words whose figure lies in the window are kept beyond the best by words', () => {
    const index = new TermIndex();
    for (let n = 1; n <= 10; n++) index.upsert(claim(n, ['strike', 'port', `r${n}`]));
    index.upsert(claim(11, ['strike'], { quantityMin: 5000, quantityMax: 6000, category: 'economy' }));
    const limits = { ...DEFAULT_LIMITS, byWords: 3, byWordsInWindow: 1 };
    const found = index.candidates({ terms: ['strike', 'port'], category: 'statement', window: [4000, 5500] }, false, limits);
    expect(found).toHaveLength(4);
    expect(found).toContain(uuid(11));
  });

  test('past newCandidates, commoner terms only add weight to the candidates their rarer terms found', () => {
    const index = new TermIndex();
    for (let n = 1; n <= 100; n++) index.upsert(claim(n, n <= 3 ? ['rare', 'common', ...(n === 2 ? ['mid'] : [])] : ['common']));
    const limits = { ...DEFAULT_LIMITS, newCandidates: 10 };
    // Claim 2 holds rare and mid and common: first; the 97 claims holding only "common" are not taken in.
    expect(words(index, ['rare', 'mid', 'common'], false, limits)).toEqual([uuid(2), uuid(3), uuid(1)]);
    // A query of common words only: the rarest one's claims are candidates whatever their number.
    expect(words(index, ['common'], false, { ...limits, byWords: 100 })).toHaveLength(100);
    // With room for them, they are candidates too.
    expect(words(index, ['rare', 'common'], false, { ...limits, newCandidates: 1000, byWords: 100 })).toHaveLength(100);
  });

  test('the postings budget reads the rarest terms and skips the commonest', () => {
    const index = new TermIndex();
    for (let n = 1; n <= 100; n++) index.upsert(claim(n, n === 1 ? ['rare', 'common'] : ['common']));
    const limits = { ...DEFAULT_LIMITS, maxPostings: 50 };
    expect(words(index, ['rare', 'common'], false, limits)).toEqual([uuid(1)]);
    // The rarest term is read whatever its size.
    expect(words(index, ['common'], false, { ...limits, byWords: 2 })).toEqual([uuid(100), uuid(99)]);
  });
});

describe('match index settings', () => {
  test('MATCH_INDEX and MATCH_INDEX_POLL_MS are validated at boot', () => {
    expect(loadConfig({})).toMatchObject({ MATCH_INDEX: true, MATCH_INDEX_POLL_MS: 500 });
    expect(loadConfig({ MATCH_INDEX: 'false', MATCH_INDEX_POLL_MS: '1000' })).toMatchObject({ MATCH_INDEX: false, MATCH_INDEX_POLL_MS: 1000 });
    expect(() => loadConfig({ MATCH_INDEX: 'ture' })).toThrow(/MATCH_INDEX/);
    expect(() => loadConfig({ MATCH_INDEX_POLL_MS: '10' })).toThrow(/MATCH_INDEX_POLL_MS/);
  });
});
