// Test configuration, shared by the global setup and every e2e test file. Real Postgres and Redis,
// a database of its own (created and migrated by the run) and a Redis key prefix of its own.
// Keep the default in step with global-setup.mjs.
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_test';

Object.assign(process.env, {
  DATABASE_URL: TEST_DATABASE_URL,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: process.env.TEST_QUEUE_PREFIX ?? 'claimcheck-test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  EXTRACTION_ATTEMPTS: '2',
  EXTRACTION_BACKOFF_MS: '100',
  EXTRACTION_STALE_SECONDS: '1',
  RECONCILE_INTERVAL_SECONDS: '1',
  MAX_BODY_BYTES: String(64 * 1024),
  WEBHOOK_BACKOFF_MS: '100',
  WEBHOOK_MAX_ATTEMPTS: '4',
  WEBHOOK_TIMEOUT_MS: '2000',
  PUBLIC_BASE_URL: 'https://factcheck.example.org',
  PUBLISHER_NAME: 'Example Fact Desk',
});
