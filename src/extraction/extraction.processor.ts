import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../config/config.js';
import { QueueName, type JobPayloads } from '../queue/queues.js';
import { ExtractionService, type ExtractionOutcome } from './extraction.service.js';

/** Registered only by the worker entry point. */
@Processor(QueueName.Extraction)
export class ExtractionProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(ExtractionProcessor.name);

  constructor(
    private readonly extraction: ExtractionService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job<JobPayloads['extract-article']>): Promise<ExtractionOutcome> {
    const { articleId } = job.data;
    try {
      const outcome = await this.extraction.extractArticle(articleId);
      this.logger.log({ articleId, jobId: job.id, ...outcome }, 'extraction job done');
      return outcome;
    } catch (err) {
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (finalAttempt) await this.extraction.markFailed(articleId, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }
}
