import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert.js';
import { rows } from '../database/sql.js';
import { QueueService } from '../queue/queue.service.js';

export const WEBHOOK_EVENTS = ['verdict.published', 'verdict.corrected', 'article.extracted', 'editor.notified', 'verdict.recheck_due'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * The outbox: `emit` writes one delivery row per subscribed webhook inside the caller's transaction,
 * so an event exists exactly when the change it reports was committed. `dispatch` (after commit)
 * enqueues them; if that fails or Redis loses them, the worker's reconciler enqueues pending rows.
 */
@Injectable()
export class WebhookOutbox {
  private readonly logger = new Logger(WebhookOutbox.name);

  constructor(private readonly queues: QueueService) {}

  async emit(tx: EntityManager, event: WebhookEvent, data: Record<string, unknown>): Promise<string[]> {
    return this.emitEach(tx, event, [data]);
  }

  /** One event per item of `data` (a re-check marking thousands of verdicts due): one lookup, one multi-row insert. */
  async emitEach(tx: EntityManager, event: WebhookEvent, data: ReadonlyArray<Record<string, unknown>>): Promise<string[]> {
    if (data.length === 0) return [];
    const hooks = await rows<{ id: string }>(tx, `SELECT id FROM webhooks WHERE active AND $1 = ANY(events)`, [event]);
    if (hooks.length === 0) return [];
    const createdAt = new Date().toISOString();
    const created = await bulkInsert<{ id: string }>(
      tx,
      'webhook_deliveries',
      ['webhook_id', 'event', 'payload'],
      data.flatMap((d) => hooks.map((h) => [h.id, event, JSON.stringify({ event, createdAt, data: d })])),
      'RETURNING id',
    );
    return created.map((d) => d.id);
  }

  /**
   * Whether no attempt of this delivery is running (waiting up to `timeoutMs` for one to end). An attempt in progress
   * would mark the delivery delivered after a redelivery had marked it pending, and the redelivery would be lost.
   * Redis unreachable: true (nothing can be seen running; the reconciler delivers what is pending).
   */
  async settled(deliveryId: string, timeoutMs: number): Promise<boolean> {
    try {
      return await this.queues.whenNotActive('deliver-webhook', { deliveryId }, timeoutMs);
    } catch (err) {
      this.logger.warn(`could not tell whether delivery ${deliveryId} is being sent: ${String(err)}`);
      return true;
    }
  }

  /** Best effort; a failure here only delays delivery until the reconciler's next pass. */
  async dispatch(deliveryIds: string[]): Promise<void> {
    for (const deliveryId of deliveryIds) {
      try {
        await this.queues.ensureEnqueued('deliver-webhook', { deliveryId });
      } catch (err) {
        this.logger.warn(`enqueue of webhook delivery ${deliveryId} failed; the reconciler will retry: ${String(err)}`);
      }
    }
  }
}
