import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { rows } from '../database/sql.js';
import { DEV_SECRET_KEY_ID, SecretBox, secretKeysFromEnv, type Sealed } from './secret-keys.js';

/** A webhook's secrets as stored: ciphertext and key id of the current one, and of the previous one while it still signs. */
export interface StoredSecrets {
  id: string;
  secretCiphertext: Buffer;
  secretKeyId: string;
  previousSecretCiphertext: Buffer | null;
  previousSecretKeyId: string | null;
}

/** Issues webhook secrets and keeps them encrypted at rest (see secret-keys.ts); nothing here logs a secret. */
@Injectable()
export class WebhookSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookSecrets.name);
  private readonly box: SecretBox;
  private readonly development: boolean;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: AppConfig,
  ) {
    // NODE_ENV's rule was applied by loadConfig; here an empty value means the development key.
    const { keys, development } = secretKeysFromEnv({ WEBHOOK_SECRET_KEYS: config.WEBHOOK_SECRET_KEYS });
    this.box = new SecretBox(keys);
    this.development = development;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.development) {
      this.logger.warn(`WEBHOOK_SECRET_KEYS is not set: webhook secrets are encrypted with the public development key "${DEV_SECRET_KEY_ID}". Set it outside development.`);
    }
    // Say at start-up, not at the first failed delivery, when a key the database needs is missing.
    const [usage] = await rows<{ missing: string[]; old: number }>(
      this.db,
      `SELECT coalesce(array_agg(DISTINCT k) FILTER (WHERE NOT k = ANY($1)), '{}') AS missing,
              count(*) FILTER (WHERE k <> $2)::int AS old
         FROM webhooks, unnest(ARRAY[secret_key_id, previous_secret_key_id]) k WHERE k IS NOT NULL`,
      [this.box.keyIds, this.box.primaryKeyId],
    );
    if (usage.missing.length > 0) {
      this.logger.error(`webhook secrets are encrypted with key(s) ${usage.missing.join(', ')}, which WEBHOOK_SECRET_KEYS does not contain: their deliveries fail until the key is added back`);
    } else if (usage.old > 0) {
      this.logger.warn(`${usage.old} webhook secret(s) are encrypted with an older key; run \`npm run cli -- webhooks reencrypt\``);
    }
  }

  /** `whsec_` + standard base64 of 32 random bytes, as Standard Webhooks shows secrets. */
  generate(): string {
    return `whsec_${randomBytes(32).toString('base64')}`;
  }

  seal(secret: string, webhookId: string): Sealed {
    return this.box.encrypt(secret, webhookId);
  }

  /** The secrets that sign a delivery now, newest first. Throws UnknownSecretKeyError if a key is missing. */
  open(stored: StoredSecrets): string[] {
    const secrets = [this.box.decrypt(stored.secretCiphertext, stored.secretKeyId, stored.id)];
    if (stored.previousSecretCiphertext && stored.previousSecretKeyId) {
      secrets.push(this.box.decrypt(stored.previousSecretCiphertext, stored.previousSecretKeyId, stored.id));
    }
    return secrets;
  }

  /**
   * Moves every secret to the first key of WEBHOOK_SECRET_KEYS (after a new key was put first), and drops
   * previous secrets whose overlap has ended. Idempotent; one transaction, so a failure changes nothing.
   */
  async reencryptAll(): Promise<{ webhooks: number; secrets: number; expiredDropped: number }> {
    return this.db.transaction(async (tx) => {
      const expired = await rows(
        tx,
        `UPDATE webhooks SET previous_secret_ciphertext = NULL, previous_secret_key_id = NULL, previous_secret_expires_at = NULL
          WHERE previous_secret_expires_at <= now() RETURNING id`,
      );
      const stale = await rows<StoredSecrets>(
        tx,
        `SELECT id, secret_ciphertext AS "secretCiphertext", secret_key_id AS "secretKeyId",
                previous_secret_ciphertext AS "previousSecretCiphertext", previous_secret_key_id AS "previousSecretKeyId"
           FROM webhooks WHERE secret_key_id <> $1 OR previous_secret_key_id <> $1 ORDER BY id FOR UPDATE`,
        [this.box.primaryKeyId],
      );
      let secrets = 0;
      for (const w of stale) {
        const moved = (ciphertext: Buffer | null, keyId: string | null): Sealed | null => {
          if (!ciphertext || !keyId) return null;
          if (keyId === this.box.primaryKeyId) return { ciphertext, keyId };
          secrets++;
          return this.box.encrypt(this.box.decrypt(ciphertext, keyId, w.id), w.id);
        };
        const current = moved(w.secretCiphertext, w.secretKeyId)!;
        const previous = moved(w.previousSecretCiphertext, w.previousSecretKeyId);
        await tx.query(
          `UPDATE webhooks SET secret_ciphertext = $2, secret_key_id = $3, previous_secret_ciphertext = $4, previous_secret_key_id = $5 WHERE id = $1`,
          [w.id, current.ciphertext, current.keyId, previous?.ciphertext ?? null, previous?.keyId ?? null],
        );
      }
      return { webhooks: stale.length, secrets, expiredDropped: expired.length };
    });
  }
}
