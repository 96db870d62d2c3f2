import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, the in-memory match index (src/matching/match-index.ts): `claims.match_version`, from a sequence, changes
 * whenever what the index holds of a claim changes (its terms, status, category or figures), so the API can poll
 * `match_version > last` (btree) and keep its index fresh. New claims take the next value from the column's default;
 * an update gets one from the trigger below. It is named after `claims_match_terms` so it runs after that one
 * (Postgres fires a table's BEFORE triggers in name order) and its WHEN sees the recomputed terms.
 * Adding the column with a volatile default rewrites the table once (~1 min on a million claims).
 */
export class MatchVersion1766300000000 implements MigrationInterface {
  name = 'MatchVersion1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE claims_match_version_seq`);
    await q.query(`ALTER TABLE claims ADD COLUMN match_version bigint NOT NULL DEFAULT nextval('claims_match_version_seq')`);
    await q.query(`ALTER SEQUENCE claims_match_version_seq OWNED BY claims.match_version`);
    await q.query(`CREATE INDEX claims_match_version_idx ON claims (match_version)`);
    await q.query(`
      CREATE FUNCTION claims_match_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.match_version := nextval('claims_match_version_seq');
        RETURN NEW;
      END $$`);
    // quantity_min/max are generated after BEFORE triggers: their inputs are compared instead.
    await q.query(`
      CREATE TRIGGER claims_match_version BEFORE UPDATE ON claims FOR EACH ROW
        WHEN (OLD.match_terms IS DISTINCT FROM NEW.match_terms OR OLD.status IS DISTINCT FROM NEW.status
              OR OLD.category IS DISTINCT FROM NEW.category OR OLD.quantity_value IS DISTINCT FROM NEW.quantity_value
              OR OLD.quantity_low IS DISTINCT FROM NEW.quantity_low OR OLD.quantity_high IS DISTINCT FROM NEW.quantity_high)
        EXECUTE FUNCTION claims_match_version_bump()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS claims_match_version ON claims`);
    await q.query(`DROP FUNCTION IF EXISTS claims_match_version_bump()`);
    await q.query(`ALTER TABLE claims DROP COLUMN IF EXISTS match_version`);
    await q.query(`DROP SEQUENCE IF EXISTS claims_match_version_seq`);
  }
}
