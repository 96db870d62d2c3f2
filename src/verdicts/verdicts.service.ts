import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound, unprocessable } from '../common/problem.js';
import { ReviewService } from '../review/review.service.js';
import type { CreateVerdictDto, VerdictDto } from './verdicts.dto.js';

const VERDICT_COLUMNS = `id, claim_id AS "claimId", version, rating, summary, source_ids AS "sourceIds", status,
  author_id AS "authorId", published_at AS "publishedAt", created_at AS "createdAt"`;

@Injectable()
export class VerdictsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly review: ReviewService,
  ) {}

  /**
   * The lease holder's verdict: publishes it, completes the review task and moves the claim on,
   * all in one transaction. Anyone else (or an expired lease) gets 409.
   */
  async give(claimId: string, dto: CreateVerdictDto, userId: string): Promise<VerdictDto> {
    return this.db.transaction(async (tx) => {
      const claim = await tx.query(`SELECT id FROM claims WHERE id = $1`, [claimId]);
      if (claim.length === 0) throw notFound('claim', claimId);

      const [task]: Array<{ id: string; status: string; leased_by: string | null; expired: boolean }> = await tx.query(
        `SELECT id, status, leased_by, lease_expires_at < now() AS expired
           FROM review_tasks WHERE claim_id = $1 AND status IN ('open', 'leased') FOR UPDATE`,
        [claimId],
      );
      if (!task || task.status !== 'leased') {
        throw conflict('lease_required', 'Lease this claim\'s review task (POST /v1/review-tasks/lease) before giving a verdict.');
      }
      if (task.leased_by !== userId) {
        throw conflict('lease_held_by_other', 'This claim\'s review task is leased to another editor.');
      }
      if (task.expired) {
        throw conflict('lease_expired', 'Your lease on this claim\'s review task has expired; lease it again.');
      }

      const sourceIds = [...new Set(dto.sourceIds)];
      if (sourceIds.length > 0) {
        const known: Array<{ id: string }> = await tx.query(
          `SELECT id FROM sources WHERE claim_id = $1 AND id = ANY($2::uuid[])`,
          [claimId, sourceIds],
        );
        const missing = sourceIds.filter((id) => !known.some((k) => k.id === id));
        if (missing.length > 0) {
          throw unprocessable('unknown_sources', `These sources are not attached to claim ${claimId}: ${missing.join(', ')}.`, { missing });
        }
      }

      await tx.query(`UPDATE verdicts SET status = 'superseded' WHERE claim_id = $1 AND status = 'published'`, [claimId]);
      const [verdict]: VerdictDto[] = await tx.query(
        `INSERT INTO verdicts (claim_id, version, rating, summary, source_ids, status, author_id, published_at)
         VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM verdicts WHERE claim_id = $1), $2, $3, $4, 'published', $5, now())
         RETURNING ${VERDICT_COLUMNS}`,
        [claimId, dto.rating, dto.summary, sourceIds, userId],
      );
      await tx.query(`UPDATE review_tasks SET status = 'done', completed_at = now(), updated_at = now() WHERE id = $1`, [task.id]);
      await this.review.moveClaim(tx, claimId, 'published', userId, 'claim.published');
      await this.audit.record(
        tx,
        { entityType: 'review_task', entityId: task.id, action: 'task.completed', actorId: userId, fromStatus: 'leased', toStatus: 'done' },
        {
          entityType: 'verdict',
          entityId: verdict.id,
          action: 'verdict.published',
          actorId: userId,
          toStatus: 'published',
          changes: { claimId, rating: dto.rating, version: verdict.version, sourceIds },
        },
      );
      return verdict;
    });
  }
}
