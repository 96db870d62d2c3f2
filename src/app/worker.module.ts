import { Module } from '@nestjs/common';
import { ExtractionWorkerModule } from '../extraction/extraction-worker.module.js';
import { JobMetricsModule } from '../metrics/metrics.module.js';
import { WebhooksWorkerModule } from '../webhooks/webhooks-worker.module.js';
import type { AppConfig } from '../config/config.js';
import { QueueName } from '../queue/queues.js';
import { CoreModule } from './core.module.js';
import { VerdictsWorkerModule } from '../verdicts/verdicts-worker.module.js';

/** The queue worker: processors and the reconciler, no HTTP. */
@Module({ imports: [CoreModule, ExtractionWorkerModule, WebhooksWorkerModule, VerdictsWorkerModule, JobMetricsModule] })
export class WorkerModule {}

/** The start-up line of a worker: which queues it consumes and how many jobs of each it runs at once. */
export function workerReadyMessage(config: AppConfig): string {
  return `worker ready: ${QueueName.Extraction} (concurrency ${config.WORKER_CONCURRENCY}), ${QueueName.Webhooks} (concurrency ${config.WEBHOOK_CONCURRENCY}), ${QueueName.Maintenance} (concurrency 1); queue prefix ${config.QUEUE_PREFIX}`;
}
