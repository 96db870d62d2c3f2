import { Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter.service.js';
import { TokensController } from './tokens.controller.js';
import { TokensService } from './tokens.service.js';

@Module({
  controllers: [TokensController],
  providers: [TokensService, RateLimiter],
  exports: [TokensService, RateLimiter],
})
export class AuthModule {}
