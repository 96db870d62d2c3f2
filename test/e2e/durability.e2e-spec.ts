import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { ARTICLE_TEXT, auth, eventually, resetState, startExtractionOnly, startWorker, TestApp } from './harness.js';

/** Postgres is the source of truth: lost jobs come back, repeated jobs change nothing, failures are recorded. */
describe('durable, idempotent extraction', () => {
  let api: TestApp;
  let editor: string;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await TestApp.start('api');
    await resetState(api);
    editor = await api.token('editor');
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });
  afterAll(() => api.close());

  const statusOf = async (id: string) => (await api.db.query(`SELECT status, failure_reason FROM articles WHERE id = $1`, [id]))[0];
  const counts = async (id: string) =>
    (
      await api.db.query(
        `SELECT (SELECT count(*)::int FROM claims WHERE article_id = $1) AS claims,
                (SELECT count(*)::int FROM review_tasks t JOIN claims c ON c.id = t.claim_id WHERE c.article_id = $1) AS tasks,
                (SELECT count(*)::int FROM audit_events) AS events`,
        [id],
      )
    )[0];

  test('the reconciler re-enqueues an article whose job Redis lost', async () => {
    const res = await api.http.post('/v1/articles').set(auth(editor)).send({ title: 'lost', text: `${ARTICLE_TEXT}\nLost job.` }).expect(202);
    expect(await api.extractionQueue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
    await api.extractionQueue.obliterate({ force: true }); // Redis loses the job
    expect(await api.extractionQueue.getJobCounts('waiting')).toMatchObject({ waiting: 0 });
    expect((await statusOf(res.body.id)).status).toBe('queued');

    worker = await startWorker(); // the worker entry point alone
    await eventually(async () => (await statusOf(res.body.id)).status === 'extracted', 15000, 'extracted after reconcile');
    expect((await counts(res.body.id)).claims).toBeGreaterThan(0);
  });

  test('a job run twice (in sequence or at once) changes nothing the second time', async () => {
    const res = await api.http.post('/v1/articles').set(auth(editor)).send({ title: 'twice', text: `${ARTICLE_TEXT}\nTwice.` }).expect(202);
    const ctx = await startExtractionOnly();
    const extraction = ctx.extraction;
    const [a, b] = await Promise.all([extraction.extractArticle(res.body.id), extraction.extractArticle(res.body.id)]);
    expect([a.status, b.status].sort()).toEqual(['extracted', 'skipped']);
    const first = await counts(res.body.id);
    expect(first.claims).toBeGreaterThan(0);
    expect(first.tasks).toBeGreaterThan(0);

    const third = await extraction.extractArticle(res.body.id);
    expect(third.status).toBe('skipped');
    await ctx.close();
    expect(await counts(res.body.id)).toEqual(first);

    // The same job enqueued again and processed by a real worker: still nothing new.
    worker = await startWorker();
    const job = await api.extractionQueue.add('extract-article', { articleId: res.body.id }, { jobId: `again-${res.body.id}` });
    await eventually(async () => (await job.getState()) === 'completed', 15000, 'job completed');
    expect(job.id).toBe(`again-${res.body.id}`);
    expect(await counts(res.body.id)).toEqual(first);
  });

  test('a job that keeps failing is retried, then the article is marked failed with the reason', async () => {
    const res = await api.http.post('/v1/articles').set(auth(editor)).send({ title: 'doomed', text: `${ARTICLE_TEXT}\nDoomed.` }).expect(202);
    // Fault injection in the real database: inserts of this article's claims fail.
    await api.db.query(`
      CREATE OR REPLACE FUNCTION test_fail_claims() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.article_id = '${res.body.id}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await api.db.query(`CREATE TRIGGER test_fail_claims BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION test_fail_claims()`);
    try {
      worker = await startWorker();
      const final = await eventually(async () => {
        const s = await statusOf(res.body.id);
        return s.status === 'failed' ? s : null;
      }, 15000, 'article failed');
      expect(final.failure_reason).toMatch(/injected failure/);
      const [job] = await api.extractionQueue.getJobs(['failed']);
      expect(job.attemptsMade).toBe(2); // EXTRACTION_ATTEMPTS in the test env
    } finally {
      await api.db.query(`DROP TRIGGER IF EXISTS test_fail_claims ON claims; DROP FUNCTION IF EXISTS test_fail_claims()`);
    }
    await api.http.get(`/v1/articles/${res.body.id}`).set(auth(editor)).expect(200).expect((r) => {
      expect(r.body.status).toBe('failed');
      expect(r.body.failureReason).toMatch(/injected failure/);
    });

    // Recovery: once the cause is gone, an editor sends the failed article back to extraction.
    const consumer = await api.token('consumer');
    await api.http.post(`/v1/articles/${res.body.id}/retry`).set(auth(consumer)).expect(403);
    const retried = await api.http.post(`/v1/articles/${res.body.id}/retry`).set(auth(editor)).expect(200);
    expect(retried.body).toMatchObject({ id: res.body.id, status: 'queued', failureReason: null });
    await eventually(async () => (await statusOf(res.body.id)).status === 'extracted', 15000, 'extracted after retry');
    expect((await counts(res.body.id)).claims).toBeGreaterThan(0);
    const again = await api.http.post(`/v1/articles/${res.body.id}/retry`).set(auth(editor)).expect(409);
    expect(again.body).toMatchObject({ code: 'article_not_failed', currentStatus: 'extracted' });
    await api.http.post(`/v1/articles/00000000-0000-4000-8000-000000000000/retry`).set(auth(editor)).expect(404);
    const [event] = await api.db.query(`SELECT action, from_status, to_status, reason FROM audit_events WHERE entity_id = $1 AND action = 'article.retried'`, [res.body.id]);
    expect(event).toMatchObject({ from_status: 'failed', to_status: 'queued' });
    expect(event.reason).toMatch(/injected failure/);
  });
});
