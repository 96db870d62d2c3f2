import type { ClaimDto } from '../claims/claims.dto.js';
import type { ExtractedClaim } from '../extractor/index.js';

/** An extracted claim in the API's claim shape, before it has an id, an article or a status (the CLI's `extract`). */
export type UnsavedClaim = Omit<ClaimDto, 'id' | 'articleId' | 'status' | 'statusReason' | 'version' | 'verdict' | 'match' | 'createdAt' | 'revision' | 'goneInRevision' | 'supersedesClaimId'> & {
  id: null;
  articleId: null;
  status: null;
  verdict: null;
};

export function toUnsavedClaim(c: ExtractedClaim): UnsavedClaim {
  return {
    id: null,
    articleId: null,
    text: c.text,
    start: c.start,
    end: c.end,
    category: c.category,
    quantity: c.quantity,
    subject: c.subject,
    location: c.location,
    timeRef: c.timeRef,
    attribution: c.attribution,
    checkworthiness: c.checkworthiness,
    checkworthinessReasons: c.checkworthinessReasons,
    status: null,
    verdict: null,
  };
}
