import type { ClaimDto, PublicationViewDto, VerdictSummaryDto } from './claims.dto.js';
import type { MatchStatus } from './claim.entity.js';
import { lastRecheckView, recheckView, type RecheckFigure } from '../verdicts/living-verdicts.js';
import type { FactCheckSummaryDto } from '../fact-checks/fact-checks.dto.js';

/** An imported fact-check's summary (ClaimDto.factCheck), from the fact_checks row aliased `alias`. */
const FACT_CHECK_JSON = (alias: string) => `json_build_object('url', ${alias}.url, 'ratingName', ${alias}.rating_name,
    'ratingValue', ${alias}.rating_value, 'bestRating', ${alias}.best_rating, 'worstRating', ${alias}.worst_rating,
    'author', ${alias}.author_name, 'claimant', ${alias}.claimant, 'datePublished', ${alias}.date_published, 'language', ${alias}.language)`;

/** A verdict row's publication columns (alias prefix `p`, e.g. 'v.') as the answers' `publication` object; null when unset. */
export const PUBLICATION_JSON = (p: string) => `CASE WHEN ${p}publication_url IS NULL THEN NULL ELSE json_build_object('url', ${p}publication_url,
  'headline', ${p}publication_headline, 'language', ${p}publication_language, 'imageUrl', ${p}publication_image_url) END`;

/**
 * The SELECT list every claim read uses, with the current published verdict joined in
 * (at most one per claim, enforced by a partial unique index): one query, no N+1.
 */
export const CLAIM_SELECT = `
  c.id, c.seq, c.article_id, c.text, c.start_offset, c.end_offset, c.category,
  c.quantity_text, c.quantity_start, c.quantity_end, c.quantity_value, c.quantity_low, c.quantity_high,
  c.unit, c.qualifier, c.subject, c.location, c.speaker, c.speaker_role, c.time_ref,
  c.checkworthiness, c.checkworthiness_reasons, c.status, c.status_reason, c.version, c.created_at,
  c.revision, c.gone_in_revision, c.supersedes_claim_id,
  v.id AS verdict_id, v.version AS verdict_version, v.rating AS verdict_rating, v.summary AS verdict_summary,
  v.source_ids AS verdict_source_ids, v.published_at AS verdict_published_at,
  v.correction_reason AS verdict_correction_reason, v.corrects_verdict_id AS verdict_corrects,
  v.author_id AS verdict_author_id, (SELECT vu.name FROM users vu WHERE vu.id = v.author_id) AS verdict_author_name,
  v.approved_by AS verdict_approved_by, (SELECT vu.name FROM users vu WHERE vu.id = v.approved_by) AS verdict_approved_by_name,
  ${PUBLICATION_JSON('v.')} AS verdict_publication, v.claim_reviewed AS verdict_claim_reviewed,
  v.recheck_due_at AS verdict_recheck_due_at, v.recheck_reason AS verdict_recheck_reason, v.recheck_figure AS verdict_recheck_figure,
  v.review_by AS verdict_review_by, v.last_recheck AS verdict_last_recheck,
  c.matched_claim_id, c.match_score, c.match_status,
  (SELECT json_build_object('id', mv.id, 'version', mv.version, 'rating', mv.rating, 'summary', mv.summary,
          'sourceIds', mv.source_ids, 'publishedAt', mv.published_at, 'correctionReason', mv.correction_reason,
          'corrects', mv.corrects_verdict_id)
     FROM verdicts mv WHERE mv.claim_id = c.matched_claim_id AND mv.status = 'published') AS match_verdict,
  (SELECT ${FACT_CHECK_JSON('fc')} FROM fact_checks fc WHERE fc.claim_id = c.id) AS fact_check,
  (SELECT ${FACT_CHECK_JSON('mfc')} FROM fact_checks mfc WHERE mfc.claim_id = c.matched_claim_id) AS match_fact_check`;

