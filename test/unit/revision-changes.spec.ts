import { describe, expect, test } from '@jest/globals';
import { revisionClaims, type ClaimInRevisions } from '../../src/articles/revision-changes.js';

const claim = (id: string, revision: number, goneInRevision: number | null = null, supersedesClaimId: string | null = null): ClaimInRevisions => ({
  id, text: `sentence ${id}`, quantityText: id, category: 'casualties', status: 'queued', revision, goneInRevision, supersedesClaimId,
});
const ids = (r: ReturnType<typeof revisionClaims>) => ({
  kept: r.kept.map((c) => c.id), added: r.added.map((c) => c.id),
  superseded: r.superseded.map((s) => [s.claim.id, s.successor.id]), gone: r.gone.map((c) => c.id),
});

/** What each revision did to the claims, read back from the claims' revision, goneInRevision and supersedesClaimId. */
describe('revisionClaims', () => {
  // r1: a, b, c. r2: a kept, b 40 → b2 52, d added. r3: b2 → b3, c gone, a kept, d kept.
  const claims = [
    claim('a', 1), claim('b', 1, 2), claim('b2', 2, 3, 'b'), claim('b3', 3, null, 'b2'), claim('c', 1, 3), claim('d', 2),
  ];

  test('revision 1: everything added', () => {
    expect(ids(revisionClaims(claims, 1))).toEqual({ kept: [], added: ['a', 'b', 'c'], superseded: [], gone: [] });
  });

  test('revision 2: the changed figure superseded (not gone), the rest kept, the new sentence added', () => {
    expect(ids(revisionClaims(claims, 2))).toEqual({ kept: ['a', 'c'], added: ['d'], superseded: [['b', 'b2']], gone: [] });
  });

  test('revision 3: superseded again, the left sentence gone', () => {
    expect(ids(revisionClaims(claims, 3))).toEqual({ kept: ['a', 'd'], added: [], superseded: [['b2', 'b3']], gone: ['c'] });
  });
});
