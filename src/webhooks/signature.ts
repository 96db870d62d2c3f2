import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Two signatures on every delivery, made from the same secrets:
 * - `Claimcheck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (Stripe's scheme; the HMAC
 *   key is the whole secret string), kept for existing receivers;
 * - Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`; the HMAC key is the
 *   base64 after `whsec_`), which off-the-shelf libraries verify.
 * During a secret rotation both secrets sign, newest first: several `v1=` entries, several space-separated `v1,`
 * signatures. A receiver that still reads only the last `v1=` keeps working with its old secret until it expires.
 */
export function sign(secrets: string | string[], body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const macs = [secrets].flat().map((secret) => `v1=${legacyMac(secret, timestamp, body)}`);
  return [`t=${timestamp}`, ...macs].join(',');
}

/** `webhook-signature` per the Standard Webhooks specification, one `v1,<base64>` per secret. */
export function signStandard(secrets: string[], messageId: string, timestamp: number, body: string): string {
  return secrets
    .map((secret) => `v1,${createHmac('sha256', standardKey(secret)).update(`${messageId}.${timestamp}.${body}`).digest('base64')}`)
    .join(' ');
}

/**
 * The key Standard Webhooks receivers derive from `whsec_<base64>`. Secrets issued before this scheme are
 * base64url; Node decodes both alphabets, so they sign too (a library that only takes standard base64 needs a
 * rotated secret).
 */
function standardKey(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
}

function legacyMac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * What a receiver does with Claimcheck-Signature (also used by our tests): constant-time compare against each
 * `v1=`, and reject signatures older than `toleranceSeconds` so a captured request cannot be replayed later.
 */
export function verify(secret: string, body: string, header: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const parts = header.split(',').map((kv) => kv.split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const given = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => Buffer.from(v!));
  if (!Number.isInteger(t) || given.length === 0 || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(legacyMac(secret, t, body));
  return given.some((g) => g.length === expected.length && timingSafeEqual(g, expected));
}
