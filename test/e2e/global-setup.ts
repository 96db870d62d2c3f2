import { DataSource } from 'typeorm';
import { migrate } from '../../src/database/migrate.js';
import { TEST_DATABASE_URL } from './env.js';

/** A fresh test database for every run, built by the migrations alone (never synchronize). */
export default async function globalSetup(): Promise<void> {
  const url = new URL(TEST_DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new DataSource({ type: 'postgres', url: url.toString() });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.destroy();
  await migrate(TEST_DATABASE_URL, () => undefined);
}
