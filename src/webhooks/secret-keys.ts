import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Webhook secrets at rest: AES-256-GCM under keys from WEBHOOK_SECRET_KEYS="k2:<base64>,k1:<base64>".
 * The first key encrypts, every key decrypts, and each row stores the id of its key, so keys rotate by
 * putting a new one first and re-encrypting (`npm run cli -- webhooks reencrypt`).
 * No framework here: the migration that encrypts the old clear-text rows uses the same code.
 */
export interface SecretKey {
  id: string;
  key: Buffer;
}

export const SECRET_KEYS_VARIABLE = 'WEBHOOK_SECRET_KEYS';

/** Used when WEBHOOK_SECRET_KEYS is unset outside production. Public, so it protects nothing: development only. */
export const DEV_SECRET_KEY_ID = 'dev-insecure';
const DEV_SECRET_KEY = createHash('sha256').update('claimcheck development webhook secret key: NOT SECRET').digest();

const KEY_ID = /^[A-Za-z0-9_.-]{1,32}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Messages name the key id and what is wrong, never the key material. */
export class SecretKeysError extends Error {}

export function parseSecretKeys(value: string): SecretKey[] {
  const entries = value.split(',').map((e) => e.trim());
  if (entries.length === 0 || entries.some((e) => e === '')) {
    throw new SecretKeysError('expected a comma-separated list of id:base64 (32 bytes each), the encrypting key first');
  }
  const keys: SecretKey[] = [];
  for (const [n, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    if (colon < 0) throw new SecretKeysError(`entry ${n + 1} is not id:base64`);
    const id = entry.slice(0, colon);
    const material = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) throw new SecretKeysError(`entry ${n + 1}: the key id must be 1-32 letters, digits, '_', '.' or '-'`);
    if (!BASE64.test(material)) throw new SecretKeysError(`key ${id} is not standard base64`);
    const key = Buffer.from(material, 'base64');
    if (key.length !== 32) throw new SecretKeysError(`key ${id} must be 32 bytes (44 base64 characters), not ${key.length}`);
    if (keys.some((k) => k.id === id)) throw new SecretKeysError(`key id ${id} appears twice`);
    keys.push({ id, key });
  }
  return keys;
}

/**
 * The keys an environment configures. Unset: refused in production (secrets would be as good as clear
 * text), the public development key otherwise, with `development: true` so the caller can warn once.
 */
export function secretKeysFromEnv(env: NodeJS.ProcessEnv = process.env): { keys: SecretKey[]; development: boolean } {
  const value = env[SECRET_KEYS_VARIABLE]?.trim();
  if (value) {
    try {
      return { keys: parseSecretKeys(value), development: false };
    } catch (err) {
      throw new SecretKeysError(`${SECRET_KEYS_VARIABLE}: ${(err as Error).message}`);
    }
  }
  if (env.NODE_ENV === 'production') {
    throw new SecretKeysError(`${SECRET_KEYS_VARIABLE}: required when NODE_ENV=production (e.g. k1:$(openssl rand -base64 32))`);
  }
  return { keys: [{ id: DEV_SECRET_KEY_ID, key: DEV_SECRET_KEY }], development: true };
}

/** A row's secret is encrypted with a key WEBHOOK_SECRET_KEYS no longer has. */
export class UnknownSecretKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`the secret is encrypted with key ${keyId}, which ${SECRET_KEYS_VARIABLE} does not contain`);
  }
}

export interface Sealed {
  /** iv (12 bytes) | ciphertext | GCM tag (16 bytes) */
  ciphertext: Buffer;
  keyId: string;
}

export class SecretBox {
  private readonly byId: Map<string, Buffer>;
  readonly primaryKeyId: string;

  constructor(keys: SecretKey[]) {
    if (keys.length === 0) throw new SecretKeysError('no keys');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
    this.primaryKeyId = keys[0].id;
  }

  get keyIds(): string[] {
    return [...this.byId.keys()];
  }

  /**
   * `context` (the webhook's id) is authenticated with the ciphertext, so a ciphertext copied into
   * another row does not decrypt there.
   */
  encrypt(plain: string, context: string): Sealed {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.byId.get(this.primaryKeyId)!, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, body, cipher.getAuthTag()]), keyId: this.primaryKeyId };
  }

  decrypt(ciphertext: Buffer, keyId: string, context: string): string {
    const key = this.byId.get(keyId);
    if (!key) throw new UnknownSecretKeyError(keyId);
    const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(ciphertext.subarray(IV_BYTES, ciphertext.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      // GCM's own message ("unable to authenticate data") would not tell an operator where to look.
      throw new Error(`the secret does not decrypt with key ${keyId}: the key material under that id changed, or the row was altered`);
    }
  }
}
