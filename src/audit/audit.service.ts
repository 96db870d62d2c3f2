import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEventDto, AuditEventPageDto, ListAuditEventsQuery } from './audit.dto.js';
import { decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor } from '../common/pagination.js';
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

/**
 * The key of an `article.extracted` event's changes that lists the claims the extraction stored. Extraction writes
 * one event per article (not one per claim); each claim's history, and the audit log, show that claim's entry as a
 * `claim.extracted` event of its own (derived, read-only): id `<article event id>.<n>`, the article event's time.
 */
export const EXTRACTED_CLAIMS = 'extractedClaims';

export interface ExtractedClaimEntry {
  id: string;
  ordinal: number;
  status: string;
  reason?: string;
  /** The editable fields as the extractor read them. */
  extracted: Record<string, unknown>;
  supersedesClaimId?: string;
}

/**
 * The claim.extracted events derived from article.extracted events `x` (joined with `users u`, which is always
 * nobody: extraction has no actor), one per entry `el(v, k)`: the columns of EVENT_SELECT.
 */
const DERIVED_FROM = `audit_events x CROSS JOIN LATERAL jsonb_array_elements(x.changes->'${EXTRACTED_CLAIMS}') WITH ORDINALITY AS el(v, k)
  LEFT JOIN users u ON u.id = x.actor_id`;
const DERIVED_SELECT = `x.id::text || '.' || el.k AS id, 'claim' AS "entityType", (el.v->>'id')::uuid AS "entityId", 'claim.extracted' AS action,
  x.actor_id AS "actorId", u.name AS "actorName", NULL::text AS "fromStatus", el.v->>'status' AS "toStatus", el.v->>'reason' AS reason,
  jsonb_build_object('extracted', el.v->'extracted', 'revision', x.changes->'revision')
    || CASE WHEN el.v ? 'supersedesClaimId' THEN jsonb_build_object('supersedesClaimId', el.v->'supersedesClaimId') ELSE '{}'::jsonb END AS changes,
  x.created_at AS "createdAt"`;

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

  /**
   * Newest first, keyset-paginated on the id (index audit_events_entity_idx when filtered by entity), with the
   * claim.extracted events derived from article.extracted ones (see EXTRACTED_CLAIMS) in their place: after their
   * article's event, in reading order, as if each claim's had been written after it. Two bounded reads: the stored
   * events, and the article.extracted events in the same id range (index audit_events_extracted_idx), expanded.
   */
  async list(query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    const limit = query.limit ?? 50;
    // The cursor: the last event shown, (id, 0) for a stored one, (id, n) for the n-th derived one of article event id.
    const after = query.cursor ? decodeAuditCursor(query.cursor) : null;
    const where = new SqlFilter();
    if (query.entityType) where.add('e.entity_type = ?', query.entityType);
    if (query.entityId) where.add('e.entity_id = ?', query.entityId);
    if (query.action) where.add('e.action = ?', query.action);
    // (after a derived event, its article's own event is still to come)
    if (after) where.add(after.sub > 0 ? 'e.id <= ?' : 'e.id < ?', after.id);
    const stored: AuditEventDto[] = await this.db.query(
      `SELECT ${EVENT_SELECT} FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        ${where.sql} ORDER BY e.id DESC LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    let derived: AuditEventDto[] = [];
    if ((!query.entityType || query.entityType === 'claim') && (!query.action || query.action === 'claim.extracted')) {
      const d = new SqlFilter(`x.action = 'article.extracted'`);
      if (query.entityId) {
        d.add(`x.entity_type = 'article' AND x.entity_id = (SELECT c.article_id FROM claims c WHERE c.id = ?)`, query.entityId);
        d.add(`el.v->>'id' = ?::text`, query.entityId);
      }
      if (after) d.add(`(x.id, el.k) < (?::bigint, ${d.param(after.sub)}::bigint)`, after.id);
      // Events older than the page's oldest stored one cannot make this page.
      if (stored.length > limit) d.add('x.id >= ?::bigint', stored[limit].id);
      derived = await this.db.query(
        `SELECT ${DERIVED_SELECT} FROM ${DERIVED_FROM} ${d.sql} ORDER BY x.id DESC, el.k DESC LIMIT ${d.param(limit + 1)}`,
        d.params,
      );
    }
    const merged = [...stored, ...derived].sort((a, b) => compareKeys(eventKey(b.id), eventKey(a.id)));
    const items = merged.slice(0, limit);
    return { items, nextCursor: merged.length > limit ? encodeAuditCursor(eventKey(items[items.length - 1].id)) : null };
  }

  /**
   * Everything that happened to a claim (its own events and its task's, sources' and verdicts'), oldest first; its
   * extraction from the article.extracted event that lists it (index audit_events_entity_idx on the article).
   */
  async claimHistory(db: DataSource | EntityManager, claimId: string): Promise<AuditEventDto[]> {
    const events: Array<AuditEventDto & { k: string }> = await db.query(
      `SELECT ${EVENT_SELECT}, 0 AS k FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.claim_id = $1
       UNION ALL
       SELECT ${DERIVED_SELECT}, el.k FROM ${DERIVED_FROM}
        WHERE x.entity_type = 'article' AND x.entity_id = (SELECT c.article_id FROM claims c WHERE c.id = $1)
          AND x.action = 'article.extracted' AND el.v->>'id' = $1::text`,
      [claimId],
    );
    return events.sort((a, b) => compareKeys(eventKey(a.id), eventKey(b.id))).map(({ k: _k, ...e }) => e);
  }
}

interface EventKey {
  id: bigint;
  /** 0 for a stored event, n for the n-th claim.extracted derived from an article.extracted event */
  sub: number;
}

function eventKey(id: string): EventKey {
  const [stored, sub] = id.split('.');
  return { id: BigInt(stored), sub: Number(sub ?? 0) };
}

function compareKeys(a: EventKey, b: EventKey): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.sub - b.sub;
}

function encodeAuditCursor(key: EventKey): string {
  return key.sub === 0 ? encodeCursor(key.id) : encodeKeyCursor('ae', [String(key.id), String(key.sub)]);
}

function decodeAuditCursor(cursor: string): { id: string; sub: number } {
  if (Buffer.from(cursor, 'base64url').toString().startsWith('ae:')) {
    const [id, sub] = decodeKeyCursor(cursor, 'ae', [/^\d{1,18}$/, /^\d{1,9}$/]);
    return { id, sub: Number(sub) };
  }
  return { id: decodeCursor(cursor), sub: 0 };
}
