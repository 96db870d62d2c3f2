import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ARTICLE_STATUSES } from '../articles/article.entity.js';
import { CLAIM_STATUSES } from '../claims/claim.entity.js';
import { withDeadline } from '../common/deadline.js';
import { rows } from '../database/sql.js';
import { QueueService } from '../queue/queue.service.js';
import { QueueName } from '../queue/queues.js';
import { stateMetrics } from './metrics.js';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'];
/** Audit actions that count as a lease granted / expired (see ReviewService). */
const LEASE_EVENTS = { granted: 'task.leased', expired: 'task.lease_expired' } as const;
/** Well inside Prometheus' default scrape timeout (10 s), like the health checks. */
const SOURCE_TIMEOUT_MS = 2000;

/**
 * The state gauges, read from Postgres and Redis at scrape time rather than counted in the services:
 * right whatever process did the work, and nothing to keep in step in the code that does it.
 * A source that does not answer leaves its series out (and claimcheck_scrape_source_up 0), so the
 * process metrics are still served.
 */
@Injectable()
export class ScrapeMetrics {
  private readonly logger = new Logger(ScrapeMetrics.name);
  private readonly metrics = stateMetrics();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
  ) {}

  async refresh(): Promise<void> {
    await Promise.all([this.guard('postgres', () => this.fromPostgres()), this.guard('redis', () => this.fromRedis())]);
  }

  private async guard(source: string, read: () => Promise<void>): Promise<void> {
    try {
      // Commands to a Redis that is down wait for it (BullMQ needs maxRetriesPerRequest: null): give up in time.
      await withDeadline(read(), SOURCE_TIMEOUT_MS, () => new Error(`no answer within ${SOURCE_TIMEOUT_MS} ms`));
      this.metrics.sourceUp.set({ source }, 1);
    } catch (err) {
      this.logger.warn(`metrics: ${source} did not answer: ${err instanceof Error ? err.message : String(err)}`);
      this.metrics.sourceUp.set({ source }, 0);
      if (source === 'redis') this.metrics.queueJobs.reset();
      else for (const m of [this.metrics.articles, this.metrics.claims, this.metrics.leases, this.metrics.webhookDeliveries]) m.reset();
    }
  }

  private async fromRedis(): Promise<void> {
    const counts = await Promise.all(Object.values(QueueName).map(async (queue) => ({ queue, counts: await this.queues.queue(queue).getJobCounts(...QUEUE_STATES) })));
    for (const { queue, counts: c } of counts) for (const state of QUEUE_STATES) this.metrics.queueJobs.set({ queue, state }, c[state] ?? 0);
  }

  private async fromPostgres(): Promise<void> {
    // One round trip; each count is served by an index (the audit one is partial, migration 1765600000000).
    const [row] = await rows<{ articles: Record<string, number> | null; claims: Record<string, number> | null; deliveries: Record<string, number> | null; leases: Record<string, number> | null }>(
      this.db,
      `SELECT (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM articles GROUP BY status) a) AS articles,
              (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM claims GROUP BY status) c) AS claims,
              (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM webhook_deliveries GROUP BY status) d) AS deliveries,
              (SELECT jsonb_object_agg(action, n) FROM (SELECT action, count(*)::int AS n FROM audit_events
                 WHERE action IN ($1, $2) GROUP BY action) l) AS leases`,
      [LEASE_EVENTS.granted, LEASE_EVENTS.expired],
    );
    const setAll = (gauge: { reset(): void; set(labels: { status: string }, v: number): void }, known: readonly string[], found: Record<string, number> | null) => {
      gauge.reset();
      // Known statuses always present (0 rather than missing), and any status added later still shows.
      for (const status of new Set([...known, ...Object.keys(found ?? {})])) gauge.set({ status }, found?.[status] ?? 0);
    };
    setAll(this.metrics.articles, ARTICLE_STATUSES, row.articles);
    setAll(this.metrics.claims, CLAIM_STATUSES, row.claims);
    setAll(this.metrics.webhookDeliveries, DELIVERY_STATUSES, row.deliveries);
    // A counter read from an append-only table: reset and set to the count, so it only ever grows.
    this.metrics.leases.reset();
    for (const [event, action] of Object.entries(LEASE_EVENTS)) this.metrics.leases.inc({ event }, row.leases?.[action] ?? 0);
  }
}
