import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ARTICLE_TEXT, auth, resetState, TestApp } from './harness.js';

/** GET /v1/articles: filters by publisher, words of the title or url, ingestion time; claim counts per status. */
describe('GET /v1/articles filters and claim counts', () => {
  let t: TestApp;
  let editor: string;
  const ids: Record<string, string> = {};
  const list = async (query: Record<string, string | number>) =>
    (await t.http.get('/v1/articles').query(query).set(auth(editor)).expect(200)).body as { items: any[]; nextCursor: string | null };

  beforeAll(async () => {
    t = await TestApp.start('api'); // no worker: articles stay queued unless seeded
    await resetState(t);
    editor = await t.token('editor');
    const ingest = async (key: string, body: Record<string, string>, at: string) => {
      ids[key] = (await t.http.post('/v1/articles').set(auth(editor)).send(body).expect(202)).body.id;
      await t.db.query(`UPDATE articles SET created_at = $2 WHERE id = $1`, [ids[key], at]);
    };
    await ingest('border', { title: 'Troop buildup continues along the border', publisher: 'Example News', url: 'https://news.example.org/world/border-buildup', text: 'Russia moved 100,000 troops to the border.' }, '2026-11-20T10:00:00Z');
    await ingest('budget', { title: 'Budget vote delayed', publisher: 'Example News', url: 'https://news.example.org/politics/budget', text: 'The budget of 4 billion euros was delayed.' }, '2026-11-22T10:00:00Z');
    await ingest('floods', { title: 'Floods displace thousands', publisher: 'Daily Planet', url: 'https://planet.example.com/floods-2026', text: 'Floods displaced 20,000 people in the north.' }, '2026-11-24T10:00:00Z');
    // A fourth, extracted in this process, with claims in several statuses.
    const claims = await t.seed(editor, ARTICLE_TEXT);
    ids.seeded = claims[0].articleId;
    const queued = claims.filter((c) => c.status === 'queued');
    await t.http.post(`/v1/claims/${queued[0].id}/triage`).set(auth(editor)).send({ action: 'dismiss', reason: 'opinion' }).expect(200);
    await t.http.post(`/v1/claims/${queued[1].id}/lease`).set(auth(editor)).expect(200);
  });
  afterAll(() => t.close());

  test('claimCounts: the claims of each article by status, adding up to claimCount', async () => {
    const { items } = await list({});
    expect(items.map((a) => a.id)).toEqual([ids.seeded, ids.floods, ids.budget, ids.border]);
    const byStatus: Array<{ status: string; n: number }> = await t.db.query(
      `SELECT status, count(*)::int AS n FROM claims WHERE article_id = $1 GROUP BY status`, [ids.seeded],
    );
    const expected = { queued: 0, in_review: 0, awaiting_approval: 0, published: 0, dismissed: 0, ...Object.fromEntries(byStatus.map((r) => [r.status, r.n])) };
    expect(items[0].claimCounts).toEqual(expected);
    expect(expected.in_review).toBe(1);
    expect(expected.dismissed).toBeGreaterThanOrEqual(1);
    expect(Object.values(items[0].claimCounts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(items[0].claimCount);
    expect(items[1]).toMatchObject({ claimCount: 0, claimCounts: { queued: 0, in_review: 0, awaiting_approval: 0, published: 0, dismissed: 0 }, revision: 1 });
    // The article itself says the same.
    const one = (await t.http.get(`/v1/articles/${ids.seeded}`).set(auth(editor)).expect(200)).body;
    expect(one.claimCounts).toEqual(expected);
  });

  test('publisher: exact name, newest first, paged with the same cursor scheme', async () => {
    expect((await list({ publisher: 'Example News' })).items.map((a) => a.id)).toEqual([ids.budget, ids.border]);
    expect((await list({ publisher: 'Daily Planet' })).items.map((a) => a.id)).toEqual([ids.floods]);
    expect((await list({ publisher: 'example news' })).items).toEqual([]);
    const p1 = await list({ publisher: 'Example News', limit: 1 });
    expect(p1.items.map((a) => a.id)).toEqual([ids.budget]);
    const p2 = await list({ publisher: 'Example News', limit: 1, cursor: p1.nextCursor! });
    expect(p2.items.map((a) => a.id)).toEqual([ids.border]);
    expect(p2.nextCursor).toBeNull();
  });

  test('q: words of the title (stemmed) or a part of the url', async () => {
    expect((await list({ q: 'troops' })).items.map((a) => a.id)).toEqual([ids.border]); // "Troop" in the title
    expect((await list({ q: 'flood' })).items.map((a) => a.id)).toEqual([ids.floods]);
    expect((await list({ q: 'politics/bud' })).items.map((a) => a.id)).toEqual([ids.budget]); // the url
    expect((await list({ q: 'news.example.org' })).items.map((a) => a.id)).toEqual([ids.budget, ids.border]);
    expect((await list({ q: '100%' })).items).toEqual([]); // % is a character, not a wildcard
    expect((await list({ q: 'nothing like this' })).items).toEqual([]);
  });

  test('since: ingested at or after; combines with the other filters', async () => {
    expect((await list({ since: '2026-11-22T10:00:00Z' })).items.map((a) => a.id)).toEqual([ids.seeded, ids.floods, ids.budget]);
    expect((await list({ since: '2026-11-22T10:00:01Z', publisher: 'Example News' })).items).toEqual([]);
    expect((await list({ since: '2026-11-21', status: 'queued', q: 'example' })).items.map((a) => a.id)).toEqual([ids.floods, ids.budget]);
  });

  test('bad parameters: 400 problem+json naming the field', async () => {
    const bad = async (query: Record<string, string>, field: string) => {
      const res = await t.http.get('/v1/articles').query(query).set(auth(editor)).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
      expect(res.body.detail).toEqual(expect.any(String));
    };
    await bad({ since: 'yesterday' }, 'since');
    await bad({ since: '2026-13-45' }, 'since');
    await bad({ q: 'x' }, 'q');
    await bad({ q: 'y'.repeat(201) }, 'q');
    await bad({ publisher: '' }, 'publisher');
    await bad({ publisher: 'p'.repeat(301) }, 'publisher');
    await bad({ sort: 'title' }, 'sort');
    const cursor = await t.http.get('/v1/articles').query({ cursor: 'bogus' }).set(auth(editor)).expect(400);
    expect(cursor.body.code).toBe('invalid_cursor');
  });
});
