import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, import of earlier fact-checks. Each imported ClaimReview is stored as an article (the review page, status
 * `extracted`, never queued) with one published claim, and its row here: the other publisher's rating, author, dates,
 * language and the record as it came (raw). A claim has at most one import row (claim_id unique); a review url is
 * imported once (url_normalized unique, the same normalisation as articles.url_normalized).
 */
export class FactCheckImport1766200000000 implements MigrationInterface {
  name = 'FactCheckImport1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fact_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        url text NOT NULL,
        url_normalized text NOT NULL,
        claim_reviewed text NOT NULL,
        rating_name text,
        rating_value real,
        best_rating real,
        worst_rating real,
        author_name text,
        claimant text,
        claim_date timestamptz,
        date_published timestamptz,
        language text,
        raw jsonb NOT NULL,
        imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fact_checks_claim_id_key UNIQUE (claim_id),
        CONSTRAINT fact_checks_url_normalized_key UNIQUE (url_normalized)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The imported articles and claims stay: they are ordinary published claims without the import's details.
    await q.query(`DROP TABLE IF EXISTS fact_checks`);
  }
}
