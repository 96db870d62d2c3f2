import type { ClaimStatus } from '../claims/claim.entity.js';
import type { ExtractedClaim } from '../extractor/index.js';

/** The claims columns an extracted claim fills, in the order of `claimRow` (for bulkInsert). */
export const CLAIM_COLUMNS = [
  'article_id', 'ordinal', 'text', 'start_offset', 'end_offset', 'category',
  'quantity_text', 'quantity_start', 'quantity_end', 'quantity_value', 'quantity_low', 'quantity_high', 'unit', 'qualifier',
  'subject', 'location', 'speaker', 'speaker_role', 'time_ref', 'checkworthiness', 'checkworthiness_reasons',
  'status', 'status_reason',
] as const;

/** One claims row (values in CLAIM_COLUMNS order) for an extracted claim: extraction and the fact-check import write it the same way. */
export function claimRow(articleId: string, ordinal: number, c: ExtractedClaim, status: ClaimStatus, statusReason: string | null): unknown[] {
  return [
    articleId, ordinal, c.text, c.start, c.end, c.category,
    c.quantity?.text ?? null, c.quantity?.start ?? null, c.quantity?.end ?? null,
    c.quantity?.value ?? null, c.quantity?.low ?? null, c.quantity?.high ?? null,
    c.quantity?.unit ?? null, c.quantity?.qualifier ?? null,
    c.subject, c.location, c.attribution?.speaker ?? null, c.attribution?.role ?? null,
    c.timeRef ? JSON.stringify(c.timeRef) : null, clamp01(c.checkworthiness), c.checkworthinessReasons,
    status, statusReason,
  ];
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}
