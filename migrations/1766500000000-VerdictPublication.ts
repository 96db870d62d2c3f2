import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, fact-checks that get published. A verdict carries what publishing needs: the fact-check article on the
 * newsroom's site (url, headline, language, optional image) and the short form of the claim that ClaimReview calls
 * `claimReviewed` (null: derived from the claim's text). Url, headline and language come together or not at all.
 * `publication_updated_at` is when an approver last changed the publication of a published verdict (the sitemap's
 * lastmod); the partial index serves the sitemap.
 */
export class VerdictPublication1766500000000 implements MigrationInterface {
  name = 'VerdictPublication1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE verdicts
        ADD COLUMN publication_url text,
        ADD COLUMN publication_headline text,
        ADD COLUMN publication_language text,
        ADD COLUMN publication_image_url text,
        ADD COLUMN publication_updated_at timestamptz,
        ADD COLUMN claim_reviewed text,
        ADD CONSTRAINT verdicts_publication_complete CHECK (
          (publication_url IS NULL AND publication_headline IS NULL AND publication_language IS NULL AND publication_image_url IS NULL)
          OR (publication_url IS NOT NULL AND publication_headline IS NOT NULL AND publication_language IS NOT NULL))`);
    await q.query(`CREATE INDEX verdicts_published_publication_idx ON verdicts (published_at DESC) WHERE status = 'published' AND publication_url IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS verdicts_published_publication_idx`);
    await q.query(`
      ALTER TABLE verdicts
        DROP CONSTRAINT IF EXISTS verdicts_publication_complete,
        DROP COLUMN IF EXISTS publication_url, DROP COLUMN IF EXISTS publication_headline, DROP COLUMN IF EXISTS publication_language,
        DROP COLUMN IF EXISTS publication_image_url, DROP COLUMN IF EXISTS publication_updated_at, DROP COLUMN IF EXISTS claim_reviewed`);
  }
}
