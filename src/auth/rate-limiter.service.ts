import { HttpStatus, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { producerConnection } from '../queue/queues.js';
import { logRedisErrors } from '../queue/redis-errors.js';

const WINDOW_MS = 60_000;

/** After Redis failed, the limiter skips it for this long before trying again (one try per period, not per request). */
export const LIMITER_PAUSE_MS = 5_000;

/** The most a process reserves at once; less as the window's quota runs out (see reserve()). */
const MAX_RESERVATION = 100;

/** A token's requests in one window, as this process knows them: the counts it reserved and has not spent yet. */
interface Bucket {
  window: number;
  /** The next count of ours to hand out, and the last (next > last: nothing left). */
  next: number;
  last: number;
  /** Redis said the window's quota is gone: every further request of the window is refused without asking again. */
  exhausted: boolean;
  /** The window's quota that was left at our last reservation (sizes the next one). */
  remaining: number;
  /** A reservation in flight, shared by the requests that wait for it. */
  reserving: Promise<boolean> | null;
}

/**
 * Per-token fixed one-minute windows counted in Redis, so the limit holds across API instances. Each process does
 * not ask Redis on every request: it reserves a run of counts with one INCRBY (+ PEXPIRE, in one MULTI) and hands
 * them out locally until they are spent. The run is small next to what is left of the window's quota (1/16 of it, at
 * most 100, at least 1), so near the limit processes reserve one count at a time and the limit is exact: never more
 * than the limit is let through in a window, whatever the number of processes; counts a process reserved but did not
 * spend when another hit the limit are lost for that window (at most 1/16 of what was left, per process).
 * RateLimit-Remaining is computed from the count a request got.
 *
 * Hand-written rather than @nestjs/throttler because the count must live
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
  private readonly buckets = new Map<string, Bucket>();
  private closing = false;

  constructor(private readonly config: AppConfig) {
    this.redis = new Redis({ ...producerConnection(config.REDIS_URL), lazyConnect: true });
    logRedisErrors(this.redis, this.logger, 'rate-limiter');
    // Say so when the connection drops, not only once a request needs Redis (most spend counts reserved earlier),
    // and that limits hold again once it is back.
    this.redis.on('close', () => {
      if (!this.closing) this.unavailable('connection closed');
    });
    this.redis.on('ready', () => this.available());
  }

  /** Connects at boot, so the first requests find it ready; a Redis that is down does not stop the boot. */
  async onModuleInit(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
    await Promise.race([this.redis.connect().catch(() => undefined), giveUp]).finally(() => clearTimeout(timer));
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Throws 429 past the limit; returns the headers to send otherwise. */
  async consume(tokenId: string, now = Date.now()): Promise<Record<string, string>> {
    const limit = this.config.RATE_LIMIT_PER_MINUTE;
    const window = Math.floor(now / WINDOW_MS);
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    const count = await this.take(tokenId, window, limit, now);
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

  /** This request's count in the window (over the limit: refused), or null when Redis is away (the request is let through). */
  private async take(tokenId: string, window: number, limit: number, now: number): Promise<number | null> {
    let bucket = this.buckets.get(tokenId);
    if (!bucket || bucket.window !== window) {
      if (this.buckets.size >= 10_000) this.forgetOldWindows(window);
      bucket = { window, next: 1, last: 0, exhausted: false, remaining: limit, reserving: null };
      this.buckets.set(tokenId, bucket);
    }
    for (;;) {
      if (bucket.next <= bucket.last) return bucket.next++;
      if (bucket.exhausted) return limit + 1;
      if (now < this.pausedUntil) return null;
      bucket.reserving ??= this.reserve(bucket, `${this.config.QUEUE_PREFIX}:ratelimit:${tokenId}:${window}`, limit).finally(() => (bucket.reserving = null));
      if (!(await bucket.reserving)) return null;
    }
  }

  /** Reserves the next run of counts from Redis into the bucket; false when Redis is away. */
  private async reserve(bucket: Bucket, key: string, limit: number): Promise<boolean> {
    const size = Math.max(1, Math.min(MAX_RESERVATION, Math.floor(bucket.remaining / 16)));
    const total = await this.incrementBy(key, size);
    if (total === null) return false;
    const first = total - size + 1;
    bucket.remaining = limit - total;
    if (first > limit) {
      bucket.exhausted = true;
    } else {
      bucket.next = first;
      bucket.last = Math.min(total, limit);
      // Past the end of what we got, the quota is gone.
      if (total >= limit) bucket.exhausted = true;
    }
    return true;
  }

  private forgetOldWindows(window: number): void {
    for (const [tokenId, bucket] of this.buckets) if (bucket.window !== window) this.buckets.delete(tokenId);
    if (this.buckets.size >= 10_000) this.buckets.clear();
  }

  /** The window's count after adding `by`, or null when Redis is away. */
  private async incrementBy(key: string, by: number): Promise<number | null> {
    try {
      const result = await this.redis.multi().incrby(key, by).pexpire(key, WINDOW_MS * 2).exec();
      const [err, value] = result?.[0] ?? [];
      if (err) throw err;
      this.available();
      return Number(value ?? 0);
    } catch (err) {
      this.unavailable(String(err));
      return null;
    }
  }

  /** Redis is away: the counts this process reserved no longer make a shared limit; requests pass unlimited until it is back. */
  private unavailable(why: string): void {
    this.pausedUntil = Date.now() + LIMITER_PAUSE_MS;
    this.buckets.clear();
    if (this.enforcing) {
      this.enforcing = false;
      this.logger.warn(`Redis unavailable: consumer rate limits are NOT enforced until it is back (${why})`);
    }
  }

  private available(): void {
    this.pausedUntil = 0;
    if (!this.enforcing) {
      this.enforcing = true;
      this.logger.log('Redis is back: consumer rate limits are enforced again');
    }
  }
}
