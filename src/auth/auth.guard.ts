import { CanActivate, ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../common/problem.js';
import { BEARER_CHALLENGE } from '../common/problem.filter.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/config.js';
import { PUBLIC_KEY, ROLES_KEY, SESSION_ROUTE_KEY, type Principal } from './auth.decorators.js';
import { bearerToken } from './bearer.js';
import { RateLimiter } from './rate-limiter.service.js';
import { clearSessionCookie, CSRF_HEADER, sessionSecret } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';
import { TokensService } from './tokens.service.js';
import type { Role } from './user.entity.js';

/** admin can do everything; an approver is a senior editor and can do what editors do. */
const IMPLIED: Record<Role, readonly Role[]> = {
  admin: ['admin', 'approver', 'editor', 'consumer'],
  approver: ['approver', 'editor'],
  editor: ['editor'],
  consumer: ['consumer'],
};
export const satisfies = (held: Role, required: Role) => IMPLIED[held].includes(required);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Set on the request by the guard: whether the credential it authenticated still does, and still allows the route. */
export type StillAuthorized = () => Promise<boolean>;

/**
 * Global guard: a bearer token (machines) or else the desk's session cookie (people) → principal (401); for a
 * session, the CSRF token on writes (403 csrf_failed) and a pending password change (403 password_change_required);
 * the consumer rate limit (429, tokens); then the route's @Roles (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal; stillAuthorized?: StillAuthorized }>();
    const res = ctx.switchToHttp().getResponse<FastifyReply>();
    const sessionRoute = this.reflector.getAllAndOverride<boolean>(SESSION_ROUTE_KEY, targets) === true;
    const token = bearerToken(req.headers.authorization);
    let principal: Principal;
    let credential: { token: string } | { secret: string };
    if (token && !sessionRoute) {
      principal = await this.fromToken(token);
      credential = { token };
    } else {
      const secret = sessionSecret(req);
      if (!secret) {
        const detail = sessionRoute
          ? 'This route is about a desk session: sign in (POST /v1/auth/sign-in) and send the session cookie; bearer tokens have no session.'
          : 'Missing credentials: send a bearer token ("Authorization: Bearer <token>"), or sign in (POST /v1/auth/sign-in) and send the session cookie.';
        throw new ProblemException(HttpStatus.UNAUTHORIZED, sessionRoute && token ? 'session_required' : 'unauthorized', detail);
      }
      principal = await this.fromSession(req, res, secret, sessionRoute);
      credential = { secret };
    }
    req.principal = principal;
    if (principal.role === 'consumer' && principal.tokenId) {
      const headers = await this.limiter.consume(principal.tokenId);
      res.headers(headers);
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((role) => satisfies(principal.role, role))) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'forbidden',
        `This action needs the role ${roles.join(' or ')}; your ${principal.sessionId ? 'account' : 'token'} has the role ${principal.role}.`,
      );
    }
    req.stillAuthorized = () => this.recheck(credential, principal, roles);
    return true;
  }

  /**
   * The same checks again, later, for a response that outlives its request (the review task event stream): one
   * indexed lookup, no write (an open stream must not keep an idle session alive, nor count as a token's use).
   * false once the session ended (signed out, password changed or reset, user disabled) or expired (idle,
   * absolute), the token was revoked or expired, or the user's role no longer allows the route; false too when the
   * check itself fails (database unreachable): fail closed, the client reconnects through this guard.
   */
  private async recheck(credential: { token: string } | { secret: string }, principal: Principal, roles: Role[] | undefined): Promise<boolean> {
    try {
      let held: Role;
      if ('token' in credential) {
        const now = await this.tokens.authenticate(credential.token, { touch: false });
        if (!now || now.tokenId !== principal.tokenId) return false;
        held = now.role;
      } else {
        const check = await this.sessions.authenticate(credential.secret, { touch: false });
        if (!check.ok || check.principal.sessionId !== principal.sessionId || check.principal.role === 'consumer') return false;
        held = check.principal.role;
      }
      return !roles || roles.some((role) => satisfies(held, role));
    } catch (err) {
      // An expired token is a 401 problem of its own; anything else is worth a line.
      if (!(err instanceof ProblemException)) this.logger.warn(`could not recheck a stream's credential: ${String(err)}`);
      return false;
    }
  }

  private async fromToken(token: string): Promise<Principal> {
    const principal = await this.tokens.authenticate(token);
    if (!principal) {
      const detail = 'The bearer token is unknown or revoked.';
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', detail, {
        headers: { 'WWW-Authenticate': `${BEARER_CHALLENGE}, error="invalid_token", error_description="${detail}"` },
      });
    }
    return principal;
  }

  /**
   * A session that ended or expired gets 401 (and its cookie cleared, so the browser stops sending it). Writes need
   * the session's CSRF token in X-CSRF-Token (compared in constant time): SameSite=Lax already keeps the cookie off
   * cross-site writes, the token also covers same-site ones and older browsers.
   */
  private async fromSession(req: FastifyRequest, res: FastifyReply, secret: string, sessionRoute: boolean): Promise<Principal> {
    const check = await this.sessions.authenticate(secret);
    if (!check.ok) {
      clearSessionCookie(req, res);
      if (check.reason === 'idle' || check.reason === 'absolute') {
        const why = check.reason === 'idle'
          ? `unused for more than ${this.config.SESSION_IDLE_MINUTES} minutes`
          : `older than ${this.config.SESSION_ABSOLUTE_HOURS} hours`;
        throw new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired', `Your session expired (${why}); sign in again (POST /v1/auth/sign-in).`);
      }
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'unauthorized',
        'This session cookie is not valid (signed out, or ended by a password change or an admin); sign in again (POST /v1/auth/sign-in).',
      );
    }
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent === '') {
        throw new ProblemException(
          HttpStatus.FORBIDDEN,
          'csrf_failed',
          `Missing X-CSRF-Token header: with the session cookie, every ${req.method} must send the csrfToken given at sign-in (or by GET /v1/auth/session).`,
        );
      }
      if (!sameSecret(sent, check.csrfToken)) {
        throw new ProblemException(
          HttpStatus.FORBIDDEN,
          'csrf_failed',
          'The X-CSRF-Token header does not match this session\'s token; fetch the current one from GET /v1/auth/session.',
        );
      }
    }
    const { principal } = check;
    if (principal.role === 'consumer') {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'desk_not_allowed', 'Consumers cannot use the desk; use a bearer token for the API.');
    }
    if (principal.mustChangePassword && !sessionRoute) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'password_change_required',
        'Set your own password first (POST /v1/auth/password with currentPassword and newPassword): you signed in with a one-time password.',
      );
    }
    return principal;
  }
}

/** Constant-time equality of two strings (of any lengths: hashed first, so the lengths do not leak either). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
