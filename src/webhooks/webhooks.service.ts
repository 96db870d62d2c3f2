import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound, ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { CURSOR_KEY, decodeKeyCursor, encodeKeyCursor, sqlTimestampKey } from '../common/pagination.js';
import { rows } from '../database/sql.js';
import { resolveTarget, UnresolvableTargetError, UnsafeTargetError } from './ssrf.js';
import { WebhookOutbox } from './webhook-outbox.service.js';
import { WebhookSecrets } from './webhook-secrets.service.js';
import {
  DEFAULT_SECRET_OVERLAP_SECONDS,
  type CreatedWebhookDto, type CreateWebhookDto, type DeliveryDto, type RotatedSecretDto, type UpdateWebhookDto, type WebhookDto,
} from './webhooks.dto.js';

/** Names the deliveries' ordering in its cursors, so another list's cursor is refused. */
const DELIVERIES_CURSOR = 'wd';

const WEBHOOK_COLUMNS = `id, url, events, active, created_at AS "createdAt",
  CASE WHEN previous_secret_expires_at > now() THEN previous_secret_expires_at END AS "previousSecretExpiresAt"`;

@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: WebhookOutbox,
    private readonly audit: AuditService,
    private readonly secrets: WebhookSecrets,
  ) {}

  /** The same SSRF rules at creation and on every change of url (and again at each delivery). */
  private async checkTarget(url: string): Promise<void> {
    try {
      await resolveTarget(new URL(url), this.config.WEBHOOK_ALLOW_PRIVATE);
    } catch (err) {
      if (!(err instanceof UnsafeTargetError) && !(err instanceof UnresolvableTargetError)) throw err;
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'unsafe_webhook_target', `Webhook url refused: ${(err as Error).message}.`);
    }
  }

  async create(dto: CreateWebhookDto, adminId: string): Promise<CreatedWebhookDto> {
    await this.checkTarget(dto.url);
    // The id is chosen here because the ciphertext is bound to it (see SecretBox.encrypt).
    const id = randomUUID();
    const secret = this.secrets.generate();
    const sealed = this.secrets.seal(secret, id);
    const hook = await this.db.transaction(async (tx) => {
      const [created] = await rows<WebhookDto>(
        tx,
        `INSERT INTO webhooks (id, url, events, secret_ciphertext, secret_key_id, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${WEBHOOK_COLUMNS}`,
        [id, dto.url, dto.events, sealed.ciphertext, sealed.keyId, adminId],
      );
      await this.audit.record(tx, { entityType: 'webhook', entityId: created.id, action: 'webhook.created', actorId: adminId, changes: { url: dto.url, events: dto.events } });
      return created;
    });
    return { ...hook, secret };
  }

  /** Changes url and/or events; only what actually changed is audited. */
  async update(id: string, dto: UpdateWebhookDto, adminId: string): Promise<WebhookDto> {
    if (dto.url == null && dto.events == null) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'empty_webhook_update', 'Give url, events or both.');
    }
    if (dto.url != null) await this.checkTarget(dto.url);
    return this.db.transaction(async (tx) => {
      const [old] = await rows<{ url: string; events: string[] }>(tx, `SELECT url, events FROM webhooks WHERE id = $1 FOR UPDATE`, [id]);
      if (!old) throw notFound('webhook', id);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (dto.url != null && dto.url !== old.url) changes.url = { from: old.url, to: dto.url };
      if (dto.events != null && JSON.stringify(dto.events) !== JSON.stringify(old.events)) changes.events = { from: old.events, to: dto.events };
      const [updated] = await rows<WebhookDto>(
        tx,
        `UPDATE webhooks SET url = coalesce($2, url), events = coalesce($3, events) WHERE id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
        [id, dto.url ?? null, dto.events ?? null],
      );
      if (Object.keys(changes).length > 0) {
        await this.audit.record(tx, { entityType: 'webhook', entityId: id, action: 'webhook.updated', actorId: adminId, changes });
      }
      return updated;
    });
  }

  /**
   * A new secret; the current one becomes the previous and keeps signing beside it for `overlapSeconds`
   * (receivers switch in their own time). A secret still in its overlap from an earlier rotation is dropped.
   */
  async rotateSecret(id: string, overlapSeconds = DEFAULT_SECRET_OVERLAP_SECONDS, adminId: string): Promise<RotatedSecretDto> {
    const secret = this.secrets.generate();
    const sealed = this.secrets.seal(secret, id);
    const keep = overlapSeconds > 0;
    const rotated = await this.db.transaction(async (tx) => {
      // The current ciphertext moves as it is: it is bound to the webhook's id, not to the column.
      const [row] = await rows<{ previousSecretExpiresAt: string | null }>(
        tx,
        `UPDATE webhooks SET
            previous_secret_ciphertext = CASE WHEN $4 THEN secret_ciphertext END,
            previous_secret_key_id = CASE WHEN $4 THEN secret_key_id END,
            previous_secret_expires_at = CASE WHEN $4 THEN now() + make_interval(secs => $5) END,
            secret_ciphertext = $2, secret_key_id = $3
          WHERE id = $1 RETURNING previous_secret_expires_at AS "previousSecretExpiresAt"`,
        [id, sealed.ciphertext, sealed.keyId, keep, overlapSeconds],
      );
      if (!row) throw notFound('webhook', id);
      await this.audit.record(tx, {
        entityType: 'webhook', entityId: id, action: 'webhook.secret_rotated', actorId: adminId,
        changes: { overlapSeconds, previousSecretExpiresAt: row.previousSecretExpiresAt },
      });
      return row;
    });
    return { id, secret, previousSecretExpiresAt: rotated.previousSecretExpiresAt };
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

  /**
   * Newest first (created_at, then id), each with its attempt log (two queries, no N+1); keyset-paged on
   * (created_at, id) within the webhook: index webhook_deliveries_webhook_created_id_idx.
   */
  async deliveries(webhookId: string, limit = 50, cursor?: string): Promise<{ items: DeliveryDto[]; nextCursor: string | null }> {
    // The cursor is checked before the webhook is looked up: a bad cursor is a 400 whatever the id.
    const after = cursor ? decodeKeyCursor(cursor, DELIVERIES_CURSOR, [CURSOR_KEY.timestamp, CURSOR_KEY.uuid]) : null;
    const exists = await rows(this.db, `SELECT 1 FROM webhooks WHERE id = $1`, [webhookId]);
    if (exists.length === 0) throw notFound('webhook', webhookId);
    const found = await rows<Omit<DeliveryDto, 'attemptLog'> & { key: string }>(
      this.db,
      `SELECT id, webhook_id AS "webhookId", event, status, attempts, last_status_code AS "lastStatusCode", last_error AS "lastError",
              delivered_at AS "deliveredAt", created_at AS "createdAt", payload, ${sqlTimestampKey('created_at')} AS key
         FROM webhook_deliveries
        WHERE webhook_id = $1 AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      [webhookId, limit + 1, after?.[0] ?? null, after?.[1] ?? null],
    );
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.withAttempts(page.map(({ key: _key, ...d }) => d)),
      nextCursor: found.length > limit ? encodeKeyCursor(DELIVERIES_CURSOR, [last.key, last.id]) : null,
    };
  }

  private async delivery(webhookId: string, deliveryId: string): Promise<DeliveryDto | undefined> {
    const list = await rows<Omit<DeliveryDto, 'attemptLog'>>(
      this.db,
      `SELECT id, webhook_id AS "webhookId", event, status, attempts, last_status_code AS "lastStatusCode", last_error AS "lastError",
              delivered_at AS "deliveredAt", created_at AS "createdAt", payload
         FROM webhook_deliveries WHERE webhook_id = $1 AND id = $2`,
      [webhookId, deliveryId],
    );
    return (await this.withAttempts(list))[0];
  }

  private async withAttempts(list: Array<Omit<DeliveryDto, 'attemptLog'>>): Promise<DeliveryDto[]> {
    if (list.length === 0) return [];
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
    // An attempt in progress ends first (within its timeout): marked pending while it runs, the delivery would be
    // marked delivered by it, and the redelivery lost.
    const wait = this.config.WEBHOOK_TIMEOUT_MS + 1000;
    if (!(await this.outbox.settled(deliveryId, wait))) {
      throw conflict('delivery_in_progress', `An attempt of this delivery has been running for more than ${wait} ms; try again once it ends.`);
    }
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
    const delivery = await this.delivery(webhookId, deliveryId);
    if (!delivery) throw conflict('delivery_gone', 'The delivery disappeared while being re-sent.');
    return delivery;
  }
}
