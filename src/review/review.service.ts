import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { ClaimStatus } from '../claims/claim.entity.js';
import { assertTransition } from '../claims/claim-state.js';
import { CLAIM_SELECT, toClaimDto, type ClaimRow } from '../claims/claim.view.js';
import { conflict, notFound, ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { rows } from '../database/sql.js';
import type { ClaimCategory } from '../extraction/extractor/types.js';
import { basePriority, rank, sqlEffectivePriority } from './priority.js';
import type { ListReviewTasksQuery, ReviewTaskDto } from './review.dto.js';
import type { ReviewTaskStatus } from './review-task.entity.js';

type TaskRow = ClaimRow & {
  task_id: string;
  task_status: ReviewTaskStatus;
  base_priority: number;
  effective_priority: number;
  leased_by: string | null;
  lease_expires_at: Date | null;
  assigned_to: string | null;
  due_at: Date;
  overdue: boolean;
  task_created_at: Date;
};

/** $1 is always the aging rate in the queries that use these. */
const TASK_SELECT = `
  t.id AS task_id, t.status AS task_status, t.priority AS base_priority, ${sqlEffectivePriority('t.rank', '$1')} AS effective_priority,
  t.leased_by, t.lease_expires_at, t.assigned_to, t.due_at, (t.due_at < now() AND t.status IN ('open','leased')) AS overdue,
  t.created_at AS task_created_at, ${CLAIM_SELECT}`;
const TASK_FROM = `review_tasks t JOIN claims c ON c.id = t.claim_id
  LEFT JOIN verdicts v ON v.claim_id = c.id AND v.status = 'published'`;

function toTaskDto(r: TaskRow): ReviewTaskDto {
  return {
    id: r.task_id,
    claimId: r.id,
    status: r.task_status,
    priority: r.effective_priority,
    basePriority: r.base_priority,
    leasedBy: r.leased_by,
    leaseExpiresAt: r.lease_expires_at?.toISOString() ?? null,
    assignedTo: r.assigned_to,
    dueAt: r.due_at.toISOString(),
    overdue: r.overdue,
    createdAt: r.task_created_at.toISOString(),
    claim: toClaimDto(r, true),
  };
}

export interface NewTask {
  claimId: string;
  checkworthiness: number;
  category: ClaimCategory;
  assignedTo?: string | null;
}

@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Creates open tasks (one multi-row insert). Claims that already have an unfinished task are skipped. */
  async createTasks(tx: EntityManager, tasks: NewTask[]): Promise<void> {
    const now = new Date();
    const due = new Date(now.getTime() + this.config.REVIEW_DUE_HOURS * 3_600_000);
    await bulkInsert(
      tx,
      'review_tasks',
      ['claim_id', 'status', 'priority', 'rank', 'due_at', 'assigned_to', 'created_at'],
      tasks.map((t) => {
        const base = basePriority(t.checkworthiness, t.category);
        return [t.claimId, 'open', base, rank(base, now, this.config.REVIEW_AGING_PER_HOUR), due, t.assignedTo ?? null, now];
      }),
      'ON CONFLICT DO NOTHING',
    );
  }

  /** The triage list, highest effective priority first (index review_tasks_status_rank_idx / review_tasks_due_idx). */
  async list(query: ListReviewTasksQuery): Promise<ReviewTaskDto[]> {
    const params: unknown[] = [this.config.REVIEW_AGING_PER_HOUR, query.limit ?? 50];
    let where: string;
    if (query.overdue) {
      params.push(query.status ? [query.status] : ['open', 'leased']);
      where = `t.due_at < now() AND t.status = ANY($3::text[]) AND t.status IN ('open', 'leased')`;
    } else {
      params.push(query.status ?? 'open');
      where = `t.status = $3`;
    }
    const found = await rows<TaskRow>(
      this.db,
      `SELECT ${TASK_SELECT} FROM ${TASK_FROM} WHERE ${where} ORDER BY t.rank DESC LIMIT $2`,
      params,
    );
    return found.map(toTaskDto);
  }

  async get(taskId: string, db: DataSource | EntityManager = this.db): Promise<ReviewTaskDto> {
    const [row] = await rows<TaskRow>(db, `SELECT ${TASK_SELECT} FROM ${TASK_FROM} WHERE t.id = $2`, [
      this.config.REVIEW_AGING_PER_HOUR,
      taskId,
    ]);
    if (!row) throw notFound('review_task', taskId);
    return toTaskDto(row);
  }

  /**
   * Hands the caller the open task assigned to them, else the highest-priority unassigned one, or null.
   * `FOR UPDATE SKIP LOCKED` makes concurrent callers skip a row another transaction is taking, so no
   * task goes out twice. COALESCE stops at the first subquery that finds a task.
   */
  async leaseNext(userId: string): Promise<ReviewTaskDto | null> {
    await this.releaseExpired();
    return this.db.transaction(async (tx) => {
      const [leased] = await rows<{ id: string; claim_id: string }>(
        tx,
        `UPDATE review_tasks t
            SET status = 'leased', leased_by = $1, lease_expires_at = now() + make_interval(secs => $2), updated_at = now()
          WHERE t.id = COALESCE(
            (SELECT id FROM review_tasks WHERE status = 'open' AND assigned_to = $1
              ORDER BY rank DESC LIMIT 1 FOR UPDATE SKIP LOCKED),
            (SELECT id FROM review_tasks WHERE status = 'open' AND assigned_to IS NULL
              ORDER BY rank DESC LIMIT 1 FOR UPDATE SKIP LOCKED))
          RETURNING t.id, t.claim_id`,
        [userId, this.config.REVIEW_LEASE_SECONDS],
      );
      if (!leased) return null;
      await this.moveClaim(tx, leased.claim_id, 'in_review', userId, 'claim.leased');
      await this.audit.record(tx, {
        entityType: 'review_task',
        entityId: leased.id,
        claimId: leased.claim_id,
        action: 'task.leased',
        actorId: userId,
        fromStatus: 'open',
        toStatus: 'leased',
      });
      return this.get(leased.id, tx);
    });
  }

  /** Extends the caller's lease by REVIEW_LEASE_SECONDS from now. */
  async renew(taskId: string, userId: string): Promise<ReviewTaskDto> {
    return this.db.transaction(async (tx) => {
      const task = await this.lockHeldTask(tx, taskId, userId);
      await tx.query(
        `UPDATE review_tasks SET lease_expires_at = now() + make_interval(secs => $2), updated_at = now() WHERE id = $1`,
        [taskId, this.config.REVIEW_LEASE_SECONDS],
      );
      await this.audit.record(tx, { entityType: 'review_task', entityId: taskId, claimId: task.claim_id, action: 'task.renewed', actorId: userId });
      return this.get(taskId, tx);
    });
  }

  /** The holder gives the task back to the queue (an approver or admin may release anyone's). */
  async release(taskId: string, userId: string, force: boolean): Promise<ReviewTaskDto> {
    return this.db.transaction(async (tx) => {
      const task = await this.lockHeldTask(tx, taskId, force ? null : userId);
      await tx.query(
        `UPDATE review_tasks SET status = 'open', leased_by = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`,
        [taskId],
      );
      await this.audit.record(tx, {
        entityType: 'review_task',
        entityId: taskId,
        claimId: task.claim_id,
        action: 'task.released',
        actorId: userId,
        fromStatus: 'leased',
        toStatus: 'open',
        changes: { previousHolder: task.leased_by },
      });
      await this.moveClaim(tx, task.claim_id, 'queued', userId, 'claim.released');
      return this.get(taskId, tx);
    });
  }

  /** An approver gives an open task to a named editor; only they will be handed it by `lease`. */
  async assign(taskId: string, editorName: string, approverId: string): Promise<ReviewTaskDto> {
    return this.db.transaction(async (tx) => {
      const [editor] = await rows<{ id: string; role: string }>(tx, `SELECT id, role FROM users WHERE name = $1`, [editorName]);
      if (!editor || !['editor', 'approver', 'admin'].includes(editor.role)) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'unknown_editor', `No editor named ${editorName}.`);
      }
      const [task] = await rows<{ status: ReviewTaskStatus; claim_id: string; assigned_to: string | null }>(
        tx,
        `SELECT status, claim_id, assigned_to FROM review_tasks WHERE id = $1 FOR UPDATE`,
        [taskId],
      );
      if (!task) throw notFound('review_task', taskId);
      if (task.status !== 'open') {
        throw conflict('task_not_open', `Only open tasks can be assigned; this one is ${task.status}.`, { currentStatus: task.status });
      }
      await tx.query(`UPDATE review_tasks SET assigned_to = $2, assigned_by = $3, updated_at = now() WHERE id = $1`, [taskId, editor.id, approverId]);
      await this.audit.record(tx, {
        entityType: 'review_task',
        entityId: taskId,
        claimId: task.claim_id,
        action: 'task.assigned',
        actorId: approverId,
        changes: { assignedTo: { from: task.assigned_to, to: editor.id }, editor: editorName },
      });
      return this.get(taskId, tx);
    });
  }

  /**
   * Locks a leased task and checks that `userId` holds a live lease on it (null: any holder).
   * 409 with a stable code otherwise; this is what makes an old holder's late verdict fail.
   */
  async lockHeldTask(tx: EntityManager, taskId: string, userId: string | null) {
    const [task] = await rows<{ id: string; claim_id: string; status: ReviewTaskStatus; leased_by: string | null; expired: boolean }>(
      tx,
      `SELECT id, claim_id, status, leased_by, lease_expires_at < now() AS expired FROM review_tasks WHERE id = $1 FOR UPDATE`,
      [taskId],
    );
    if (!task) throw notFound('review_task', taskId);
    return this.checkLease(task, userId);
  }

  /** The unfinished task of a claim, locked and checked like lockHeldTask. */
  async lockClaimTask(tx: EntityManager, claimId: string, userId: string) {
    return this.checkLease(await this.lockOpenTasks(tx, claimId), userId);
  }

  /** Locks the claim's unfinished task (if any) without checking who holds it. */
  async lockOpenTasks(tx: EntityManager, claimId: string) {
    const [task] = await rows<{ id: string; claim_id: string; status: ReviewTaskStatus; leased_by: string | null; expired: boolean }>(
      tx,
      `SELECT id, claim_id, status, leased_by, lease_expires_at < now() AS expired
         FROM review_tasks WHERE claim_id = $1 AND status IN ('open', 'leased') FOR UPDATE`,
      [claimId],
    );
    return task;
  }

  checkLease<T extends { status: ReviewTaskStatus; leased_by: string | null; expired: boolean }>(task: T | undefined, userId: string | null): T {
    if (!task || task.status !== 'leased') {
      throw conflict('lease_required', 'Lease this claim\'s review task (POST /v1/review-tasks/lease) first.', {
        currentStatus: task?.status ?? null,
      });
    }
    if (userId !== null && task.leased_by !== userId) {
      throw conflict('lease_held_by_other', 'This review task is leased to another editor.');
    }
    if (task.expired) throw conflict('lease_expired', 'The lease on this review task has expired; lease it again.');
    return task;
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
      // Only claims still in_review go back (one whose verdict is awaiting approval stays where it is).
      const requeued = await rows<{ id: string }>(
        tx,
        `UPDATE claims SET status = 'queued', status_reason = NULL, version = version + 1, updated_at = now()
          WHERE id = ANY($1::uuid[]) AND status = 'in_review' RETURNING id`,
        [expired.map((e) => e.claim_id)],
      );
      await this.audit.record(
        tx,
        ...expired.map((e) => ({
          entityType: 'review_task' as const,
          entityId: e.id,
          claimId: e.claim_id,
          action: 'task.lease_expired',
          fromStatus: 'leased',
          toStatus: 'open',
          changes: { previousHolder: e.leased_by },
        })),
        ...requeued.map((c) => ({
          entityType: 'claim' as const, entityId: c.id, action: 'claim.lease_expired', fromStatus: 'in_review', toStatus: 'queued',
        })),
      );
      return expired.length;
    });
  }

  /** Claim status change through the state machine, with its audit event, inside the caller's transaction. */
  async moveClaim(
    tx: EntityManager,
    claimId: string,
    to: ClaimStatus,
    actorId: string | null,
    action: string,
    reason?: string | null,
  ): Promise<ClaimStatus> {
    const [claim] = await rows<{ status: ClaimStatus }>(tx, `SELECT status FROM claims WHERE id = $1 FOR UPDATE`, [claimId]);
    if (!claim) throw notFound('claim', claimId);
    assertTransition(claim.status, to);
    await tx.query(
      `UPDATE claims SET status = $2, status_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [claimId, to, reason ?? null],
    );
    await this.audit.record(tx, { entityType: 'claim', entityId: claimId, action, actorId, fromStatus: claim.status, toStatus: to, reason });
    return claim.status;
  }
}
