import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../config/config.js';
import { JobWorker } from '../queue/job-worker.js';
import { QueueName, type JobPayloads } from '../queue/queues.js';
import { ExtractionService, type ExtractionOutcome } from './extraction.service.js';
import type { RerunDto } from './reruns.dto.js';
import { RerunRunner } from './rerun-runner.service.js';

/** Registered only by the worker entry point. */
@Injectable()
export class ExtractionProcessor extends JobWorker {
  constructor(
    private readonly extraction: ExtractionService,
    private readonly reruns: RerunRunner,
    config: AppConfig,
  ) {
    super(QueueName.Extraction, config, config.WORKER_CONCURRENCY, {
      'extract-article': (job) => this.extractArticle(job),
      'rerun-extraction': (job) => this.rerunExtraction(job),
    });
  }

  private stopping = false;

  /** The extractor's threads start with the worker, not on its first articles. */
  override onApplicationBootstrap(): void {
    this.extraction.warmUp();
    super.onApplicationBootstrap();
  }

  /**
   * A run can take hours: on shutdown it stops after the article in hand, within the shutdown budget, and the rest stays
   * pending in Postgres for the reconciler to hand to the next worker.
   */
  override async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await super.beforeApplicationShutdown();
  }

  async rerunExtraction(job: Job<JobPayloads['rerun-extraction']>): Promise<RerunDto> {
    const run = await this.reruns.process(job.data.runId, undefined, () => this.stopping);
    this.logger.log({ runId: run.id, jobId: job.id, status: run.status, total: run.total, done: run.done, failed: run.failed }, 'rerun job done');
    return run;
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
