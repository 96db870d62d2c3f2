/**
 * The load generator of the hot-path benchmark, a process of its own (so its CPU is not the server's event loop):
 * `node dist/bench/hot-paths/cannon.js <config.json>`; prints one JSON result on its last line. Uses autocannon.
 *
 *   ingest  POST /v1/articles: `count` articles (benchArticle(seed, from + k), built here), `connections` at once
 *   read    GET /v1/claims/:id over `ids` in turn, `connections` at once, for `seconds`
 *   lease   one autocannon instance (one connection) per editor token: lease, then propose a verdict on the leased
 *           claim, until a lease answers 204; returns every leased task id (the doubles check is the caller's)
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { benchArticle } from './articles.js';

export type CannonConfig =
  | { mode: 'ingest'; url: string; token: string; seed: number; from: number; count: number; connections: number }
  | { mode: 'read'; url: string; token: string; ids: string[]; seconds: number; connections: number }
  | { mode: 'lease'; url: string; tokens: string[]; maxSeconds: number }
  | { mode: 'paths'; url: string; token: string; requests: Array<{ method: 'GET' | 'POST'; path: string; body?: string }>; seconds: number; connections: number };

export interface CannonResult {
  /** Date.now() when the load started */
  startedAt: number;
  requests: number;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rps: number;
  p50: number;
  p95?: number;
  p97_5: number;
  p99: number;
  /** lease: task ids in the order they were handed out, and the verdicts answered 201 */
  leased?: string[];
  completed?: number;
  statuses?: Record<string, number>;
}

type Result = {
  requests: { total: number; average: number }; duration: number; non2xx: number; errors: number; timeouts: number;
  latency: { p50: number; p97_5: number; p99: number };
  [k: string]: unknown;
};

const run = (opts: Record<string, unknown>) => new Promise<Result>((resolve, reject) => {
  autocannon(opts, (err: Error | null, res: Result) => (err ? reject(err) : resolve(res)));
});

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : 0;
};

async function ingest(c: Extract<CannonConfig, { mode: 'ingest' }>): Promise<CannonResult> {
  let next = 0;
  const statuses: Record<string, number> = {};
  const res = await run({
    url: c.url, connections: Math.min(c.connections, c.count), amount: c.count, timeout: 60,
    requests: [{
      method: 'POST', path: '/v1/articles',
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
      setupRequest: (req: Record<string, unknown>) => {
        const a = benchArticle(c.seed, c.from + next++);
        return { ...req, body: JSON.stringify({ title: a.title, text: a.text, publishedAt: a.publishedAt, publisher: a.publisher }) };
      },
      onResponse: (status: number) => { statuses[status] = (statuses[status] ?? 0) + 1; },
    }],
  });
  return summary(res, { statuses });
}

async function read(c: Extract<CannonConfig, { mode: 'read' }>): Promise<CannonResult> {
  return paths({
    mode: 'paths', url: c.url, token: c.token, seconds: c.seconds, connections: c.connections,
    requests: c.ids.map((id) => ({ method: 'GET', path: `/v1/claims/${id}` })),
  });
}

/** The requests in turn; latencies timed here too (autocannon gives p97.5 and p99, not p95). */
async function paths(c: Extract<CannonConfig, { mode: 'paths' }>): Promise<CannonResult> {
  let next = 0;
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const res = await run({
    url: c.url, connections: c.connections, duration: c.seconds, timeout: 30,
    requests: [{
      method: 'GET',
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
      setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
        const r = c.requests[next++ % c.requests.length];
        ctx.t = performance.now();
        return { ...req, method: r.method, path: r.path, ...(r.body ? { body: r.body } : {}) };
      },
      onResponse: (status: number, _body: string, ctx: Record<string, unknown>) => {
        latencies.push(performance.now() - (ctx.t as number));
        statuses[status] = (statuses[status] ?? 0) + 1;
      },
    }],
  });
  return summary(res, { statuses, p95: pct(latencies, 0.95), p50: pct(latencies, 0.5) });
}

async function lease(c: Extract<CannonConfig, { mode: 'lease' }>): Promise<CannonResult> {
  const leased: string[] = [];
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let completed = 0;
  const t0 = performance.now();
  // The rate is over the time to the last verdict: the instances' own end comes at autocannon's next one-second tick,
  // which at 400 tasks made both targets read ~195/s whatever their speed.
  let lastVerdict = t0;
  const results = await Promise.all(c.tokens.map((token) => new Promise<Result>((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // eslint-disable-next-line prefer-const
    let instance: { stop(): void };
    const count = (name: string, status: number) => { statuses[`${name} ${status}`] = (statuses[`${name} ${status}`] ?? 0) + 1; };
    instance = autocannon({
      url: c.url, connections: 1, duration: c.maxSeconds, timeout: 30,
      requests: [
        {
          method: 'POST', path: '/v1/review-tasks/lease', headers,
          setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => { ctx.t = performance.now(); return req; },
          onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
            latencies.push(performance.now() - (ctx.t as number));
            count('lease', status);
            if (status === 200) {
              const task = JSON.parse(body) as { id: string; claimId: string };
              leased.push(task.id);
              ctx.claimId = task.claimId;
            } else {
              // 204: nothing left to lease. Anything else is an error: stop too, rather than spin (the caller reports it).
              ctx.claimId = null;
              instance.stop();
            }
          },
        },
        {
          method: 'POST', headers,
          setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
            if (!ctx.claimId) return null; // back to the lease
            ctx.t = performance.now();
            return { ...req, path: `/v1/claims/${ctx.claimId}/verdict`, body: JSON.stringify({ rating: 'unverifiable', summary: 'No record either way (bench).', sourceIds: [] }) };
          },
          onResponse: (status: number, _body: string, ctx: Record<string, unknown>) => {
            latencies.push(performance.now() - (ctx.t as number));
            count('verdict', status);
            if (status === 201) completed++;
            lastVerdict = performance.now();
          },
        },
      ],
    }, (err: Error | null, res: Result) => (err ? reject(err) : resolve(res)));
  })));
  const seconds = (lastVerdict - t0) / 1000;
  const total = results.reduce((n, r) => n + r.requests.total, 0);
  return {
    requests: total, seconds, non2xx: results.reduce((n, r) => n + r.non2xx, 0), errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0), rps: total / seconds,
    p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), p97_5: pct(latencies, 0.975), p99: pct(latencies, 0.99),
    leased, completed, statuses, startedAt,
  };
}

function summary(res: Result, extra: Partial<CannonResult>): CannonResult {
  return {
    startedAt,
    requests: res.requests.total, seconds: res.duration, non2xx: res.non2xx, errors: res.errors, timeouts: res.timeouts,
    rps: res.requests.total / res.duration, p50: res.latency.p50, p97_5: res.latency.p97_5, p99: res.latency.p99, ...extra,
  };
}

const config = JSON.parse(readFileSync(process.argv[2], 'utf8')) as CannonConfig;
const startedAt = Date.now();
const result = config.mode === 'ingest' ? await ingest(config) : config.mode === 'read' ? await read(config)
  : config.mode === 'paths' ? await paths(config) : await lease(config);
console.log(JSON.stringify(result));
