import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, time zones. A publisher's IANA zone (a desk setting, one row per publisher name, case-insensitive);
 * each article carries the zone it was ingested with (its publisher's, else DEFAULT_TIME_ZONE), and relative dates
 * ("yesterday", "on Tuesday") resolve in it. Existing articles were read in UTC, so they keep UTC.
 */
export class PublisherTimeZones1766900000000 implements MigrationInterface {
  name = 'PublisherTimeZones1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE publishers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT publishers_name_check CHECK (char_length(name) BETWEEN 1 AND 200),
        time_zone text NOT NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX publishers_name_key ON publishers (lower(name))`);
    await q.query(`ALTER TABLE articles ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE articles DROP COLUMN IF EXISTS time_zone`);
    await q.query(`DROP TABLE IF EXISTS publishers`);
  }
}
