import { Module } from '@nestjs/common';
import { AdminAccess } from './admin-access.service.js';
import { PrincipalCache } from './principal-cache.service.js';
import { RateLimiter } from './rate-limiter.service.js';
import { SessionController } from './session.controller.js';
import { SessionsService } from './sessions.service.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { TokensController } from './tokens.controller.js';
import { TokensService } from './tokens.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [TokensController, UsersController, SessionController],
  providers: [PrincipalCache, TokensService, UsersService, SessionsService, SignInThrottle, RateLimiter, AdminAccess],
  exports: [TokensService, SessionsService, UsersService, RateLimiter, AdminAccess],
})
export class AuthModule {}
