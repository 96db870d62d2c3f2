import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { concurrentUpdate, conflict, notFound, ProblemException } from '../common/problem.js';
import { rows } from '../database/sql.js';
import type { ClaimCategory } from './claim-vocabulary.js';
import { ReviewService } from '../review/review.service.js';
import type { ClaimStatus } from './claim.entity.js';
import type { TriageDto, UpdateClaimDto } from './claims.dto.js';

/** Editable fields → their columns. `quantity.*` are flattened below. */
const COLUMNS: Record<string, string> = {
  category: 'category',
  subject: 'subject',
  location: 'location',
  speaker: 'speaker',
  speakerRole: 'speaker_role',
  timeRef: 'time_ref',
  'quantity.value': 'quantity_value',
  'quantity.low': 'quantity_low',
  'quantity.high': 'quantity_high',
  'quantity.unit': 'unit',
  'quantity.qualifier': 'qualifier',
};

/** Triage and editors' corrections of claims. */
@Injectable()
export class ClaimEditingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly review: ReviewService,
  ) {}

  async triage(claimId: string, dto: TriageDto, userId: string): Promise<{ status: ClaimStatus }> {
    return this.db.transaction(async (tx) => {
      // Lock order everywhere is task, then claim (as leasing does), so triage and lease never deadlock.
      await this.review.lockOpenTasks(tx, claimId);
      if (dto.action === 'dismiss') {
        await this.review.moveClaim(tx, claimId, 'dismissed', userId, 'claim.dismissed', dto.reason);
        const cancelled = await rows<{ id: string }>(
          tx,
          `UPDATE review_tasks SET status = 'cancelled', completed_at = now(), updated_at = now()
            WHERE claim_id = $1 AND status = 'open' RETURNING id`,
          [claimId],
        );
        await this.audit.record(
          tx,
          ...cancelled.map((t) => ({
            entityType: 'review_task' as const, entityId: t.id, claimId, action: 'task.cancelled', actorId: userId,
            fromStatus: 'open', toStatus: 'cancelled', reason: dto.reason,
          })),
        );
        return { status: 'dismissed' as const };
      }
      await this.review.moveClaim(tx, claimId, 'queued', userId, 'claim.requeued');
      const [claim] = await rows<{ checkworthiness: number; category: ClaimCategory }>(
        tx, `SELECT checkworthiness, category FROM claims WHERE id = $1`, [claimId],
      );
      await this.review.createTasks(tx, [{ claimId, checkworthiness: claim.checkworthiness, category: claim.category }]);
      return { status: 'queued' as const };
    });
  }

  /**
   * Optimistic concurrency: the UPDATE only matches the version the editor read, so two editors
   * can never silently overwrite each other. Each change is audited with its old and new value.
   */
  async update(claimId: string, dto: UpdateClaimDto, ifMatch: string | undefined, userId: string): Promise<number> {
    const version = dto.version ?? parseIfMatch(ifMatch);
    if (version === undefined) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'version_required', 'Send the claim version you read, as "version" or an If-Match header.');
    }
    const wanted = flatten(dto);
    if (Object.keys(wanted).length === 0) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'nothing_to_change', 'The body changes no field.');
    }
    return this.db.transaction(async (tx) => {
      const task = await this.review.lockOpenTasks(tx, claimId);
      const [current] = await rows<Record<string, unknown> & { status: ClaimStatus; version: number }>(
        tx,
        `SELECT status, version, ${Object.values(COLUMNS).join(', ')} FROM claims WHERE id = $1 FOR UPDATE`,
        [claimId],
      );
      if (!current) throw notFound('claim', claimId);
      if (current.version !== version) throw await this.staleVersion(tx, claimId, version, current.version);
      if (current.status === 'published') {
        throw conflict('claim_published', 'A published claim is changed through a correction (POST /v1/claims/:id/corrections).', {
          currentStatus: current.status,
        });
      }
      if (current.status === 'awaiting_approval') {
        throw conflict('claim_awaiting_approval', 'A verdict on this claim is waiting for approval; an approver must reject it before the claim can be edited.', {
          currentStatus: current.status,
        });
      }
      // Under review, the claim belongs to the lease holder: nobody edits the figures under their verdict.
      if (current.status === 'in_review') {
        // No task locked yet the claim is under review: a reject reopened the task after we looked. Retry.
        if (!task) throw concurrentUpdate();
        this.review.checkLease(task, userId);
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const sets: string[] = [];
      const params: unknown[] = [claimId];
      for (const [field, to] of Object.entries(wanted)) {
        const column = COLUMNS[field];
        const from = current[column] ?? null;
        if (JSON.stringify(from) === JSON.stringify(to)) continue;
        changes[field] = { from, to };
        params.push(column === 'time_ref' && to !== null ? JSON.stringify(to) : to);
        sets.push(`${column} = $${params.length}`);
      }
      if (sets.length === 0) return current.version;
      const [updated] = await rows<{ version: number }>(
        tx,
        `UPDATE claims SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
        params,
      );
      await this.audit.record(tx, { entityType: 'claim', entityId: claimId, action: 'claim.edited', actorId: userId, changes });
      return updated.version;
    });
  }

  /**
   * 409 stale_version, saying what the editor missed so the desk can show it ("Bob changed quantity.value from X to Y"):
   * every version step is one audit event on the claim (edits, status moves, match decisions), so the missed ones are
   * the last (current − sent) of them (index audit_events_entity_idx). `changes` merges their field edits, first `from`
   * to last `to`; `events` lists them oldest first.
   */
  private async staleVersion(tx: EntityManager, claimId: string, sent: number, currentVersion: number) {
    const missed = Math.min(Math.max(currentVersion - sent, 0), MISSED_CHANGES_SHOWN);
    const events = missed === 0 ? [] : (await rows<{
      action: string; actor_id: string | null; actor_name: string | null; created_at: Date;
      changes: Record<string, { from: unknown; to: unknown }> | null; from_status: string | null; to_status: string | null;
    }>(
      tx,
      `SELECT e.action, e.actor_id, u.name AS actor_name, e.created_at, e.changes, e.from_status, e.to_status
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.entity_type = 'claim' AND e.entity_id = $1 ORDER BY e.id DESC LIMIT $2`,
      [claimId, missed],
    )).reverse();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const e of events) {
      if (e.action !== 'claim.edited' || !e.changes) continue;
      for (const [field, change] of Object.entries(e.changes)) changes[field] = { from: changes[field]?.from ?? change.from, to: change.to };
    }
    const last = events[events.length - 1];
    const who = last ? last.actor_name ?? 'the system' : null;
    const what = Object.entries(changes).map(([field, c]) => `${field} from ${show(c.from)} to ${show(c.to)}`);
    const summary = !last ? '' : what.length ? ` ${who} changed ${what.join(', ')}.` : ` Last change: ${last.action} by ${who}.`;
    return conflict(
      'stale_version',
      `The claim changed since you read it (you sent version ${sent}, it is at ${currentVersion}).${summary} Re-read it and apply your change again.`,
      {
        currentVersion,
        changedBy: who === null || !last?.actor_id ? null : who,
        changedById: last?.actor_id ?? null,
        changedAt: last?.created_at.toISOString() ?? null,
        changes,
        events: events.map((e) => ({
          action: e.action, actorId: e.actor_id, actorName: e.actor_name, at: e.created_at.toISOString(),
          fromStatus: e.from_status, toStatus: e.to_status, changes: e.changes,
        })),
      },
    );
  }
}

/** At most this many missed changes are described in a stale_version problem. */
const MISSED_CHANGES_SHOWN = 20;

const show = (value: unknown) => (value === null || value === undefined ? 'nothing' : typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

function flatten(dto: UpdateClaimDto): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['category', 'subject', 'location', 'speaker', 'speakerRole', 'timeRef'] as const) {
    if (dto[key] !== undefined) out[key] = dto[key] === null ? null : key === 'timeRef' ? { ...dto.timeRef } : dto[key];
  }
  for (const key of ['value', 'low', 'high', 'unit', 'qualifier'] as const) {
    if (dto.quantity && dto.quantity[key] !== undefined) out[`quantity.${key}`] = dto.quantity[key];
  }
  return out;
}

/** `If-Match: "3"`, `W/"3"`, `3`, or the ETag of GET /v1/claims/:id (`"3-<hash>"`): the version is what counts. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)(?:-[0-9a-f]+)?"?\s*$/.exec(header);
  if (!match) throw new ProblemException(HttpStatus.BAD_REQUEST, 'bad_if_match', 'If-Match must carry the claim version, e.g. If-Match: "3".');
  return Number(match[1]);
}
