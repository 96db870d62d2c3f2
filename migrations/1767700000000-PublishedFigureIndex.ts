import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, ingest: extraction asks of each new figure which published claim of another article it repeats
 * (ClaimMatcher.findRepeats). Published claims are a small part of the table; these indexes find those whose figure
 * lies near the new one, or whose text states it (`#value` terms), without the unpublished ones. The words index of
 * every claim would do the second, but each scan of it also reads its pending list (GIN's fast update), which
 * holds the claims inserted since the last vacuum: during ingest, every claim of the last articles, on every scan.
 * Claims are rarely published, so this one's pending list stays short.
 */
export class PublishedFigureIndex1767700000000 implements MigrationInterface {
  name = 'PublishedFigureIndex1767700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX claims_published_figure_idx ON claims (quantity_min) INCLUDE (article_id) WHERE status = 'published' AND quantity_min IS NOT NULL`);
    await q.query(`CREATE INDEX claims_published_terms_idx ON claims USING gin (match_terms) WHERE status = 'published'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS claims_published_terms_idx`);
    await q.query(`DROP INDEX IF EXISTS claims_published_figure_idx`);
  }
}
