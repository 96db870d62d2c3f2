import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/config.js';
import { JobWorker } from '../queue/job-worker.js';
import { QueueService } from '../queue/queue.service.js';
import { QueueName } from '../queue/queues.js';
import { RecheckService } from './recheck.service.js';

/**
 * The maintenance queue's worker (registered only by the worker entry point): `expire-verdicts` marks published verdicts
 * past their reviewBy due for a re-check. A BullMQ job scheduler runs it every VERDICT_EXPIRY_CHECK_SECONDS; each worker
 * upserts the scheduler at start (so a flushed Redis gets it back at the next start) and the job is idempotent.
 */
@Injectable()
export class MaintenanceProcessor extends JobWorker {
  constructor(
    private readonly recheck: RecheckService,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
  ) {
    super(QueueName.Maintenance, config, 1, { 'expire-verdicts': () => this.expireVerdicts() });
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    this.queues.schedule('expire-verdicts', {}, this.config.VERDICT_EXPIRY_CHECK_SECONDS * 1000)
      .catch((err: unknown) => this.logger.warn(`could not schedule expire-verdicts (the next worker start will): ${String(err)}`));
  }

  async expireVerdicts(): Promise<{ marked: number }> {
    const marked = await this.recheck.markExpired();
    if (marked > 0) this.logger.log({ marked }, 'verdicts past their review date marked for re-check');
    return { marked };
  }
}
