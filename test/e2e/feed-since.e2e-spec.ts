import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { auth, resetState, TestApp } from './harness.js';

/** A consumer polling the feed from a wrong position must be told, not silently skip what comes next (issue 9). */
describe('feed ?since= beyond the newest position', () => {
  let t: TestApp;
  let reader: string;

  beforeAll(async () => {
    t = await TestApp.start('api', { REQUIRE_APPROVAL: 'false' });
  });
  beforeEach(async () => {
    await resetState(t);
    reader = await t.token('consumer', 'reader');
  });
  afterAll(() => t.close());

  test.each(['/v1/verdicts', '/v1/claim-reviews'])('%s: a position past the newest one is 400 problem+json; the newest itself is fine', async (path) => {
    // Empty feed: the newest position is 0.
    expect((await t.http.get(path).query({ since: '0' }).set(auth(reader)).expect(200)).body).toMatchObject({ items: [], since: '0' });
    const early = await t.http.get(path).query({ since: '5' }).set(auth(reader)).expect(400);
    expect(early.headers['content-type']).toMatch(/problem\+json/);
    expect(early.body).toMatchObject({ status: 400, code: 'since_ahead_of_feed' });

    const editor = await t.token('editor');
    const [claim] = await t.seed(editor, `The ministry said ${path.length},000 troops were at the border.`);
    await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(200);
    const source = await t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(editor)).send({ url: 'https://mod.example.gov/a', title: 'Ministry' }).expect(201);
    await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(editor)).send({ rating: 'true', summary: 's', sourceIds: [source.body.id] }).expect(201);

    const newest = (await t.http.get(path).set(auth(reader)).expect(200)).body.since;
    expect(Number(newest)).toBeGreaterThan(0);
    expect((await t.http.get(path).query({ since: newest }).set(auth(reader)).expect(200)).body).toMatchObject({ items: [], since: newest });
    const ahead = String(Number(newest) + 1000);
    const res = await t.http.get(path).query({ since: ahead }).set(auth(reader)).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'since_ahead_of_feed', newestPosition: newest });
    expect(res.body.detail).toContain(ahead);
    expect(res.body.detail).toContain(newest);
  });
});
