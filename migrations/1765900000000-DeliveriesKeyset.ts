import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A webhook's deliveries are keyset-paged newest first on (created_at, id): the index on (webhook_id, created_at DESC)
 * is extended by id so the tie-breaker and the row comparison are answered from it. The old index is its prefix.
 */
export class DeliveriesKeyset1765900000000 implements MigrationInterface {
  name = 'DeliveriesKeyset1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX webhook_deliveries_webhook_created_id_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC)`);
    await q.query(`DROP INDEX IF EXISTS webhook_deliveries_webhook_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC)`);
    await q.query(`DROP INDEX IF EXISTS webhook_deliveries_webhook_created_id_idx`);
  }
}
