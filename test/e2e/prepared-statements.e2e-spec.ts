import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';
import { preparedRows } from '../../src/database/sql.js';
import { TEST_DATABASE_URL } from './env.js';

/**
 * preparedRows (src/database/sql.ts) on the real Postgres: a named statement, prepared once per connection, through
 * the pool and inside a transaction, where it must run on the transaction's own connection (extraction's statements).
 */
describe('statements prepared once per connection', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: TEST_DATABASE_URL, poolSize: 2 }).initialize();
  });
  afterAll(() => db.destroy());

  const PROBE = `SELECT txid_current()::text AS tx, $1::int + 1 AS next`;
  /** The named statements the current connection holds for PROBE. */
  const held = (run: (sql: string) => Promise<Array<{ name: string }>>) =>
    run(`SELECT name FROM pg_prepared_statements WHERE statement = '${PROBE.replace(/'/g, "''")}'`);

  test('inside a transaction it runs in that transaction, prepared on its connection, and again after a rollback', async () => {
    await db.transaction(async (tx) => {
      const [mine] = await tx.query(`SELECT txid_current()::text AS tx`);
      const [first] = await preparedRows<{ tx: string; next: number }>(tx, PROBE, [1]);
      const [second] = await preparedRows<{ tx: string; next: number }>(tx, PROBE, [41]);
      // The transaction's own connection (its transaction id), with its parameters…
      expect(first).toEqual({ tx: mine.tx, next: 2 });
      expect(second).toEqual({ tx: mine.tx, next: 42 });
      // …as one named statement held by that connection, not parsed anew each time.
      expect(await held((sql) => tx.query(sql))).toHaveLength(1);
    });
    // A transaction that fails after the statement ran does not break the next ones (on whichever connection).
    await expect(db.transaction(async (tx) => {
      await preparedRows(tx, PROBE, [1]);
      await tx.query(`SELECT 1/0`);
    })).rejects.toThrow(/division by zero/);
    await db.transaction(async (tx) => {
      const [again] = await preparedRows<{ next: number }>(tx, PROBE, [9]);
      expect(again.next).toBe(10);
    });
  });

  test('an error inside the statement reaches the caller with its Postgres code, and the transaction rolls back', async () => {
    const table = `prepared_probe_${process.pid}`;
    await db.query(`CREATE TABLE IF NOT EXISTS ${table} (n int)`);
    try {
      const failing = db.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table} VALUES (1)`);
        await preparedRows(tx, `SELECT $1::int / 0 AS never`, [1]);
      });
      await expect(failing).rejects.toMatchObject({ code: '22012' });
      expect((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n).toBe(0);
    } finally {
      await db.query(`DROP TABLE ${table}`);
    }
  });
});
