// Plain JavaScript: Jest loads global setup outside its module mapper, so this uses the compiled
// migrations in dist/ (`npm test` builds first). A fresh test database every run, built by the migrations alone.
import pg from 'pg';
import { migrate } from '../../dist/src/database/migrate.js';

export default async function globalSetup() {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_test');
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await migrate(url.toString(), () => undefined);
}
