import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the desk (the web app) reads: keyset paging of the triage queue on (rank, id), of articles newest first and of
 * approvals oldest first; search over article titles; and a NOTIFY on every review task change, which the API's
 * server-sent events relay to the desks (across API replicas and the worker, which creates tasks).
 */
export class DeskApi1765700000000 implements MigrationInterface {
  name = 'DeskApi1765700000000';

  async up(q: QueryRunner): Promise<void> {
    // (status, rank DESC) extended by id: the triage queue's order and its cursor. The old index is its prefix.
    await q.query(`CREATE INDEX review_tasks_status_rank_id_idx ON review_tasks (status, rank DESC, id DESC)`);
    await q.query(`DROP INDEX IF EXISTS review_tasks_status_rank_idx`);
    await q.query(`CREATE INDEX articles_title_search_idx ON articles USING gin (to_tsvector('english', title))`);
    await q.query(`CREATE INDEX articles_created_idx ON articles (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX articles_status_created_idx ON articles (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX verdicts_proposed_created_idx ON verdicts (created_at, id) WHERE status = 'proposed'`);

    // Sent at commit (nothing for a rolled-back change), to whoever LISTENs: the API processes.
    await q.query(`
      CREATE FUNCTION review_task_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        change text;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          change := 'created';
        ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
          change := CASE
            WHEN NEW.status = 'leased' AND OLD.status = 'done' THEN 'returned'
            WHEN NEW.status = 'leased' THEN 'leased'
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
      END $$`);
    await q.query(`CREATE TRIGGER review_tasks_notify_insert AFTER INSERT ON review_tasks
      FOR EACH ROW EXECUTE FUNCTION review_task_notify()`);
    await q.query(`CREATE TRIGGER review_tasks_notify_update AFTER UPDATE OF status, leased_by, assigned_to ON review_tasks
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.leased_by IS DISTINCT FROM NEW.leased_by
                         OR OLD.assigned_to IS DISTINCT FROM NEW.assigned_to)
      EXECUTE FUNCTION review_task_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS review_tasks_notify_update ON review_tasks`);
    await q.query(`DROP TRIGGER IF EXISTS review_tasks_notify_insert ON review_tasks`);
    await q.query(`DROP FUNCTION IF EXISTS review_task_notify()`);
    await q.query(`DROP INDEX IF EXISTS verdicts_proposed_created_idx`);
    await q.query(`DROP INDEX IF EXISTS articles_status_created_idx`);
    await q.query(`DROP INDEX IF EXISTS articles_created_idx`);
    await q.query(`DROP INDEX IF EXISTS articles_title_search_idx`);
    await q.query(`CREATE INDEX review_tasks_status_rank_idx ON review_tasks (status, rank DESC)`);
    await q.query(`DROP INDEX IF EXISTS review_tasks_status_rank_id_idx`);
  }
}
