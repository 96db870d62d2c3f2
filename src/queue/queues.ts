import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '../config/config.js';

/**
 * The one registry of queues and jobs: names, payloads and retry policy side by side.
 * Payloads carry ids only; handlers re-read Postgres, the source of truth.
 */
export const QueueName = {
  Extraction: 'extraction',
  Webhooks: 'webhooks',
  /** Periodic upkeep (job schedulers): living verdicts' expiry. */
  Maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobPayloads {
  'extract-article': { articleId: string };
  'deliver-webhook': { deliveryId: string };
  'rerun-extraction': { runId: string };
  /** Marks published verdicts past their reviewBy due for a re-check; run by a job scheduler every VERDICT_EXPIRY_CHECK_SECONDS. */
  'expire-verdicts': Record<string, never>;
}
export type JobName = keyof JobPayloads;

interface JobDefinition {
  queue: QueueName;
  /** Job id from the payload: one job per unit of work, so re-enqueueing is a no-op while it exists. */
  jobId: (payload: never) => string;
  options: (config: AppConfig) => JobsOptions;
}

export const JOBS: { [J in JobName]: JobDefinition & { jobId: (payload: JobPayloads[J]) => string } } = {
  'extract-article': {
    queue: QueueName.Extraction,
    jobId: ({ articleId }) => `extract-article-${articleId}`,
    options: (config) => ({
      attempts: config.EXTRACTION_ATTEMPTS,
      backoff: { type: 'exponential', delay: config.EXTRACTION_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    }),
  },
  /** One job per re-extraction run, for the whole run: its progress is in Postgres, so a retried job resumes it. */
  'rerun-extraction': {
    queue: QueueName.Extraction,
    jobId: ({ runId }) => `rerun-extraction-${runId}`,
    options: (config) => ({
      attempts: config.EXTRACTION_ATTEMPTS,
      backoff: { type: 'exponential', delay: config.EXTRACTION_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    }),
  },
  /** Idempotent (it marks only verdicts not yet due): a repeat or an overlap is harmless; a failure waits for the next run. */
  'expire-verdicts': {
    queue: QueueName.Maintenance,
    jobId: () => 'expire-verdicts',
    options: () => ({ attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } }),
  },
  'deliver-webhook': {
    queue: QueueName.Webhooks,
    jobId: ({ deliveryId }) => `deliver-webhook-${deliveryId}`,
    options: (config) => ({
      attempts: config.WEBHOOK_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: config.WEBHOOK_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    }),
  },
};

/** The job names registered on `queue`: a worker of that queue needs a handler for each. */
export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOBS) as JobName[]).filter((name) => JOBS[name].queue === queue);
}

/**
 * A worker refuses to start unless it handles exactly the jobs registered on its queue: a job name
 * without a handler would otherwise sit in Redis failing every attempt, found only in production.
 */
export function assertHandlersCover(queue: QueueName, handled: readonly string[]): void {
  const registered = jobsOf(queue);
  const missing = registered.filter((name) => !handled.includes(name));
  const foreign = handled.filter((name) => !(registered as string[]).includes(name));
  if (missing.length > 0 || foreign.length > 0) {
    const parts = [
      missing.length > 0 ? `no handler for registered job(s) ${missing.join(', ')}` : '',
      foreign.length > 0 ? `handler(s) for job(s) not registered on this queue: ${foreign.join(', ')}` : '',
    ].filter(Boolean);
    throw new Error(`The ${queue} worker cannot start: ${parts.join('; ')} (src/queue/queues.ts is the registry).`);
  }
}

/**
 * Crash recovery. A worker holds a job under a lock it renews every lockDuration/2; if the process dies,
 * the lock expires and the next stalled check (every stalledInterval, by any worker) finds it and puts the
 * job back in the queue: worst case about lockDuration + 2 x stalledInterval (~20 s here; BullMQ's defaults,
 * 30 s and 30 s, gave 63-86 s). Shorter would cost more Redis round trips and risk a busy but live worker
 * losing its lock (its job would then run twice; jobs are idempotent, so that is waste, not harm).
 */
export const WORKER_LOCKS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 1 } as const;

/** A producer (API enqueue, reconciler) gives up on Redis after this long instead of waiting for it. */
export const PRODUCER_COMMAND_TIMEOUT_MS = 2000;

/** Reconnect soon after Redis comes back (BullMQ's default backs off to 20 s between tries). */
const reconnectSoon = (attempt: number) => Math.min(250 * attempt, 2000);

function redisAddress(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    retryStrategy: reconnectSoon,
  };
}

/** ioredis options for BullMQ workers: they wait for Redis (blocking commands need maxRetriesPerRequest: null). */
export function redisConnection(redisUrl: string) {
  return { ...redisAddress(redisUrl), maxRetriesPerRequest: null };
}

/**
 * ioredis options for producers and short commands (queues, the rate limiter): while Redis is away a
 * command fails at once (no offline queue) or after PRODUCER_COMMAND_TIMEOUT_MS, never hangs a request.
 */
export function producerConnection(redisUrl: string) {
  return { ...redisAddress(redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: PRODUCER_COMMAND_TIMEOUT_MS };
}
