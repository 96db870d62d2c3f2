import type { DataSource, EntityManager } from 'typeorm';

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
