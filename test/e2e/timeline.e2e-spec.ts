import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth, resetState, startExtractionOnly, TestApp } from './harness.js';

// Own texts: a toll that rises across reports, with the wounded and another province as near neighbours.
const FIRST = 'At least 40 people were killed in the floods in Morava province, the civil protection agency said on Saturday.';
const LATER = 'The death toll from the floods in Morava province rose to at least 52, the civil protection agency said.';
const WOUNDED = 'At least 300 people were injured in the floods in Morava province, officials said.';
const ELSEWHERE = 'At least 12 people were killed in the floods in Lenka province, officials said.';

/** GET /v1/claims/:id/timeline: the same quantity over time, from claims and sources, on the real stack. */
describe('a figure\'s history', () => {
  let t: TestApp;
  let editor: string;
  const claimOf: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.start('api');
    await resetState(t);
    editor = await t.token('editor', 'rhea');
    const ctx = await startExtractionOnly(t.env);
    try {
      for (const [name, text, publishedAt] of [['first', FIRST, '2026-11-01T08:00:00Z'], ['later', LATER, '2026-11-04T08:00:00Z'],
        ['wounded', WOUNDED, '2026-11-02T08:00:00Z'], ['elsewhere', ELSEWHERE, '2026-11-02T09:00:00Z']]) {
        const res = await t.http.post('/v1/articles').set(auth(editor)).send({ title: name, text, publishedAt, publisher: `${name} news` }).expect(202);
        await ctx.extraction.extractArticle(res.body.id);
        const [claim] = (await t.http.get(`/v1/articles/${res.body.id}/claims`).set(auth(editor)).expect(200)).body;
        claimOf[name] = claim.id;
      }
    } finally {
      await ctx.close();
    }
    await t.http.post(`/v1/claims/${claimOf.first}/sources`).set(auth(editor))
      .send({ url: 'https://relief.example.org/sitrep-3', title: 'Situation report 3', publisher: 'Relief coordination office', sourceType: 'intergovernmental', figure: { value: 47, asOf: '2026-11-02' } })
      .expect(201);
  });
  afterAll(() => t.close());

  test('the claims of the same quantity and their sources\' figures, by the date each describes; the wounded and another place are not in it', async () => {
    const res = await t.http.get(`/v1/claims/${claimOf.later}/timeline`).set(auth(editor)).expect(200);
    expect(res.body).toMatchObject({ claimId: claimOf.later, category: 'casualties', unit: 'killed' });
    const points = res.body.points.map((p: Record<string, any>) => [p.relation, p.date, p.dateBasis, p.figure.low ?? p.figure.value, p.who]);
    expect(points).toEqual([
      // "on Saturday" in an article of Sunday 1 November: the claim's own date.
      ['same_quantity', '2026-10-31', 'claim_date', 40, 'the civil protection agency'],
      ['source', '2026-11-02', 'as_of', 47, 'Relief coordination office'],
      ['this', '2026-11-04', 'article_published', 52, 'the civil protection agency'],
    ]);
    const ids = res.body.points.map((p: { claimId: string }) => p.claimId);
    expect(ids).not.toContain(claimOf.wounded);
    expect(ids).not.toContain(claimOf.elsewhere);
  });

  test('a confirmed match counts whatever its place; an unlinked one does not', async () => {
    // (Set in the table: extraction links only to published claims, and publishing is not what this file is about.)
    await t.db.query(`UPDATE claims SET matched_claim_id = $2, match_status = 'confirmed' WHERE id = $1`, [claimOf.elsewhere, claimOf.later]);
    const linked = (await t.http.get(`/v1/claims/${claimOf.later}/timeline`).set(auth(editor)).expect(200)).body;
    expect(linked.points.find((p: { claimId: string }) => p.claimId === claimOf.elsewhere)).toMatchObject({ relation: 'matched', date: '2026-11-02' });
    await t.db.query(`UPDATE claims SET match_status = 'unlinked' WHERE id = $1`, [claimOf.elsewhere]);
    const unlinked = (await t.http.get(`/v1/claims/${claimOf.later}/timeline`).set(auth(editor)).expect(200)).body;
    expect(unlinked.points.map((p: { claimId: string }) => p.claimId)).not.toContain(claimOf.elsewhere);
  });

  test('unknown claim 404, consumers 403, a bad id 400', async () => {
    await t.http.get('/v1/claims/00000000-0000-4000-8000-000000000000/timeline').set(auth(editor)).expect(404);
    await t.http.get(`/v1/claims/${claimOf.first}/timeline`).set(auth(await t.token('consumer'))).expect(403);
    await t.http.get('/v1/claims/not-an-id/timeline').set(auth(editor)).expect(400);
  });
});
