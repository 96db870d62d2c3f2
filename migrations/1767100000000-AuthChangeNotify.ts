import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, cached principals. Each API process caches who a token or session cookie is (PrincipalCache); these
 * triggers tell every process, through pg_notify at commit, that something a principal depends on changed, whoever
 * made the change (an API replica, the CLI, psql): a token revoked, re-dated or deleted; a session ended, re-dated or
 * deleted; a user's name, role, disabled state or password-change flag. Recording a use (api_tokens.last_used_at,
 * sessions.last_seen_at moving forward, users.last_sign_in_at) does not notify, so it does not empty every cache; either
 * moving back does (nothing in the service does that; it is how one says "unused since then", and the processes then
 * judge idle expiry and the next last-use write from the database's value again).
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
    const changed = (columns: string[]) => columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
    const triggers: Array<[table: string, when: string]> = [
      ['users', changed(['name', 'role', 'disabled_at', 'must_change_password'])],
      ['api_tokens', `${changed(['user_id', 'token_hash', 'revoked_at', 'expires_at'])} OR NEW.last_used_at < OLD.last_used_at`],
      ['sessions', `${changed(['user_id', 'secret_hash', 'csrf_token', 'revoked_at', 'expires_at'])} OR NEW.last_seen_at < OLD.last_seen_at`],
    ];
    for (const [table, when] of triggers) {
      await q.query(`CREATE TRIGGER ${table}_auth_updated AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION auth_changed_notify()`);
      await q.query(`CREATE TRIGGER ${table}_auth_removed AFTER DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION auth_changed_notify()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['sessions', 'api_tokens', 'users']) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_auth_removed ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS ${table}_auth_updated ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS auth_changed_notify()`);
  }
}
