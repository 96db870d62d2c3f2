import type { Logger } from '@nestjs/common';
import { CONNECTION_CODES } from '../common/problem.filter.js';

interface ErrorEmitter {
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** At most one line per connection in this window; the next line says how many were left out. */
export const REDIS_ERROR_LOG_WINDOW_MS = 10_000;

/**
 * Every Redis connection the app creates (queues, workers, the rate limiter) gets an 'error' listener
 * through here. Without one, ioredis and BullMQ print stack traces on stderr, several per second while
 * Redis is away; with it, each connection writes one structured warning per window, with the count of
 * the errors it left out. The connection itself keeps reconnecting.
 */
export function logRedisErrors(emitter: ErrorEmitter, logger: Logger, connection: string, windowMs = REDIS_ERROR_LOG_WINDOW_MS): void {
  let lastLoggedAt = -Infinity;
  let suppressed = 0;
  emitter.on('error', (err: Error) => {
    if (!isConnectionError(err)) {
      // Not Redis being away but something wrong with a job or a script: each one matters.
      logger.error({ msg: 'queue error', connection, error: err?.message ?? String(err), stack: err?.stack });
      return;
    }
    const now = Date.now();
    if (now - lastLoggedAt < windowMs) {
      suppressed++;
      return;
    }
    logger.warn({ msg: 'redis error', connection, error: err?.message ?? String(err), code: (err as { code?: unknown })?.code, suppressed });
    lastLoggedAt = now;
    suppressed = 0;
  });
}

/** Redis unreachable or gone (as opposed to an error in a command or a job). */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; name?: unknown } | null;
  if (typeof e?.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return (
    e?.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|Stream isn't writeable|Command timed out|connect ETIMEDOUT|Redis did not answer|read ECONNRESET|socket closed/i.test(message)
  );
}
