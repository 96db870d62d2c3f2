import { describe, expect, test } from '@jest/globals';
import { RateLimiter } from '../../../src/auth/rate-limiter.service.js';
import type { AppConfig } from '../../../src/config/config.js';

/** One Redis shared by several limiters (API processes): INCRBY + PEXPIRE in a MULTI, answered a tick later. */
class FakeRedis {
  readonly counts = new Map<string, number>();
  calls = 0;
  multi() {
    let key = '';
    let by = 0;
    const chain = {
      incrby: (k: string, n: number) => ((key = k), (by = n), chain),
      pexpire: () => chain,
      exec: async () => {
        this.calls++;
        await new Promise((r) => setImmediate(r));
        const total = (this.counts.get(key) ?? 0) + by;
        this.counts.set(key, total);
        return [[null, total], [null, 1]];
      },
    };
    return chain;
  }
}

function limiter(redis: FakeRedis, limit: number): RateLimiter {
  const l = new RateLimiter({ RATE_LIMIT_PER_MINUTE: limit, QUEUE_PREFIX: 't', REDIS_URL: 'redis://127.0.0.1:1' } as AppConfig);
  (l as unknown as { redis: FakeRedis }).redis = redis;
  return l;
}

const outcome = (p: Promise<unknown>) => p.then(() => 'ok' as const, (e: { status?: number }) => (e.status === 429 ? 429 : e));

describe('RateLimiter (counts reserved from Redis in runs)', () => {
  const now = 1_800_000_000_000 + 1000; // early in a window

  test('two processes, many concurrent requests: exactly the limit gets through when the limit is small', async () => {
    const redis = new FakeRedis();
    const [a, b] = [limiter(redis, 10), limiter(redis, 10)];
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => outcome((i % 2 ? a : b).consume('tok', now))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(results.filter((r) => r === 429)).toHaveLength(20);
  });

  test('a large limit: never more than the limit, a few short at most, and far fewer Redis round trips than requests', async () => {
    const redis = new FakeRedis();
    const [a, b, c] = [limiter(redis, 1000), limiter(redis, 1000), limiter(redis, 1000)];
    const results = await Promise.all(Array.from({ length: 1500 }, (_, i) => outcome([a, b, c][i % 3].consume('tok', now))));
    const ok = results.filter((r) => r === 'ok').length;
    expect(ok).toBeLessThanOrEqual(1000);
    expect(ok).toBeGreaterThanOrEqual(1000 - 3 * 62);
    expect(redis.calls).toBeLessThan(300);
  });

  test('RateLimit-Remaining counts down with one process; a new window starts afresh', async () => {
    const redis = new FakeRedis();
    const a = limiter(redis, 5);
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) remaining.push((await a.consume('tok', now))['RateLimit-Remaining']);
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    expect(await outcome(a.consume('tok', now))).toBe(429);
    expect(await outcome(a.consume('tok', now + 60_000))).toBe('ok');
  });
});
