import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { ProblemException } from '../common/problem.js';
import { QueueName } from '../queue/queues.js';
import { HealthDto, LivenessDto } from './health.dto.js';

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
  @ApiOperation({ operationId: 'checkReadiness', summary: 'Readiness: Postgres and Redis answer' })
  @Get()
  @ApiOkResponse({ type: HealthDto, description: 'database and redis are up' })
  @ApiServiceUnavailableResponse({ description: 'Not ready (code not_ready): the detail names what is down, `checks` has the state of each dependency.' })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.indicators.check('database').attempt(async () => void (await this.db.query('SELECT 1'))).withTimeout(TIMEOUT_MS),
        // A real Redis round trip that also tells operators how much extraction work is waiting.
        () => this.indicators.check('redis').attempt(() => this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed')).withTimeout(TIMEOUT_MS),
      ]);
    } catch (err) {
      if (!(err instanceof HttpException)) throw err;
      // Like every error, a problem+json; the checks stay in it for whoever reads more than the status.
      const checks = err.getResponse() as Partial<HealthCheckResult>;
      const down = Object.keys(checks.error ?? {});
      const detail = checks.status === 'shutting_down' ? 'Not ready: shutting down.' : `Not ready: ${down.length ? down.join(' and ') : 'a dependency'} did not answer.`;
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', detail, { checks });
    }
  }

  /** Liveness: the process is up and serving. */
  @ApiOperation({ operationId: 'checkLiveness', summary: 'Liveness: the process is up' })
  @Get('live')
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }
}
