import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ARTICLE_TEXT, auth, eventually, resetState, startWorker, TestApp } from './harness.js';

const METRICS_TOKEN = 'metrics-scraper-token-for-tests';
/** A port of this helper's range (4160-4169), for the stand-alone worker's own /metrics. */
const WORKER_METRICS_PORT = 4166;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text exposition format, enough of it for these tests: `name{a="x",b="y"} value`. */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

/** Sum of the samples called `name` whose labels include `labels`; undefined when no such series exists. */
function sum(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const hits = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return hits.length === 0 ? undefined : hits.reduce((a, s) => a + s.value, 0);
}

describe('/metrics (Prometheus)', () => {
  let t: TestApp;
  let editor: string;
  let admin: string;

  const scrape = async (): Promise<Sample[]> => {
    const res = await t.http.get('/metrics').set(auth(METRICS_TOKEN)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseMetrics(res.text);
  };

  beforeAll(async () => {
    t = await TestApp.start('api+worker', { METRICS_TOKEN });
    await resetState(t);
    editor = await t.token('editor', 'metrics-ed');
    admin = await t.token('admin', 'metrics-admin');
  });
  afterAll(() => t.close());

  test('without a token 401, a non-admin token 403, both problem+json; the metrics token or an admin token 200', async () => {
    const none = await t.http.get('/metrics').expect(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.body.code).toBe('unauthorized');
    const wrong = await t.http.get('/metrics').set(auth('not-the-metrics-token')).expect(401);
    expect(wrong.body.code).toBe('unauthorized');
    const editorAnswer = await t.http.get('/metrics').set(auth(editor)).expect(403);
    expect(editorAnswer.body.code).toBe('forbidden');
    await t.http.get('/metrics').set(auth(admin)).expect(200);
    await t.http.get('/metrics').set(auth(METRICS_TOKEN)).expect(200);
  });

  test('series exist, and move after an ingest, an extraction, a lease and an expired lease', async () => {
    const before = await scrape();
    // Every series is there from the first scrape, before anything happened.
    for (const state of ['waiting', 'active', 'delayed', 'failed']) {
      expect(sum(before, 'claimcheck_queue_jobs', { queue: 'extraction', state })).toBeDefined();
      expect(sum(before, 'claimcheck_queue_jobs', { queue: 'webhooks', state })).toBeDefined();
    }
    for (const status of ['pending', 'delivered', 'failed']) expect(sum(before, 'claimcheck_webhook_deliveries', { status })).toBeDefined();
    for (const status of ['queued', 'extracting', 'extracted', 'failed']) expect(sum(before, 'claimcheck_articles', { status })).toBeDefined();
    for (const status of ['queued', 'in_review', 'published', 'dismissed']) expect(sum(before, 'claimcheck_claims', { status })).toBeDefined();
    expect(sum(before, 'claimcheck_leases_total', { event: 'granted' })).toBe(0);
    expect(sum(before, 'process_cpu_user_seconds_total')).toBeDefined();

    const ingest = await t.http.post('/v1/articles').set(auth(editor)).send({ title: 'Metrics', text: ARTICLE_TEXT }).expect(202);
    const id = ingest.body.id as string;
    await eventually(async () => (await t.http.get(`/v1/articles/${id}`).set(auth(editor))).body.status === 'extracted', 15000, 'extraction');
    const leased = await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(200);

    const after = await eventually(async () => {
      const s = await scrape();
      return (sum(s, 'claimcheck_job_duration_seconds_count', { queue: 'extraction', outcome: 'completed' }) ?? 0) >= 1 ? s : null;
    }, 10000, 'the extraction job in the job metrics');

    // HTTP: by route pattern and status, never by raw URL.
    const ingests = (s: Sample[]) => sum(s, 'http_request_duration_seconds_count', { method: 'POST', route: '/v1/articles', status: '202' }) ?? 0;
    expect(ingests(after) - ingests(before)).toBe(1);
    expect(sum(after, 'http_request_duration_seconds_count', { method: 'GET', route: '/v1/articles/:id', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(after.some((s) => s.name.startsWith('http_request_duration_seconds') && (s.labels.route ?? '').includes(id))).toBe(false);

    expect(sum(after, 'claimcheck_articles', { status: 'extracted' })).toBe(1);
    expect(sum(after, 'claimcheck_claims')!).toBeGreaterThan(0);
    expect(sum(after, 'claimcheck_claims', { status: 'in_review' })).toBe(1);
    expect(sum(after, 'claimcheck_leases_total', { event: 'granted' })).toBe(1);
    expect(sum(after, 'claimcheck_job_failures_total', { queue: 'extraction' })).toBe(0);

    // The lease runs out: the reconciler (every second in tests) hands the task back, which counts as expired.
    await t.db.query(`UPDATE review_tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [leased.body.id]);
    const expired = await eventually(async () => {
      const s = await scrape();
      return sum(s, 'claimcheck_leases_total', { event: 'expired' }) === 1 ? s : null;
    }, 10000, 'the expired lease in the metrics');
    expect(sum(expired, 'claimcheck_claims', { status: 'in_review' })).toBe(0);
  });

  test('a failing job counts as a failure of its queue', async () => {
    const before = sum(await scrape(), 'claimcheck_job_failures_total', { queue: 'extraction' }) ?? 0;
    // A job for an article that does not exist is refused by the processor.
    await t.extractionQueue.add('extract-article', { articleId: 'not-a-uuid' }, { jobId: 'metrics-failing-job', attempts: 1 });
    await eventually(async () => {
      const s = await scrape();
      return (sum(s, 'claimcheck_job_failures_total', { queue: 'extraction' }) ?? 0) > before;
    }, 10000, 'a failure in claimcheck_job_failures_total');
  });

  test('a worker running apart serves its job metrics on METRICS_PORT, behind the metrics token', async () => {
    const worker = await startWorker({ METRICS_TOKEN, METRICS_PORT: String(WORKER_METRICS_PORT) });
    try {
      const url = `http://127.0.0.1:${WORKER_METRICS_PORT}/metrics`;
      const denied = await fetch(url);
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(denied.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const res = await fetch(url, { headers: auth(METRICS_TOKEN) });
      expect(res.status).toBe(200);
      const samples = parseMetrics(await res.text());
      expect(sum(samples, 'process_cpu_user_seconds_total')).toBeDefined();
      expect(samples.some((s) => s.name.startsWith('claimcheck_job_duration_seconds'))).toBe(true);
    } finally {
      await worker.close();
    }
  });

  test('with Redis down, a scrape still answers: the queue series are left out and the source is reported down', async () => {
    const down = await TestApp.start('api', { METRICS_TOKEN, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      // A generous bound: Prometheus gives up on a scrape after 10 s by default.
      const res = await down.http.get('/metrics').set(auth(METRICS_TOKEN)).timeout(10_000).expect(200);
      const samples = parseMetrics(res.text);
      expect(sum(samples, 'claimcheck_scrape_source_up', { source: 'redis' })).toBe(0);
      expect(sum(samples, 'claimcheck_scrape_source_up', { source: 'postgres' })).toBe(1);
      expect(sum(samples, 'claimcheck_queue_jobs')).toBeUndefined();
      expect(sum(samples, 'claimcheck_claims', { status: 'queued' })).toBeDefined();
    } finally {
      await down.close();
    }
  }, 30_000);
});
