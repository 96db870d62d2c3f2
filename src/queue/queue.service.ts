import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../config/config.js';
import { JOBS, QueueName, type JobName, type JobPayloads } from './queues.js';

/** Everything enqueues through here, so a wrong payload fails to compile. */
@Injectable()
export class QueueService {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Extraction) extraction: Queue,
    @InjectQueue(QueueName.Webhooks) webhooks: Queue,
  ) {
    this.queues = { [QueueName.Extraction]: extraction, [QueueName.Webhooks]: webhooks };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async enqueue<J extends JobName>(name: J, payload: JobPayloads[J]): Promise<Job> {
    const def = JOBS[name];
    return this.queues[def.queue].add(name, payload, { ...def.options(this.config), jobId: def.jobId(payload) });
  }

  /**
   * Enqueues unless a live (waiting, delayed, active) job with the same id exists. A finished
   * job left in Redis with the same id is removed first, since BullMQ would otherwise ignore the add.
   */
  async ensureEnqueued<J extends JobName>(name: J, payload: JobPayloads[J]): Promise<'exists' | 'enqueued'> {
    const def = JOBS[name];
    const existing = await this.queues[def.queue].getJob(def.jobId(payload));
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return 'exists';
      await existing.remove();
    }
    await this.enqueue(name, payload);
    return 'enqueued';
  }
}
