import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';

/** The one place that says how we talk to Postgres. The schema comes only from migrations (never synchronize). */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // A request waits at most this long for a pooled connection (Postgres down or the pool exhausted), then
    // fails (503 database_unavailable) instead of hanging.
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
