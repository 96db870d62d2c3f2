import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, living verdicts. A published verdict keeps what it rested on (`basis`: the claim's interval and its cited
 * sources' figures and as-of dates, snapshot at publication) and the band a later figure may fall in without a
 * re-check (`band_low`/`band_high`: the basis widened by the category's tolerance; null = open). `review_by` is its
 * expiry; `recheck_figure` the figure that made it due (recheck_due_at and recheck_reason came with article revisions);
 * `last_recheck` the last confirmation. A claim's review task reopens as a `recheck` task with the reason.
 */
export class LivingVerdicts1767000000000 implements MigrationInterface {
  name = 'LivingVerdicts1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE verdicts
      ADD COLUMN basis jsonb,
      ADD COLUMN band_low double precision,
      ADD COLUMN band_high double precision,
      ADD COLUMN review_by timestamptz,
      ADD COLUMN recheck_figure jsonb,
      ADD COLUMN last_recheck jsonb`);
    // The expiry job's scan: published verdicts not yet due, by review date.
    await q.query(`CREATE INDEX verdicts_review_by_idx ON verdicts (review_by)
      WHERE status = 'published' AND recheck_due_at IS NULL AND review_by IS NOT NULL`);
    await q.query(`ALTER TABLE review_tasks
      ADD COLUMN kind text NOT NULL DEFAULT 'review' CONSTRAINT review_tasks_kind_check CHECK (kind IN ('review', 'recheck')),
      ADD COLUMN recheck_reason text`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'verdict_rejected', 'recheck'))`);
    await q.query(`ALTER TABLE webhooks DROP CONSTRAINT webhooks_events_check`);
    await q.query(`ALTER TABLE webhooks ADD CONSTRAINT webhooks_events_check
      CHECK (events <@ ARRAY['verdict.published','verdict.corrected','article.extracted','editor.notified','verdict.recheck_due']::text[] AND cardinality(events) > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE webhooks SET events = array_remove(events, 'verdict.recheck_due')`);
    await q.query(`DELETE FROM webhooks WHERE cardinality(events) = 0`);
    await q.query(`ALTER TABLE webhooks DROP CONSTRAINT webhooks_events_check`);
    await q.query(`ALTER TABLE webhooks ADD CONSTRAINT webhooks_events_check
      CHECK (events <@ ARRAY['verdict.published','verdict.corrected','article.extracted','editor.notified']::text[] AND cardinality(events) > 0)`);
    await q.query(`DELETE FROM notifications WHERE kind = 'recheck'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'verdict_rejected'))`);
    await q.query(`ALTER TABLE review_tasks DROP COLUMN recheck_reason, DROP COLUMN kind`);
    await q.query(`DROP INDEX IF EXISTS verdicts_review_by_idx`);
    await q.query(`ALTER TABLE verdicts DROP COLUMN last_recheck, DROP COLUMN recheck_figure, DROP COLUMN review_by,
      DROP COLUMN band_high, DROP COLUMN band_low, DROP COLUMN basis`);
  }
}
