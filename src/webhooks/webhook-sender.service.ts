import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import http from 'node:http';
import https from 'node:https';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { rows } from '../database/sql.js';
import { sign, signStandard } from './signature.js';
import { resolveTarget, UnsafeTargetError } from './ssrf.js';
import { WebhookSecrets, type StoredSecrets } from './webhook-secrets.service.js';

export class DeliveryFailed extends Error {
  constructor(message: string, readonly permanent = false) {
    super(message);
  }
}

/** One delivery attempt: sign, POST to the checked address, record the attempt. */
@Injectable()
export class WebhookSender {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly secrets: WebhookSecrets,
  ) {}

  /** Returns 'delivered' or 'skipped' (already delivered, or gone); throws DeliveryFailed to be retried. */
  async attempt(deliveryId: string, attemptNo: number, finalAttempt: boolean): Promise<'delivered' | 'skipped'> {
    const [d] = await rows<{ status: string; event: string; payload: unknown; url: string; active: boolean } & StoredSecrets>(
      this.db,
      `SELECT d.status, d.event, d.payload, w.url, w.active, w.id, w.secret_ciphertext AS "secretCiphertext", w.secret_key_id AS "secretKeyId",
              -- a previous secret signs only until its overlap ends
              CASE WHEN w.previous_secret_expires_at > now() THEN w.previous_secret_ciphertext END AS "previousSecretCiphertext",
              CASE WHEN w.previous_secret_expires_at > now() THEN w.previous_secret_key_id END AS "previousSecretKeyId"
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1`,
      [deliveryId],
    );
    if (!d || d.status !== 'pending') return 'skipped';
    const body = JSON.stringify(d.payload);
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      if (!d.active) throw new DeliveryFailed('webhook is disabled', true);
      // A missing key throws here and the attempt is retried: adding the key back to the config fixes it.
      const secrets = this.secrets.open(d);
      const timestamp = Math.floor(Date.now() / 1000);
      statusCode = await this.post(new URL(d.url), body, {
        'Content-Type': 'application/json',
        'User-Agent': 'Claimcheck-Webhooks/1',
        'Claimcheck-Event': d.event,
        'Claimcheck-Delivery': deliveryId,
        'Claimcheck-Signature': sign(secrets, body, timestamp),
        // Standard Webhooks: the id is the delivery's, the same on every retry, so receivers de-duplicate on it.
        'webhook-id': deliveryId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signStandard(secrets, deliveryId, timestamp, body),
      });
      if (statusCode < 200 || statusCode >= 300) error = `receiver answered ${statusCode}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      if (err instanceof UnsafeTargetError) error = `refused target: ${error}`;
    }
    const ok = error === null;
    const permanentFailure = !ok && (finalAttempt || error!.startsWith('refused target') || error === 'webhook is disabled');
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`,
        [deliveryId, attemptNo, statusCode, error, Date.now() - started],
      );
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3, updated_at = now(),
                status = CASE WHEN $4 THEN 'delivered' WHEN $5 THEN 'failed' ELSE status END,
                delivered_at = CASE WHEN $4 THEN now() ELSE delivered_at END
          WHERE id = $1 AND status = 'pending'`,
        [deliveryId, statusCode, error, ok, permanentFailure],
      );
    });
    if (!ok) throw new DeliveryFailed(error!, permanentFailure);
    return 'delivered';
  }

  private async post(url: URL, body: string, headers: Record<string, string>): Promise<number> {
    const limit = this.config.WEBHOOK_TIMEOUT_MS;
    // One deadline for the whole attempt, DNS included: a slow resolver must not hold a delivery slot either.
    const deadline = AbortSignal.timeout(limit);
    const timedOut = () => new Error(`no answer within ${limit} ms`);
    const target = await new Promise<Awaited<ReturnType<typeof resolveTarget>>>((resolve, reject) => {
      deadline.addEventListener('abort', () => reject(timedOut()), { once: true });
      resolveTarget(url, this.config.WEBHOOK_ALLOW_PRIVATE).then(resolve, reject);
    });
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<number>((resolve, reject) => {
      const req = client.request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
          // A deadline for the whole attempt: a receiver that trickles bytes must not hold a worker slot.
          signal: deadline,
          // Connect to the address we checked, not to whatever the name resolves to a moment later.
          lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) =>
            opts?.all ? cb(null, [target]) : cb(null, target.address, target.family)) as never,
        },
        (res) => {
          // The status line is the answer; the body is not read (nor waited for).
          resolve(res.statusCode ?? 0);
          res.on('error', () => undefined);
          res.destroy();
        },
      );
      req.on('error', (err) =>
        reject(err.name === 'AbortError' || err.name === 'TimeoutError' ? timedOut() : err),
      );
      req.end(body);
    });
  }
}
