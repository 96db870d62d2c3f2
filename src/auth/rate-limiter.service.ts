import { HttpStatus, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { redisConnection } from '../queue/queues.js';

const WINDOW_MS = 60_000;

/**
 * Per-token fixed one-minute windows counted in Redis (INCR + PEXPIRE in one MULTI), so the limit
 * holds across API instances. Hand-written rather than @nestjs/throttler because the count must live
 * in Redis and be keyed by token, which would take a third-party storage adapter and a custom tracker
 * for what is two Redis commands. If Redis is unreachable the request is let through (and logged):
 * a limiter should not take the API down with it.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: Redis;

  constructor(private readonly config: AppConfig) {
    this.redis = new Redis({ ...redisConnection(config.REDIS_URL), maxRetriesPerRequest: 1, lazyConnect: true, enableOfflineQueue: true });
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  /** Throws 429 past the limit; returns the headers to send otherwise. */
  async consume(tokenId: string, now = Date.now()): Promise<Record<string, string>> {
    const limit = this.config.RATE_LIMIT_PER_MINUTE;
    const window = Math.floor(now / WINDOW_MS);
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    let count: number;
    try {
      const key = `${this.config.QUEUE_PREFIX}:ratelimit:${tokenId}:${window}`;
      const result = await this.redis.multi().incr(key).pexpire(key, WINDOW_MS * 2).exec();
      count = Number(result?.[0]?.[1] ?? 0);
    } catch (err) {
      this.logger.warn(`rate limiter unavailable, request let through: ${String(err)}`);
      return {};
    }
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
}
