import { describe, expect, test } from '@jest/globals';
import { assertHandlersCover, jobsOf, JOBS, QueueName } from '../../src/queue/queues.js';
import { JobWorker, type JobHandlers } from '../../src/queue/job-worker.js';
import type { AppConfig } from '../../src/config/config.js';

class WorkerWith extends JobWorker {
  constructor(queue: QueueName, handlers: JobHandlers) {
    super(queue, { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'unit' } as AppConfig, 1, handlers);
  }
}
const noop = async () => undefined;

describe('the job registry and the workers that serve it', () => {
  test('every registered job belongs to exactly one queue, and every queue has its jobs', () => {
    const all = Object.values(QueueName).flatMap((q) => jobsOf(q));
    expect(all.sort()).toEqual(Object.keys(JOBS).sort());
    expect(jobsOf(QueueName.Extraction)).toEqual(['extract-article', 'rerun-extraction']);
  });

  test('a worker refuses to start when a job registered on its queue has no handler', () => {
    expect(() => assertHandlersCover(QueueName.Extraction, [])).toThrow(/extraction worker cannot start: no handler for registered job\(s\) extract-article/);
    expect(() => new WorkerWith(QueueName.Webhooks, {}).onModuleInit()).toThrow(/no handler for registered job\(s\) deliver-webhook/);
  });

  test('a worker refuses a handler for a job of another queue', () => {
    expect(() => new WorkerWith(QueueName.Webhooks, { 'deliver-webhook': noop, 'extract-article': noop }).onModuleInit()).toThrow(
      /not registered on this queue: extract-article/,
    );
  });

  test('a worker with a handler for each of its jobs starts', () => {
    expect(() => new WorkerWith(QueueName.Extraction, { 'extract-article': noop, 'rerun-extraction': noop }).onModuleInit()).not.toThrow();
    expect(() => new WorkerWith(QueueName.Extraction, { 'extract-article': noop }).onModuleInit()).toThrow(/no handler for registered job\(s\) rerun-extraction/);
  });
});
