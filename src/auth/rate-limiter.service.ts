import { HttpStatus, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { producerConnection } from '../queue/queues.js';
import { logRedisErrors } from '../queue/redis-errors.js';

const WINDOW_MS = 60_000;

/** After Redis failed, the limiter skips it for this long before trying again (one try per period, not per request). */
export const LIMITER_PAUSE_MS = 5_000;

/**
 * Per-token fixed one-minute windows counted in Redis (INCR + PEXPIRE in one MULTI), so the limit
 * holds across API instances. Hand-written rather than @nestjs/throttler because the count must live
 * in Redis and be keyed by token, which would take a third-party storage adapter and a custom tracker
 * for what is two Redis commands. If Redis is unreachable the request is let through: a limiter should
 * not take the API down with it, nor slow it down. The connection fails fast (no offline queue, a short
 * command timeout), and after a failure a circuit breaker skips Redis for LIMITER_PAUSE_MS; the log
 * says once that limits are not enforced, and once when they are again.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: Redis;
  /** While set, Redis is skipped until this time (ms since epoch). */
  private pausedUntil = 0;
  private enforcing = true;

  constructor(private readonly config: AppConfig) {
    this.redis = new Redis({ ...producerConnection(config.REDIS_URL), lazyConnect: true });
    logRedisErrors(this.redis, this.logger, 'rate-limiter');
  }

  /** Connects at boot, so the first requests find it ready; a Redis that is down does not stop the boot. */
  async onModuleInit(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
    await Promise.race([this.redis.connect().catch(() => undefined), giveUp]).finally(() => clearTimeout(timer));
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Throws 429 past the limit; returns the headers to send otherwise. */
  async consume(tokenId: string, now = Date.now()): Promise<Record<string, string>> {
    const limit = this.config.RATE_LIMIT_PER_MINUTE;
    const window = Math.floor(now / WINDOW_MS);
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    const count = await this.count(`${this.config.QUEUE_PREFIX}:ratelimit:${tokenId}:${window}`, now);
    if (count === null) return {};
    const headers = {
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(Math.max(0, limit - count)),
      'RateLimit-Reset': String(resetSeconds),
    };
    if (count > limit) {
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', `More than ${limit} requests in a minute with this token; retry in ${resetSeconds} s.`, {
        retryAfterSeconds: resetSeconds,
        headers: { ...headers, 'Retry-After': String(resetSeconds) },
      });
    }
    return headers;
  }

  /** The window's count after this request, or null when Redis is away (the request is let through). */
  private async count(key: string, now: number): Promise<number | null> {
    if (now < this.pausedUntil) return null;
    try {
      const result = await this.redis.multi().incr(key).pexpire(key, WINDOW_MS * 2).exec();
      const [err, value] = result?.[0] ?? [];
      if (err) throw err;
      if (!this.enforcing) {
        this.enforcing = true;
        this.logger.log('Redis is back: consumer rate limits are enforced again');
      }
      return Number(value ?? 0);
    } catch (err) {
      this.pausedUntil = Date.now() + LIMITER_PAUSE_MS;
      if (this.enforcing) {
        this.enforcing = false;
        this.logger.warn(`Redis unavailable: consumer rate limits are NOT enforced until it is back (${String(err)})`);
      }
      return null;
    }
  }
}
