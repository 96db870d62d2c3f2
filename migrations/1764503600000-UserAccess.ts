import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Admins can disable a user (every token of theirs stops working at once) without deleting their history. */
export class UserAccess1764503600000 implements MigrationInterface {
  name = 'UserAccess1764503600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS disabled_at`);
  }
}
