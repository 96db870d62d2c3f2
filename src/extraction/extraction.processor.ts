import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../config/config.js';
import { JobWorker } from '../queue/job-worker.js';
import { QueueName, type JobPayloads } from '../queue/queues.js';
import { ExtractionService, type ExtractionOutcome } from './extraction.service.js';

/** Registered only by the worker entry point. */
@Injectable()
export class ExtractionProcessor extends JobWorker {
  constructor(
    private readonly extraction: ExtractionService,
    config: AppConfig,
  ) {
    super(QueueName.Extraction, config, config.WORKER_CONCURRENCY, { 'extract-article': (job) => this.extractArticle(job) });
  }

  async extractArticle(job: Job<JobPayloads['extract-article']>): Promise<ExtractionOutcome> {
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
