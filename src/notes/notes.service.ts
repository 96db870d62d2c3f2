import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { notFound } from '../common/problem.js';
import { rows } from '../database/sql.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { mentionedNames } from './mentions.js';
import type { CreateNoteDto, NoteDto } from './notes.dto.js';

const NOTE_SELECT = `n.id, n.claim_id AS "claimId", n.author_id AS "authorId", a.name AS "authorName", n.body,
  COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'name', u.name) ORDER BY u.name)
              FROM users u WHERE u.id = ANY(n.mentioned_user_ids)), '[]'::json) AS mentions,
  n.created_at AS "createdAt"`;

/** Notes on a claim: the desk's conversation about it. Audited (they show in the claim's history) and never edited. */
@Injectable()
export class NotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async add(claimId: string, dto: CreateNoteDto, authorId: string): Promise<NoteDto> {
    const { note, deliveries } = await this.db.transaction(async (tx) => {
      const [claim] = await rows<{ id: string }>(tx, `SELECT id FROM claims WHERE id = $1`, [claimId]);
      if (!claim) throw notFound('claim', claimId);
      // Only people who can work on the desk are mentioned: not machine users (consumers) nor disabled accounts.
      const mentioned = await rows<{ id: string; name: string }>(
        tx,
        `SELECT id, name FROM users WHERE lower(name) = ANY($1::text[]) AND disabled_at IS NULL AND role <> 'consumer' ORDER BY name`,
        [mentionedNames(dto.body)],
      );
      const [created] = await rows<{ id: string }>(
        tx,
        `INSERT INTO claim_notes (claim_id, author_id, body, mentioned_user_ids) VALUES ($1, $2, $3, $4::uuid[]) RETURNING id`,
        [claimId, authorId, dto.body, mentioned.map((u) => u.id)],
      );
      await this.audit.record(tx, {
        entityType: 'claim', entityId: claimId, action: 'claim.note_added', actorId: authorId,
        changes: { note: dto.body, noteId: created.id, mentions: mentioned.map((u) => u.name) },
      });
      const deliveries = await this.notifications.notify(tx, {
        userIds: mentioned.map((u) => u.id), kind: 'mention', claimId, actorId: authorId, noteId: created.id, message: dto.body,
      });
      const [note] = await rows<NoteDto>(tx, `SELECT ${NOTE_SELECT} FROM claim_notes n LEFT JOIN users a ON a.id = n.author_id WHERE n.id = $1`, [created.id]);
      return { note, deliveries };
    });
    await this.notifications.dispatch(deliveries);
    return note;
  }

  /** Oldest first, as a conversation reads (index claim_notes_claim_idx). */
  async list(claimId: string): Promise<NoteDto[]> {
    const [claim] = await rows(this.db, `SELECT 1 FROM claims WHERE id = $1`, [claimId]);
    if (!claim) throw notFound('claim', claimId);
    return rows<NoteDto>(
      this.db,
      `SELECT ${NOTE_SELECT} FROM claim_notes n LEFT JOIN users a ON a.id = n.author_id WHERE n.claim_id = $1 ORDER BY n.created_at, n.id`,
      [claimId],
    );
  }
}
