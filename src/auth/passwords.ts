import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/**
 * Passwords of desk users: argon2id (the package's default algorithm, asserted in hashPassword) with its default
 * cost, m=19 MiB, t=2, p=1: the OWASP minimum for argon2id, some 20-40 ms per hash here. The PHC string carries its
 * parameters, so raising the cost later still verifies the old hashes.
 *
 * @node-rs/argon2 rather than node-argon2: its binary comes as a per-platform optional package, with no install
 * script, so `npm ci` works where install scripts do not run (npm 11 here) and nothing compiles on install.
 */
export async function hashPassword(password: string): Promise<string> {
  const hashed = await hash(password);
  if (!hashed.startsWith('$argon2id$')) throw new Error('argon2: expected an argon2id hash');
  return hashed;
}

/** false for a wrong password, and for a stored value that is not a hash at all (never throws for that). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Checks `password` against `stored`, or against a hash of nothing in particular when there is no stored hash
 * (unknown user, user without a password), so that "no such user" takes as long as "wrong password": the
 * answer's timing does not tell which names exist.
 */
export async function checkPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (stored) return verifyPassword(stored, password);
  dummy ??= hashPassword(randomBytes(18).toString('base64url'));
  await verifyPassword(await dummy, password);
  return false;
}

/** Given by an admin (create, reset), to be replaced by the person at their first sign-in: 144 random bits. */
export function oneTimePassword(): string {
  return randomBytes(18).toString('base64url');
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
