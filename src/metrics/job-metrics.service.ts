import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { jobMetrics } from './metrics.js';

/**
 * Job durations and failures, from the BullMQ workers' own events: every processor of this process is
 * found through Nest's discovery, so a new queue is measured without touching its processor.
 */
@Injectable()
export class JobMetrics implements OnApplicationBootstrap {
  private readonly metrics = jobMetrics();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const { instance } of this.discovery.getProviders()) {
      if (!(instance instanceof WorkerHost)) continue;
      const worker = instance.worker;
      const queue = worker.name;
      // Pre-create the series so a dashboard shows 0, not "no data", before the first job.
      this.metrics.failures.inc({ queue }, 0);
      this.metrics.duration.zero({ queue, outcome: 'completed' });
      this.metrics.duration.zero({ queue, outcome: 'failed' });
      worker.on('completed', (job: Job) => this.observe(queue, 'completed', job));
      worker.on('failed', (job: Job | undefined) => {
        this.metrics.failures.inc({ queue });
        if (job) this.observe(queue, 'failed', job);
      });
    }
  }

  private observe(queue: string, outcome: 'completed' | 'failed', job: Job): void {
    if (!job.processedOn) return;
    this.metrics.duration.observe({ queue, outcome }, Math.max(0, ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000));
  }
}
