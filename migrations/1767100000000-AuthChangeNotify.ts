import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, cached principals. Each API process caches who a token or session cookie is (PrincipalCache); these
 * statement triggers tell every process, through pg_notify at commit, that something a principal depends on changed
 * (a token revoked or deleted, a session ended, a user's role, name, password flag or disabled state), whoever made
 * the change: an API replica, the CLI, psql. Bookkeeping columns (last_used_at, last_seen_at, last_sign_in_at,
 * password_hash) are left out of the column lists, so recording a use does not empty every cache.
 */
export class AuthChangeNotify1767100000000 implements MigrationInterface {
  name = 'AuthChangeNotify1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION auth_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('auth_changed', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_auth_changed AFTER UPDATE OF name, role, disabled_at, must_change_password OR DELETE OR TRUNCATE
        ON users FOR EACH STATEMENT EXECUTE FUNCTION auth_changed_notify()`);
    await q.query(`
      CREATE TRIGGER api_tokens_auth_changed AFTER UPDATE OF user_id, token_hash, revoked_at, expires_at OR DELETE OR TRUNCATE
        ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION auth_changed_notify()`);
    await q.query(`
      CREATE TRIGGER sessions_auth_changed AFTER UPDATE OF user_id, secret_hash, csrf_token, revoked_at, expires_at OR DELETE OR TRUNCATE
        ON sessions FOR EACH STATEMENT EXECUTE FUNCTION auth_changed_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS sessions_auth_changed ON sessions`);
    await q.query(`DROP TRIGGER IF EXISTS api_tokens_auth_changed ON api_tokens`);
    await q.query(`DROP TRIGGER IF EXISTS users_auth_changed ON users`);
    await q.query(`DROP FUNCTION IF EXISTS auth_changed_notify()`);
  }
}
