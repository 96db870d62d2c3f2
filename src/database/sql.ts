import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs SQL and returns the result rows, whatever the statement. TypeORM's raw `query()` returns
 * `[rows, rowCount]` for UPDATE and DELETE (RETURNING included) but bare rows for everything else.
 */
export async function rows<T = Record<string, unknown>>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return (result ?? []) as T[];
}

interface NamedQueryPool {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}
const statementNames = new Map<string, string>();

/**
 * rows() as a statement prepared once per pooled connection (named after its text), on Postgres: the server then
 * parses and plans it once per connection rather than on every call (about half the server's CPU of the matcher's two
 * small per-request statements, bench matching-scale; for a large statement such as the lease, or extraction's
 * statements over arrays, planning costs as much as running it). Through the DataSource (the pool) or inside a
 * transaction (an EntityManager: on its connection); through anything else, as rows(). Only for statements whose text
 * is one of a few (each text stays prepared on every connection): the parameters, not the text, carry what varies.
 * The result's columns must not depend on the schema (no top-level `*`), or a migration run beside a live API would
 * break the prepared statement.
 */
export async function preparedRows<T = Record<string, unknown>>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = await namedQueryClient(db);
  if (typeof client?.query !== 'function') return rows<T>(db, sql, params);
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    if (statementNames.size >= 1000) statementNames.clear();
    statementNames.set(sql, name);
  }
  return (await client.query<T>({ name, text: sql, values: params })).rows;
}

/** What runs a named statement for `db`: the pg pool of a DataSource, the pg client of a transaction's query runner. */
async function namedQueryClient(db: DataSource | EntityManager): Promise<NamedQueryPool | undefined> {
  const source = db instanceof DataSource ? db : db.dataSource;
  if (source.driver.options.type !== 'postgres') return undefined;
  if (db instanceof DataSource) return (db.driver as unknown as { master?: NamedQueryPool }).master;
  // PostgresQueryRunner.connect() hands back its pg client. A released runner's client is back in the pool (another
  // request's, maybe in its transaction): then rows(), whose query() throws as it should.
  const runner = db.queryRunner as unknown as { connect?(): Promise<NamedQueryPool>; isReleased?: boolean } | undefined;
  return runner?.connect && !runner.isReleased ? runner.connect() : undefined;
}

/**
 * A WHERE clause built from optional filters, with numbered parameters: `where.add('c.status = ?', status)`.
 * Every `?` in one condition is the same parameter.
 */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[];

  constructor(...fixed: string[]) {
    this.conditions = [...fixed];
  }

  add(condition: string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(condition.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  /** A condition without parameters. */
  addFixed(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** Appends a parameter that is not a condition (LIMIT); returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get sql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
