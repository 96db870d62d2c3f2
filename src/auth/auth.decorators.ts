import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from './user.entity.js';

export interface Principal {
  userId: string;
  name: string;
  role: Role;
  tokenId: string;
}

export const ROLES_KEY = 'claimcheck:roles';
export const PUBLIC_KEY = 'claimcheck:public';

/** Roles allowed on a route; `admin` is always allowed. Routes without @Roles accept any authenticated role. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
