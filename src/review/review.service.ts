import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AUDIT_COLUMNS, AuditService } from '../audit/audit.service.js';
import type { ClaimStatus } from '../claims/claim.entity.js';
import { assertTransition } from '../claims/claim-state.js';
import { CLAIM_SELECT, toClaimDto, type ClaimRow } from '../claims/claim.view.js';
import { CURSOR_KEY, decodeKeyCursor, encodeKeyCursor, type Page } from '../common/pagination.js';
import { conflict, notFound, ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { preparedRows, rows, SqlFilter } from '../database/sql.js';
import type { ClaimCategory } from '../claims/claim-vocabulary.js';
import { basePriority, rank, sqlEffectivePriority } from './priority.js';
import type { ListReviewTasksQuery, ReviewQueueQuery, ReviewTaskDto } from './review.dto.js';
import type { ReviewTaskStatus } from './review-task.entity.js';

type TaskKind = 'review' | 'recheck';

type TaskRow = ClaimRow & {
  task_id: string;
  task_status: ReviewTaskStatus;
  task_kind: TaskKind;
  task_recheck_reason: string | null;
  task_rank: number;
  base_priority: number;
  effective_priority: number;
  leased_by: string | null;
  leased_by_name: string | null;
  lease_expires_at: Date | null;
  assigned_to: string | null;
  assigned_to_name: string | null;
  due_at: Date;
  overdue: boolean;
  task_created_at: Date;
  article_title: string;
  article_published_at: Date | null;
  article_created_at: Date;
};

/** $1 is always the aging rate in the queries that use these. Names and the article come in the same query (no N+1). */
const TASK_SELECT = `
  t.id AS task_id, t.status AS task_status, t.kind AS task_kind, t.recheck_reason AS task_recheck_reason, t.rank AS task_rank, t.priority AS base_priority,
  ${sqlEffectivePriority('t.rank', '$1')} AS effective_priority,
  t.leased_by, lu.name AS leased_by_name, t.lease_expires_at, t.assigned_to, au.name AS assigned_to_name, t.due_at,
  (t.due_at < now() AND t.status IN ('open','leased')) AS overdue, t.created_at AS task_created_at,
  a.title AS article_title, a.published_at AS article_published_at, a.created_at AS article_created_at, ${CLAIM_SELECT}`;
/** The tables of TASK_SELECT; the task and claim rows may come from CTEs (a statement's RETURNING: its new rows). */
const taskFrom = (tasks = 'review_tasks', claims = 'claims') => `${tasks} t JOIN ${claims} c ON c.id = t.claim_id JOIN articles a ON a.id = c.article_id
  LEFT JOIN verdicts v ON v.claim_id = c.id AND v.status = 'published'
  LEFT JOIN users lu ON lu.id = t.leased_by LEFT JOIN users au ON au.id = t.assigned_to`;
const TASK_FROM = taskFrom();

const QUEUE_CURSOR = 'rt';

function toTaskDto(r: TaskRow): ReviewTaskDto {
  return {
    id: r.task_id,
    claimId: r.id,
    status: r.task_status,
    kind: r.task_kind,
    recheckReason: r.task_recheck_reason,
    priority: r.effective_priority,
    basePriority: r.base_priority,
    leasedBy: r.leased_by,
    leasedByName: r.leased_by_name,
    leaseExpiresAt: r.lease_expires_at?.toISOString() ?? null,
    assignedTo: r.assigned_to,
    assignedToName: r.assigned_to_name,
    dueAt: r.due_at.toISOString(),
    overdue: r.overdue,
    createdAt: r.task_created_at.toISOString(),
    articleTitle: r.article_title,
    articlePublishedAt: r.article_published_at?.toISOString() ?? null,
    articleCreatedAt: r.article_created_at.toISOString(),
    claim: toClaimDto(r, true),
  };
}

/** Why a claim has no review task to lease, by its status. */
const NO_TASK_HINT: Record<ClaimStatus, string> = {
  queued: 'it has no review task yet.',
  in_review: 'its review task is finished.',
  awaiting_approval: 'its verdict is waiting for an approver (GET /v1/approvals).',
  published: 'its verdict is published; an approver corrects it with POST /v1/claims/:id/corrections.',
  dismissed: 'it was dismissed; queue it again with POST /v1/claims/:id/triage.',
};

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

  /** The triage list, highest effective priority first: the first page of `page()`. */
  async list(query: ListReviewTasksQuery, userId: string): Promise<ReviewTaskDto[]> {
    return (await this.page(query, userId)).items;
  }

  /**
   * The triage queue, highest effective priority first, keyset-paged on (rank, id): index review_tasks_status_rank_id_idx
   * (review_tasks_due_idx for overdue). Search uses claims_search_idx and articles_title_search_idx.
   */
  async page(query: ReviewQueueQuery, userId: string): Promise<Page<ReviewTaskDto>> {
    const limit = query.limit ?? 50;
    const where = new SqlFilter();
    where.param(this.config.REVIEW_AGING_PER_HOUR); // $1, for TASK_SELECT
    if (query.overdue) {
      where.add(`t.due_at < now() AND t.status = ANY(?::text[]) AND t.status IN ('open', 'leased')`, query.status ? [query.status] : ['open', 'leased']);
    } else {
      where.add('t.status = ?', query.status ?? 'open');
    }
    if (query.category) where.add('c.category = ?', query.category);
    if (query.q) {
      where.add(
        `(c.search @@ websearch_to_tsquery('english', ?)
          OR c.article_id IN (SELECT sa.id FROM articles sa WHERE to_tsvector('english', sa.title) @@ websearch_to_tsquery('english', ?)))`,
        query.q,
      );
    }
    if (query.assignedToMe) where.add('(t.assigned_to = ? OR t.leased_by = ?)', userId);
    if (query.cursor) {
      const [afterRank, afterId] = decodeKeyCursor(query.cursor, QUEUE_CURSOR, [CURSOR_KEY.float, CURSOR_KEY.uuid]);
      where.addFixed(`(t.rank, t.id) < (${where.param(afterRank)}::double precision, ${where.param(afterId)}::uuid)`);
    }
    const found = await rows<TaskRow>(
      this.db,
      `SELECT ${TASK_SELECT} FROM ${TASK_FROM} ${where.sql} ORDER BY t.rank DESC, t.id DESC LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toTaskDto),
      nextCursor: found.length > limit ? encodeKeyCursor(QUEUE_CURSOR, [String(last.task_rank), last.task_id]) : null,
    };
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
   * One statement (atomic on its own, no transaction round trips; prepared once per pooled connection, see
   * preparedRows): it picks the task with `FOR UPDATE SKIP LOCKED`
   * (concurrent callers skip a row another one is taking, so no task goes out twice; COALESCE stops at the first
   * subquery that finds one), leases it, moves its claim queued → in_review (a re-check's claim stays published; the claim row is locked with the task,
   * and only a queued claim may be leased, as assertTransition says), writes both audit events, and returns the
   * task as GET /v1/review-tasks/:id shows it.
   *
   * Expired leases: the statement also says (one probe of review_tasks_lease_expiry_idx) whether any lease has run
   * out; only then does releaseExpired run, and if no open task was found the lease is tried once more, so an expired
   * task is handed out on the next call, as before. (With open tasks waiting too, the caller gets the best open one
   * and the expired one goes back to the queue at once, for the next caller.)
   */
  async leaseNext(userId: string): Promise<ReviewTaskDto | null> {
    const first = await this.leaseOpen(userId);
    if (!first.expiredWaiting) return first.task;
    await this.releaseExpired();
    return first.task ?? (await this.leaseOpen(userId)).task;
  }

  private async leaseOpen(userId: string): Promise<{ task: ReviewTaskDto | null; expiredWaiting: boolean }> {
    // $1 the aging rate (TASK_SELECT), $2 the user, $3 the lease length.
    const found = await preparedRows<TaskRow & { expired_waiting: boolean }>(
      this.db,
      `WITH picked AS (
         SELECT id FROM review_tasks WHERE id = COALESCE(
           (SELECT t.id FROM review_tasks t JOIN claims c ON c.id = t.claim_id
             WHERE t.status = 'open' AND t.assigned_to = $2 AND (c.status = 'queued' OR t.kind = 'recheck')
             ORDER BY t.rank DESC LIMIT 1 FOR UPDATE OF t, c SKIP LOCKED),
           (SELECT t.id FROM review_tasks t JOIN claims c ON c.id = t.claim_id
             WHERE t.status = 'open' AND t.assigned_to IS NULL AND (c.status = 'queued' OR t.kind = 'recheck')
             ORDER BY t.rank DESC LIMIT 1 FOR UPDATE OF t, c SKIP LOCKED))
       ), leased_task AS (
         UPDATE review_tasks t
            SET status = 'leased', leased_by = $2, lease_expires_at = now() + make_interval(secs => $3), updated_at = now()
           FROM picked WHERE t.id = picked.id
         RETURNING t.*
       ), moved_claim AS (
         -- By primary key: the claim of the picked task (locked, and seen queued, by \`picked\`). The status test stays
         -- as the state machine's guard, written \`status || ''\` so that it cannot pick the index: with statistics
         -- older than the queued claims (no ANALYZE since they came in) Postgres rated claims_status_seq_idx as cheap
         -- as the primary key, took it, and read every queued claim to find this one.
         UPDATE claims c SET status = 'in_review', status_reason = NULL, version = c.version + 1, updated_at = now()
          WHERE c.id = (SELECT claim_id FROM leased_task WHERE kind <> 'recheck') AND c.status || '' = 'queued'
         RETURNING c.*
       ), task_claim AS (
         -- A re-check's claim stays published (living verdicts): it is read, not moved.
         SELECT * FROM moved_claim
         UNION ALL
         SELECT c.* FROM claims c WHERE c.id = (SELECT claim_id FROM leased_task WHERE kind = 'recheck')
       ), audit AS (
         INSERT INTO audit_events (${AUDIT_COLUMNS.join(', ')})
         SELECT e.c1, e.c2, e.c3, e.c4, e.c5, e.c6, e.c7, e.c8, e.c9 FROM task_claim c CROSS JOIN leased_task t CROSS JOIN LATERAL (VALUES
           ('claim', c.id, 'claim.leased', c.id, $2::uuid, 'queued', 'in_review', NULL::text, NULL::jsonb),
           ('review_task', t.id, 'task.leased', c.id, $2::uuid, 'open', 'leased', NULL::text, NULL::jsonb)) AS e(c1, c2, c3, c4, c5, c6, c7, c8, c9)
          WHERE e.c1 = 'review_task' OR t.kind <> 'recheck'
       )
       SELECT x.*, EXISTS (SELECT 1 FROM review_tasks WHERE status = 'leased' AND lease_expires_at < now()) AS expired_waiting
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT ${TASK_SELECT} FROM ${taskFrom('leased_task', 'task_claim')}) AS x ON true`,
      [this.config.REVIEW_AGING_PER_HOUR, userId, this.config.REVIEW_LEASE_SECONDS],
    );
    const [row] = found;
    return { task: row?.task_id ? toTaskDto(row) : null, expiredWaiting: row?.expired_waiting === true };
  }

  /**
   * Leases the review task of one claim (the desk opens a claim from the queue), with lease-next's length, audit and
   * claim move. The caller's own lease is renewed; someone else's live lease is 409 lease_held naming them; an expired
   * one is released (as releaseExpired would) and taken. The task row lock makes concurrent callers queue: one wins,
   * the others then see its lease.
   */
  async leaseClaim(claimId: string, userId: string): Promise<ReviewTaskDto> {
    return this.db.transaction(async (tx) => {
      // The lock alone first: a row read after waiting for the lock is the new version, but rows joined to it would be
      // the ones from before the wait (a LEFT JOIN on the new holder would find nobody). Names come after.
      const [task] = await rows<{
        id: string; status: ReviewTaskStatus; leased_by: string | null; lease_expires_at: Date | null; expired: boolean; assigned_to: string | null; kind: TaskKind;
      }>(
        tx,
        `SELECT id, status, leased_by, lease_expires_at, lease_expires_at < now() AS expired, assigned_to, kind
           FROM review_tasks WHERE claim_id = $1 AND status IN ('open', 'leased') FOR UPDATE`,
        [claimId],
      );
      const nameOf = async (userId: string | null) =>
        userId === null ? null : ((await rows<{ name: string }>(tx, `SELECT name FROM users WHERE id = $1`, [userId]))[0]?.name ?? null);
      if (!task) {
        const [claim] = await rows<{ status: ClaimStatus }>(tx, `SELECT status FROM claims WHERE id = $1`, [claimId]);
        if (!claim) throw notFound('claim', claimId);
        throw conflict('no_open_task', `Claim ${claimId} is ${claim.status}: ${NO_TASK_HINT[claim.status]}`, { currentStatus: claim.status });
      }
      if (task.status === 'leased' && task.leased_by === userId) {
        await tx.query(
          `UPDATE review_tasks SET lease_expires_at = now() + make_interval(secs => $2), updated_at = now() WHERE id = $1`,
          [task.id, this.config.REVIEW_LEASE_SECONDS],
        );
        await this.audit.record(tx, { entityType: 'review_task', entityId: task.id, claimId, action: 'task.renewed', actorId: userId });
        return this.get(task.id, tx);
      }
      if (task.status === 'leased' && !task.expired) {
        const until = task.lease_expires_at!.toISOString();
        const holder = await nameOf(task.leased_by);
        throw conflict('lease_held', `${holder ?? 'Another editor'} is reviewing this claim (lease until ${until}).`, {
          leasedBy: task.leased_by,
          leasedByName: holder,
          leaseExpiresAt: until,
        });
      }
      if (task.status === 'leased') await this.expireLease(tx, task.id, claimId, task.leased_by);
      if (task.assigned_to !== null && task.assigned_to !== userId) {
        const assignee = await nameOf(task.assigned_to);
        throw conflict('task_assigned_to_other', `This task is assigned to ${assignee ?? 'another editor'}; an approver can reassign it.`, {
          assignedTo: task.assigned_to,
          assignedToName: assignee,
        });
      }
      await tx.query(
        `UPDATE review_tasks SET status = 'leased', leased_by = $2, lease_expires_at = now() + make_interval(secs => $3), updated_at = now()
          WHERE id = $1`,
        [task.id, userId, this.config.REVIEW_LEASE_SECONDS],
      );
      if (task.kind !== 'recheck') await this.moveClaim(tx, claimId, 'in_review', userId, 'claim.leased');
      await this.audit.record(tx, {
        entityType: 'review_task', entityId: task.id, claimId, action: 'task.leased', actorId: userId, fromStatus: 'open', toStatus: 'leased',
      });
      return this.get(task.id, tx);
    });
  }

  /** One locked task whose lease ran out goes back to the queue, its claim to queued: what releaseExpired does, for one row. */
  private async expireLease(tx: EntityManager, taskId: string, claimId: string, previousHolder: string | null): Promise<void> {
    await tx.query(`UPDATE review_tasks SET status = 'open', leased_by = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`, [taskId]);
    const requeued = await rows<{ id: string }>(
      tx,
      `UPDATE claims SET status = 'queued', status_reason = NULL, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'in_review' RETURNING id`,
      [claimId],
    );
    await this.audit.record(
      tx,
      {
        entityType: 'review_task', entityId: taskId, claimId, action: 'task.lease_expired', fromStatus: 'leased', toStatus: 'open',
        changes: { previousHolder },
      },
      ...requeued.map((c) => ({
        entityType: 'claim' as const, entityId: c.id, action: 'claim.lease_expired', fromStatus: 'in_review', toStatus: 'queued',
      })),
    );
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
      // A re-check task is worked on a published claim, which stays published.
      if (task.kind !== 'recheck') await this.moveClaim(tx, task.claim_id, 'queued', userId, 'claim.released');
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
    const [task] = await rows<{ id: string; claim_id: string; status: ReviewTaskStatus; leased_by: string | null; expired: boolean; kind: TaskKind }>(
      tx,
      `SELECT id, claim_id, status, leased_by, lease_expires_at < now() AS expired, kind FROM review_tasks WHERE id = $1 FOR UPDATE`,
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
    const [task] = await rows<{ id: string; claim_id: string; status: ReviewTaskStatus; leased_by: string | null; expired: boolean; kind: TaskKind }>(
      tx,
      `SELECT id, claim_id, status, leased_by, lease_expires_at < now() AS expired, kind
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
