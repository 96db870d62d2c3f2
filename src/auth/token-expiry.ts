/** When a new token expires: `expiresIn` ("90d", "12h", "30m", "45s", "2w") or `expiresAt` (an ISO 8601 time), not both. */
export interface ExpirySpec {
  expiresIn?: string;
  expiresAt?: string;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A bad spec; the API answers 400, the CLI exits 2. The message names the option. */
export class InvalidExpiry extends Error {}

/** The expiry time, or null for a token that does not expire. */
export function resolveExpiry(spec: ExpirySpec, now = new Date()): Date | null {
  if (spec.expiresIn !== undefined && spec.expiresAt !== undefined) {
    throw new InvalidExpiry('give expiresIn or expiresAt, not both');
  }
  if (spec.expiresIn !== undefined) {
    const match = /^(\d{1,6})([smhdw])$/.exec(spec.expiresIn.trim());
    if (!match || Number(match[1]) === 0) {
      throw new InvalidExpiry(`expiresIn must be a positive number with a unit s, m, h, d or w (e.g. 90d), got "${spec.expiresIn}"`);
    }
    return new Date(now.getTime() + Number(match[1]) * UNIT_MS[match[2]]);
  }
  if (spec.expiresAt !== undefined) {
    const at = new Date(spec.expiresAt);
    if (!ISO_TIME.test(spec.expiresAt) || Number.isNaN(at.getTime())) {
      throw new InvalidExpiry(`expiresAt must be an ISO 8601 time such as 2027-01-31T00:00:00Z, got "${spec.expiresAt}"`);
    }
    if (at.getTime() <= now.getTime()) throw new InvalidExpiry(`expiresAt must be in the future, got ${at.toISOString()}`);
    return at;
  }
  return null;
}
