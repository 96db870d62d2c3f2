import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from './user.entity.js';

/** Who is calling: a bearer token's user (tokenId) or a person signed in to the desk (sessionId). */
export interface Principal {
  userId: string;
  name: string;
  role: Role;
  /** The bearer token; null for a desk session. */
  tokenId: string | null;
  /** The desk session (cookie); absent for a bearer token. */
  sessionId?: string;
  /** Desk sessions: the user still has to replace a one-time password. */
  mustChangePassword?: boolean;
}

export const ROLES_KEY = 'claimcheck:roles';
export const PUBLIC_KEY = 'claimcheck:public';
/** The same mark in the OpenAPI document, where src/app/openapi.ts turns it into `security: []`. */
export const PUBLIC_OPERATION = 'x-claimcheck-public';

/** Roles allowed on a route; `admin` is always allowed. Routes without @Roles accept any authenticated role. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const SESSION_ROUTE_KEY = 'claimcheck:session-route';
/** The same mark in the OpenAPI document, where src/app/openapi.ts turns it into `security: [{ session: [] }]`. */
export const SESSION_OPERATION = 'x-claimcheck-session';

/**
 * Routes about the desk session itself (read it, sign out, change the password): a session cookie only, no bearer
 * token, and open while the user must still change a one-time password.
 */
export const SessionRoute = () => applyDecorators(SetMetadata(SESSION_ROUTE_KEY, true), ApiExtension(SESSION_OPERATION, true));

/** No token needed (health, docs). The mark also gives the route `security: []` in the OpenAPI document. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_OPERATION, true));

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
