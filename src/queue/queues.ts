import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '../config/config.js';

/**
 * The one registry of queues and jobs: names, payloads and retry policy side by side.
 * Payloads carry ids only; handlers re-read Postgres, the source of truth.
 */
export const QueueName = {
  Extraction: 'extraction',
  Webhooks: 'webhooks',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobPayloads {
  'extract-article': { articleId: string };
  'deliver-webhook': { deliveryId: string };
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

/** ioredis options from a redis:// URL. BullMQ workers need maxRetriesPerRequest: null. */
export function redisConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
