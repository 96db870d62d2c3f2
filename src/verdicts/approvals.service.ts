import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLAIM_SELECT, PUBLICATION_JSON, toClaimDto, type ClaimRow } from '../claims/claim.view.js';
import { CURSOR_KEY, decodeKeyCursor, encodeKeyCursor, sqlTimestampKey, type Page } from '../common/pagination.js';
import { rows, SqlFilter } from '../database/sql.js';
import { SourcesService } from '../sources/sources.service.js';
import type { ApprovalDto, ListApprovalsQuery, PublicationViewDto } from './verdicts.dto.js';
import type { Rating } from './verdict.entity.js';

type ApprovalRow = ClaimRow & {
  pv_id: string; pv_version: number; pv_rating: Rating; pv_summary: string; pv_source_ids: string[];
  pv_author_id: string; pv_author_name: string | null; pv_created_at: Date; pv_key: string;
  pv_corrects: string | null; pv_correction_reason: string | null; pv_publication: PublicationViewDto | null; pv_claim_reviewed: string | null;
  article_title: string; article_url: string | null;
};

const APPROVALS_CURSOR = 'ap';

/** What waits for an approver: proposed verdicts and corrections, oldest first. */
@Injectable()
export class ApprovalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: SourcesService,
  ) {}

  /** Keyset-paged on (created_at, id), index verdicts_proposed_created_idx; claims, names and sources in two queries per page. */
  async list(query: ListApprovalsQuery): Promise<Page<ApprovalDto>> {
    const limit = query.limit ?? 50;
    const where = new SqlFilter(`pv.status = 'proposed'`);
    if (query.kind) where.addFixed(query.kind === 'correction' ? 'pv.corrects_verdict_id IS NOT NULL' : 'pv.corrects_verdict_id IS NULL');
    if (query.cursor) {
      const [at, id] = decodeKeyCursor(query.cursor, APPROVALS_CURSOR, [CURSOR_KEY.timestamp, CURSOR_KEY.uuid]);
      where.addFixed(`(pv.created_at, pv.id) > (${where.param(at)}::timestamptz, ${where.param(id)}::uuid)`);
    }
    const found = await rows<ApprovalRow>(
      this.db,
      `SELECT pv.id AS pv_id, pv.version AS pv_version, pv.rating AS pv_rating, pv.summary AS pv_summary, pv.source_ids AS pv_source_ids,
              pv.author_id AS pv_author_id, pu.name AS pv_author_name, pv.created_at AS pv_created_at, ${sqlTimestampKey('pv.created_at')} AS pv_key,
              pv.corrects_verdict_id AS pv_corrects, pv.correction_reason AS pv_correction_reason,
              ${PUBLICATION_JSON('pv.')} AS pv_publication, pv.claim_reviewed AS pv_claim_reviewed,
              a.title AS article_title, a.url AS article_url, ${CLAIM_SELECT}
         FROM verdicts pv JOIN claims c ON c.id = pv.claim_id JOIN articles a ON a.id = c.article_id
              LEFT JOIN verdicts v ON v.claim_id = c.id AND v.status = 'published'
              LEFT JOIN users pu ON pu.id = pv.author_id
        ${where.sql} ORDER BY pv.created_at, pv.id LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const page = found.slice(0, limit);
    const sources = await this.sources.listForClaims(page.map((r) => r.id));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        verdict: {
          id: r.pv_id,
          version: r.pv_version,
          rating: r.pv_rating,
          summary: r.pv_summary,
          sourceIds: r.pv_source_ids,
          authorId: r.pv_author_id,
          authorName: r.pv_author_name,
          proposedAt: r.pv_created_at.toISOString(),
          correction: r.pv_corrects !== null,
          correctsVerdictId: r.pv_corrects,
          correctionReason: r.pv_correction_reason,
          publication: r.pv_publication,
          claimReviewed: r.pv_claim_reviewed,
        },
        claim: toClaimDto(r, true),
        sources: sources.filter((s) => s.claimId === r.id && r.pv_source_ids.includes(s.id)),
        articleId: r.article_id,
        articleTitle: r.article_title,
        articleUrl: r.article_url,
      })),
      nextCursor: found.length > limit ? encodeKeyCursor(APPROVALS_CURSOR, [last.pv_key, last.pv_id]) : null,
    };
  }
}
