import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, a figure's history (GET /v1/claims/:id/timeline): claims of the same quantity are found by category and
 * place, or by category and actor when the claim names no place, among the claims that state a figure.
 */
export class FigureTimeline1766800000000 implements MigrationInterface {
  name = 'FigureTimeline1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX claims_quantity_place_idx ON claims (category, lower(location)) WHERE quantity_min IS NOT NULL AND location IS NOT NULL`);
    await q.query(`CREATE INDEX claims_quantity_actor_idx ON claims (category, lower(subject)) WHERE quantity_min IS NOT NULL AND subject IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS claims_quantity_actor_idx`);
    await q.query(`DROP INDEX IF EXISTS claims_quantity_place_idx`);
  }
}
