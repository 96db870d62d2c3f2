import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert.js';
import type { AuditEntity } from './audit-event.entity.js';

export interface AuditRecord {
  entityType: AuditEntity;
  entityId: string;
  action: string;
  actorId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  changes?: Record<string, unknown> | null;
}

const COLUMNS = ['entity_type', 'entity_id', 'action', 'actor_id', 'from_status', 'to_status', 'reason', 'changes'];

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
        e.actorId ?? null,
        e.fromStatus ?? null,
        e.toStatus ?? null,
        e.reason ?? null,
        e.changes ? JSON.stringify(e.changes) : null,
      ]),
    );
  }

  async history(tx: EntityManager, entityType: AuditEntity, entityId: string) {
    return tx.query(
      `SELECT id, entity_type AS "entityType", entity_id AS "entityId", action, actor_id AS "actorId",
              from_status AS "fromStatus", to_status AS "toStatus", reason, changes, created_at AS "createdAt"
         FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
      [entityType, entityId],
    );
  }
}
