import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The editorial workflow: approver role, task assignment, due times and an aging-aware rank,
 * evidence with figures, verdict corrections, and a claim id on audit events for one-query histories.
 */
export class EditorialWorkflow1764320400000 implements MigrationInterface {
  name = 'EditorialWorkflow1764320400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin','editor','approver','consumer'))`);

    // rank = base priority − aging rate × hours since creation; ordering by it equals ordering by
    // the effective priority (base + rate × hours waiting) at any moment, and it can be indexed.
    await q.query(`ALTER TABLE review_tasks
      ADD COLUMN rank double precision,
      ADD COLUMN due_at timestamptz,
      ADD COLUMN assigned_to uuid REFERENCES users(id),
      ADD COLUMN assigned_by uuid REFERENCES users(id)`);
    await q.query(`UPDATE review_tasks SET rank = priority - extract(epoch FROM created_at) / 3600.0 * 0.02,
                                          due_at = created_at + interval '72 hours'`);
    await q.query(`ALTER TABLE review_tasks ALTER COLUMN rank SET NOT NULL, ALTER COLUMN due_at SET NOT NULL`);
    await q.query(`DROP INDEX review_tasks_queue_idx`);
    await q.query(`CREATE INDEX review_tasks_queue_idx ON review_tasks (rank DESC) WHERE status = 'open' AND assigned_to IS NULL`);
    await q.query(`CREATE INDEX review_tasks_assigned_idx ON review_tasks (assigned_to, rank DESC) WHERE status = 'open' AND assigned_to IS NOT NULL`);
    await q.query(`CREATE INDEX review_tasks_due_idx ON review_tasks (due_at) WHERE status IN ('open','leased')`);
    await q.query(`DROP INDEX review_tasks_status_priority_idx`);
    await q.query(`CREATE INDEX review_tasks_status_rank_idx ON review_tasks (status, rank DESC)`);

    await q.query(`ALTER TABLE sources
      ADD COLUMN source_type text NOT NULL DEFAULT 'other'
        CONSTRAINT sources_source_type_check CHECK (source_type IN ('official','intergovernmental','ngo','wire','media','academic','other')),
      ADD COLUMN published_at timestamptz,
      ADD COLUMN figure_value double precision,
      ADD COLUMN figure_low double precision,
      ADD COLUMN figure_high double precision,
      ADD COLUMN figure_as_of date,
      ADD COLUMN stance text CONSTRAINT sources_stance_check CHECK (stance IN ('supports','contradicts','context')),
      ADD COLUMN cites_source_id uuid REFERENCES sources(id) ON DELETE SET NULL`);

    await q.query(`ALTER TABLE verdicts
      ADD COLUMN approved_by uuid REFERENCES users(id),
      ADD COLUMN rejection_reason text,
      ADD COLUMN correction_reason text,
      ADD COLUMN corrects_verdict_id uuid REFERENCES verdicts(id)`);
    // At most one proposal waiting per claim.
    await q.query(`CREATE UNIQUE INDEX verdicts_proposed_claim_key ON verdicts (claim_id) WHERE status = 'proposed'`);

    await q.query(`ALTER TABLE audit_events ADD COLUMN claim_id uuid`);
    await q.query(`CREATE INDEX audit_events_claim_idx ON audit_events (claim_id, id) WHERE claim_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_events_claim_idx`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN claim_id`);
    await q.query(`DROP INDEX IF EXISTS verdicts_proposed_claim_key`);
    await q.query(`ALTER TABLE verdicts DROP COLUMN approved_by, DROP COLUMN rejection_reason, DROP COLUMN correction_reason, DROP COLUMN corrects_verdict_id`);
    await q.query(`ALTER TABLE sources DROP COLUMN source_type, DROP COLUMN published_at, DROP COLUMN figure_value, DROP COLUMN figure_low,
      DROP COLUMN figure_high, DROP COLUMN figure_as_of, DROP COLUMN stance, DROP COLUMN cites_source_id`);
    await q.query(`DROP INDEX IF EXISTS review_tasks_status_rank_idx`);
    await q.query(`DROP INDEX IF EXISTS review_tasks_due_idx`);
    await q.query(`DROP INDEX IF EXISTS review_tasks_assigned_idx`);
    await q.query(`DROP INDEX IF EXISTS review_tasks_queue_idx`);
    await q.query(`ALTER TABLE review_tasks DROP COLUMN rank, DROP COLUMN due_at, DROP COLUMN assigned_to, DROP COLUMN assigned_by`);
    await q.query(`CREATE INDEX review_tasks_queue_idx ON review_tasks (priority DESC, created_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX review_tasks_status_priority_idx ON review_tasks (status, priority DESC, created_at)`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin','editor','consumer'))`);
  }
}
