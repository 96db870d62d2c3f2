import type { CookieOptions, Request, Response } from 'express';

/** The desk's session cookie. It holds a random secret; the server keeps its SHA-256 (table sessions). */
export const SESSION_COOKIE = 'claimcheck_session';

/** The header a state-changing request made with the session cookie must carry (the session's csrfToken). */
export const CSRF_HEADER = 'x-csrf-token';

/** The session secret in the request's Cookie header, or null. */
export function sessionSecret(req: Request): string | null {
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
 * over https (req.secure, which trusts X-Forwarded-Proto from a proxy on loopback only: `trust proxy` in http.ts).
 */
function options(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' };
}

export function setSessionCookie(req: Request, res: Response, secret: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, secret, { ...options(req), expires: expiresAt });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, options(req));
}
