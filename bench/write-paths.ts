/**
 * The write paths, measured in one process (API + worker, as `npm start`): SQL statements per ingested article
 * (counted on every pg client of the process), ingest → extracted articles/s on news-length articles, then 8 editors
 * leasing until the queue is empty (each task id must come out exactly once) and 8 editors leasing and completing
 * (verdict `unverifiable`). A quick before/after tool for one change; the ratios against a floor are bench/'s job.
 *
 *   node dist/bench/write-paths.js            (WRITE_BENCH_DB, WRITE_BENCH_ARTICLES, WRITE_BENCH_PREFIX)
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import pg from 'pg';
import { loadCorpus } from './corpus.js';

const DB = process.env.WRITE_BENCH_DB ?? 'postgres://postgres@127.0.0.1:5432/claimcheck_bench_writes';
const ARTICLES = Number(process.env.WRITE_BENCH_ARTICLES ?? 60);
const PREFIX = process.env.WRITE_BENCH_PREFIX ?? 'claimcheck-bench-writes';
const EDITORS = 8;

let statements = 0;
/** WRITE_BENCH_TRACE=1: the statements of the ingest phase by their first words, most frequent first. */
const trace = process.env.WRITE_BENCH_TRACE === '1' ? new Map<string, number>() : null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  if (trace) {
    const a = args[0] as string | { text?: string };
    const text = (typeof a === 'string' ? a : (a?.text ?? '?')).replace(/\s+/g, ' ').trim().slice(0, 90);
    trace.set(text, (trace.get(text) ?? 0) + 1);
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

/** ~1,000 words, from the corpus texts, numbered so that each is new text. */
function newsArticle(i: number): string {
  const corpus = loadCorpus();
  const parts: string[] = [];
  let words = 0;
  for (let k = i * 7; words < 1000; k++) {
    const t = corpus[k % corpus.length].text;
    parts.push(t);
    words += t.split(/\s+/).length;
  }
  return `${parts.join('\n\n')}\n\nBench copy ${i} ${Date.now()}.`;
}

async function main() {
  Object.assign(process.env, {
    DATABASE_URL: DB, QUEUE_PREFIX: PREFIX, LOG_LEVEL: 'silent', WORKER_CONCURRENCY: '2', RATE_LIMIT_PER_MINUTE: '1000000',
    RECONCILE_INTERVAL_SECONDS: '3600',
  });
  const [{ AppModule }, { configureHttp, createHttpApp }, { migrate }, { TokensService }, { DataSource }] = await Promise.all([
    import('../src/app/app.module.js'), import('../src/app/http.js'), import('../src/database/migrate.js'),
    import('../src/auth/tokens.service.js'), import('typeorm'),
  ]);
  await migrate(DB, () => undefined);
  const app = await createHttpApp(AppModule, { logger: false });
  await configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const db = app.get(DataSource);
  await db.query(`TRUNCATE webhook_attempts, webhook_deliveries, webhooks, audit_events, verdicts, sources, review_tasks, claims,
    article_revisions, articles, sign_in_attempts, sessions, api_tokens, users CASCADE`);
  const tokens = app.get(TokensService);
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const token = async (role: 'editor', name: string) => (await tokens.create(name, role)).token;
  const json = (t: string) => ({ Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' });
  const out: Record<string, number | string> = { articles: ARTICLES, 'load average at start': loadavg()[0].toFixed(2) };
  try {
    const editor = await token('editor', 'bench-editor');
    const texts = Array.from({ length: ARTICLES }, (_, i) => newsArticle(i));
    // 1. Ingest, 4 at a time, and wait for extraction. Statements: everything the process sends meanwhile, minus the polls.
    statements = 0;
    let polls = 0;
    const t0 = performance.now();
    for (let i = 0; i < ARTICLES; i += 4) {
      await Promise.all(texts.slice(i, i + 4).map(async (text, k) => {
        const res = await fetch(`${base}/v1/articles`, { method: 'POST', headers: json(editor), body: JSON.stringify({ title: `bench ${i + k}`, text, publishedAt: '2026-11-20T10:00:00Z' }) });
        if (res.status !== 202) throw new Error(`ingest ${res.status} ${await res.text()}`);
      }));
    }
    for (;;) {
      polls++;
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM articles WHERE status IN ('queued','extracting')`);
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const pipelineMs = performance.now() - t0;
    const ingestStatements = statements - polls;
    if (trace) {
      for (const [text, n] of [...trace].sort((x, y) => y[1] - x[1]).slice(0, 40)) console.log(String(n).padStart(6), text);
      trace.clear();
    }
    const [{ claims, tasks, audits, failed }] = await db.query(`SELECT (SELECT count(*) FROM claims)::int AS claims, (SELECT count(*) FROM review_tasks)::int AS tasks,
      (SELECT count(*) FROM audit_events)::int AS audits, (SELECT count(*) FROM articles WHERE status <> 'extracted')::int AS failed`);
    Object.assign(out, {
      'claims stored': claims, 'review tasks': tasks, 'articles not extracted': failed, 'audit rows': audits,
      'SQL statements per article (ingest + extraction)': round(ingestStatements / ARTICLES),
      'pipeline articles/s (ingest → extracted)': round(ARTICLES / (pipelineMs / 1000), 2),
    });

    // 2. 8 editors lease until the queue is empty: every open task exactly once.
    const editors = await Promise.all(Array.from({ length: EDITORS }, (_, i) => token('editor', `bench-leaser-${i}`)));
    const open: Array<{ id: string }> = await db.query(`SELECT id FROM review_tasks WHERE status = 'open'`);
    const half = Math.floor(open.length / 2);
    const leasedIds: string[] = [];
    const leaseMs: number[] = [];
    statements = 0;
    const l0 = performance.now();
    await Promise.all(editors.map(async (e) => {
      while (leasedIds.length < half) {
        const t = performance.now();
        const res = await fetch(`${base}/v1/review-tasks/lease`, { method: 'POST', headers: json(e) });
        if (res.status === 204) return;
        if (res.status !== 200) throw new Error(`lease ${res.status} ${await res.text()}`);
        leasedIds.push(((await res.json()) as { id: string }).id);
        leaseMs.push(performance.now() - t);
      }
    }));
    const leaseElapsed = performance.now() - l0;
    const leaseStatements = statements;

    // 3. 8 editors lease and complete (verdict unverifiable) until the rest is done.
    const completeMs: number[] = [];
    statements = 0;
    const c0 = performance.now();
    let completed = 0;
    await Promise.all(editors.map(async (e) => {
      for (;;) {
        const t = performance.now();
        const res = await fetch(`${base}/v1/review-tasks/lease`, { method: 'POST', headers: json(e) });
        if (res.status === 204) return;
        if (res.status !== 200) throw new Error(`lease ${res.status} ${await res.text()}`);
        const task = (await res.json()) as { id: string; claimId: string };
        leasedIds.push(task.id);
        const v = await fetch(`${base}/v1/claims/${task.claimId}/verdict`, { method: 'POST', headers: json(e), body: JSON.stringify({ rating: 'unverifiable', summary: 'No source to be had.', sourceIds: [] }) });
        if (v.status !== 201) throw new Error(`verdict ${v.status} ${await v.text()}`);
        await v.arrayBuffer();
        completeMs.push(performance.now() - t);
        completed++;
      }
    }));
    const completeElapsed = performance.now() - c0;
    const pairStatements = statements;
    const unique = new Set(leasedIds);
    const missing = open.filter((t) => !unique.has(t.id)).length;
    Object.assign(out, {
      'open tasks': open.length,
      'leased ids': leasedIds.length, 'distinct leased ids': unique.size, 'doubles': leasedIds.length - unique.size, 'never leased': missing,
      'leases/s (8 editors, lease only)': round(half / (leaseElapsed / 1000)),
      'lease p95 ms': round(p95(leaseMs)),
      'SQL statements per lease (incl. auth)': round(leaseStatements / half),
      'lease+complete/s (8 editors)': round(completed / (completeElapsed / 1000)),
      'lease+complete p95 ms': round(p95(completeMs)),
      'SQL statements per lease+complete (incl. auth)': round(pairStatements / Math.max(1, completed)),
      'load average at end': loadavg()[0].toFixed(2),
    });
  } finally {
    await app.close();
  }
  console.log(JSON.stringify(out, null, 2));
  process.exit(0);
}

await main();
