import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { collectProcessMetrics } from './metrics.js';
import { MetricsAccessGuard, MetricsController } from './metrics.controller.js';
import { ScrapeMetrics } from './scrape-metrics.service.js';
import { WorkerMetricsServer } from './worker-metrics-server.service.js';

/** GET /metrics on the API: process metrics, HTTP timings, and state read from Postgres and Redis at scrape time. */
@Module({ imports: [AuthModule], controllers: [MetricsController], providers: [ScrapeMetrics, MetricsAccessGuard] })
export class MetricsModule {
  constructor() {
    collectProcessMetrics();
  }
}

/** The worker side: METRICS_PORT serves the job metrics that JobWorker records (src/metrics/job-metrics.ts). */
@Module({ providers: [WorkerMetricsServer] })
export class JobMetricsModule {}
