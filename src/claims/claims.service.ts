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
import { SourcesService } from '../sources/sources.service.js';
import type { ClaimDetailDto, ClaimDto, ListClaimsQuery } from './claims.dto.js';

const DEFAULT_LIMIT = 50;

@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly sources: SourcesService,
  ) {}

  /**
   * Newest first, keyset-paginated on `seq` (indexes: claims_{category,status}_seq_idx, claims_search_idx, articles url key).
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
    // GIN index claims_search_idx on the generated tsvector column.
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

  /** Staff also see the verdict waiting for approval (never shown to consumers). */
  async get(id: string, scope: ReadScope): Promise<ClaimDetailDto> {
    const staff = scope.staff;
    const [row]: ClaimRow[] = await this.db.query(`SELECT ${CLAIM_SELECT} FROM ${CLAIM_FROM} WHERE c.id = $1 AND ${scope.claims('c')}`, [id]);
    if (!row) throw notFound('claim', id);
    const all = await this.sources.listForClaim(id);
    const sources = staff ? all : citedSources(all, row.verdict_source_ids);
    const detail: ClaimDetailDto = { ...toClaimDto(row, staff), sources };
    if (staff) {
      const [[proposed], [rejection], [task]] = await Promise.all([
        this.db.query(
          `SELECT pv.id, pv.version, pv.rating, pv.summary, pv.source_ids AS "sourceIds", pv.published_at AS "publishedAt",
                  pv.corrects_verdict_id IS NOT NULL AS corrected, pv.correction_reason AS "correctionReason",
                  pv.author_id AS "authorId", au.name AS "authorName", pv.approved_by AS "approvedBy", ap.name AS "approvedByName",
                  ${PUBLICATION_JSON('pv.')} AS publication, pv.claim_reviewed AS "claimReviewed"
             FROM verdicts pv LEFT JOIN users au ON au.id = pv.author_id LEFT JOIN users ap ON ap.id = pv.approved_by
            WHERE pv.claim_id = $1 AND pv.status = 'proposed'`,
          [id],
        ),
        // The audit log says who rejected and when (index audit_events_claim_idx); the verdict row keeps the reason too.
        this.db.query(
          `SELECT e.entity_id AS "verdictId", rv.version AS "verdictVersion", e.reason, e.actor_id AS "rejectedBy", u.name AS "rejectedByName",
                  e.created_at AS "rejectedAt", e.action = 'verdict.correction_rejected' AS correction
             FROM audit_events e JOIN verdicts rv ON rv.id = e.entity_id LEFT JOIN users u ON u.id = e.actor_id
            WHERE e.claim_id = $1 AND e.action IN ('verdict.rejected', 'verdict.correction_rejected')
            ORDER BY e.id DESC LIMIT 1`,
          [id],
        ),
        // At most one unfinished task per claim (unique index review_tasks_active_claim_key).
        this.db.query(
          `SELECT t.id, t.status, t.leased_by AS "leasedBy", lu.name AS "leasedByName", t.lease_expires_at AS "leaseExpiresAt",
                  t.assigned_to AS "assignedTo", au.name AS "assignedToName", t.due_at AS "dueAt"
             FROM review_tasks t LEFT JOIN users lu ON lu.id = t.leased_by LEFT JOIN users au ON au.id = t.assigned_to
            WHERE t.claim_id = $1 AND t.status IN ('open', 'leased')`,
          [id],
        ),
      ]);
      detail.proposedVerdict = proposed ?? null;
      detail.lastRejection = rejection ?? null;
      detail.task = task ? { ...task, leaseExpiresAt: task.leaseExpiresAt?.toISOString() ?? null, dueAt: task.dueAt.toISOString() } : null;
    }
    return detail;
  }
}
