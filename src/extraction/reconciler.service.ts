import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { QueueService } from '../queue/queue.service.js';
import { ReviewService } from '../review/review.service.js';

/**
 * Postgres says what work is due; Redis only carries it. Every RECONCILE_INTERVAL_SECONDS the
 * worker re-enqueues articles still queued or extracting and webhook deliveries still pending that
 * have no live job (Redis flushed, restarted, enqueue failed after commit), and returns expired
 * review leases to the queue.
 * A plain timer, not a BullMQ scheduler: the scheduler itself would be lost with Redis.
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReconcilerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
    private readonly review: ReviewService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // At start-up nothing can be in flight from this process: look at everything pending.
    this.tick(0);
    this.timer = setInterval(() => this.tick(this.config.EXTRACTION_STALE_SECONDS), this.config.RECONCILE_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(staleSeconds: number): void {
    if (this.running) return;
    this.running = this.runOnce(staleSeconds)
      .catch((err: unknown) => this.logger.warn(`reconcile failed: ${String(err)}`))
      .finally(() => (this.running = undefined));
  }

  /** Returns how many articles were re-enqueued. */
  async runOnce(staleSeconds: number): Promise<number> {
    const pending: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM articles
        WHERE status IN ('queued', 'extracting') AND updated_at <= now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT 1000`,
      [staleSeconds],
    );
    let enqueued = 0;
    for (const { id } of pending) {
      if ((await this.queues.ensureEnqueued('extract-article', { articleId: id })) === 'enqueued') enqueued++;
    }
    if (enqueued > 0) this.logger.log(`re-enqueued ${enqueued} article(s) whose job was missing`);

    const deliveries: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM webhook_deliveries
        WHERE status = 'pending' AND updated_at <= now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT 1000`,
      [staleSeconds],
    );
    let redelivered = 0;
    for (const { id } of deliveries) {
      if ((await this.queues.ensureEnqueued('deliver-webhook', { deliveryId: id })) === 'enqueued') redelivered++;
    }
    if (redelivered > 0) this.logger.log(`re-enqueued ${redelivered} webhook deliver(ies) whose job was missing`);

    // A re-extraction run records each article it finishes: one that has not moved for a while lost its job (or its
    // process), and resumes from what Postgres says is pending.
    const runs: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM extraction_reruns WHERE status = 'running' AND updated_at <= now() - make_interval(secs => $1) ORDER BY updated_at LIMIT 100`,
      [staleSeconds],
    );
    for (const { id } of runs) {
      if ((await this.queues.ensureEnqueued('rerun-extraction', { runId: id })) === 'enqueued') this.logger.log(`re-enqueued re-extraction run ${id}`);
    }
    const released = await this.review.releaseExpired();
    if (released > 0) this.logger.log(`returned ${released} expired review lease(s) to the queue`);
    return enqueued;
  }
}
