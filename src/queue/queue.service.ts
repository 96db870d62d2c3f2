import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { withDeadline } from '../common/deadline.js';
import { AppConfig } from '../config/config.js';
import { JOBS, PRODUCER_COMMAND_TIMEOUT_MS, QueueName, type JobName, type JobPayloads } from './queues.js';
import { logRedisErrors } from './redis-errors.js';

/** Everything enqueues through here, so a wrong payload fails to compile. */
@Injectable()
export class QueueService {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Extraction) extraction: Queue,
    @InjectQueue(QueueName.Webhooks) webhooks: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
  ) {
    this.queues = { [QueueName.Extraction]: extraction, [QueueName.Webhooks]: webhooks, [QueueName.Maintenance]: maintenance };
    for (const [name, queue] of Object.entries(this.queues)) logRedisErrors(queue, this.logger, `queue:${name}`);
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async enqueue<J extends JobName>(name: J, payload: JobPayloads[J]): Promise<Job> {
    const def = JOBS[name];
    return bounded(this.queues[def.queue].add(name, payload, { ...def.options(this.config), jobId: def.jobId(payload) }), `enqueue ${name}`);
  }

  /**
   * Creates or updates a job scheduler (BullMQ's repeatable jobs): `name` runs every `everyMs` from now on, one job at a
   * time per scheduler id. Upserting again (every worker start) changes nothing but the interval.
   */
  async schedule<J extends JobName>(name: J, payload: JobPayloads[J], everyMs: number): Promise<void> {
    const def = JOBS[name];
    const { attempts, backoff, removeOnComplete, removeOnFail } = def.options(this.config);
    await bounded(
      this.queues[def.queue].upsertJobScheduler(def.jobId(payload), { every: everyMs }, { name, data: payload, opts: { attempts, backoff, removeOnComplete, removeOnFail } }),
      `schedule ${name}`,
    );
  }

  /**
   * Waits, at most `timeoutMs`, while the job with this payload's id is running; whether it is not running now. (A
   * change that must not be absorbed by a run in progress, a redelivery, waits for it to end.)
   */
  async whenNotActive<J extends JobName>(name: J, payload: JobPayloads[J], timeoutMs: number): Promise<boolean> {
    const def = JOBS[name];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await bounded(this.queues[def.queue].getJob(def.jobId(payload)), `look up ${name}`);
      if (!job || (await bounded(job.getState(), `state of ${name}`)) !== 'active') return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
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

/**
 * The producer connection already fails fast (no offline queue, command timeout); this also bounds the
 * wait for a connection that never became ready (Redis down since boot). Callers then leave the work to
 * the reconciler: Postgres says what is due.
 */
function bounded<T>(work: Promise<T>, what: string, ms = PRODUCER_COMMAND_TIMEOUT_MS + 500): Promise<T> {
  return withDeadline(work, ms, () => Object.assign(new Error(`${what}: Redis did not answer within ${ms} ms`), { code: 'QUEUE_TIMEOUT' }));
}
