import { HttpStatus, Injectable, Logger, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { exhaustMap, filter, interval, map, merge, Observable, share, startWith, Subject, takeUntil } from 'rxjs';
import { ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import type { ReviewTaskEventDto } from './review.dto.js';

/** The channel the review_tasks triggers notify on (migration DeskApi1765700000000). */
export const REVIEW_TASK_CHANNEL = 'review_task_events';

/**
 * Review task changes for the desks' live queues (GET /v1/review-tasks/events). Postgres sends them: a trigger on
 * review_tasks calls pg_notify at commit, whichever process made the change (an API replica, the worker creating
 * tasks), and each API process holds one connection of its own (not from the pool) that LISTENs and fans every
 * notification out to its subscribers. The connection opens with the first subscriber, so a process nobody
 * subscribes to (the worker, most tests) never opens it. If it drops, subscribers get a `resync` event once it is
 * back (what happened meanwhile was missed: reload the queue). Shutdown ends every stream and closes the connection.
 */
@Injectable()
export class ReviewEventsService implements OnModuleDestroy {
  private readonly logger = new Logger(ReviewEventsService.name);
  private readonly events = new Subject<MessageEvent>();
  private readonly stopped = new Subject<void>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(private readonly config: AppConfig) {}

  /**
   * A subscriber's stream: `ready` first (the LISTEN is in place: every change committed from now on will follow, so
   * load the queue now), then task events as they commit, and a comment every SSE_HEARTBEAT_SECONDS so proxies keep it open.
   * Before each heartbeat `stillAuthorized` rechecks the subscriber's credential (the guard checked it at connect
   * only): once it says no (signed out, session ended or expired, token revoked, role changed) the stream ends.
   * Once the application is closing, new subscribers get 503 (their stream would otherwise hold the server open).
   */
  async subscribe(stillAuthorized: () => Promise<boolean> = async () => true): Promise<Observable<MessageEvent>> {
    if (this.closing) throw shuttingDown();
    await this.listen();
    if (this.closing) throw shuttingDown();
    const checks = interval(this.config.SSE_HEARTBEAT_SECONDS * 1000).pipe(
      exhaustMap(() => stillAuthorized()),
      share(),
    );
    const heartbeat = checks.pipe(filter(Boolean), map((): MessageEvent => ({ comment: 'heartbeat' })));
    const revoked = checks.pipe(filter((ok) => !ok));
    return merge(this.events, heartbeat).pipe(
      startWith<MessageEvent>({ type: 'ready', data: { at: new Date().toISOString() } }),
      takeUntil(merge(this.stopped, revoked)),
    );
  }

  /** Connects and LISTENs once; concurrent first subscribers share the attempt. */
  private listen(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', (msg) => {
      if (msg.channel !== REVIEW_TASK_CHANNEL || !msg.payload) return;
      try {
        this.events.next({ type: 'task', data: JSON.parse(msg.payload) as ReviewTaskEventDto });
      } catch (err) {
        this.logger.warn(`unreadable ${REVIEW_TASK_CHANNEL} payload: ${String(err)}`);
      }
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${REVIEW_TASK_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closing) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  /** The listening connection broke: reconnect in the background, then tell subscribers to reload. */
  private lost(client: pg.Client, err?: Error): void {
    if (this.client !== client || this.closing) return;
    this.client = null;
    this.logger.warn(`the ${REVIEW_TASK_CHANNEL} listener lost its connection${err ? `: ${err.message}` : ''}; reconnecting`);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.listen().then(
        () => this.events.next({ type: 'resync', data: { reason: 'The event stream was interrupted; reload the queue.' } }),
        (err: unknown) => {
          this.logger.warn(`the ${REVIEW_TASK_CHANNEL} listener could not reconnect: ${String(err)}`);
          this.scheduleReconnect();
        },
      );
    }, 1000);
    this.reconnectTimer.unref();
  }

  /** Before the HTTP server closes: every stream completes (Nest ends the responses), the connection closes. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    this.stopped.next();
    this.stopped.complete();
    this.events.complete();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

const shuttingDown = () =>
  new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'shutting_down', 'This server is shutting down; reconnect (to another replica) in a moment.', {
    retryAfterSeconds: 1,
    headers: { 'Retry-After': '1' },
  });
