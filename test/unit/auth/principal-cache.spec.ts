import { describe, expect, test } from '@jest/globals';
import { PrincipalCache } from '../../../src/auth/principal-cache.service.js';
import type { AppConfig } from '../../../src/config/config.js';

/** A cache whose listener counts as connected (no Postgres): what it stores and when it refuses to. */
function listeningCache(seconds = 30): PrincipalCache {
  const cache = new PrincipalCache({ AUTH_CACHE_SECONDS: seconds, DATABASE_URL: 'postgres://unused' } as AppConfig);
  listenerOf(cache).client = {};
  return cache;
}

/** The cache's PgListener, whose state the tests set (no Postgres here). */
function listenerOf(cache: PrincipalCache): { client: object | null; retryTimer: unknown } {
  return (cache as unknown as { listener: { client: object | null; retryTimer: unknown } }).listener;
}

describe('PrincipalCache', () => {
  test('a second lookup of the same key is answered from the cache; null answers are not stored', async () => {
    const cache = listeningCache();
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await cache.get('k', load)).toEqual({ n: 1 });
    expect(await cache.get('k', load)).toEqual({ n: 1 });
    let misses = 0;
    const none = async () => (misses++, null);
    await cache.get('unknown', none);
    await cache.get('unknown', none);
    expect(misses).toBe(2);
  });

  test('an invalidation arriving while a lookup is in flight: the (possibly stale) result is returned but not stored', async () => {
    const cache = listeningCache();
    let release!: (v: { role: string }) => void;
    const inFlight = cache.get('k', () => new Promise<{ role: string }>((r) => (release = r)));
    cache.invalidate(); // the notification of a role change committed meanwhile
    release({ role: 'editor' });
    expect(await inFlight).toEqual({ role: 'editor' });
    expect(await cache.get('k', async () => ({ role: 'consumer' }))).toEqual({ role: 'consumer' });
  });

  test('invalidate empties it; accept() false sends the lookup to the loader again', async () => {
    const cache = listeningCache();
    await cache.get('k', async () => ({ v: 1 }));
    cache.invalidate();
    expect(await cache.get('k', async () => ({ v: 2 }))).toEqual({ v: 2 });
    expect(await cache.get('k', async () => ({ v: 3 }), () => false)).toEqual({ v: 3 });
  });

  test('without a listener (not connected yet, or its connection dropped) nothing is stored; AUTH_CACHE_SECONDS=0 turns it off', async () => {
    const cache = listeningCache();
    listenerOf(cache).client = null;
    // Keep it from trying to connect to the fake URL: as if a reconnect were scheduled.
    listenerOf(cache).retryTimer = setTimeout(() => undefined, 0);
    let loads = 0;
    await cache.get('k', async () => ({ n: ++loads }));
    await cache.get('k', async () => ({ n: ++loads }));
    expect(loads).toBe(2);
    const off = listeningCache(0);
    await off.get('k', async () => ({ n: ++loads }));
    await off.get('k', async () => ({ n: ++loads }));
    expect(loads).toBe(4);
  });
});
