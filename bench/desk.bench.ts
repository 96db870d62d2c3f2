/**
 * The desk in a real browser (Debian chromium through playwright-core) against the real service, with
 * 10,000 open review tasks: how long the queue takes to show its first page after the API has answered,
 * and what the first screen weighs. Uses the api-stack benchmark's database (claimcheck_bench).
 */
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { boot } from './api.bench.js';
import { firstScreenBundle } from './desk-bundle.js';
import type { Benchmark } from './run.js';

const TASKS = Number(process.env.BENCH_DESK_TASKS ?? 10_000);
const RUNS = Number(process.env.BENCH_DESK_RUNS ?? 15);
const WEB_ROOT = join(import.meta.dirname, '..', 'web');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);
const round = (x: number) => Math.round(x * 10) / 10;

/** TASKS open tasks over 100 articles, written in bulk from one real extracted claim (the desk only reads them). */
async function seedQueue(db: { query: (sql: string, params?: unknown[]) => Promise<any> }, base: string, editor: string) {
  const text = 'Officials said an estimated 40,000 troops were deployed near the border town on Monday, according to the ministry.';
  const res = await fetch(`${base}/v1/articles`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${editor}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Bench template', text, publishedAt: '2026-11-30T08:00:00Z' }),
  });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}`);
  for (;;) {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM claims`);
    if (n > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await db.query(`
    INSERT INTO articles (title, publisher, published_at, text, text_hash, status, extracted_at, created_at)
    SELECT 'Bench article ' || g || ': border deployment figures', 'Bench Wire', now() - g * interval '1 hour',
           a.text || ' (' || g || ')', md5(a.text || g), 'extracted', now(), now() - g * interval '1 hour'
    FROM articles a, generate_series(1, 100) g`);
  await db.query(`
    INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, category, quantity_text, quantity_start, quantity_end,
                        quantity_value, unit, qualifier, subject, location, speaker, checkworthiness, checkworthiness_reasons, status)
    SELECT art.id, g, c.text, c.start_offset, c.end_offset, c.category, c.quantity_text, c.quantity_start, c.quantity_end,
           c.quantity_value + g, c.unit, c.qualifier, c.subject, c.location, c.speaker, random(), c.checkworthiness_reasons, 'queued'
    FROM (SELECT * FROM claims LIMIT 1) c,
         generate_series(1, $1::int) g
         JOIN LATERAL (SELECT id FROM articles WHERE title = 'Bench article ' || (g % 100 + 1) || ': border deployment figures') art ON true`,
    [TASKS]);
  await db.query(`
    INSERT INTO review_tasks (claim_id, status, priority, rank, due_at)
    SELECT c.id, 'open', c.checkworthiness, c.checkworthiness * 100 + random(), now() + CASE WHEN random() < 0.1 THEN interval '-2 hours' ELSE interval '2 days' END
    FROM claims c WHERE c.status = 'queued' AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.claim_id = c.id AND t.status IN ('open', 'leased'))`);
  const [{ open }] = await db.query(`SELECT count(*)::int AS open FROM review_tasks WHERE status = 'open'`);
  return open as number;
}

const deskQueue: Benchmark = {
  name: 'desk-queue',
  description: `The desk's queue in headless chromium with ${TASKS} open tasks: first page rendered after the API answered; first-screen JavaScript`,
  async run() {
    const bundle = firstScreenBundle(WEB_ROOT);
    const { app, db, base, token } = await boot();
    let browser: Browser | undefined;
    try {
      const editor = await token('editor', 'bench-desk-editor');
      const open = await seedQueue(db, base, editor);
      const { UsersService } = await import('../src/auth/users.service.js');
      const user = await app.get(UsersService).create('bench-desk', 'editor', null);

      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS, headless: true });
      const page = await browser.newPage({ baseURL: base, viewport: { width: 1400, height: 900 } });
      // Before any page script: note when the queue's table first holds rows, at the next frame (when it paints).
      // Before any page script: note when the queue's table first holds rows, at the next frame (when it paints).
      // (Page code as strings: the bench compiles without the DOM library.)
      await page.addInitScript({
        content: `new MutationObserver((_m, observer) => {
          if (document.querySelectorAll('.queue-table tbody tr').length > 0) {
            observer.disconnect();
            requestAnimationFrame(() => (window.__rowsAt = performance.now()));
          }
        }).observe(document, { childList: true, subtree: true });`,
      });
      await page.goto('/signin');
      await page.getByLabel('User name').fill('bench-desk');
      await page.getByLabel('Password', { exact: true }).fill(user.oneTimePassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('One-time password').fill(user.oneTimePassword);
      await page.getByLabel('New password', { exact: true }).fill('bench desk passphrase');
      await page.getByLabel('Repeat new password').fill('bench desk passphrase');
      await page.getByRole('button', { name: 'Save password' }).click();
      await page.locator('.queue-table tbody tr').first().waitFor();

      const renderMs: number[] = [];
      const apiMs: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        await page.reload();
        await page.waitForFunction('window.__rowsAt !== undefined', undefined, { timeout: 30_000 });
        const timing = (await page.evaluate(`(() => {
          const first = performance.getEntriesByType('resource').find((e) => e.name.includes('/v1/review-tasks/queue'));
          return { answered: first.responseEnd, requestMs: first.responseEnd - first.requestStart, rowsAt: window.__rowsAt,
                   rows: document.querySelectorAll('.queue-table tbody tr').length };
        })()`)) as { answered: number; requestMs: number; rowsAt: number; rows: number };
        renderMs.push(timing.rowsAt - timing.answered);
        apiMs.push(timing.requestMs);
        rows = timing.rows;
      }
      return {
        name: this.name,
        metrics: {
          'open tasks': open,
          'rows on first page': rows,
          'first page rendered after API answered, median ms': round(median(renderMs)),
          'first page rendered after API answered, max ms': round(max(renderMs)),
          'queue API request, median ms': round(median(apiMs)),
          'first-screen JS, gzip KB': round(bundle.jsGzipBytes / 1024),
          'first-screen CSS, gzip KB': round(bundle.cssGzipBytes / 1024),
          runs: RUNS,
        },
      };
    } finally {
      await browser?.close();
      await app.close();
    }
  },
};

export const benchmarks: Benchmark[] = [deskQueue];
