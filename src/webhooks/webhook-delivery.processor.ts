import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { AppConfig } from '../config/config.js';
import { QueueName, type JobPayloads } from '../queue/queues.js';
import { DeliveryFailed, WebhookSender } from './webhook-sender.service.js';

/** Registered only by the worker. Retries (exponential backoff) are BullMQ's; each attempt is logged in Postgres. */
@Processor(QueueName.Webhooks)
export class WebhookDeliveryProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    private readonly sender: WebhookSender,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.WEBHOOK_CONCURRENCY;
  }

  async process(job: Job<JobPayloads['deliver-webhook']>): Promise<string> {
    const attemptNo = job.attemptsMade + 1;
    const finalAttempt = attemptNo >= (job.opts.attempts ?? 1);
    try {
      const outcome = await this.sender.attempt(job.data.deliveryId, attemptNo, finalAttempt);
      if (outcome === 'delivered') this.logger.log({ deliveryId: job.data.deliveryId, attempt: attemptNo }, 'webhook delivered');
      return outcome;
    } catch (err) {
      this.logger.warn({ deliveryId: job.data.deliveryId, attemptNo, error: String(err) }, 'webhook delivery attempt failed');
      if (err instanceof DeliveryFailed && err.permanent) throw new UnrecoverableError(err.message);
      throw err;
    }
  }
}
