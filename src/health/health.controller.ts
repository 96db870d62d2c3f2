import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpException, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { QueueName } from '../queue/queues.js';

const TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Extraction) private readonly queue: Queue,
  ) {}

  /** Readiness: Postgres and Redis both answer. 503 otherwise, with which one failed. */
  @Get()
  @ApiOkResponse({ description: 'database and redis are up' })
  @ApiServiceUnavailableResponse({ description: 'one of them is down' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult | unknown> {
    try {
      return await this.health.check([
        () => this.indicators.check('database').attempt(async () => void (await this.db.query('SELECT 1'))).withTimeout(TIMEOUT_MS),
        // A real Redis round trip that also tells operators how much extraction work is waiting.
        () => this.indicators.check('redis').attempt(() => this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed')).withTimeout(TIMEOUT_MS),
      ]);
    } catch (err) {
      if (!(err instanceof HttpException)) throw err;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return err.getResponse();
    }
  }

  /** Liveness: the process is up and serving. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
