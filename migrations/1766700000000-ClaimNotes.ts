import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, collaboration on the desk. Notes on a claim (plain text with @name mentions) and each person's
 * notifications: a mention, a rejected verdict of theirs. Notifications are keyset-paged per person, newest first
 * (bigserial id); the partial index answers the unread count. The webhook event `editor.notified` lets a newsroom
 * forward them to its own system (chat, e-mail).
 */
export class ClaimNotes1766700000000 implements MigrationInterface {
  name = 'ClaimNotes1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE claim_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        mentioned_user_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX claim_notes_claim_idx ON claim_notes (claim_id, created_at)`);
    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('mention', 'verdict_rejected')),
        claim_id uuid REFERENCES claims(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        note_id uuid REFERENCES claim_notes(id) ON DELETE CASCADE,
        verdict_id uuid REFERENCES verdicts(id) ON DELETE CASCADE,
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`ALTER TABLE webhooks DROP CONSTRAINT webhooks_events_check`);
    await q.query(`ALTER TABLE webhooks ADD CONSTRAINT webhooks_events_check
      CHECK (events <@ ARRAY['verdict.published','verdict.corrected','article.extracted','editor.notified']::text[] AND cardinality(events) > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE webhooks SET events = array_remove(events, 'editor.notified')`);
    await q.query(`DELETE FROM webhooks WHERE cardinality(events) = 0`);
    await q.query(`ALTER TABLE webhooks DROP CONSTRAINT webhooks_events_check`);
    await q.query(`ALTER TABLE webhooks ADD CONSTRAINT webhooks_events_check
      CHECK (events <@ ARRAY['verdict.published','verdict.corrected','article.extracted']::text[] AND cardinality(events) > 0)`);
    await q.query(`DROP TABLE IF EXISTS notifications`);
    await q.query(`DROP TABLE IF EXISTS claim_notes`);
  }
}
