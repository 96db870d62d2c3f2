import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The desk's session cookie. It holds a random secret; the server keeps its SHA-256 (table sessions). */
export const SESSION_COOKIE = 'claimcheck_session';

/** The header a state-changing request made with the session cookie must carry (the session's csrfToken). */
export const CSRF_HEADER = 'x-csrf-token';

/** The session secret in the request's Cookie header, or null. */
export function sessionSecret(req: FastifyRequest): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // Our secrets are base64url; anything else cannot be one (and is not worth a lookup).
    return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
  }
  return null;
}

/**
 * httpOnly (scripts cannot read it), SameSite=Lax (not sent with cross-site writes), Secure when the request came
 * over https (req.protocol, which trusts X-Forwarded-Proto from a trusted proxy only: TRUST_PROXY, httpAdapter in http.ts).
 */
function options(req: FastifyRequest): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', path: '/' };
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, secret: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, secret, { ...options(req), expires: expiresAt });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, options(req));
}
