import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { AppConfig } from '../config/config.js';
import { assertHandlersCover, redisConnection, WORKER_LOCKS, type JobName, type JobPayloads, type QueueName } from './queues.js';
import { recordJobMetrics } from '../metrics/job-metrics.js';
import { logRedisErrors } from './redis-errors.js';

/** One handler per job name of the worker's queue; the job registry (queues.ts) says which names those are. */
export type JobHandlers = { [J in JobName]?: (job: Job<JobPayloads[J], unknown, J>) => Promise<unknown> };

/**
 * The BullMQ worker of one queue, owned by the app rather than by @nestjs/bullmq's explorer, so that it
 * gets its own connection (workers wait for Redis, producers do not), the lock settings that bound crash
 * recovery (WORKER_LOCKS), an 'error' listener that logs through the Nest logger (without one BullMQ
 * prints stack traces with console.error), and a close that lets active jobs finish before Postgres and
 * Redis connections close (beforeApplicationShutdown runs before the pools' onApplicationShutdown).
 * Jobs are dispatched on job.name; the worker refuses to start if a registered job has no handler; every
 * worker's job durations and failures go to /metrics.
 */
export abstract class JobWorker implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private worker?: Worker;

  protected constructor(
    private readonly queueName: QueueName,
    private readonly appConfig: AppConfig,
    private readonly concurrency: number,
    private readonly handlers: JobHandlers,
  ) {
    this.logger = new Logger(new.target.name);
  }

  onModuleInit(): void {
    assertHandlersCover(this.queueName, Object.keys(this.handlers));
  }

  onApplicationBootstrap(): void {
    const worker = new Worker(this.queueName, (job) => this.dispatch(job), {
      connection: redisConnection(this.appConfig.REDIS_URL),
      prefix: this.appConfig.QUEUE_PREFIX,
      concurrency: this.concurrency,
      ...WORKER_LOCKS,
    });
    logRedisErrors(worker, this.logger, `worker:${this.queueName}`);
    recordJobMetrics(worker, this.queueName);
    // Every failed attempt, retried or not, once: payloads carry ids only, so they are safe to log.
    worker.on('failed', (job: Job | undefined, err: Error) =>
      this.logger.warn({ queue: this.queueName, jobId: job?.id, job: job?.name, data: job?.data, attempt: job?.attemptsMade, error: err.message }, 'job attempt failed'),
    );
    this.worker = worker;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /** Stops taking jobs and waits for the active ones to finish (tests pause before emptying the queues). */
  async pause(): Promise<void> {
    await this.worker?.pause();
  }

  resume(): void {
    this.worker?.resume();
  }

  private async dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as ((job: Job) => Promise<unknown>) | undefined;
    // Unreachable for jobs enqueued through QueueService; a stray name fails loudly instead of being "done".
    if (!handler) throw new Error(`no handler for job ${job.name} on queue ${this.queueName}`);
    return handler(job);
  }
}
