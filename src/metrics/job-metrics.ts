import type { Job, Worker } from 'bullmq';
import { jobMetrics } from './metrics.js';

/**
 * Job durations and failures, from a BullMQ worker's own events. Called by JobWorker, the base of every
 * processor, so a new queue is measured without touching its processor.
 */
export function recordJobMetrics(worker: Worker, queue: string): void {
  const metrics = jobMetrics();
  // Pre-create the series so a dashboard shows 0, not "no data", before the first job.
  metrics.failures.inc({ queue }, 0);
  metrics.duration.zero({ queue, outcome: 'completed' });
  metrics.duration.zero({ queue, outcome: 'failed' });
  const observe = (outcome: 'completed' | 'failed', job: Job) => {
    if (job.processedOn) metrics.duration.observe({ queue, outcome }, Math.max(0, ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000));
  };
  worker.on('completed', (job: Job) => observe('completed', job));
  worker.on('failed', (job: Job | undefined) => {
    metrics.failures.inc({ queue });
    if (job) observe('failed', job);
  });
}
