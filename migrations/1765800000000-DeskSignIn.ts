import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People sign in to the desk with a name and a password (argon2id), and get a session cookie.
 * - users: the password hash (null: the user has none, e.g. created with a token), whether they must set their own
 *   (after an admin created or reset it), and when they last signed in.
 * - sessions: one row per signed-in browser. Only the SHA-256 of the cookie's secret is stored; the CSRF token
 *   (synchronizer token) is stored as is, since GET /v1/auth/session gives it back after a reload. Absolute expiry
 *   is fixed at creation; idle expiry is last_seen_at plus SESSION_IDLE_MINUTES, checked on every request.
 * - sign_in_attempts: every attempt (audit) and the counts behind the lockout, per name and per client address,
 *   over a sliding window: hence the two (key, created_at) indexes.
 */
export class DeskSignIn1765800000000 implements MigrationInterface {
  name = 'DeskSignIn1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN password_hash text,
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
        ADD COLUMN password_changed_at timestamptz,
        ADD COLUMN last_sign_in_at timestamptz
    `);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        secret_hash text NOT NULL CONSTRAINT sessions_secret_hash_key UNIQUE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        address text,
        user_agent text
      )
    `);
    await q.query(`CREATE INDEX sessions_user_active_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE sign_in_attempts (
        id bigserial PRIMARY KEY,
        name text NOT NULL,
        address text NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        outcome text NOT NULL CONSTRAINT sign_in_attempts_outcome_check
          CHECK (outcome IN ('pending', 'success', 'invalid_credentials', 'role_refused', 'throttled')),
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`CREATE INDEX sign_in_attempts_name_idx ON sign_in_attempts (name, created_at)`);
    await q.query(`CREATE INDEX sign_in_attempts_address_idx ON sign_in_attempts (address, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sign_in_attempts, sessions`);
    await q.query(`
      ALTER TABLE users DROP COLUMN IF EXISTS password_hash, DROP COLUMN IF EXISTS must_change_password,
        DROP COLUMN IF EXISTS password_changed_at, DROP COLUMN IF EXISTS last_sign_in_at
    `);
  }
}
