import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from './user.entity.js';

export interface Principal {
  userId: string;
  name: string;
  role: Role;
  tokenId: string;
}

export const ROLES_KEY = 'claimcheck:roles';
export const PUBLIC_KEY = 'claimcheck:public';
/** The same mark in the OpenAPI document, where src/app/openapi.ts turns it into `security: []`. */
export const PUBLIC_OPERATION = 'x-claimcheck-public';

/** Roles allowed on a route; `admin` is always allowed. Routes without @Roles accept any authenticated role. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed (health, docs). The mark also gives the route `security: []` in the OpenAPI document. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_OPERATION, true));

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
