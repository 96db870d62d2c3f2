import type { FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, register, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from 'prom-client';

/**
 * Every metric the service exposes, in prom-client's default registry (one per process). Several Nest apps may boot in one process (main.ts, the tests),
 * so a metric is created once and found again by name after that.
 */
function once<M>(name: string, create: () => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? create();
}
const counter = <L extends string>(c: CounterConfiguration<L>) => once(c.name, () => new Counter(c));
const gauge = <L extends string>(c: GaugeConfiguration<L>) => once(c.name, () => new Gauge(c));
const histogram = <L extends string>(c: HistogramConfiguration<L>) => once(c.name, () => new Histogram(c));

/** prom-client's process metrics (CPU, memory, event loop lag, ...), registered once per process. */
export function collectProcessMetrics(): void {
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
}

/** Recorded by the API process, per request. */
export const httpMetrics = () => ({
  duration: histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern (not the raw URL; "unmatched" for unknown paths) and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
});

/** Recorded by whichever process runs the BullMQ workers, from the workers' completed/failed events. */
export const jobMetrics = () => ({
  duration: histogram({
    name: 'claimcheck_job_duration_seconds',
    help: 'Processing time of one job attempt, by queue and outcome (completed, failed).',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  }),
  failures: counter({
    name: 'claimcheck_job_failures_total',
    help: 'Failed job attempts by queue (a retried job counts once per failed attempt).',
    labelNames: ['queue'] as const,
  }),
});

/**
 * Read from Postgres and Redis when /metrics is scraped (ScrapeMetrics), so they are right whichever
 * process did the work and however many API and worker processes run.
 */
export const stateMetrics = () => ({
  queueJobs: gauge({
    name: 'claimcheck_queue_jobs',
    help: 'Jobs in each BullMQ queue by state, read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
  }),
  articles: gauge({ name: 'claimcheck_articles', help: 'Articles by status (extracted, failed, ...).', labelNames: ['status'] as const }),
  claims: gauge({ name: 'claimcheck_claims', help: 'Claims by status.', labelNames: ['status'] as const }),
  leases: counter({
    name: 'claimcheck_leases_total',
    help: 'Review-task leases granted and expired, counted from the append-only audit log.',
    labelNames: ['event'] as const,
  }),
  webhookDeliveries: gauge({
    name: 'claimcheck_webhook_deliveries',
    help: 'Webhook deliveries by outcome (pending, delivered, failed).',
    labelNames: ['status'] as const,
  }),
  sourceUp: gauge({
    name: 'claimcheck_scrape_source_up',
    help: '1 if the source (postgres, redis) answered during this scrape; its series are left out otherwise.',
    labelNames: ['source'] as const,
  }),
});

/**
 * A Fastify onResponse hook timing every request. The route label is the matched pattern (`/v1/claims/:id`, the
 * queue dashboard's under its prefix), "unmatched" for a request no route matched.
 */
export function httpMetricsHook() {
  const { duration } = httpMetrics();
  return (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const route = req.is404 ? undefined : req.routeOptions.url;
    duration.observe({ method: req.method, route: route ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  };
}
