import { describe, expect, test } from '@jest/globals';
import { extractClaims } from '../../src/extractor/index.js';
import { planReconciliation, type StoredClaim } from '../../src/extraction/reconcile.js';
import { progressBar, progressLine, formatDuration } from '../../src/cli/progress.js';
import type { RerunDto } from '../../src/extraction/reruns.dto.js';

/** Stored claims as extraction would have stored them from `text` (ids c0, c1, …). */
function stored(text: string, worked: number[] = []): StoredClaim[] {
  return extractClaims(text).map((c, i) => ({
    id: `c${i}`, ordinal: i, text: c.text, start: c.start, end: c.end, category: c.category,
    quantityText: c.quantity?.text ?? null, quantityStart: c.quantity?.start ?? null, quantityEnd: c.quantity?.end ?? null,
    value: c.quantity?.value ?? null, low: c.quantity?.low ?? null, high: c.quantity?.high ?? null, unit: c.quantity?.unit ?? null,
    qualifier: c.quantity?.qualifier ?? null, subject: c.subject, location: c.location, status: 'queued', worked: worked.includes(i),
  }));
}
const plan = (before: StoredClaim[], after: string) => {
  const p = planReconciliation(before, extractClaims(after), after);
  return {
    kept: p.kept.map((k) => k.stored.id),
    superseded: p.superseded.map((s) => s.stored.id),
    added: p.added.length,
    gone: p.gone.map((g) => g.id),
  };
};

const KILLED = (n: number) => `At least ${n} people were killed in the strike on the central market, the regional governor said.`;
const WOUNDED = 'More than 100 people were wounded, according to the health ministry.';
const EVACUATED = 'Rescue teams evacuated 300 residents from nearby buildings.';

describe('planReconciliation', () => {
  const v1 = `${KILLED(40)} ${WOUNDED} ${EVACUATED}`;

  test('the same text: everything kept', () => {
    expect(plan(stored(v1), v1)).toEqual({ kept: ['c0', 'c1', 'c2'], superseded: [], added: 0, gone: [] });
  });

  test('moved sentences are kept, at their new offsets', () => {
    const v2 = `Updated. ${EVACUATED} ${WOUNDED} ${KILLED(40)}`;
    const p = planReconciliation(stored(v1), extractClaims(v2), v2);
    expect(p.kept.map((k) => k.stored.id).sort()).toEqual(['c0', 'c1', 'c2']);
    for (const k of p.kept) expect(v2.slice(extractClaims(v2)[k.fresh!].start, extractClaims(v2)[k.fresh!].end)).toBe(k.stored.text);
  });

  test('a changed figure supersedes; a removed sentence is gone; a new one is added', () => {
    const v2 = `${KILLED(52)} ${WOUNDED} The city said 12 schools were closed.`;
    expect(plan(stored(v1), v2)).toEqual({ kept: ['c1'], superseded: ['c0'], added: 1, gone: ['c2'] });
  });

  test('a worked claim is not gone while its sentence is in the text, even if the extractor no longer reads it', () => {
    const before = stored(v1, [2]);
    const p = planReconciliation(before, extractClaims(v1).slice(0, 2), `Intro. ${v1}`);
    expect(p.gone).toEqual([]);
    const moved = p.kept.find((k) => k.stored.id === 'c2')!;
    expect(moved).toMatchObject({ fresh: null, shift: 'Intro. '.length });
    // Not worked: gone.
    expect(planReconciliation(stored(v1), extractClaims(v1).slice(0, 2), v1).gone.map((g) => g.id)).toEqual(['c2']);
  });

  test('a sentence repeated twice keeps each occurrence apart', () => {
    const twice = `${WOUNDED} ${WOUNDED}`;
    expect(plan(stored(twice), twice)).toEqual({ kept: ['c0', 'c1'], superseded: [], added: 0, gone: [] });
    expect(plan(stored(twice), WOUNDED)).toEqual({ kept: ['c0'], superseded: [], added: 0, gone: ['c1'] });
  });
});

describe('reextract progress', () => {
  const run = (over: Partial<RerunDto>): RerunDto => ({
    id: 'r1', status: 'running', since: null, extractorVersionBelow: null, total: 10, done: 0, failed: 0, remaining: 10,
    ratePerSecond: null, etaSeconds: null, createdAt: '', finishedAt: null, ...over,
  });

  test('the bar fills with the articles processed, with rate and ETA', () => {
    expect(progressBar(run({ done: 4, failed: 1, remaining: 5, ratePerSecond: 2.5, etaSeconds: 2 }), 10)).toBe('[#####-----] 5/10 50% 2.50/s ETA 2s, 1 failed');
    expect(progressBar(run({}), 10)).toBe('[----------] 0/10 0% – ETA –, 0 failed');
    expect(progressLine(run({ done: 10, remaining: 0, ratePerSecond: 12, etaSeconds: 0, status: 'done' }))).toBe('reextract r1: 10/10 (100%), 10 done, 0 failed, 12/s, ETA 0s');
  });

  test('durations read at a glance', () => {
    expect([formatDuration(42), formatDuration(65), formatDuration(7380)]).toEqual(['42s', '1m 05s', '2h 03m']);
  });
});
