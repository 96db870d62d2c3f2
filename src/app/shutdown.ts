import { Injectable, Logger, type BeforeApplicationShutdown, type INestApplicationContext, type OnApplicationShutdown } from '@nestjs/common';

/**
 * SIGTERM / SIGINT: Nest closes the application (HTTP stops accepting, BullMQ workers finish their active
 * job, the reconciler timer stops, pools close), then the process exits 0; a failure while closing exits 1.
 * `useProcessExit` instead of re-raising the signal, so a clean stop is visible as exit code 0 and pino
 * flushes its last lines. For the entry points only: tests boot the same modules without signal handlers.
 */
export function exitCleanlyOnSignals<T extends INestApplicationContext>(app: T): T {
  return app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
}

/** Says in the logs when a stop begins and when it is done, so an operator can tell a clean stop from a kill. */
@Injectable()
export class ShutdownLog implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(signal?: string): void {
    if (signal) this.logger.log(`${signal}: finishing active work, then stopping`);
  }

  onApplicationShutdown(signal?: string): void {
    if (signal) this.logger.log('stopped cleanly');
  }
}
