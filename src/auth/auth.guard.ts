import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemException } from '../common/problem.js';
import { BEARER_CHALLENGE } from '../common/problem.filter.js';
import { PUBLIC_KEY, ROLES_KEY, type Principal } from './auth.decorators.js';
import { bearerToken } from './bearer.js';
import { RateLimiter } from './rate-limiter.service.js';
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

/** Global guard: bearer token → principal (401), consumer rate limit (429), then the route's @Roles (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Missing bearer token: send "Authorization: Bearer <token>".');
    }
    const principal = await this.tokens.authenticate(token);
    if (!principal) {
      const detail = 'The bearer token is unknown or revoked.';
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', detail, {
        headers: { 'WWW-Authenticate': `${BEARER_CHALLENGE}, error="invalid_token", error_description="${detail}"` },
      });
    }
    req.principal = principal;
    if (principal.role === 'consumer') {
      const headers = await this.limiter.consume(principal.tokenId);
      ctx.switchToHttp().getResponse<Response>().set(headers);
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((role) => satisfies(principal.role, role))) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'forbidden',
        `This action needs the role ${roles.join(' or ')}; your token has the role ${principal.role}.`,
      );
    }
    return true;
  }
}
