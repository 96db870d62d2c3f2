import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optional expiry of API tokens, and when each was last used (at most a minute stale: see TokensService),
 * so operators can rotate tokens and find the ones nobody uses any more.
 */
export class TokenExpiry1765400000000 implements MigrationInterface {
  name = 'TokenExpiry1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz, ADD COLUMN last_used_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens DROP COLUMN IF EXISTS expires_at, DROP COLUMN IF EXISTS last_used_at`);
  }
}
