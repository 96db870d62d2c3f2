import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, living verdicts at scale: a new figure is compared with the published verdicts on the same quantity
 * (RecheckService.onExtractedClaims). Only published claims carry a published verdict; these indexes find them by
 * place or actor without the unpublished reports of the same quantity (bench recheck-scale: the place branch had
 * become a sequential scan of 270,000 claims).
 */
export class PublishedQuantityIndexes1767700000001 implements MigrationInterface {
  name = 'PublishedQuantityIndexes1767700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX claims_published_place_idx ON claims (category, lower(location))
                    WHERE status = 'published' AND quantity_min IS NOT NULL AND location IS NOT NULL`);
    await q.query(`CREATE INDEX claims_published_actor_idx ON claims (category, lower(subject))
                    WHERE status = 'published' AND quantity_min IS NOT NULL AND subject IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS claims_published_actor_idx`);
    await q.query(`DROP INDEX IF EXISTS claims_published_place_idx`);
  }
}
