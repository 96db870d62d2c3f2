import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth, eventually, resetState, startExtractionOnly, TestApp } from './harness.js';

/**
 * Issue 13, articles that change: a live blog whose toll rises across three revisions (text written for this test).
 * Unchanged sentences keep their claims (id, status, sources, verdict); a changed figure becomes a new claim that
 * supersedes the old one, whose published verdict is flagged for re-check; a sentence that left the text marks its
 * claim gone (kept).
 */
const HEAD = 'Live: strike on the market in Kherson.\n\n';
const WOUNDED = 'More than 100 people were wounded, according to the health ministry.';
const killed = (n: number) => `At least ${n} people were killed in the strike on the central market, the regional governor said.`;
const EVACUATED = 'Rescue teams evacuated 300 residents from nearby buildings.';
const MOURNING = 'The city declared three days of mourning.';
const REV1 = `${HEAD}${killed(40)}\n\n${WOUNDED}\n\n${EVACUATED}`;
// The same sentences, one more paragraph above them: every offset moves.
const REV2 = `${HEAD}Updated at 14:00.\n\n${killed(52)}\n\n${WOUNDED}\n\n${EVACUATED}`;
const REV3 = `${HEAD}Updated at 18:00.\n\n${killed(61)}\n\n${WOUNDED}\n\n${MOURNING}`;
const URL = 'https://news.example.org/live/kherson-market';

