import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rejecting a verdict reopens the claim's latest finished task: `claim_id = $1 AND status = 'done' ORDER BY completed_at DESC`. */
export class TaskHistoryIndex1764500000000 implements MigrationInterface {
  name = 'TaskHistoryIndex1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX review_tasks_claim_completed_idx ON review_tasks (claim_id, completed_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS review_tasks_claim_completed_idx`);
  }
}
