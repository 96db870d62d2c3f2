import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertTransition } from '../claims/claim-state.js';
import { CLAIM_SELECT, toClaimDto, type ClaimRow } from '../claims/claim.view.js';
import { AppConfig } from '../config/config.js';
import { rows } from '../database/sql.js';
import type { ListReviewTasksQuery, ReviewTaskDto } from './review.dto.js';
import type { ReviewTaskStatus } from './review-task.entity.js';

type TaskRow = ClaimRow & {
  task_id: string;
  task_status: ReviewTaskStatus;
  priority: number;
  leased_by: string | null;
  lease_expires_at: Date | null;
  task_created_at: Date;
};

const TASK_SELECT = `
  t.id AS task_id, t.status AS task_status, t.priority, t.leased_by, t.lease_expires_at, t.created_at AS task_created_at,
  ${CLAIM_SELECT}`;
const TASK_FROM = `review_tasks t JOIN claims c ON c.id = t.claim_id
  LEFT JOIN verdicts v ON v.claim_id = c.id AND v.status = 'published'`;

function toTaskDto(r: TaskRow): ReviewTaskDto {
  return {
    id: r.task_id,
    claimId: r.id,
    status: r.task_status,
    priority: r.priority,
    leasedBy: r.leased_by,
    leaseExpiresAt: r.lease_expires_at?.toISOString() ?? null,
    createdAt: r.task_created_at.toISOString(),
    claim: toClaimDto(r),
  };
}

@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The triage list: highest priority first (index review_tasks_status_priority_idx). */
  async list(query: ListReviewTasksQuery): Promise<ReviewTaskDto[]> {
    const rows: TaskRow[] = await this.db.query(
      `SELECT ${TASK_SELECT} FROM ${TASK_FROM}
        WHERE t.status = $1 ORDER BY t.priority DESC, t.created_at LIMIT $2`,
      [query.status ?? 'open', query.limit ?? 50],
    );
    return rows.map(toTaskDto);
  }

  /**
   * Hands the caller the highest-priority open task, or null. `FOR UPDATE SKIP LOCKED` makes
   * concurrent callers skip a row another transaction is taking, so no task goes out twice.
   */
  async leaseNext(userId: string): Promise<ReviewTaskDto | null> {
    await this.releaseExpired();
    return this.db.transaction(async (tx) => {
      const [leased] = await rows<{ id: string; claim_id: string }>(
        tx,
        `UPDATE review_tasks t
            SET status = 'leased', leased_by = $1, lease_expires_at = now() + make_interval(secs => $2), updated_at = now()
          WHERE t.id = (SELECT id FROM review_tasks WHERE status = 'open'
                         ORDER BY priority DESC, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING t.id, t.claim_id`,
        [userId, this.config.REVIEW_LEASE_SECONDS],
      );
      if (!leased) return null;
      await this.moveClaim(tx, leased.claim_id, 'in_review', userId, 'claim.leased');
      await this.audit.record(tx, {
        entityType: 'review_task',
        entityId: leased.id,
        action: 'task.leased',
        actorId: userId,
        fromStatus: 'open',
        toStatus: 'leased',
      });
      const [row]: TaskRow[] = await tx.query(`SELECT ${TASK_SELECT} FROM ${TASK_FROM} WHERE t.id = $1`, [leased.id]);
      return toTaskDto(row);
    });
  }

  /** Returns tasks whose lease ran out to the queue (and their claims to `queued`). Safe to run anywhere, any time. */
  async releaseExpired(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const expired = await rows<{ id: string; claim_id: string; leased_by: string }>(
        tx,
        `WITH expired AS (
           SELECT id, claim_id, leased_by FROM review_tasks
            WHERE status = 'leased' AND lease_expires_at < now()
            FOR UPDATE SKIP LOCKED)
         UPDATE review_tasks t SET status = 'open', leased_by = NULL, lease_expires_at = NULL, updated_at = now()
           FROM expired e WHERE t.id = e.id
         RETURNING t.id, e.claim_id, e.leased_by`,
      );
      if (expired.length === 0) return 0;
      await tx.query(
        `UPDATE claims SET status = 'queued', version = version + 1, updated_at = now()
          WHERE id = ANY($1::uuid[]) AND status = 'in_review'`,
        [expired.map((e) => e.claim_id)],
      );
      await this.audit.record(
        tx,
        ...expired.flatMap((e) => [
          { entityType: 'review_task' as const, entityId: e.id, action: 'task.lease_expired', fromStatus: 'leased', toStatus: 'open', changes: { previousHolder: e.leased_by } },
          { entityType: 'claim' as const, entityId: e.claim_id, action: 'claim.lease_expired', fromStatus: 'in_review', toStatus: 'queued' },
        ]),
      );
      return expired.length;
    });
  }

  /** Claim status change through the state machine, with its audit event, inside the caller's transaction. */
  async moveClaim(tx: EntityManager, claimId: string, to: Parameters<typeof assertTransition>[1], actorId: string | null, action: string, reason?: string): Promise<void> {
    const [claim]: Array<{ status: Parameters<typeof assertTransition>[0] }> = await tx.query(
      `SELECT status FROM claims WHERE id = $1 FOR UPDATE`,
      [claimId],
    );
    assertTransition(claim.status, to);
    await tx.query(`UPDATE claims SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [claimId, to]);
    await this.audit.record(tx, { entityType: 'claim', entityId: claimId, action, actorId, fromStatus: claim.status, toStatus: to, reason });
  }
}
