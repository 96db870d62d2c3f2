import type { ClaimStatus } from '../claims/claim.entity.js';
import type { ClaimCategory } from '../claims/claim-vocabulary.js';

/** A claim of the article with the columns that place it in the revisions (claims.revision, gone_in_revision, supersedes_claim_id). */
export interface ClaimInRevisions {
  id: string;
  text: string;
  quantityText: string | null;
  category: ClaimCategory;
  status: ClaimStatus;
  revision: number;
  goneInRevision: number | null;
  supersedesClaimId: string | null;
}

export type ClaimRef = Pick<ClaimInRevisions, 'id' | 'text' | 'quantityText' | 'category' | 'status'>;

export interface RevisionClaims {
  kept: ClaimRef[];
  added: ClaimRef[];
  superseded: Array<{ claim: ClaimRef; successor: ClaimRef }>;
  gone: ClaimRef[];
}

const ref = ({ id, text, quantityText, category, status }: ClaimInRevisions): ClaimRef => ({ id, text, quantityText, category, status });

/**
 * What revision `revision` did to the claims, read from the claims as they are now: a claim first made in it is
 * added, or supersedes the claim its supersedesClaimId names; a claim of an earlier revision still in the text then
 * was kept; one that left the text in it with no successor is gone. `claims` in reading order; the lists keep it.
 */
export function revisionClaims(claims: readonly ClaimInRevisions[], revision: number): RevisionClaims {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const replaced = new Set(claims.filter((c) => c.revision === revision && c.supersedesClaimId).map((c) => c.supersedesClaimId!));
  const out: RevisionClaims = { kept: [], added: [], superseded: [], gone: [] };
  for (const c of claims) {
    if (c.revision === revision) {
      const old = c.supersedesClaimId ? byId.get(c.supersedesClaimId) : undefined;
      if (old) out.superseded.push({ claim: ref(old), successor: ref(c) });
      else out.added.push(ref(c));
    } else if (c.revision < revision && (c.goneInRevision === null || c.goneInRevision > revision)) {
      out.kept.push(ref(c));
    }
    if (c.goneInRevision === revision && !replaced.has(c.id)) out.gone.push(ref(c));
  }
  return out;
}
