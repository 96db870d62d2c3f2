import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { AppConfig } from '../config/config.js';
import { JobWorker } from '../queue/job-worker.js';
import { QueueName, type JobPayloads } from '../queue/queues.js';
import { DeliveryFailed, WebhookSender } from './webhook-sender.service.js';

/** Registered only by the worker. Retries (exponential backoff) are BullMQ's; each attempt is logged in Postgres. */
@Injectable()
export class WebhookDeliveryProcessor extends JobWorker {
  constructor(
    private readonly sender: WebhookSender,
    config: AppConfig,
  ) {
    super(QueueName.Webhooks, config, config.WEBHOOK_CONCURRENCY, { 'deliver-webhook': (job) => this.deliver(job) });
  }

  async deliver(job: Job<JobPayloads['deliver-webhook']>): Promise<string> {
    const attemptNo = job.attemptsMade + 1;
    const finalAttempt = attemptNo >= (job.opts.attempts ?? 1);
    try {
      const outcome = await this.sender.attempt(job.data.deliveryId, attemptNo, finalAttempt);
      if (outcome === 'delivered') this.logger.log({ deliveryId: job.data.deliveryId, attempt: attemptNo }, 'webhook delivered');
      return outcome;
    } catch (err) {
      if (err instanceof DeliveryFailed && err.permanent) throw new UnrecoverableError(err.message);
      throw err;
    }
  }
}