describe('article revisions and claim reconciliation', () => {
  let t: TestApp;
  let editor: string;
  let approver: string;
  let consumer: string;
  let articleId: string;
  const ids: Record<string, string> = {};

  const claimsOf = async (includeGone = false) =>
    (await t.http.get(`/v1/articles/${articleId}/claims`).query(includeGone ? { includeGone: true } : {}).set(auth(editor)).expect(200)).body as any[];
  const extracted = (revision: number) =>
    eventually(async () => {
      const res = await t.http.get(`/v1/articles/${articleId}`).set(auth(editor)).expect(200);
      return res.body.status === 'extracted' && res.body.revision === revision && res.body.changes ? res.body : null;
    }, 20000, `revision ${revision} extracted`);

  beforeAll(async () => {
    t = await TestApp.start('api+worker', { REQUIRE_APPROVAL: 'true' });
    await resetState(t);
    editor = await t.token('editor');
    approver = await t.token('approver');
    consumer = await t.token('consumer');
  });
  afterAll(() => t.close());

  test('revision 1: ingested and extracted; an editor publishes a verdict on the toll and sources the wounded figure', async () => {
    const res = await t.http.post('/v1/articles').set(auth(editor)).send({ url: URL, title: 'Live: Kherson', text: REV1 }).expect(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued', created: true, revised: false, revision: 1 });
    articleId = res.body.id;
    const article = await extracted(1);
    expect(article.changes).toEqual({ revision: 1, kept: 0, added: 3, superseded: 0, gone: 0 });

    const claims = await claimsOf();
    expect(claims.map((c) => c.quantity?.text)).toEqual(['At least 40 people', 'More than 100 people', '300 residents']);
    [ids.killed40, ids.wounded, ids.evacuated] = claims.map((c) => c.id);
    expect(claims.every((c) => c.revision === 1 && c.goneInRevision === null && c.supersedesClaimId === null)).toBe(true);

    await t.http.post(`/v1/claims/${ids.killed40}/lease`).set(auth(editor)).expect(200);
    const source = await t.http.post(`/v1/claims/${ids.killed40}/sources`).set(auth(editor))
      .send({ url: 'https://gov.example.org/kherson/statement', title: 'Governor statement', publisher: 'Regional administration', excerpt: '40 dead' }).expect(201);
    const verdict = await t.http.post(`/v1/claims/${ids.killed40}/verdict`).set(auth(editor))
      .send({ rating: 'true', summary: 'The governor confirmed 40 dead.', sourceIds: [source.body.id] }).expect(201);
    await t.http.post(`/v1/verdicts/${verdict.body.id}/approve`).set(auth(approver)).expect(200);
    ids.verdict40 = verdict.body.id;

    // The wounded figure: leased and sourced (worked on), left in review.
    await t.http.post(`/v1/claims/${ids.wounded}/lease`).set(auth(editor)).expect(200);
    const woundedSource = await t.http.post(`/v1/claims/${ids.wounded}/sources`).set(auth(editor))
      .send({ url: 'https://health.example.org/briefing', title: 'Ministry briefing', publisher: 'Health ministry', excerpt: 'over 100 wounded' }).expect(201);
    ids.woundedSource = woundedSource.body.id;
  });

  test('revision 2 (40 → 52 killed, a paragraph added above): 202 with the revision; ids kept, the toll superseded', async () => {
    const res = await t.http.post('/v1/articles').set(auth(editor)).send({ url: `${URL}?utm_source=live`, title: 'Live: Kherson (updated)', text: REV2 }).expect(202);
    expect(res.body).toEqual({ id: articleId, status: 'queued', created: false, revised: true, revision: 2 });
    expect(res.headers.location).toBe(`/v1/articles/${articleId}`);

    const article = await extracted(2);
    expect(article.changes).toEqual({ revision: 2, kept: 2, added: 0, superseded: 1, gone: 0 });
    expect(article.text).toBe(REV2);
    expect(article.title).toBe('Live: Kherson (updated)');
    expect(article.claimCount).toBe(3);

    const claims = await claimsOf();
    expect(claims.map((c) => c.quantity?.text)).toEqual(['At least 52 people', 'More than 100 people', '300 residents']);
    const [killed52, wounded, evacuated] = claims;
    expect(wounded.id).toBe(ids.wounded);
    expect(evacuated.id).toBe(ids.evacuated);
    // Offsets follow the new text; status and sources stay.
    for (const c of claims) {
      expect(REV2.slice(c.start, c.end)).toBe(c.text);
      expect(REV2.slice(c.quantity.start, c.quantity.end)).toBe(c.quantity.text);
    }
    expect(wounded.status).toBe('in_review');
    const woundedDetail = (await t.http.get(`/v1/claims/${ids.wounded}`).set(auth(editor)).expect(200)).body;
    expect(woundedDetail.sources.map((s: any) => s.id)).toEqual([ids.woundedSource]);

    expect(killed52.id).not.toBe(ids.killed40);
    expect(killed52).toMatchObject({ supersedesClaimId: ids.killed40, revision: 2, goneInRevision: null, status: 'queued', verdict: null });
    ids.killed52 = killed52.id;

    // The old claim stays, published with its verdict, marked gone; its verdict is due for a re-check.
    const old = (await t.http.get(`/v1/claims/${ids.killed40}`).set(auth(editor)).expect(200)).body;
    expect(old).toMatchObject({ status: 'published', goneInRevision: 2, verdict: { id: ids.verdict40 } });
    const [flag] = await t.db.query(`SELECT recheck_due_at, recheck_reason FROM verdicts WHERE id = $1`, [ids.verdict40]);
    expect(flag.recheck_due_at).toBeInstanceOf(Date);
    expect(flag.recheck_reason).toBe('claim_superseded');
    // Living verdicts: the verdict says why and the new figure; the old claim's task reopens as a re-check.
    const verdict40 = (await t.http.get(`/v1/verdicts/${ids.verdict40}`).set(auth(editor)).expect(200)).body;
    expect(verdict40.recheck).toMatchObject({ due: true, reason: 'claim_superseded', figure: { low: 52, text: 'At least 52 people', claimId: killed52.id } });
    expect(await t.db.query(`SELECT kind, status, recheck_reason FROM review_tasks WHERE claim_id = $1`, [ids.killed40]))
      .toEqual([{ kind: 'recheck', status: 'open', recheck_reason: 'claim_superseded' }]);

    const events = await t.db.query(
      `SELECT entity_type, entity_id, action, reason, changes FROM audit_events WHERE action IN ('claim.superseded', 'verdict.recheck_due', 'article.revised') ORDER BY id`,
    );
    expect(events).toEqual([
      expect.objectContaining({ entity_type: 'article', entity_id: articleId, action: 'article.revised', changes: expect.objectContaining({ revision: 2, previousRevision: 1 }) }),
      expect.objectContaining({
        entity_type: 'claim', entity_id: ids.killed40, action: 'claim.superseded', reason: 'figure_changed',
        changes: expect.objectContaining({ supersededBy: ids.killed52, publishedVerdictId: ids.verdict40, revision: 2, figure: { from: 'At least 40 people', to: 'At least 52 people' } }),
      }),
      expect.objectContaining({ entity_type: 'verdict', entity_id: ids.verdict40, action: 'verdict.recheck_due', reason: 'claim_superseded' }),
    ]);
    // The new figure waits for review; consumers still read the published claim.
    const task = await t.db.query(`SELECT status FROM review_tasks WHERE claim_id = $1`, [ids.killed52]);
    expect(task).toEqual([{ status: 'open' }]);
    await t.http.get(`/v1/claims/${ids.killed40}`).set(auth(consumer)).expect(200);
  });

  test('the job run again changes nothing', async () => {
    const snapshot = async () => ({
      claims: await t.db.query(`SELECT id, ordinal, text, start_offset, status, gone_in_revision, supersedes_claim_id, updated_at FROM claims ORDER BY ordinal`),
      audit: (await t.db.query(`SELECT count(*)::int AS n FROM audit_events`))[0].n,
      tasks: await t.db.query(`SELECT id, status FROM review_tasks ORDER BY id`),
    });
    const before = await snapshot();
    const ctx = await startExtractionOnly(t.env);
    try {
      expect(await ctx.extraction.extractArticle(articleId)).toMatchObject({ status: 'skipped' });
    } finally {
      await ctx.close();
    }
    expect(await snapshot()).toEqual(before);
  });

  test('revision 3 (52 → 61, the evacuation gone, mourning added): superseded again, gone kept, added', async () => {
    const res = await t.http.post('/v1/articles').set(auth(editor)).send({ url: URL, title: 'Live: Kherson (updated)', text: REV3 }).expect(202);
    expect(res.body).toMatchObject({ id: articleId, revised: true, revision: 3 });
    const article = await extracted(3);
    expect(article.changes).toEqual({ revision: 3, kept: 1, added: 1, superseded: 1, gone: 1 });

    const claims = await claimsOf();
    expect(claims.map((c) => c.text)).toEqual([killed(61), WOUNDED, MOURNING]);
    expect(claims[0].supersedesClaimId).toBe(ids.killed52);
    expect(claims[1].id).toBe(ids.wounded);
    expect(claims[2]).toMatchObject({ revision: 3, supersedesClaimId: null });

    // Gone claims are kept: listed with includeGone, after the current ones.
    const all = await claimsOf(true);
    expect(all.slice(3).map((c) => [c.id, c.goneInRevision])).toEqual([[ids.killed40, 2], [ids.killed52, 3], [ids.evacuated, 3]]);
    const gone = await t.db.query(`SELECT action, reason FROM audit_events WHERE entity_id = $1 AND action = 'claim.gone'`, [ids.evacuated]);
    expect(gone).toEqual([{ action: 'claim.gone', reason: 'not_in_revision' }]);
    // Superseded before anyone worked on it: its open review task is cancelled, nothing was published, no verdict flagged.
    expect(await t.db.query(`SELECT status FROM review_tasks WHERE claim_id = $1`, [ids.killed52])).toEqual([{ status: 'cancelled' }]);
    const superseded52 = await t.db.query(`SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'claim.superseded'`, [ids.killed52]);
    expect(superseded52[0].changes).toMatchObject({ publishedVerdictId: null, figure: { from: 'At least 52 people', to: 'At least 61 people' } });

    // Every revision's text is kept.
    const revisions = await t.db.query(`SELECT revision, text FROM article_revisions WHERE article_id = $1 ORDER BY revision`, [articleId]);
    expect(revisions).toEqual([{ revision: 1, text: REV1 }, { revision: 2, text: REV2 }, { revision: 3, text: REV3 }]);
  });

  test('GET /v1/articles/:id/revisions: each revision with what it did to the claims; GET …/revisions/:n: its text', async () => {
    const res = await t.http.get(`/v1/articles/${articleId}/revisions`).set(auth(editor)).expect(200);
    const items = res.body.items as any[];
    expect(items.map((r) => [r.revision, r.title, r.changes])).toEqual([
      [3, 'Live: Kherson (updated)', { revision: 3, kept: 1, added: 1, superseded: 1, gone: 1 }],
      [2, 'Live: Kherson (updated)', { revision: 2, kept: 2, added: 0, superseded: 1, gone: 0 }],
      [1, 'Live: Kherson', { revision: 1, kept: 0, added: 3, superseded: 0, gone: 0 }],
    ]);
    expect(items.map((r) => r.textLength)).toEqual([REV3.length, REV2.length, REV1.length]);
    expect(items[0]).toMatchObject({ createdAt: expect.any(String), extractedAt: expect.any(String), extractorVersion: expect.any(String), createdByName: expect.any(String) });
    const ref = (id: string) => expect.objectContaining({ id, text: expect.any(String), category: expect.any(String), status: expect.any(String) });
    const [r3, r2, r1] = items.map((r) => r.claims);
    expect(r1).toEqual({ kept: [], added: [ref(ids.killed40), ref(ids.wounded), ref(ids.evacuated)], superseded: [], gone: [] });
    expect(r2).toEqual({ kept: [ref(ids.wounded), ref(ids.evacuated)], added: [], superseded: [{ claim: ref(ids.killed40), successor: ref(ids.killed52) }], gone: [] });
    expect(r2.superseded[0]).toMatchObject({ claim: { quantityText: 'At least 40 people', status: 'published' }, successor: { quantityText: 'At least 52 people' } });
    const current = await claimsOf();
    expect(r3).toEqual({
      kept: [ref(ids.wounded)], added: [ref(current[2].id)], superseded: [{ claim: ref(ids.killed52), successor: ref(current[0].id) }], gone: [ref(ids.evacuated)],
    });

    const text = await t.http.get(`/v1/articles/${articleId}/revisions/2`).set(auth(editor)).expect(200);
    expect(text.body).toEqual({ revision: 2, title: 'Live: Kherson (updated)', text: REV2, createdAt: expect.any(String) });
    const missing = await t.http.get(`/v1/articles/${articleId}/revisions/4`).set(auth(editor)).expect(404);
    expect(missing.body).toMatchObject({ code: 'article_revision_not_found' });
    await t.http.get(`/v1/articles/${articleId}/revisions/two`).set(auth(editor)).expect(400);
    await t.http.get(`/v1/articles/00000000-0000-4000-8000-000000000000/revisions`).set(auth(editor)).expect(404);
    // Texts of every revision are the desk's: consumers may not read them.
    await t.http.get(`/v1/articles/${articleId}/revisions`).set(auth(consumer)).expect(403);
    await t.http.get(`/v1/articles/${articleId}/revisions/1`).set(auth(consumer)).expect(403);
  });

  test('the same text again: 200, revision unchanged, nothing queued', async () => {
    const res = await t.http.post('/v1/articles').set(auth(editor)).send({ url: URL, title: 'Live: Kherson', text: `${REV3}\n` }).expect(200);
    expect(res.body).toEqual({ id: articleId, status: 'extracted', created: false, revised: false, revision: 3 });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM article_revisions WHERE article_id = $1`, [articleId]);
    expect(n).toBe(3);
  });

  test('a revision may not take the text of another article: 409', async () => {
    const other = 'Officials said 12 schools were closed across the region on Monday after the strike.';
    await t.http.post('/v1/articles').set(auth(editor)).send({ url: 'https://news.example.org/schools', title: 'Schools', text: other }).expect(202);
    const res = await t.http.post('/v1/articles').set(auth(editor)).send({ url: URL, title: 'Live: Kherson', text: other }).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'text_of_other_article' });
    expect(res.body.detail).toMatch(/another article/);
  });
});
