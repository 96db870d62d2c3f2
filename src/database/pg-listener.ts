import type { Logger } from '@nestjs/common';
import pg from 'pg';

export interface PgListenerOptions {
  databaseUrl: string;
  channels: readonly string[];
  /** pg's application_name (lets a writer count the listening processes in pg_stat_activity). */
  applicationName?: string;
  logger: Logger;
  /** What the owner does while the connection is down, for the logs ("credentials are looked up on every request"). */
  meanwhile: string;
  onNotification(message: pg.Notification, connection: pg.Client): void;
  /** LISTEN is in place; `again`: after the connection was lost (what was sent meanwhile was missed). */
  onListening?(again: boolean): void;
  /** The connection broke (a reconnect follows). */
  onLost?(): void;
}

/** Seconds between attempts to (re)connect. */
const RETRY_MS = 1000;

/**
 * A connection of the process's own (not from the pool) that LISTENs on some channels, for the services that learn of
 * changes from Postgres NOTIFY (PrincipalCache, ReviewEventsService). It connects on the first listen() (a process
 * that never needs it never opens it), shares one attempt between concurrent callers, and after a failed attempt or a
 * lost connection tries again every second until it listens, telling its owner on each change of state.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private listenedBefore = false;
  private closed = false;

  constructor(private readonly options: PgListenerOptions) {}

  /** The listening connection, or null while there is none. */
  get connection(): pg.Client | null {
    return this.client;
  }

  /** An attempt is under way or scheduled: callers that would start one per request need not. */
  get pending(): boolean {
    return this.connecting !== null || this.retryTimer !== undefined;
  }

  /** Connects and LISTENs (once; concurrent callers share the attempt). Rejects when the attempt fails; a retry follows. */
  listen(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.connecting ??= this.connect()
      .catch((err: unknown) => {
        this.options.logger.warn(`the ${this.name} listener could not connect (${this.options.meanwhile} meanwhile): ${String(err)}`);
        this.retry();
        throw err;
      })
      .finally(() => (this.connecting = null));
    return this.connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private get name(): string {
    return this.options.channels.join('/');
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl, application_name: this.options.applicationName });
    // (from the first LISTEN on: a writer may count this connection and wait for its answer before connect() returns)
    client.on('notification', (message) => this.options.onNotification(message, client));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    const again = this.listenedBefore;
    this.listenedBefore = true;
    this.options.onListening?.(again);
  }

  private lost(client: pg.Client, err?: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.options.logger.warn(`the ${this.name} listener lost its connection${err ? `: ${err.message}` : ''}; ${this.options.meanwhile} until it is back`);
    client.end().catch(() => undefined);
    this.options.onLost?.();
    this.retry();
  }

  private retry(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.listen().catch(() => undefined); // (logged, and retried, by listen())
    }, RETRY_MS);
    this.retryTimer.unref();
  }
}
