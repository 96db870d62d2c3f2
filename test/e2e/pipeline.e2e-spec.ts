import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ARTICLE_TEXT, auth, eventually, resetState, TestApp } from './harness.js';

/** The whole path: ingest → worker extracts → editor leases, adds a source, gives a verdict → consumer reads it. */
describe('pipeline, end to end', () => {
  let t: TestApp;
  let editor: string;
  let consumer: string;
  let approver: string;
  let articleId: string;
  const url = 'https://news.example.org/world/2026/11/border-buildup?utm_source=feed';

  beforeAll(async () => {
    t = await TestApp.start('api+worker');
    await resetState(t);
    editor = await t.token('editor', 'alice');
    consumer = await t.token('consumer', 'reader');
    approver = await t.token('approver', 'senior');
  });
  afterAll(() => t.close());

  test('ingest answers 202 with the new article, queued', async () => {
    const res = await t.http
      .post('/v1/articles')
      .set(auth(editor))
      .send({ url, title: 'Buildup at the border', publisher: 'Example News', publishedAt: '2026-11-25T09:00:00Z', text: ARTICLE_TEXT })
      .expect(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued', created: true, revised: false, revision: 1 });
    expect(res.headers.location).toBe(`/v1/articles/${res.body.id}`);
    articleId = res.body.id;
  });

  test('the worker extracts it', async () => {
    // Nothing is published yet: the article is desk work, not found for consumers.
    await t.http.get(`/v1/articles/${articleId}`).set(auth(consumer)).expect(404);
    const article = await eventually(async () => {
      const res = await t.http.get(`/v1/articles/${articleId}`).set(auth(editor)).expect(200);
      return res.body.status === 'extracted' ? res.body : null;
    }, 15000, 'article extracted');
    expect(article.claimCount).toBeGreaterThanOrEqual(3);
    expect(article.extractorVersion).toEqual(expect.any(String));
    expect(article.text).toBe(ARTICLE_TEXT);
  });

  test('claims have the promised shape, spans, numbers and qualifiers', async () => {
    const res = await t.http.get(`/v1/articles/${articleId}/claims`).set(auth(editor)).expect(200);
    const claims: any[] = res.body;
    for (const c of claims) {
      expect(c.articleId).toBe(articleId);
      expect(ARTICLE_TEXT.slice(c.start, c.end)).toBe(c.text);
      if (c.quantity) expect(ARTICLE_TEXT.slice(c.quantity.start, c.quantity.end)).toBe(c.quantity.text);
      expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
      expect(c.checkworthiness).toBeLessThanOrEqual(1);
    }
    const troops = claims.find((c) => c.category === 'troop_count');
    expect(troops.quantity).toMatchObject({ value: 100000, qualifier: 'approximate' });
    expect(troops.quantity.text).toContain('100,000');
    const killed = claims.find((c) => c.category === 'casualties');
    expect(killed.quantity).toMatchObject({ low: 14000, qualifier: 'lower_bound', unit: 'killed' });
    const speakers = claims.filter((c) => c.category === 'statement').map((c) => c.attribution?.speaker);
    expect(speakers).toEqual(expect.arrayContaining([expect.stringMatching(/Ryabkov/)]));
    // Ordered by position in the text.
    expect(claims.map((c) => c.start)).toEqual([...claims.map((c) => c.start)].sort((a, b) => a - b));
  });

  // (The same url with new text is a new revision: revisions.e2e-spec.ts.)
  test('the same url (other tracking params) with the same text, or the same text again: 200, same id, nothing extracted twice', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM claims`);
    const sameUrl = await t.http
      .post('/v1/articles')
      .set(auth(editor))
      .send({ url: 'https://www.news.example.org/world/2026/11/border-buildup/#top', title: 'again', text: ARTICLE_TEXT })
      .expect(200);
    expect(sameUrl.body).toEqual({ id: articleId, status: 'extracted', created: false, revised: false, revision: 1 });
    const sameText = await t.http
      .post('/v1/articles')
      .set(auth(editor))
      .send({ title: 'pasted', text: `  ${ARTICLE_TEXT.replace(/\n\n/g, '\n')}  ` })
      .expect(200);
    expect(sameText.body.id).toBe(articleId);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM claims`);
    expect(after[0].n).toBe(before[0].n);
    const extractions = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'article.extracted'`);
    expect(extractions[0].n).toBe(1);
  });

  test('editor leases, attaches a source and proposes a verdict; an approver publishes it; the consumer reads it', async () => {
    const list = await t.http.get('/v1/review-tasks?status=open').set(auth(editor)).expect(200);
    expect(list.body.length).toBeGreaterThan(0);
    const priorities = list.body.map((task: any) => task.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));

    const lease = await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(200);
    expect(lease.body.id).toBe(list.body[0].id);
    expect(lease.body.status).toBe('leased');
    expect(new Date(lease.body.leaseExpiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(lease.body.claim.status).toBe('in_review');
    const claimId = lease.body.claim.id;

    const source = await t.http
      .post(`/v1/claims/${claimId}/sources`)
      .set(auth(editor))
      .send({ url: 'https://stats.example.gov/report', title: 'Quarterly report', publisher: 'Statistics Office', excerpt: 'Figures for the year.' })
      .expect(201);
    expect(source.body).toMatchObject({ id: expect.any(String), claimId, url: 'https://stats.example.gov/report' });

    const verdict = await t.http
      .post(`/v1/claims/${claimId}/verdict`)
      .set(auth(editor))
      .send({ rating: 'mostly_true', summary: 'The official figure is close to the claim.', sourceIds: [source.body.id] })
      .expect(201);
    expect(verdict.body).toMatchObject({ claimId, rating: 'mostly_true', version: 1, status: 'proposed', sourceIds: [source.body.id] });
    // A draft: the consumer does not see the claim at all yet.
    await t.http.get(`/v1/claims/${claimId}`).set(auth(consumer)).expect(404);

    await t.http.post(`/v1/verdicts/${verdict.body.id}/approve`).set(auth(approver)).expect(200);

    const read = await t.http.get(`/v1/claims/${claimId}`).set(auth(consumer)).expect(200);
    expect(read.body.status).toBe('published');
    expect(read.body.verdict).toMatchObject({ id: verdict.body.id, rating: 'mostly_true', summary: 'The official figure is close to the claim.' });
    expect(read.body.sources.map((s: any) => s.id)).toEqual([source.body.id]);

    const done = await t.http.get('/v1/review-tasks?status=done').set(auth(editor)).expect(200);
    expect(done.body.map((task: any) => task.id)).toContain(lease.body.id);

    // The claim's own events, oldest first (its extraction is recorded once for the article and shown in its history).
    const history = (await t.http.get(`/v1/claims/${claimId}/history`).set(auth(editor)).expect(200)).body;
    const audit = history.filter((e: any) => e.entityType === 'claim' && e.entityId === claimId);
    expect(audit.map((a: any) => a.action)).toEqual(['claim.extracted', 'claim.leased', 'claim.verdict_proposed', 'claim.published']);
    const [{ n: perClaimRows }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'claim.extracted'`);
    expect(perClaimRows).toBe(0);
    const [extraction] = await t.db.query(`SELECT changes FROM audit_events WHERE action = 'article.extracted' AND entity_id = $1`, [articleId]);
    expect(extraction.changes.extractedClaims.map((c: any) => c.id)).toContain(claimId);

    // The audit log shows each claim's extraction in its place: after the article's event (newest first: before it),
    // in reading order, and a page boundary inside them (limit 2) skips or repeats none.
    const admin = await t.token('admin', 'auditor');
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await t.http.get('/v1/audit-events').query({ limit: 2, ...(cursor ? { cursor } : {}) }).set(auth(admin)).expect(200)).body;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const extractedIds = extraction.changes.extractedClaims.map((c: any) => c.id);
    const derived = seen.filter((e) => e.action === 'claim.extracted');
    expect(derived.map((e) => e.entityId)).toEqual([...extractedIds].reverse());
    const articleEvent = seen.findIndex((e) => e.action === 'article.extracted' && e.entityId === articleId);
    expect(seen.indexOf(derived[derived.length - 1])).toBe(articleEvent - 1);
    expect(derived.find((e) => e.entityId === claimId)).toMatchObject({
      entityType: 'claim', toStatus: 'queued', changes: { extracted: expect.objectContaining({ category: expect.any(String) }), revision: 1 },
    });
    // Filtered to the claim: its extraction with its other events.
    const forClaim = (await t.http.get('/v1/audit-events').query({ entityType: 'claim', entityId: claimId }).set(auth(admin)).expect(200)).body.items;
    expect(forClaim.map((e: any) => e.action)).toEqual(['claim.published', 'claim.verdict_proposed', 'claim.leased', 'claim.extracted']);
  });

  test('claims search filters by article url, category and status, with cursor pagination', async () => {
    const byUrl = await t.http.get('/v1/claims').query({ articleUrl: url, category: 'troop_count' }).set(auth(editor)).expect(200);
    expect(byUrl.body.items.length).toBeGreaterThan(0);
    expect(byUrl.body.items.every((c: any) => c.articleId === articleId && c.category === 'troop_count')).toBe(true);
    // Consumers: the published claim of that article only.
    const publicByUrl = await t.http.get('/v1/claims').query({ articleUrl: url }).set(auth(consumer)).expect(200);
    expect(publicByUrl.body.items.map((c: any) => c.status)).toEqual(['published']);

    const published = await t.http.get('/v1/claims?status=published').set(auth(consumer)).expect(200);
    expect(published.body.items).toHaveLength(1);
    expect(published.body.items[0].verdict.rating).toBe('mostly_true');

    const all = await t.http.get('/v1/claims?limit=200').set(auth(editor)).expect(200);
    expect(all.body.items.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.http.get('/v1/claims').query(cursor ? { limit: 2, cursor } : { limit: 2 }).set(auth(editor)).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c: any) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((c: any) => c.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('health reports database and redis up', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.redis.status).toBe('up');
    await t.http.get('/health/live').expect(200, { status: 'ok' });
  });

  test('the OpenAPI document lists the routes', async () => {
    const res = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/v1/articles', '/v1/articles/{id}', '/v1/claims', '/v1/claims/{id}', '/v1/review-tasks/lease', '/v1/claims/{id}/verdict']),
    );
  });
});
