import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normalizeUrl } from '../articles/normalize.js';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination.js';
import { notFound } from '../common/problem.js';
import { SqlFilter } from '../database/sql.js';
import { ReadScope } from '../auth/read-scope.js';
import { citedSources, CLAIM_FROM, CLAIM_SELECT, PUBLICATION_JSON, toClaimDto, type ClaimRow } from './claim.view.js';
import type { AuditEventDto } from '../audit/audit.dto.js';
import { AuditService } from '../audit/audit.service.js';
import type { ClaimDetailDto, ClaimDto, ListClaimsQuery, RejectionDto, VerdictSummaryDto } from './claims.dto.js';
import type { SourceDto } from '../sources/sources.dto.js';

const DEFAULT_LIMIT = 50;

@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Newest first, keyset-paginated on `seq` (indexes: claims_{category,status}_seq_idx, claims_search_idx and, for consumers,
   * claims_published_search_idx, articles url key).
   * The scope is a condition of the query itself, so filters, search and cursors only ever walk what the caller may see.
   */
  async list(query: ListClaimsQuery, scope: ReadScope): Promise<Page<ClaimDto>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    scope.assertStatusFilter(query.status);
    const where = new SqlFilter(scope.claims('c'));
    if (query.articleUrl) {
      where.add('c.article_id = (SELECT id FROM articles WHERE url_normalized = ?)', normalizeUrl(query.articleUrl));
    }
    if (query.category) where.add('c.category = ?', query.category);
    if (query.status) where.add('c.status = ?', query.status);
    // GIN index claims_search_idx on the generated tsvector column (claims_published_search_idx in a consumer's scope).
    if (query.q) where.add(`c.search @@ websearch_to_tsquery('english', ?)`, query.q);
    if (query.cursor) where.add('c.seq < ?', decodeCursor(query.cursor));
    const rows: ClaimRow[] = await this.db.query(
      `SELECT ${CLAIM_SELECT} FROM ${CLAIM_FROM} ${where.sql} ORDER BY c.seq DESC LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    return { items: page.map((r) => toClaimDto(r, scope.staff)), nextCursor: hasMore ? encodeCursor(page[page.length - 1].seq) : null };
  }

  /** In reading order; the claims still in the text, unless includeGone (then the gone ones after them). */
  async listByArticle(articleId: string, scope: ReadScope, includeGone = false): Promise<ClaimDto[]> {
    const exists = await this.db.query(`SELECT 1 FROM articles a WHERE a.id = $1 AND ${scope.articles('a')}`, [articleId]);
    if (exists.length === 0) throw notFound('article', articleId);
    const rows: ClaimRow[] = await this.db.query(
      `SELECT ${CLAIM_SELECT} FROM ${CLAIM_FROM} WHERE c.article_id = $1 AND ${scope.claims('c')} ${includeGone ? '' : 'AND c.gone_in_revision IS NULL'}
        ORDER BY c.gone_in_revision IS NOT NULL, c.gone_in_revision, c.start_offset, c.ordinal`,
      [articleId],
    );
    return rows.map((r) => toClaimDto(r, scope.staff));
  }

  async history(id: string): Promise<AuditEventDto[]> {
    const exists = await this.db.query(`SELECT 1 FROM claims WHERE id = $1`, [id]);
    if (exists.length === 0) throw notFound('claim', id);
    return this.audit.claimHistory(this.db, id);
  }

  /**
   * Staff also see the verdict waiting for approval (never shown to consumers). One statement: the claim row with its
   * sources and (staff) the proposed verdict, the last rejection and the open task as correlated JSON subqueries.
   */
  async get(id: string, scope: ReadScope): Promise<ClaimDetailDto> {
    const staff = scope.staff;
    const [row]: DetailRow[] = await this.db.query(
      `SELECT ${CLAIM_SELECT}, ${SOURCES_JSON} AS sources_json${staff ? `, ${STAFF_JSON}` : ''}
         FROM ${CLAIM_FROM} WHERE c.id = $1 AND ${scope.claims('c')}`,
      [id],
    );
    if (!row) throw notFound('claim', id);
    const all = row.sources_json.map((s) => ({ ...s, publishedAt: isoOrNull(s.publishedAt), createdAt: iso(s.createdAt) }));
    const sources = staff ? all : citedSources(all, row.verdict_source_ids);
    const detail: ClaimDetailDto = { ...toClaimDto(row, staff), sources };
    if (staff) {
      const { proposed_json: proposed, rejection_json: rejection, task_json: task } = row;
      detail.proposedVerdict = proposed ? { ...proposed, publishedAt: isoOrNull(proposed.publishedAt) } : null;
      detail.lastRejection = rejection ? { ...rejection, rejectedAt: iso(rejection.rejectedAt) } : null;
      detail.task = task ? { ...task, leaseExpiresAt: isoOrNull(task.leaseExpiresAt), dueAt: iso(task.dueAt) } : null;
    }
    return detail;
  }
}

/** A timestamp inside json_build_object comes as Postgres prints it; the API speaks ISO 8601 (milliseconds, as node-pg's Dates). */
const iso = (t: string) => new Date(t).toISOString();
const isoOrNull = (t: string | null) => (t === null ? null : iso(t));

/** The claim's sources, as SourcesService.listForClaim returns them (same fields, same order). */
const SOURCES_JSON = `coalesce((SELECT json_agg(json_build_object('id', s.id, 'claimId', s.claim_id, 'url', s.url, 'title', s.title,
    'publisher', s.publisher, 'sourceType', s.source_type, 'publishedAt', s.published_at, 'excerpt', s.excerpt,
    'figure', CASE WHEN s.figure_value IS NULL AND s.figure_low IS NULL AND s.figure_high IS NULL THEN NULL
      ELSE json_build_object('value', s.figure_value, 'low', s.figure_low, 'high', s.figure_high, 'asOf', to_char(s.figure_as_of, 'YYYY-MM-DD')) END,
    'stance', s.stance, 'citesSourceId', s.cites_source_id, 'createdAt', s.created_at) ORDER BY s.created_at, s.id)
  FROM sources s WHERE s.claim_id = c.id), '[]'::json)`;

/** What staff see besides: the verdict waiting for approval, the last rejection (from the audit log), the unfinished task. */
const STAFF_JSON = `
  (SELECT json_build_object('id', pv.id, 'version', pv.version, 'rating', pv.rating, 'summary', pv.summary, 'sourceIds', pv.source_ids,
          'publishedAt', pv.published_at, 'corrected', pv.corrects_verdict_id IS NOT NULL, 'correctionReason', pv.correction_reason,
          'authorId', pv.author_id, 'authorName', au.name, 'approvedBy', pv.approved_by, 'approvedByName', ap.name,
          'publication', ${PUBLICATION_JSON('pv.')}, 'claimReviewed', pv.claim_reviewed)
     FROM verdicts pv LEFT JOIN users au ON au.id = pv.author_id LEFT JOIN users ap ON ap.id = pv.approved_by
    WHERE pv.claim_id = c.id AND pv.status = 'proposed') AS proposed_json,
  (SELECT json_build_object('verdictId', e.entity_id, 'verdictVersion', rv.version, 'reason', e.reason, 'rejectedBy', e.actor_id,
          'rejectedByName', u.name, 'rejectedAt', e.created_at, 'correction', e.action = 'verdict.correction_rejected')
     FROM audit_events e JOIN verdicts rv ON rv.id = e.entity_id LEFT JOIN users u ON u.id = e.actor_id
    WHERE e.claim_id = c.id AND e.action IN ('verdict.rejected', 'verdict.correction_rejected')
    ORDER BY e.id DESC LIMIT 1) AS rejection_json,
  (SELECT json_build_object('id', t.id, 'status', t.status, 'leasedBy', t.leased_by, 'leasedByName', lu.name,
          'leaseExpiresAt', t.lease_expires_at, 'assignedTo', t.assigned_to, 'assignedToName', tu.name, 'dueAt', t.due_at)
     FROM review_tasks t LEFT JOIN users lu ON lu.id = t.leased_by LEFT JOIN users tu ON tu.id = t.assigned_to
    WHERE t.claim_id = c.id AND t.status IN ('open', 'leased')) AS task_json`;

/** The detail query's row: the claim's columns and the JSON of what hangs off it. */
interface DetailRow extends ClaimRow {
  sources_json: Array<Omit<SourceDto, 'publishedAt' | 'createdAt'> & { publishedAt: string | null; createdAt: string }>;
  proposed_json?: (Omit<VerdictSummaryDto, 'publishedAt'> & { publishedAt: string | null }) | null;
  rejection_json?: (Omit<RejectionDto, 'rejectedAt'> & { rejectedAt: string }) | null;
  task_json?: (Omit<NonNullable<ClaimDetailDto['task']>, 'leaseExpiresAt' | 'dueAt'> & { leaseExpiresAt: string | null; dueAt: string }) | null;
}
