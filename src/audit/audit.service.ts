import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEventDto, AuditEventPageDto, ListAuditEventsQuery } from './audit.dto.js';
import { decodeCursor, encodeCursor } from '../common/pagination.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { SqlFilter } from '../database/sql.js';
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

const EVENT_SELECT = `e.id::text AS id, e.entity_type AS "entityType", e.entity_id AS "entityId", e.action,
  e.actor_id AS "actorId", u.name AS "actorName", e.from_status AS "fromStatus", e.to_status AS "toStatus",
  e.reason, e.changes, e.created_at AS "createdAt"`;

/** audit_events' columns in the order `record` writes them (for statements that insert audit rows themselves). */
export const AUDIT_COLUMNS = ['entity_type', 'entity_id', 'action', 'claim_id', 'actor_id', 'from_status', 'to_status', 'reason', 'changes'];

/** Writes audit events inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(tx: EntityManager, ...events: AuditRecord[]): Promise<void> {
    if (events.length === 0) return;
    await bulkInsert(
      tx,
      'audit_events',
      AUDIT_COLUMNS,
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

  /** Newest first, keyset-paginated on the id (index audit_events_entity_idx when filtered by entity). */
  async list(query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    const limit = query.limit ?? 50;
    const where = new SqlFilter();
    if (query.entityType) where.add('e.entity_type = ?', query.entityType);
    if (query.entityId) where.add('e.entity_id = ?', query.entityId);
    if (query.action) where.add('e.action = ?', query.action);
    if (query.cursor) where.add('e.id < ?', decodeCursor(query.cursor));
    const found: AuditEventDto[] = await this.db.query(
      `SELECT ${EVENT_SELECT} FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        ${where.sql} ORDER BY e.id DESC LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const items = found.slice(0, limit);
    return { items, nextCursor: found.length > limit ? encodeCursor(items[items.length - 1].id) : null };
  }

  /** Everything that happened to a claim (its own events and its task's, sources' and verdicts'), oldest first. */
  async claimHistory(db: DataSource | EntityManager, claimId: string): Promise<AuditEventDto[]> {
    return db.query(
      `SELECT ${EVENT_SELECT}
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.claim_id = $1 ORDER BY e.id`,
      [claimId],
    );
  }
}
