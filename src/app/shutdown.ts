import type { INestApplicationContext } from '@nestjs/common';

/**
 * SIGTERM / SIGINT: Nest closes the application (HTTP stops accepting, BullMQ workers finish their active
 * job, the reconciler timer stops, pools close), then the process exits 0; a failure while closing exits 1.
 * `useProcessExit` instead of re-raising the signal, so a clean stop is visible as exit code 0 and pino
 * flushes its last lines. For the entry points only: tests boot the same modules without signal handlers.
 */
export function exitCleanlyOnSignals<T extends INestApplicationContext>(app: T): T {
  return app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
}
