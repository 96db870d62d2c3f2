import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from './child-process.js';
import { ARTICLE_TEXT, auth, eventually, resetState, TestApp } from './harness.js';
import { EXTRACTOR_VERSION } from '../../src/extractor/index.js';
import { RerunRunner } from '../../src/extraction/rerun-runner.service.js';
import { RerunsService } from '../../src/extraction/reruns.service.js';

/**
 * Issue 13, re-extraction runs: POST /v1/extraction/reruns and `cli reextract` re-extract extracted articles and
 * reconcile their claims as for a new revision; the run's progress is in Postgres.
 */
const OTHER_TEXT = 'Floods displaced more than 20,000 people in the northern provinces, the interior ministry said on Sunday.';
const THIRD_TEXT = 'The central bank said inflation reached 7.5 percent in October, its highest level in a decade.';
const OLD = 'numeric-claims/1.0.0';
/** A CLI process boots Nest and the extractor threads: on a busy machine that alone took 18 s. */
const CLI_TIMEOUT = 180_000;

async function ingestAndExtract(t: TestApp, editor: string, text: string, title: string): Promise<string> {
  const id = (await t.http.post('/v1/articles').set(auth(editor)).send({ title, text, publishedAt: '2026-11-25T09:00:00Z' }).expect(202)).body.id;
  await eventually(async () => (await t.http.get(`/v1/articles/${id}`).set(auth(editor)).expect(200)).body.status === 'extracted', 20000, `${title} extracted`);
  return id;
}

