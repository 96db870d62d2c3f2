import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { PgListener } from '../database/pg-listener.js';
import { AppConfig } from '../config/config.js';

/** The channel the users, api_tokens and sessions triggers notify on (migration AuthChangeNotify1767100000000). */
export const AUTH_CHANGED_CHANNEL = 'auth_changed';

/** Each process's answer to a barrier (see settle()). */
export const AUTH_ACK_CHANNEL = 'auth_changed_ack';
/** The listeners' application_name, by which a writer counts the processes that must answer its barrier. */
const LISTENER_NAME = 'claimcheck-principal-cache';
/** How long a writer waits for every process to answer its barrier. */
const SETTLE_TIMEOUT_MS = 2000;

/** Past this many entries the cache starts again empty (a bound, not an LRU: credentials in use come back in one lookup). */
const MAX_ENTRIES = 20_000;

/**
 * Who a token or a session cookie is, kept briefly in this process so a request does not look its credential up in
 * Postgres (TokensService, SessionsService). Correctness does not rest on the time to live:
 *
 * - **Invalidation on change, in every process.** Triggers on users, api_tokens and sessions call pg_notify at
 *   commit, whoever made the change (an API replica, the CLI, psql); each API process LISTENs on one connection of its
 *   own and empties its cache on every notification. Postgres LISTEN/NOTIFY rather than Redis pub/sub: the
 *   notification is part of the transaction (sent if and only if it commits, in commit order, after the change is
 *   visible), writers need no code of their own to publish (a forgotten publish would be a stale cache), and the
 *   credentials live in Postgres anyway. Changes are rare (a revocation, a role change, a sign-out), so emptying the
 *   whole cache is simpler than keying notifications, and costs one lookup per credential in use.
 * - **No stale entry from a lookup in flight.** A lookup that started before a notification may have read the old
 *   row; `generation` moves with every notification, and a lookup stores its result only if it did not move meanwhile.
 * - **No cache without the listener.** Until LISTEN is in place, and from the moment its connection drops until it is
 *   back (notifications may have been missed), nothing is read from or stored in the cache: every request goes to
 *   Postgres, as without a cache.
 * - Only positive answers are stored (an unknown token is looked up each time: a new token works at once), and time
 *   limits are checked on each hit by the services (token expiry; session idle and absolute expiry, which send the
 *   request to Postgres to decide).
 *
 * - **The writer's answer waits for every process.** A notification reaches each process a moment after the commit
 *   (tens of ms on a loaded host, longer than a client takes to send its next request), so the services that change
 *   credentials (revoke, sign-out, role, disabled, passwords) call settle() after their commit: a barrier notification
 *   that each listening process answers once it has processed everything before it. Their HTTP answer leaves only
 *   then, so the next request anywhere sees the change. A change made in SQL (psql) has no barrier: it holds
 *   everywhere within the notification's delivery.

 * The connection opens with the first lookup, so processes that never authenticate (the worker, the CLI) never open it.
 */
@Injectable()
export class PrincipalCache implements OnModuleDestroy {
  private readonly logger = new Logger(PrincipalCache.name);
  private readonly entries = new Map<string, { value: unknown; until: number }>();
  private readonly ttlMs: number;
  /** Moves with every notification and every change of the listener's state. */
  private generation = 0;
  private readonly listener: PgListener;
  private closing = false;
  /** Barriers this process sent and waits on: nonce → processes still to answer, and how to wake the writer. */
  private readonly barriers = new Map<string, { missing: number; done: () => void }>();

  constructor(config: AppConfig) {
    this.ttlMs = config.AUTH_CACHE_SECONDS * 1000;
    this.listener = new PgListener({
      databaseUrl: config.DATABASE_URL,
      channels: [AUTH_CHANGED_CHANNEL, AUTH_ACK_CHANNEL],
      applicationName: LISTENER_NAME,
      logger: this.logger,
      meanwhile: 'credentials are looked up on every request',
      onNotification: (msg, client) => this.notified(msg, client),
      // Whatever was read before LISTEN was in place is not stored (lookups in flight see a new generation); from a
      // lost connection until it is back, no cache (notifications may have been missed).
      onListening: () => this.invalidate(),
      onLost: () => this.invalidate(),
    });
  }