export const CLAIM_FROM = `claims c LEFT JOIN verdicts v ON v.claim_id = c.id AND v.status = 'published'`;

export interface ClaimRow {
  id: string;
  seq: string;
  article_id: string;
  text: string;
  start_offset: number;
  end_offset: number;
  category: ClaimDto['category'];
  quantity_text: string | null;
  quantity_start: number | null;
  quantity_end: number | null;
  quantity_value: number | null;
  quantity_low: number | null;
  quantity_high: number | null;
  unit: string | null;
  qualifier: NonNullable<ClaimDto['quantity']>['qualifier'];
  subject: string | null;
  location: string | null;
  speaker: string | null;
  speaker_role: string | null;
  time_ref: ClaimDto['timeRef'];
  checkworthiness: number;
  checkworthiness_reasons: string[];
  status: ClaimDto['status'];
  status_reason: string | null;
  version: number;
  created_at: Date;
  revision: number;
  gone_in_revision: number | null;
  supersedes_claim_id: string | null;
  verdict_id: string | null;
  verdict_version: number | null;
  verdict_rating: VerdictSummaryDto['rating'] | null;
  verdict_summary: string | null;
  verdict_source_ids: string[] | null;
  verdict_published_at: Date | null;
  verdict_correction_reason: string | null;
  verdict_corrects: string | null;
  verdict_author_id: string | null;
  verdict_author_name: string | null;
  verdict_approved_by: string | null;
  verdict_approved_by_name: string | null;
  verdict_publication: PublicationViewDto | null;
  verdict_claim_reviewed: string | null;
  verdict_recheck_due_at?: Date | null;
  verdict_recheck_reason?: string | null;
  verdict_recheck_figure?: RecheckFigure | null;
  verdict_review_by?: Date | null;
  verdict_last_recheck?: Parameters<typeof lastRecheckView>[0];
  matched_claim_id: string | null;
  match_score: number | null;
  match_status: MatchStatus | null;
  /** The matched claim's published verdict (a correlated subquery in CLAIM_SELECT, so every FROM works). */
  match_verdict: {
    id: string; version: number; rating: VerdictSummaryDto['rating']; summary: string; sourceIds: string[];
    publishedAt: string | null; correctionReason: string | null; corrects: string | null;
  } | null;
  /** The claim's imported fact-check, and the matched claim's (correlated subqueries on fact_checks' unique claim_id). */
  fact_check?: FactCheckJson | null;
  match_fact_check?: FactCheckJson | null;
}

type FactCheckJson = Omit<FactCheckSummaryDto, 'datePublished'> & { datePublished: string | null };

/** Dates in json_build_object come as Postgres prints them; the API speaks ISO 8601. */
function factCheckSummary(j: FactCheckJson): FactCheckSummaryDto {
  return { ...j, datePublished: j.datePublished === null ? null : new Date(j.datePublished).toISOString() };
}

/**
 * Readers outside the desk see published claims only (ReadScope, where the queries are built). Should that scope
 * widen, they still never learn that a draft verdict waits for approval, nor the desk's internal reasons.
 */
function claimStatusFor(r: ClaimRow, staff: boolean): Pick<ClaimDto, 'status' | 'statusReason'> {
  if (staff) return { status: r.status, statusReason: r.status_reason };
  const status = r.status === 'awaiting_approval' ? 'in_review' : r.status;
  return { status, statusReason: status === 'dismissed' || status === 'published' ? r.status_reason : null };
}

/** What a reader sees as evidence: the sources the published verdict cites, nothing before publication. */
export function citedSources<S extends { id: string; citesSourceId?: string | null }>(
  sources: S[],
  verdictSourceIds: readonly string[] | null | undefined,
): S[] {
  if (!verdictSourceIds) return [];
  return sources
    .filter((s) => verdictSourceIds.includes(s.id))
    // A cited source may name as its origin one that is not shown: readers get no dangling id.
    .map((s) => (s.citesSourceId && !verdictSourceIds.includes(s.citesSourceId) ? { ...s, citesSourceId: null } : s));
}