describe('POST /v1/extraction/reruns', () => {
  let t: TestApp;
  let admin: string;
  let editor: string;
  const ids: Record<string, string> = {};
  const claimsOf = async (articleId: string, includeGone = false) =>
    (await t.http.get(`/v1/articles/${articleId}/claims`).query({ includeGone }).set(auth(editor)).expect(200)).body as any[];

  beforeAll(async () => {
    t = await TestApp.start('api+worker');
    await resetState(t);
    admin = await t.token('admin');
    editor = await t.token('editor');
    ids.a = await ingestAndExtract(t, editor, ARTICLE_TEXT, 'Buildup');
    ids.b = await ingestAndExtract(t, editor, OTHER_TEXT, 'Floods');
    ids.c = await ingestAndExtract(t, editor, THIRD_TEXT, 'Inflation');
    // A and B were extracted by an "older extractor": its version, a reading the current one does not share, and a
    // claim it made that the current one does not.
    await t.db.query(`UPDATE articles SET extractor_version = $2 WHERE id = ANY($1::uuid[])`, [[ids.a, ids.b], OLD]);
    const claims = await claimsOf(ids.a);
    const troops = claims.find((c) => c.category === 'troop_count');
    const killed = claims.find((c) => c.category === 'casualties');
    ids.troops = troops.id;
    ids.killed = killed.id;
    await t.db.query(`UPDATE claims SET subject = 'old reading' WHERE id = $1`, [troops.id]);
    // An editor corrected the casualties claim's subject: their work must survive the rerun.
    await t.http.post(`/v1/claims/${killed.id}/lease`).set(auth(editor)).expect(200);
    const { version } = (await t.http.get(`/v1/claims/${killed.id}`).set(auth(editor)).expect(200)).body;
    await t.http.patch(`/v1/claims/${killed.id}`).set(auth(editor)).send({ version, subject: 'separatist conflict (desk)' }).expect(200);
    const [fake] = await t.db.query(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, category, quantity_text, quantity_start, quantity_end, quantity_value, unit, qualifier, checkworthiness, status)
       SELECT article_id, 999, text, start_offset, end_offset, 'percentage', quantity_text, quantity_start, quantity_end, 100, 'percent', 'exact', 0.5, 'queued'
         FROM claims WHERE id = $1 RETURNING id`,
      [troops.id],
    );
    ids.fake = fake.id;
    ids.cClaimsUpdated = JSON.stringify(await t.db.query(`SELECT id, updated_at FROM claims WHERE article_id = $1 ORDER BY id`, [ids.c]));
  }, 120_000);
  afterAll(() => t.close());

  test('admin starts a run: 202, the run resource at its Location, worked through by the worker to the end', async () => {
    const res = await t.http.post('/v1/extraction/reruns').set(auth(admin)).send({ extractorVersionBelow: '2.0.0' }).expect(202);
    expect(res.body).toMatchObject({ id: expect.any(String), total: 2, extractorVersionBelow: '2.0.0', since: null });
    expect(res.headers.location).toBe(`/v1/extraction/reruns/${res.body.id}`);
    ids.run = res.body.id;
    const run = await eventually(async () => {
      const r = (await t.http.get(res.headers.location).set(auth(admin)).expect(200)).body;
      return r.status === 'done' ? r : null;
    }, 30000, 'run done');
    expect(run).toMatchObject({ total: 2, done: 2, failed: 0, remaining: 0, etaSeconds: 0, finishedAt: expect.any(String) });
    expect(run.ratePerSecond).toBeGreaterThan(0);
    const items = await t.db.query(`SELECT article_id, status, outcome FROM extraction_rerun_items WHERE run_id = $1 ORDER BY article_id`, [ids.run]);
    expect(items.map((i: any) => i.article_id).sort()).toEqual([ids.a, ids.b].sort());
    expect(items.every((i: any) => i.status === 'done' && /^extracted: kept \d+/.test(i.outcome))).toBe(true);
  });

  test('claims reconciled: ids kept, the old reading refreshed, the editor\'s correction kept, the stale claim gone', async () => {
    const article = (await t.http.get(`/v1/articles/${ids.a}`).set(auth(editor)).expect(200)).body;
    expect(article).toMatchObject({ status: 'extracted', revision: 1, extractorVersion: EXTRACTOR_VERSION });
    expect(article.changes).toMatchObject({ revision: 1, added: 0, superseded: 0, gone: 1 });
    const claims = await claimsOf(ids.a);
    expect(article.changes.kept).toBe(claims.length);
    const troops = claims.find((c) => c.id === ids.troops);
    expect(troops.subject).not.toBe('old reading');
    const killed = claims.find((c) => c.id === ids.killed);
    expect(killed).toMatchObject({ subject: 'separatist conflict (desk)', status: 'in_review' });
    const gone = (await claimsOf(ids.a, true)).find((c) => c.id === ids.fake);
    expect(gone.goneInRevision).toBe(1);
    // The article not selected (current extractor) was not touched.
    expect(JSON.stringify(await t.db.query(`SELECT id, updated_at FROM claims WHERE article_id = $1 ORDER BY id`, [ids.c]))).toBe(ids.cClaimsUpdated);
    const extractions = await t.db.query(`SELECT entity_id, count(*)::int AS n FROM audit_events WHERE action = 'article.extracted' GROUP BY entity_id`);
    expect(Object.fromEntries(extractions.map((e: any) => [e.entity_id, e.n]))).toEqual({ [ids.a]: 2, [ids.b]: 2, [ids.c]: 1 });
    const events = await t.db.query(`SELECT action, changes FROM audit_events WHERE entity_id = $1 ORDER BY id`, [ids.run]);
    expect(events.map((e: any) => e.action)).toEqual(['extraction.rerun_started', 'extraction.rerun_finished']);
  });

  test('the run processed again changes nothing', async () => {
    const before = await t.db.query(`SELECT id, updated_at FROM claims ORDER BY id`);
    const again = await t.app.get(RerunRunner, { strict: false }).process(ids.run);
    expect(again).toMatchObject({ status: 'done', done: 2, failed: 0 });
    expect(await t.db.query(`SELECT id, updated_at FROM claims ORDER BY id`)).toEqual(before);
  });

  test('a run never enqueued (Redis lost it) is resumed from Postgres by the reconciler', async () => {
    await t.db.query(`UPDATE articles SET extractor_version = $2 WHERE id = $1`, [ids.b, OLD]);
    const run = await t.app.get(RerunsService, { strict: false }).create({ extractorVersionBelow: '2' }, null, false);
    expect(run).toMatchObject({ status: 'running', total: 1, done: 0 });
    const finished = await eventually(async () => {
      const r = (await t.http.get(`/v1/extraction/reruns/${run.id}`).set(auth(admin)).expect(200)).body;
      return r.status === 'done' ? r : null;
    }, 30000, 'resumed run done');
    expect(finished).toMatchObject({ total: 1, done: 1, failed: 0 });
  });

  test('nothing selected: done at once; one run at a time: 409', async () => {
    const none = await t.http.post('/v1/extraction/reruns').set(auth(admin)).send({ since: '2099-01-01T00:00:00Z' }).expect(202);
    expect(none.body).toMatchObject({ status: 'done', total: 0, done: 0, remaining: 0, etaSeconds: 0 });
    const [running] = await t.db.query(`INSERT INTO extraction_reruns (total, status) VALUES (0, 'running') RETURNING id`);
    try {
      const res = await t.http.post('/v1/extraction/reruns').set(auth(admin)).send({}).expect(409);
      expect(res.body).toMatchObject({ code: 'rerun_running', runId: running.id });
    } finally {
      await t.db.query(`UPDATE extraction_reruns SET status = 'done' WHERE id = $1`, [running.id]);
    }
  });

  test('GET /v1/extraction/reruns: the runs newest first, with their progress; admins only', async () => {
    const res = await t.http.get('/v1/extraction/reruns').set(auth(admin)).expect(200);
    const runs = res.body.items as any[];
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.map((r) => r.createdAt)).toEqual([...runs.map((r) => r.createdAt)].sort().reverse());
    const first = runs.find((r) => r.id === ids.run);
    expect(first).toEqual((await t.http.get(`/v1/extraction/reruns/${ids.run}`).set(auth(admin)).expect(200)).body);
    expect((await t.http.get('/v1/extraction/reruns').query({ limit: 1 }).set(auth(admin)).expect(200)).body.items).toEqual([runs[0]]);
    await t.http.get('/v1/extraction/reruns').query({ limit: 0 }).set(auth(admin)).expect(400);
    await t.http.get('/v1/extraction/reruns').set(auth(editor)).expect(403);
  });

  test('bad input and roles: 400 naming the field, 403 for editors, 404 for an unknown run', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await t.http.post('/v1/extraction/reruns').set(auth(admin)).send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
    };
    await bad({ since: 'last week' }, 'since');
    await bad({ extractorVersionBelow: 'latest' }, 'extractorVersionBelow');
    await bad({ extractorVersionBelow: 2 }, 'extractorVersionBelow');
    await bad({ all: true }, 'all');
    await t.http.post('/v1/extraction/reruns').set(auth(editor)).send({}).expect(403);
    await t.http.get(`/v1/extraction/reruns/${ids.run}`).set(auth(editor)).expect(403);
    const missing = await t.http.get('/v1/extraction/reruns/00000000-0000-4000-8000-000000000000').set(auth(admin)).expect(404);
    expect(missing.body.detail).toMatch(/00000000-0000-4000-8000-000000000000/);
    await t.http.get('/v1/extraction/reruns/not-a-uuid').set(auth(admin)).expect(400);
  });
});

describe('cli reextract', () => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    // No worker in this process: the CLI alone does the run.
    t = await TestApp.start('api');
    await resetState(t);
    editor = await t.token('editor');
    const seeded = [];
    for (const text of [ARTICLE_TEXT, OTHER_TEXT, THIRD_TEXT]) seeded.push((await t.seed(editor, text))[0].articleId);
    await t.db.query(`UPDATE articles SET extractor_version = $1 WHERE id = ANY($2::uuid[])`, [OLD, seeded.slice(0, 2)]);
  }, CLI_TIMEOUT);
  afterAll(() => t.close());

  test('re-extracts in its own process, with progress lines (not a terminal) and the run as JSON on the last line', async () => {
    const res = await runCli(['reextract', '--extractor-version-below', '2.0.0']);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/re-extraction run [0-9a-f-]{36}: 2 articles selected/);
    expect(res.stderr).toMatch(/reextract [0-9a-f-]{36}: 2\/2 \(100%\), 2 done, 0 failed/);
    expect(res.stderr).not.toContain('\r');
    const run = JSON.parse(res.stdout.trim().split('\n').pop()!);
    expect(run).toMatchObject({ status: 'done', total: 2, done: 2, failed: 0, remaining: 0 });
    const versions = await t.db.query(`SELECT DISTINCT extractor_version FROM articles`);
    expect(versions).toEqual([{ extractor_version: EXTRACTOR_VERSION }]);
    // The same run through the API.
    const admin = await t.token('admin');
    expect((await t.http.get(`/v1/extraction/reruns/${run.id}`).set(auth(admin)).expect(200)).body).toMatchObject({ status: 'done', done: 2 });

    const nothing = await runCli(['reextract', '--extractor-version-below', '2.0.0']);
    expect(nothing.code).toBe(0);
    expect(JSON.parse(nothing.stdout.trim())).toMatchObject({ status: 'done', total: 0 });
  }, CLI_TIMEOUT);

  test('usage errors exit 2 and name the flag', async () => {
    const badVersion = await runCli(['reextract', '--extractor-version-below', 'newest']);
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toMatch(/--extractor-version-below/);
    const badDate = await runCli(['reextract', '--since', 'someday']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--since/);
  }, CLI_TIMEOUT);
});
