import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SecretBox, secretKeysFromEnv } from '../src/webhooks/secret-keys.js';

/**
 * Webhook secrets encrypted at rest (AES-256-GCM, the key id beside each ciphertext), and room for a
 * previous secret that still signs until it expires (secret rotation with an overlap).
 *
 * Existing clear-text secrets are encrypted here, in one step, with the keys the application uses:
 * the migration reads WEBHOOK_SECRET_KEYS through the same parser (so run it with the same environment as
 * the service; with no webhooks yet, no key is needed). The clear-text column is then dropped.
 */
export class EncryptedWebhookSecrets1765500000000 implements MigrationInterface {
  name = 'EncryptedWebhookSecrets1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhooks
      ADD COLUMN secret_ciphertext bytea,
      ADD COLUMN secret_key_id text,
      ADD COLUMN previous_secret_ciphertext bytea,
      ADD COLUMN previous_secret_key_id text,
      ADD COLUMN previous_secret_expires_at timestamptz`);
    const clear: Array<{ id: string; secret: string }> = await q.query(`SELECT id, secret FROM webhooks FOR UPDATE`);
    if (clear.length > 0) {
      const box = new SecretBox(secretKeysFromEnv().keys);
      for (const row of clear) {
        const sealed = box.encrypt(row.secret, row.id);
        await q.query(`UPDATE webhooks SET secret_ciphertext = $2, secret_key_id = $3 WHERE id = $1`, [row.id, sealed.ciphertext, sealed.keyId]);
      }
    }
    await q.query(`ALTER TABLE webhooks
      ALTER COLUMN secret_ciphertext SET NOT NULL,
      ALTER COLUMN secret_key_id SET NOT NULL,
      DROP COLUMN secret,
      ADD CONSTRAINT webhooks_previous_secret_check CHECK (
        (previous_secret_ciphertext IS NULL) = (previous_secret_key_id IS NULL)
        AND (previous_secret_ciphertext IS NULL) = (previous_secret_expires_at IS NULL))`);
  }

  /** Back to clear text (the current secret only); needs the keys, like `up`. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhooks ADD COLUMN secret text`);
    const sealed: Array<{ id: string; secret_ciphertext: Buffer; secret_key_id: string }> = await q.query(
      `SELECT id, secret_ciphertext, secret_key_id FROM webhooks FOR UPDATE`,
    );
    if (sealed.length > 0) {
      const box = new SecretBox(secretKeysFromEnv().keys);
      for (const row of sealed) {
        await q.query(`UPDATE webhooks SET secret = $2 WHERE id = $1`, [row.id, box.decrypt(row.secret_ciphertext, row.secret_key_id, row.id)]);
      }
    }
    await q.query(`ALTER TABLE webhooks
      ALTER COLUMN secret SET NOT NULL,
      DROP CONSTRAINT webhooks_previous_secret_check,
      DROP COLUMN secret_ciphertext,
      DROP COLUMN secret_key_id,
      DROP COLUMN previous_secret_ciphertext,
      DROP COLUMN previous_secret_key_id,
      DROP COLUMN previous_secret_expires_at`);
  }
}
