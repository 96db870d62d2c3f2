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