  private get client(): pg.Client | null {
    return this.listener.connection;
  }

  /**
   * The cached value of `key`, or `load()`'s (stored when it is not null and no invalidation came in meanwhile).
   * `accept` says whether a cached value may still be used as it is (e.g. not past a time limit); when it says no,
   * the value is loaded again.
   */
  async get<T>(key: string, load: () => Promise<T | null>, accept: (value: T) => boolean = () => true): Promise<T | null> {
    if (this.ttlMs === 0) return load();
    if (!this.client) {
      this.listen();
      return load();
    }
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.until > now && accept(hit.value as T)) return hit.value as T;
    const generation = this.generation;
    const value = await load();
    if (value !== null && this.client && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value, until: now + this.ttlMs });
    }
    return value;
  }

  /** Updates a cached value in place (bookkeeping such as the last use); no-op when it is not cached. */
  update<T>(key: string, change: (value: T) => void): void {
    const hit = this.entries.get(key);
    if (hit) change(hit.value as T);
  }

  /**
   * After a change this process committed (revocation, sign-out, role change ...): waits until every API process
   * has emptied its cache, so the writer's answer leaves only once the change holds everywhere. It notifies a barrier
   * (delivered to each listener after the change's own notification: Postgres delivers in commit order) and waits
   * for as many answers as there are listening processes (counted in pg_stat_activity by application_name), at
   * most SETTLE_TIMEOUT_MS. A process without a listener uses no cache, so it need not answer.
   */
  async settle(): Promise<void> {
    // A writer whose own listener is down (lost, reconnecting) cannot hear the answers: it tries to listen first,
    // else the others would learn of the change only as its notification reaches them.
    if (!this.client && this.ttlMs > 0 && !this.closing) await this.listener.listen().catch(() => undefined);
    const client = this.client;
    if (!client) return;
    const nonce = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<void>((resolve) => {
      this.barriers.set(nonce, { missing: Number.POSITIVE_INFINITY, done: resolve });
      timer = setTimeout(() => {
        this.logger.warn(`not every API process confirmed a credential change within ${SETTLE_TIMEOUT_MS} ms`);
        resolve();
      }, SETTLE_TIMEOUT_MS);
    });
    try {
      const [{ n }] = (await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [LISTENER_NAME],
      )).rows as Array<{ n: number }>;
      const barrier = this.barriers.get(nonce)!;
      barrier.missing = n;
      await client.query(`SELECT pg_notify('${AUTH_CHANGED_CHANNEL}', $1)`, [`barrier:${nonce}`]);
      await answered;
    } catch (err) {
      this.logger.warn(`could not confirm a credential change with every API process: ${String(err)}`);
    } finally {
      clearTimeout(timer);
      this.barriers.delete(nonce);
    }
  }

  /** `work`'s result once it committed and every process settled (see settle()); a failed `work` needs no barrier. */
  async after<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    await this.settle();
    return result;
  }

  /** Empties the cache and makes lookups in flight not store what they read. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Whether the cache is in use, after starting to listen and waiting for LISTEN to be in place (tests, start-up). */
  async listening(): Promise<boolean> {
    if (this.ttlMs === 0) return false;
    await this.listener.listen().catch(() => undefined);
    return this.client !== null;
  }

  /** Starts listening in the background (once); lookups bypass the cache until LISTEN is in place. */
  private listen(): void {
    if (!this.closing && !this.listener.pending) this.listener.listen().catch(() => undefined); // (logged and retried by the listener)
  }

  private notified(msg: pg.Notification, client: pg.Client): void {
    if (msg.channel === AUTH_CHANGED_CHANNEL) {
      this.invalidate();
      // A writer's barrier: answer it, now that every change committed before it has emptied this cache.
      if (msg.payload?.startsWith('barrier:')) {
        client.query(`SELECT pg_notify('${AUTH_ACK_CHANNEL}', $1)`, [msg.payload.slice(8)]).catch(() => undefined);
      }
    } else if (msg.channel === AUTH_ACK_CHANNEL && msg.payload) {
      const barrier = this.barriers.get(msg.payload);
      if (barrier && --barrier.missing <= 0) barrier.done();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.listener.close();
    this.invalidate();
  }
}
