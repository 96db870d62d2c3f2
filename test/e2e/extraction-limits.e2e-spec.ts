import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SHAPES } from '../../bench/pathological.js';
import { AuditService } from '../../src/audit/audit.service.js';
import { AppConfig } from '../../src/config/config.js';
import { ExtractionService, type ClaimExtractor } from '../../src/extraction/extraction.service.js';
import { extractArticleText } from '../../src/extraction/extract-article-text.js';
import type { SentenceStep } from '../../src/extractor/index.js';
import { RecheckService } from '../../src/verdicts/recheck.service.js';
import { ClaimMatcher } from '../../src/matching/claim-matcher.js';
import { ReviewService } from '../../src/review/review.service.js';
import { WebhookOutbox } from '../../src/webhooks/webhook-outbox.service.js';
import { ARTICLE_TEXT, auth, eventually, resetState, TestApp } from './harness.js';

/** Outside testing (issue 9): one odd article must neither fail whole, nor stall the worker, nor freeze the API. */

const BIG_BODY = String(8 * 1024 * 1024);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ingest(t: TestApp, token: string, title: string, text: string): Promise<string> {
  const res = await t.http.post('/v1/articles').set(auth(token)).send({ title, text, publishedAt: '2026-11-25T09:00:00Z' });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body.id;
}

const articleRow = async (t: TestApp, id: string) =>
  (await t.db.query(`SELECT status, failure_reason, (SELECT count(*)::int FROM claims WHERE article_id = $1) AS claims FROM articles WHERE id = $1`, [id]))[0] as {
    status: string;
    failure_reason: string | null;
    claims: number;
  };

describe('a sentence the extractor cannot analyse', () => {
  let t: TestApp;
  let editor: string;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start('api'); // no worker: this test runs the job itself
    await resetState(t);
    editor = await t.token('editor');
    admin = await t.token('admin');
  });
  afterAll(() => t.close());
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('is skipped and logged with the article id and sentence index; the article is extracted with the other claims', async () => {
    const text = [
      'Russia has moved an estimated 100,000 troops to its border with Ukraine, Western officials said on Tuesday.',
      // (its lone "One soldier" fires a named rule, for the trace below)
      'One soldier guarded the gate, and the separatist war in the east has killed more than 14,000 people over eight years, the U.N. estimates.',
      'About 1.5 million people have been displaced by the fighting, the U.N. refugee agency said.',
    ].join(' ');
    const id = await ingest(t, editor, 'one bad sentence', text);
    // The seam: an extractor whose rules throw on the second sentence, as a bug in any rule would (after the rules
    // ran on it, so that its trace has something to show).
    const failSecond: SentenceStep = (s, i, analyze) => {
      analyze(s);
      if (i === 1) throw new TypeError('a rule read past the last token');
    };
    // The threads' own code (extractArticleText), with the seam.
    const extractor: ClaimExtractor = {
      async extract(txt, { publishedAt, timeZone }) {
        return extractArticleText(txt, publishedAt ?? undefined, failSecond, timeZone);
      },
    };
    const get = <T>(type: new (...args: never[]) => T) => t.app.get(type, { strict: false });
    const service = new ExtractionService(
      t.app.get<DataSource>(getDataSourceToken()), get(AuditService), get(AppConfig), get(ReviewService), get(WebhookOutbox), get(ClaimMatcher), extractor, get(RecheckService),
    );
    const warn = jest.spyOn(Logger.prototype, 'warn');

    expect(await service.extractArticle(id)).toMatchObject({ status: 'extracted', claims: 2, skippedSentences: 1 });

    const claims = (await t.http.get(`/v1/articles/${id}/claims`).set(auth(editor)).expect(200)).body as Array<{ quantity: { value: number | null; low: number | null } }>;
    expect(claims.map((c) => c.quantity.value ?? c.quantity.low)).toEqual([100000, 1500000]);
    // The log line names the rules that fired on the sentence before it threw.
    const line = warn.mock.calls.map(([l]) => l as { articleId?: string; rules?: string[]; msg?: string }).find((l) => l.articleId === id);
    expect(line).toMatchObject({ articleId: id, sentenceIndex: 1, error: 'TypeError: a rule read past the last token', reproduced: true });
    expect(line!.rules).toContain('claims.lone-one-needs-harm');
    expect(line!.msg).toContain(`rules fired before: ${line!.rules!.join(', ')}`);
    // The article carries the warning count.
    const article = (await t.http.get(`/v1/articles/${id}`).set(auth(editor)).expect(200)).body;
    expect(article).toMatchObject({ status: 'extracted', skippedSentences: 1, language: 'en' });
    // Operators see it in the article's audit trail too.
    const events = (await t.http.get('/v1/audit-events').query({ entityType: 'article', entityId: id, action: 'article.extracted' }).set(auth(admin)).expect(200)).body.items;
    expect(events[0].changes.skippedSentences).toEqual([
      { index: 1, start: text.indexOf('One soldier'), end: text.indexOf(' About'), error: 'TypeError: a rule read past the last token', rules: line!.rules },
    ]);
  });
});

