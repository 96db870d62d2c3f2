import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The body of review_task_notify(); `reopenedCase` is the WHEN line for a finished task opened again (or nothing). */
const notifyFunction = (reopenedCase: string) => `
  CREATE OR REPLACE FUNCTION review_task_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    change text;
  BEGIN
    IF TG_OP = 'INSERT' THEN
      change := 'created';
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
      change := CASE
        WHEN NEW.status = 'leased' AND OLD.status = 'done' THEN 'returned'
        WHEN NEW.status = 'leased' THEN 'leased'${reopenedCase}
        WHEN NEW.status = 'open' THEN 'released'
        WHEN NEW.status = 'done' THEN 'finished'
        ELSE 'cancelled' END;
    ELSIF NEW.leased_by IS DISTINCT FROM OLD.leased_by THEN
      change := 'leased';
    ELSE
      change := 'assigned';
    END IF;
    PERFORM pg_notify('review_task_events', json_build_object(
      'taskId', NEW.id, 'claimId', NEW.claim_id, 'change', change, 'status', NEW.status,
      'leasedBy', NEW.leased_by, 'assignedTo', NEW.assigned_to,
      'at', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text);
    RETURN NULL;
  END $$`;

/**
 * Issue 13: a finished (done or cancelled) task opened again is a re-check reopening it (RecheckService.markDue, the
 * only writer of that move), and the review-task event stream now says `reopened`, not `released` (which is a lease
 * given back). Same triggers, same payload; only the function changes.
 */
export class ReviewTaskReopened1767500000001 implements MigrationInterface {
  name = 'ReviewTaskReopened1767500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(notifyFunction(`
        WHEN NEW.status = 'open' AND OLD.status IN ('done', 'cancelled') THEN 'reopened'`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(notifyFunction(''));
  }
}
