import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claim matching (issue 5): a new claim that repeats an earlier one is linked to it.
 * Candidates are looked up by category and numeric extent (btree), then ranked by trigram similarity (pg_trgm).
 */
export class ClaimMatching1764324000000 implements MigrationInterface {
  name = 'ClaimMatching1764324000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // The numeric extent of a claim's quantity, whatever its qualifier: the SQL prefilter widens the query's
    // interval around these, and the scorer (src/matching/match-score.ts) applies the exact rules.
    await q.query(`ALTER TABLE claims
      ADD COLUMN quantity_min double precision GENERATED ALWAYS AS (coalesce(quantity_low, quantity_value, quantity_high)) STORED,
      ADD COLUMN quantity_max double precision GENERATED ALWAYS AS (coalesce(quantity_high, quantity_value, quantity_low)) STORED,
      -- An unlinked match keeps matched_claim_id, so the same suggestion is not made again.
      ADD COLUMN matched_claim_id uuid REFERENCES claims(id) ON DELETE SET NULL,
      ADD COLUMN match_score real,
      ADD COLUMN match_status text CONSTRAINT claims_match_status_check CHECK (match_status IN ('suggested','confirmed','unlinked')),
      ADD CONSTRAINT claims_match_not_self CHECK (matched_claim_id <> id)`);
    await q.query(`CREATE INDEX claims_match_numeric_idx ON claims (category, quantity_min) INCLUDE (quantity_max) WHERE quantity_min IS NOT NULL`);
    await q.query(`CREATE INDEX claims_text_trgm_idx ON claims USING gin (text gin_trgm_ops)`);
    await q.query(`CREATE INDEX claims_matched_claim_idx ON claims (matched_claim_id) WHERE matched_claim_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS claims_matched_claim_idx`);
    await q.query(`DROP INDEX IF EXISTS claims_text_trgm_idx`);
    await q.query(`DROP INDEX IF EXISTS claims_match_numeric_idx`);
    await q.query(`ALTER TABLE claims DROP CONSTRAINT IF EXISTS claims_match_not_self,
      DROP COLUMN IF EXISTS match_status, DROP COLUMN IF EXISTS match_score, DROP COLUMN IF EXISTS matched_claim_id,
      DROP COLUMN IF EXISTS quantity_max, DROP COLUMN IF EXISTS quantity_min`);
  }
}
