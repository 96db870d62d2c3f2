import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config/config.js';
import { DEV_SECRET_KEY_ID, parseSecretKeys, SecretBox, secretKeysFromEnv, UnknownSecretKeyError } from '../../src/webhooks/secret-keys.js';

const key = () => randomBytes(32).toString('base64');

describe('WEBHOOK_SECRET_KEYS', () => {
  test('"id:base64,..." : the first key encrypts, all decrypt', () => {
    const [a, b] = [key(), key()];
    const keys = parseSecretKeys(` k2:${a} , k1:${b} `);
    expect(keys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(keys[0].key).toEqual(Buffer.from(a, 'base64'));
    expect(new SecretBox(keys).primaryKeyId).toBe('k2');
  });

  test.each([
    ['a 16-byte key', 'k1:' + randomBytes(16).toString('base64'), /k1.*32 bytes/],
    ['a 33-byte key', 'k1:' + randomBytes(33).toString('base64'), /k1.*32 bytes/],
    ['no key', 'k1', /id:base64/],
    ['no id', ':' + key(), /id/],
    ['a space in the id', 'k 1:' + key(), /id/],
    ['not base64', 'k1:not*base64!', /base64/],
    ['an id twice', `k1:${key()},k1:${key()}`, /k1.*twice/],
    ['an empty entry', ',', /id:base64/],
  ])('%s is refused', (_label, value, message) => {
    expect(() => parseSecretKeys(value)).toThrow(message);
  });

  test('a bad value stops the boot naming the variable, without printing the key material', () => {
    const short = randomBytes(16).toString('base64');
    let error: Error | undefined;
    try {
      loadConfig({ WEBHOOK_SECRET_KEYS: `k1:${short}` });
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).toMatch(/WEBHOOK_SECRET_KEYS/);
    expect(error?.message).not.toContain(short);
  });

  test('unset: refused with NODE_ENV=production; otherwise the development key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_SECRET_KEYS.*production/);
    expect(() => loadConfig({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: `k1:${key()}` })).not.toThrow();
    expect(loadConfig({}).WEBHOOK_SECRET_KEYS).toBe('');
    const dev = secretKeysFromEnv({});
    expect(dev.development).toBe(true);
    expect(dev.keys.map((k) => k.id)).toEqual([DEV_SECRET_KEY_ID]);
    expect(() => secretKeysFromEnv({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_SECRET_KEYS/);
    expect(secretKeysFromEnv({ WEBHOOK_SECRET_KEYS: `k9:${key()}` })).toMatchObject({ development: false, keys: [{ id: 'k9' }] });
  });
});

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(parseSecretKeys(`k2:${key()},k1:${key()}`));

  test('round trip; a fresh IV each time; no clear text in the ciphertext', () => {
    const a = box.encrypt('whsec_abc', 'webhook-1');
    const b = box.encrypt('whsec_abc', 'webhook-1');
    expect(a.keyId).toBe('k2');
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.ciphertext.toString('latin1')).not.toContain('whsec_abc');
    expect(box.decrypt(a.ciphertext, a.keyId, 'webhook-1')).toBe('whsec_abc');
  });

  test('tampering, another row\'s context or another key is refused', () => {
    const sealed = box.encrypt('whsec_abc', 'webhook-1');
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[flipped.length - 1] ^= 1;
    expect(() => box.decrypt(flipped, 'k2', 'webhook-1')).toThrow();
    expect(() => box.decrypt(sealed.ciphertext, 'k2', 'webhook-2')).toThrow();
    expect(() => box.decrypt(sealed.ciphertext, 'k1', 'webhook-1')).toThrow(/key k1/);
    expect(() => box.decrypt(sealed.ciphertext, 'k7', 'webhook-1')).toThrow(UnknownSecretKeyError);
    expect(() => box.decrypt(sealed.ciphertext, 'k7', 'webhook-1')).toThrow(/k7.*WEBHOOK_SECRET_KEYS/);
  });
});