/** Who wrote and who approved a verdict: desk staff only (the publisher stands behind a verdict, not a person). */
export function verdictPeople(authorId: string | null, authorName: string | null, approvedBy: string | null, approvedByName: string | null) {
  return { authorId, authorName, approvedBy, approvedByName };
}

/**
 * `staff` (editors, approvers, admins) also see match suggestions not yet confirmed by an editor;
 * everyone else sees a match only once an editor confirmed it.
 */
export function toClaimDto(r: ClaimRow, staff = false): ClaimDto {
  return {
    id: r.id,
    articleId: r.article_id,
    text: r.text,
    start: r.start_offset,
    end: r.end_offset,
    category: r.category,
    quantity:
      r.quantity_text === null
        ? null
        : {
            text: r.quantity_text,
            start: r.quantity_start ?? 0,
            end: r.quantity_end ?? 0,
            value: r.quantity_value,
            low: r.quantity_low,
            high: r.quantity_high,
            unit: r.unit,
            qualifier: r.qualifier,
          },
    subject: r.subject,
    location: r.location,
    timeRef: r.time_ref,
    attribution: r.speaker === null ? null : { speaker: r.speaker, role: r.speaker_role },
    checkworthiness: r.checkworthiness,
    checkworthinessReasons: r.checkworthiness_reasons,
    ...claimStatusFor(r, staff),
    // Staff only: it moves with every desk action (a proposal, a rejection) that readers must not infer.
    version: staff ? r.version : undefined,
    verdict:
      r.verdict_id === null
        ? null
        : {
            id: r.verdict_id,
            version: r.verdict_version ?? 1,
            rating: r.verdict_rating!,
            summary: r.verdict_summary ?? '',
            sourceIds: r.verdict_source_ids ?? [],
            publishedAt: r.verdict_published_at?.toISOString() ?? null,
            corrected: r.verdict_corrects !== null,
            correctionReason: r.verdict_correction_reason,
            publication: r.verdict_publication ?? null,
            claimReviewed: r.verdict_claim_reviewed ?? null,
            recheck: recheckView(r.verdict_recheck_due_at ?? null, r.verdict_recheck_reason ?? null, r.verdict_recheck_figure ?? null, staff),
            reviewBy: r.verdict_review_by?.toISOString() ?? null,
            lastRecheck: lastRecheckView(r.verdict_last_recheck ?? null, staff),
            ...(staff ? verdictPeople(r.verdict_author_id, r.verdict_author_name, r.verdict_approved_by, r.verdict_approved_by_name) : {}),
          },
    match:
      r.matched_claim_id === null || r.match_status === null || (!staff && r.match_status !== 'confirmed')
        ? null
        : {
            claimId: r.matched_claim_id,
            score: r.match_score ?? 0,
            status: r.match_status,
            verdict:
              r.match_verdict === null
                ? null
                : {
                    id: r.match_verdict.id,
                    version: r.match_verdict.version,
                    rating: r.match_verdict.rating,
                    summary: r.match_verdict.summary,
                    sourceIds: r.match_verdict.sourceIds ?? [],
                    publishedAt: r.match_verdict.publishedAt === null ? null : new Date(r.match_verdict.publishedAt).toISOString(),
                    corrected: r.match_verdict.corrects !== null,
                    correctionReason: r.match_verdict.correctionReason,
                  },
            ...(r.match_fact_check ? { factCheck: factCheckSummary(r.match_fact_check) } : {}),
          },
    // Only on a claim that came from an import: another publisher's published rating, not a verdict of ours.
    ...(r.fact_check ? { factCheck: factCheckSummary(r.fact_check) } : {}),
    revision: r.revision,
    goneInRevision: r.gone_in_revision,
    supersedesClaimId: r.supersedes_claim_id,
    createdAt: r.created_at.toISOString(),
  };
}
