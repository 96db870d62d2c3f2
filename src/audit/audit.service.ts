import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEventDto } from './audit.dto.js';
import { bulkInsert } from '../database/bulk-insert.js';
import type { AuditEntity } from './audit-event.entity.js';

export interface AuditRecord {
  entityType: AuditEntity;
  entityId: string;
  action: string;
  /** Defaults to entityId for claim events. */
  claimId?: string | null;
  actorId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  changes?: Record<string, unknown> | null;
}

const COLUMNS = ['entity_type', 'entity_id', 'action', 'claim_id', 'actor_id', 'from_status', 'to_status', 'reason', 'changes'];

/** Writes audit events inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  async record(tx: EntityManager, ...events: AuditRecord[]): Promise<void> {
    if (events.length === 0) return;
    await bulkInsert(
      tx,
      'audit_events',
      COLUMNS,
      events.map((e) => [
        e.entityType,
        e.entityId,
        e.action,
        e.claimId ?? (e.entityType === 'claim' ? e.entityId : null),
        e.actorId ?? null,
        e.fromStatus ?? null,
        e.toStatus ?? null,
        e.reason ?? null,
        e.changes ? JSON.stringify(e.changes) : null,
      ]),
    );
  }

  /** Everything that happened to a claim (its own events and its task's, sources' and verdicts'), oldest first. */
  async claimHistory(db: DataSource | EntityManager, claimId: string): Promise<AuditEventDto[]> {
    return db.query(
      `SELECT e.id::text AS id, e.entity_type AS "entityType", e.entity_id AS "entityId", e.action,
              e.actor_id AS "actorId", u.name AS "actorName", e.from_status AS "fromStatus", e.to_status AS "toStatus",
              e.reason, e.changes, e.created_at AS "createdAt"
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.claim_id = $1 ORDER BY e.id`,
      [claimId],
    );
  }
}
