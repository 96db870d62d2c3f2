import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { JobMetrics } from './job-metrics.service.js';
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

/** The worker side: job durations and failures from the BullMQ workers of this process, and METRICS_PORT. */
@Module({ imports: [DiscoveryModule], providers: [JobMetrics, WorkerMetricsServer] })
export class JobMetricsModule {}
