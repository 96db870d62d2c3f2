import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

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

/**
 * A statement run often on a hot path, as a named prepared statement on the pool (outside any transaction): each
 * pooled connection parses and plans it once (Postgres then keeps a generic plan when it is no worse), where an
 * unnamed one is parsed and planned on every call. For a large statement (the lease: CTEs and the task's joins)
 * planning costs Postgres more than running it. `name` must be unique to `sql` in the whole process; the result's
 * columns must not depend on the schema (no top-level `*`), or a migration run beside a live API would break it.
 */
export async function preparedRows<T = Record<string, unknown>>(db: DataSource, name: string, sql: string, params: unknown[]): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as pg.Pool;
  const result = await pool.query({ name, text: sql, values: params });
  return result.rows as T[];
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
