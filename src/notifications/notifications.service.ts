import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/pagination.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { rows, SqlFilter } from '../database/sql.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.service.js';
import type { ListNotificationsQuery, MarkReadDto, MarkReadResultDto, NotificationDto, NotificationKind, NotificationPageDto } from './notifications.dto.js';

export interface Notice {
  userIds: string[];
  kind: NotificationKind;
  claimId: string;
  /** null: the system (a re-check found by the worker). */
  actorId: string | null;
  message: string;
  noteId?: string;
  verdictId?: string;
}

const SELECT = `n.id::text AS id, n.kind, n.claim_id AS "claimId", c.text AS "claimText", n.actor_id AS "actorId",
  a.name AS "actorName", n.note_id AS "noteId", n.verdict_id AS "verdictId", n.message, n.created_at AS "createdAt",
  n.read_at AS "readAt"`;

/**
 * Tells people on the desk what concerns them: a mention in a note, their verdict rejected. Written in the
 * transaction of the change that causes it (so one exists exactly when the cause committed), never to the person
 * who caused it, and forwarded to the newsroom's own system through the `editor.notified` webhook (the outbox).
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** Returns webhook delivery ids to dispatch after commit. */
  async notify(tx: EntityManager, notice: Notice): Promise<string[]> {
    return this.notifyEach(tx, [notice]);
  }

  /** Many notices in one multi-row insert and one webhook lookup (a re-check may concern thousands of verdicts). */
  async notifyEach(tx: EntityManager, notices: readonly Notice[]): Promise<string[]> {
    const rowsToInsert = notices.flatMap((notice) => [...new Set(notice.userIds)].filter((id) => id !== notice.actorId).map((userId) => [
      userId, notice.kind, notice.claimId, notice.actorId, notice.noteId ?? null, notice.verdictId ?? null, notice.message,
    ]));
    if (rowsToInsert.length === 0) return [];
    const created = await bulkInsert<{
      id: string; userId: string; userName: string; kind: string; claimId: string; actorId: string | null; noteId: string | null; verdictId: string | null; message: string;
    }>(
      tx,
      'notifications',
      ['user_id', 'kind', 'claim_id', 'actor_id', 'note_id', 'verdict_id', 'message'],
      rowsToInsert,
      `RETURNING id::text AS id, user_id AS "userId", (SELECT name FROM users WHERE id = user_id) AS "userName", kind, claim_id AS "claimId",
                 actor_id AS "actorId", note_id AS "noteId", verdict_id AS "verdictId", message`,
    );
    return this.outbox.emitEach(tx, 'editor.notified', created.map((n) => ({
      notificationId: n.id, kind: n.kind, userId: n.userId, userName: n.userName, claimId: n.claimId,
      actorId: n.actorId, noteId: n.noteId, verdictId: n.verdictId, message: n.message,
    })));
  }

  async dispatch(deliveryIds: string[]): Promise<void> {
    await this.outbox.dispatch(deliveryIds);
  }

  /** The caller's own notifications, newest first (index notifications_user_idx). */
  async list(userId: string, query: ListNotificationsQuery): Promise<NotificationPageDto> {
    const limit = query.limit ?? 50;
    const where = new SqlFilter();
    where.add('n.user_id = ?', userId);
    if (query.unread === true) where.addFixed('n.read_at IS NULL');
    if (query.unread === false) where.addFixed('n.read_at IS NOT NULL');
    if (query.cursor) where.add('n.id < ?', decodeCursor(query.cursor));
    const found = await rows<NotificationDto>(
      this.db,
      `SELECT ${SELECT} FROM notifications n
         LEFT JOIN claims c ON c.id = n.claim_id LEFT JOIN users a ON a.id = n.actor_id
        ${where.sql} ORDER BY n.id DESC LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const items = found.slice(0, limit);
    return { items, nextCursor: found.length > limit ? encodeCursor(items[items.length - 1].id) : null, unread: await this.unread(userId) };
  }

  async markRead(userId: string, dto: MarkReadDto): Promise<MarkReadResultDto> {
    const marked = dto.all === true
      ? await rows(this.db, `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId])
      : await rows(this.db, `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND id = ANY($2::bigint[]) RETURNING id`, [userId, dto.ids]);
    return { marked: marked.length, unread: await this.unread(userId) };
  }

  private async unread(userId: string): Promise<number> {
    const [row] = await rows<{ n: number }>(this.db, `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return row.n;
  }
}
