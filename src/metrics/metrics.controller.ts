import { Controller, Get, Injectable, Res, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { register } from 'prom-client';
import { AdminAccess } from '../auth/admin-access.service.js';
import { Public } from '../auth/auth.decorators.js';
import { AppConfig } from '../config/config.js';
import { isMetricsToken } from './metrics-token.js';
import { ScrapeMetrics } from './scrape-metrics.service.js';

/** METRICS_TOKEN (for the scraper) or an admin API token; 401 without, 403 for any other role. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly admins: AdminAccess,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const authorization = ctx.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    if (isMetricsToken(this.config.METRICS_TOKEN, authorization)) return true;
    await this.admins.require(authorization);
    return true;
  }
}

/**
 * GET /metrics. Public to the global guard (a scraper's token is not an API token); MetricsAccessGuard decides.
 * (@willsoto/nestjs-prometheus is CommonJS requiring the ESM-only @nestjs/common 12: Node 20 loads it, but Jest
 * on Node 20 cannot, so the e2e tests could not boot the app; this controller is its few lines over prom-client.)
 */
@ApiExcludeController()
@Controller('metrics')
@Public()
@UseGuards(MetricsAccessGuard)
export class MetricsController {
  constructor(private readonly state: ScrapeMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    await this.state.refresh();
    res.type(register.contentType);
    return register.metrics();
  }
}
