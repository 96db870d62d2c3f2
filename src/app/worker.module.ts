import { Module } from '@nestjs/common';
import { ExtractionWorkerModule } from '../extraction/extraction-worker.module.js';
import { JobMetricsModule } from '../metrics/metrics.module.js';
import { WebhooksWorkerModule } from '../webhooks/webhooks-worker.module.js';
import { CoreModule } from './core.module.js';

/** The queue worker: processors and the reconciler, no HTTP. */
@Module({ imports: [CoreModule, ExtractionWorkerModule, WebhooksWorkerModule, JobMetricsModule] })
export class WorkerModule {}
