import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureSet } from '../../bench/matching/fixture-set.js';
import { computeMetrics, type Answer, type QueryLabel } from '../../bench/matching/metrics.js';

const A = 'https://factcheck.example/a';
const B = 'https://factcheck.example/b';
const C = 'https://factcheck.example/c';
const D = 'https://factcheck.example/d';
const E = 'https://factcheck.example/e';
const F = 'https://factcheck.example/f';

const labels: QueryLabel[] = [
  { id: 'q1', expected: A, tags: ['same-number'], contradicts: [B] }, // right first
  { id: 'q2', expected: A, tags: ['same-number', 'synonym'], contradicts: [B] }, // contradiction first, expected 2nd
  { id: 'q3', expected: C, tags: ['no-number'], contradicts: [] }, // expected 5th: recall@5 only
  { id: 'q4', expected: D, tags: ['no-number', 'synonym'], contradicts: [] }, // expected 6th: outside top 5
  { id: 'q5', expected: E, tags: ['same-number'], contradicts: [] }, // no answer
  { id: 'q6', expected: null, tags: ['near-miss-number'], contradicts: [A] }, // answered although nothing should be
  { id: 'q7', expected: null, tags: ['near-miss-number'], contradicts: [A] }, // rightly empty
];
const answers: Answer[] = [
  { id: 'q1', ranked: [A, B] },
  { id: 'q2', ranked: [B, A] },
  { id: 'q3', ranked: [A, B, D, E, C] },
  { id: 'q4', ranked: [A, B, C, E, F, D] },
  { id: 'q5', ranked: [] },
  { id: 'q6', ranked: [A] },
  { id: 'q7', ranked: [] },
];

describe('matching benchmark metrics', () => {
  const m = computeMetrics(labels, answers, 5);

  test('recall@1 and recall@5 count only queries with an expected answer', () => {
    expect(m.withExpected).toBe(5);
    expect(m.expectedNull).toBe(2);
    expect(m.recallAt1).toBeCloseTo(1 / 5); // q1
    expect(m.recallAt5).toBeCloseTo(3 / 5); // q1, q2, q3 (q4's is 6th, q5 has none)
  });

  test('first-answer precision is over answered queries, and an answer to an expected-null query is wrong', () => {
    expect(m.answered).toBe(5); // q1 q2 q3 q4 q6
    expect(m.answerRate).toBeCloseTo(5 / 7);
    expect(m.firstAnswerPrecision).toBeCloseTo(1 / 5); // only q1
    expect(m.nullAnswered).toBe(1);
  });

  test('same-number recall@5 and contradictions ranked first', () => {
    expect(m.sameNumber).toEqual({ withExpected: 3, recallAt5: 2 / 3 }); // q1, q2 yes; q5 no
    expect(m.contradictsFirst).toBe(2); // q2 (B), q6 (A)
    expect(m.contradictsFirstIds).toEqual(['q2', 'q6']);
  });

  test('per-tag recall@5 and expected-null answers', () => {
    expect(m.perTag.synonym).toEqual({ withExpected: 2, recallAt5: 1 / 2, expectedNull: 0, nullAnswered: 0 });
    expect(m.perTag['no-number']).toEqual({ withExpected: 2, recallAt5: 1 / 2, expectedNull: 0, nullAnswered: 0 });
    expect(m.perTag['near-miss-number']).toEqual({ withExpected: 0, recallAt5: null, expectedNull: 2, nullAnswered: 1 });
  });

  test('a related list given instead of an answer counts for recall@5 only, and its head is no answer', () => {
    const related: Answer[] = answers.map((a) => (a.id === 'q5' ? { id: 'q5', ranked: [B, E], answered: false }
      : a.id === 'q7' ? { id: 'q7', ranked: [A], answered: false } : a));
    const r = computeMetrics(labels, related, 5);
    expect(r.recallAt5).toBeCloseTo(4 / 5); // q5's expected is in its related list
    expect(r.recallAt5Answered).toBeCloseTo(3 / 5);
    expect(r.recallAt1).toBeCloseTo(1 / 5);
    expect(r.answered).toBe(5); // as before: related lists are not answers
    expect(r.nullAnswered).toBe(1); // q7's related list is no answer
    expect(r.contradictsFirst).toBe(2);
    expect(r.contradictsFirstListed).toBe(3); // q7's related list starts with A, which it contradicts
    expect(m.recallAt5Answered).toBeCloseTo(m.recallAt5);
    expect(m.contradictsFirstListed).toBe(m.contradictsFirst);
  });

  test('k is honoured, nobody answering gives null precision, and a missing answer is an error', () => {
    expect(computeMetrics(labels, answers, 6).recallAt5).toBeCloseTo(4 / 5);
    const none = computeMetrics(labels, labels.map((q) => ({ id: q.id, ranked: [] })));
    expect(none.firstAnswerPrecision).toBeNull();
    expect(none.recallAt5).toBe(0);
    expect(() => computeMetrics(labels, answers.slice(1))).toThrow(/q1/);
  });
});

describe('matching benchmark fixture sets', () => {
  const readJsonl = <T>(file: string): T[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

  test('BENCH_MATCHING_SET picks a folder under test/fixtures, the dev set by default, and nothing else', () => {
    expect(fixtureSet(root, undefined).set).toBe('matching');
    expect(fixtureSet(root, '').dir).toBe(join(root, 'test', 'fixtures', 'matching'));
    expect(fixtureSet(root, 'matching-holdout').dir).toBe(join(root, 'test', 'fixtures', 'matching-holdout'));
    expect(() => fixtureSet(root, '../matching')).toThrow(/folder name/);
    expect(() => fixtureSet(root, 'Matching/')).toThrow(/folder name/);
    expect(() => fixtureSet(root, 'no-such-set')).toThrow(/does not exist/);
  });

  test.each(['matching', 'matching-holdout'])('%s: every label names a fact-check of the set, ids are unique', (name) => {
    const { dir } = fixtureSet(root, name);
    const urls = new Set(readJsonl<{ url: string }>(join(dir, 'fact-checks.jsonl')).map((f) => f.url));
    const queries = readJsonl<QueryLabel>(join(dir, 'queries.jsonl'));
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
    for (const q of queries) {
      for (const u of [q.expected, ...q.contradicts].filter((x): x is string => x !== null)) expect([q.id, urls.has(u)]).toEqual([q.id, true]);
      expect([q.id, q.contradicts.includes(q.expected ?? '')]).toEqual([q.id, false]);
    }
  });
});
