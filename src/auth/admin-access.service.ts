import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '../common/problem.js';
import type { Principal } from './auth.decorators.js';
import { bearerToken } from './bearer.js';
import { satisfies } from './auth.guard.js';
import { TokensService } from './tokens.service.js';

/**
 * The API token in an Authorization header: `Bearer <token>`, or `Basic` with the token as password (any user
 * name). Basic is for browsers: they ask for it once and resend it with every asset and call of a page such as
 * the queue dashboard, which cannot add a bearer header.
 */
export function presentedToken(authorization: string | undefined): string | null {
  const bearer = bearerToken(authorization);
  if (bearer) return bearer;
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && colon < decoded.length - 1 ? decoded.slice(colon + 1) : null;
}

/** Admin-only surfaces outside the controllers and their global guard (metrics, the queue dashboard). */
@Injectable()
export class AdminAccess {
  constructor(private readonly tokens: TokensService) {}

  /** The admin behind the header; 401 without a valid token, 403 for another role. */
  async require(authorization: string | undefined): Promise<Principal> {
    const token = presentedToken(authorization);
    if (!token) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Missing credentials: send "Authorization: Bearer <token>" with an admin token.');
    }
    const principal = await this.tokens.authenticate(token);
    if (!principal) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'The token is unknown or revoked.');
    if (!satisfies(principal.role, 'admin')) {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', `This needs the role admin; your token has the role ${principal.role}.`);
    }
    return principal;
  }
}
