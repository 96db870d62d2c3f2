import { HttpStatus, Injectable, Logger, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import type pg from 'pg';
import { PgListener } from '../database/pg-listener.js';
import { exhaustMap, filter, interval, map, merge, Observable, share, startWith, Subject, takeUntil } from 'rxjs';
import { ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import type { ReviewTaskEventDto } from './review.dto.js';

/** The channel the review_tasks triggers notify on (migration DeskApi1765700000000). */
export const REVIEW_TASK_CHANNEL = 'review_task_events';
/** The listening connection's application_name (what an operator sees in pg_stat_activity). */
export const REVIEW_EVENTS_LISTENER_NAME = 'claimcheck-review-events';

/**
 * Review task changes for the desks' live queues (GET /v1/review-tasks/events). Postgres sends them: a trigger on
 * review_tasks calls pg_notify at commit, whichever process made the change (an API replica, the worker creating
 * tasks), and each API process holds one connection of its own (PgListener) that LISTENs and fans every
 * notification out to its subscribers. The connection opens with the first subscriber, so a process nobody
 * subscribes to (the worker, most tests) never opens it. If it drops, subscribers get a `resync` event once it is
 * back (what happened meanwhile was missed: reload the queue). Shutdown ends every stream and closes the connection.
 */
@Injectable()
export class ReviewEventsService implements OnModuleDestroy {
  private readonly logger = new Logger(ReviewEventsService.name);
  private readonly events = new Subject<MessageEvent>();
  private readonly stopped = new Subject<void>();
  private readonly listener: PgListener;
  private closing = false;

  constructor(private readonly config: AppConfig) {
    this.listener = new PgListener({
      databaseUrl: config.DATABASE_URL,
      channels: [REVIEW_TASK_CHANNEL],
      applicationName: REVIEW_EVENTS_LISTENER_NAME,
      logger: this.logger,
      meanwhile: 'live queues miss changes',
      onNotification: (msg) => this.notified(msg),
      // Back after a loss: what happened meanwhile was missed; subscribers reload their queue.
      onListening: (again) => {
        if (again) this.events.next({ type: 'resync', data: { reason: 'The event stream was interrupted; reload the queue.' } });
      },
    });
  }

  /**
   * A subscriber's stream: `ready` first (the LISTEN is in place: every change committed from now on will follow, so
   * load the queue now), then task events as they commit, and a comment every SSE_HEARTBEAT_SECONDS so proxies keep it open.
   * Before each heartbeat `stillAuthorized` rechecks the subscriber's credential (the guard checked it at connect
   * only): once it says no (signed out, session ended or expired, token revoked, role changed) the stream ends.
   * Once the application is closing, new subscribers get 503 (their stream would otherwise hold the server open).
   */
  async subscribe(stillAuthorized: () => Promise<boolean> = async () => true): Promise<Observable<MessageEvent>> {
    if (this.closing) throw shuttingDown();
    await this.listener.listen();
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

  private notified(msg: pg.Notification): void {
    if (msg.channel !== REVIEW_TASK_CHANNEL || !msg.payload) return;
    try {
      this.events.next({ type: 'task', data: JSON.parse(msg.payload) as ReviewTaskEventDto });
    } catch (err) {
      this.logger.warn(`unreadable ${REVIEW_TASK_CHANNEL} payload: ${String(err)}`);
    }
  }

  /** Before the HTTP server closes: every stream completes (Nest ends the responses), the connection closes. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.stopped.next();
    this.stopped.complete();
    this.events.complete();
    await this.listener.close();
  }
}

const shuttingDown = () =>
  new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'shutting_down', 'This server is shutting down; reconnect (to another replica) in a moment.', {
    retryAfterSeconds: 1,
    headers: { 'Retry-After': '1' },
  });
