import { Injectable, Logger, type BeforeApplicationShutdown, type INestApplicationContext, type OnApplicationShutdown } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { AppConfig } from '../config/config.js';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM / SIGINT, within SHUTDOWN_TIMEOUT_MS:
 *   1. HTTP (if the app serves it): stop listening, close idle keep-alive connections, answer the requests
 *      in flight with `Connection: close` so their connections end with them (a busy keep-alive client
 *      would otherwise keep the server open for ever); connections still open at half the bound are cut.
 *   2. Nest closes the application: BullMQ workers finish their active jobs, the reconciler stops, then
 *      the Postgres and Redis connections close.
 *   3. exit 0; a failure while closing, or the bound passing, exits 1 (a job cut short is picked up
 *      again by another worker once its lock expires; nothing committed is lost).
 * `process.exit` rather than re-raising the signal, so a clean stop is visible as exit code 0 and pino
 * flushes its last lines. For the entry points only: tests boot the same modules without signal handlers.
 */
export function exitCleanlyOnSignals<T extends INestApplicationContext>(app: T): T {
  const server = httpServerOf(app);
  const http = server ? trackRequests(server) : undefined;
  const logger = new Logger('Shutdown');
  let stopping = false;

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return; // a second signal while stopping changes nothing; the bound still holds
    stopping = true;
    const boundMs = app.get(AppConfig).SHUTDOWN_TIMEOUT_MS;
    const hardStop = setTimeout(() => {
      logger.error(`${signal}: not stopped within SHUTDOWN_TIMEOUT_MS=${boundMs} ms, exiting anyway`);
      process.exit(1);
    }, boundMs);
    try {
      if (http) await http.drain(boundMs / 2, logger, signal);
      // close(signal) (typed without it) hands the signal to the shutdown hooks, as Nest's own handler does.
      await (app.close as (signal?: string) => Promise<void>).call(app, signal);
      clearTimeout(hardStop);
      process.exit(0);
    } catch (err) {
      logger.error(`${signal}: failed while stopping: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      process.exit(1);
    }
  };
  for (const signal of SIGNALS) process.on(signal, stop);
  return app;
}

function httpServerOf(app: INestApplicationContext): Server | undefined {
  const getter = (app as { getHttpServer?: () => Server }).getHttpServer;
  return typeof getter === 'function' ? getter.call(app) : undefined;
}

/** Keeps the responses in flight, so that a stop can tell them to close their connection when they are done. */
function trackRequests(server: Server) {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const closeWhenDone = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) return closeWhenDone(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });

  return {
    async drain(withinMs: number, logger: Logger, signal: string): Promise<void> {
      draining = true;
      logger.log(`${signal}: no new connections; finishing ${inFlight.size} request(s) in flight`);
      inFlight.forEach(closeWhenDone);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), withinMs)));
      if ((await Promise.race([closed, late])) === 'late') {
        logger.warn(`${signal}: ${inFlight.size} request(s) still running after ${withinMs} ms; closing their connections`);
        server.closeAllConnections();
        await closed;
      }
      clearTimeout(timer);
    },
  };
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
