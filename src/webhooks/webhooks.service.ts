import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound, ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { rows } from '../database/sql.js';
import { resolveTarget, UnresolvableTargetError, UnsafeTargetError } from './ssrf.js';
import { WebhookOutbox } from './webhook-outbox.service.js';
import type { CreatedWebhookDto, CreateWebhookDto, DeliveryDto, WebhookDto } from './webhooks.dto.js';

const WEBHOOK_COLUMNS = `id, url, events, active, created_at AS "createdAt"`;

@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: WebhookOutbox,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateWebhookDto, adminId: string): Promise<CreatedWebhookDto> {
    try {
      await resolveTarget(new URL(dto.url), this.config.WEBHOOK_ALLOW_PRIVATE);
    } catch (err) {
      if (!(err instanceof UnsafeTargetError) && !(err instanceof UnresolvableTargetError)) throw err;
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'unsafe_webhook_target', `Webhook url refused: ${(err as Error).message}.`);
    }
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const hook = await this.db.transaction(async (tx) => {
      const [created] = await rows<WebhookDto>(
        tx,
        `INSERT INTO webhooks (url, events, secret, created_by) VALUES ($1, $2, $3, $4) RETURNING ${WEBHOOK_COLUMNS}`,
        [dto.url, dto.events, secret, adminId],
      );
      await this.audit.record(tx, { entityType: 'webhook', entityId: created.id, action: 'webhook.created', actorId: adminId, changes: { url: dto.url, events: dto.events } });
      return created;
    });
    return { ...hook, secret };
  }

  list(): Promise<WebhookDto[]> {
    return rows<WebhookDto>(this.db, `SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at DESC`);
  }

  async remove(id: string, adminId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [removed] = await rows<{ url: string; events: string[] }>(tx, `DELETE FROM webhooks WHERE id = $1 RETURNING url, events`, [id]);
      if (!removed) throw notFound('webhook', id);
      await this.audit.record(tx, { entityType: 'webhook', entityId: id, action: 'webhook.deleted', actorId: adminId, changes: { ...removed } });
    });
  }

  /** Newest first, each with its attempt log (two queries, no N+1). */
  async deliveries(webhookId: string, limit = 50, onlyDeliveryId?: string): Promise<DeliveryDto[]> {
    const exists = await rows(this.db, `SELECT 1 FROM webhooks WHERE id = $1`, [webhookId]);
    if (exists.length === 0) throw notFound('webhook', webhookId);
    const list = await rows<Omit<DeliveryDto, 'attemptLog'>>(
      this.db,
      `SELECT id, webhook_id AS "webhookId", event, status, attempts, last_status_code AS "lastStatusCode", last_error AS "lastError",
              delivered_at AS "deliveredAt", created_at AS "createdAt", payload
         FROM webhook_deliveries WHERE webhook_id = $1 AND ($3::uuid IS NULL OR id = $3) ORDER BY created_at DESC LIMIT $2`,
      [webhookId, limit, onlyDeliveryId ?? null],
    );
    const attempts = await rows<{ deliveryId: string } & DeliveryDto['attemptLog'][number]>(
      this.db,
      `SELECT delivery_id AS "deliveryId", attempt, status_code AS "statusCode", error, duration_ms AS "durationMs", created_at AS "createdAt"
         FROM webhook_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY id`,
      [list.map((d) => d.id)],
    );
    return list.map((d) => ({ ...d, attemptLog: attempts.filter((a) => a.deliveryId === d.id).map(({ deliveryId: _, ...a }) => a) }));
  }

  /** Sends the same delivery (same id, so receivers can de-duplicate) again. */
  async redeliver(webhookId: string, deliveryId: string, adminId: string): Promise<DeliveryDto> {
    await this.db.transaction(async (tx) => {
      const [d] = await rows<{ previous: string }>(
        tx,
        `UPDATE webhook_deliveries d SET status = 'pending', updated_at = now()
           FROM (SELECT id, status FROM webhook_deliveries WHERE id = $1 AND webhook_id = $2 FOR UPDATE) old
          WHERE d.id = old.id RETURNING old.status AS previous`,
        [deliveryId, webhookId],
      );
      if (!d) throw notFound('webhook_delivery', deliveryId);
      await this.audit.record(tx, {
        entityType: 'webhook', entityId: webhookId, action: 'webhook.redelivered', actorId: adminId,
        fromStatus: d.previous, toStatus: 'pending', changes: { deliveryId },
      });
    });
    await this.outbox.dispatch([deliveryId]);
    const [delivery] = await this.deliveries(webhookId, 1, deliveryId);
    if (!delivery) throw conflict('delivery_gone', 'The delivery disappeared while being re-sent.');
    return delivery;
  }
}
