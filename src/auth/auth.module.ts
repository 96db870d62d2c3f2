import { Module } from '@nestjs/common';
import { AdminAccess } from './admin-access.service.js';
import { RateLimiter } from './rate-limiter.service.js';
import { TokensController } from './tokens.controller.js';
import { TokensService } from './tokens.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [TokensController, UsersController],
  providers: [TokensService, UsersService, RateLimiter, AdminAccess],
  exports: [TokensService, RateLimiter, AdminAccess],
})
export class AuthModule {}