describe('an article past EXTRACTION_TIMEOUT_MS', () => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await TestApp.start('api+worker', { MAX_BODY_BYTES: BIG_BODY, EXTRACTION_TIMEOUT_MS: '1000', WORKER_CONCURRENCY: '1' });
    await resetState(t);
    editor = await t.token('editor');
  });
  afterAll(() => t.close());

  test('fails with extraction_timeout, is not retried, and the worker goes on with the next job', async () => {
    // Several seconds of extraction, whatever the machine: far past a 1 s budget.
    const slow = await ingest(t, editor, 'too long', SHAPES.singleLine.make(4_000_000));
    const next = await ingest(t, editor, 'next', ARTICLE_TEXT);
    const failed = await eventually(async () => {
      const a = await articleRow(t, slow);
      return a.status === 'failed' ? a : null;
    }, 20000, 'the slow article failed');
    expect(failed.failure_reason).toMatch(/^extraction_timeout: .*1000 ms.*not retried/);
    expect(failed.claims).toBe(0);
    await eventually(async () => (await articleRow(t, next)).status === 'extracted', 20000, 'the next article extracted');
    // One attempt only (EXTRACTION_ATTEMPTS is 2 in the tests), and one failure recorded.
    const job = await t.extractionQueue.getJob(`extract-article-${slow}`);
    expect(job?.attemptsMade ?? 0).toBeLessThanOrEqual(1);
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'article.failed'`, [slow]);
    expect(audit[0].n).toBe(1);
  }, 60000);
});

describe('articles that used to stall extraction (API and worker in one process)', () => {
  const BUDGET_MS = 20000;
  /** ingesting a 2 MB body, the queue picking the job up, recording a failure */
  const SLACK_MS = 10000;
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await TestApp.start('api+worker', { MAX_BODY_BYTES: BIG_BODY, EXTRACTION_TIMEOUT_MS: String(BUDGET_MS) });
    await resetState(t);
    editor = await t.token('editor');
  });
  afterAll(() => t.close());

  test.each([
    ['1,000 numbers in one list (~6 KB)', () => SHAPES.list.make(1000)],
    ['50,000 numbers, one per sentence', () => SHAPES.sentences.make(50_000)],
    ['50,000 numbers in one list', () => SHAPES.list.make(50_000)],
    ['a 20 KB sentence without a full stop', () => SHAPES.runOn.make(20_000)],
    ['a 1.9 MB single line', () => SHAPES.singleLine.make(1_900_000)],
  ])('%s: finishes within its budget while /health/live keeps answering', async (_what, make) => {
    const text = make();
    const t0 = Date.now();
    const id = await ingest(t, editor, _what, text);
    const latencies: number[] = [];
    let row = await articleRow(t, id);
    while (row.status === 'queued' || row.status === 'extracting') {
      if (Date.now() - t0 > BUDGET_MS + SLACK_MS) throw new Error(`still ${row.status} after ${Date.now() - t0} ms (budget ${BUDGET_MS} ms)`);
      const p0 = performance.now();
      await t.http.get('/health/live').expect(200);
      latencies.push(performance.now() - p0);
      await sleep(50);
      row = await articleRow(t, id);
    }
    const elapsed = Date.now() - t0;
    // extracted, or stopped at the budget; never another failure
    if (row.status === 'failed') expect(row.failure_reason).toMatch(/^extraction_timeout/);
    else expect(row.status).toBe('extracted');
    console.log(`${_what}: ${text.length} chars, ${row.status} (${row.claims} claims) in ${elapsed} ms; /health/live ${latencies.length} answers, slowest ${Math.max(...latencies).toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(BUDGET_MS + SLACK_MS);
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(500);
  }, 120000);
});
