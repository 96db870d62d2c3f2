import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth, resetState, startExtractionOnly, TestApp } from './harness.js';

// Own text. Published 2026-11-24T20:30Z: late Tuesday in UTC, already Wednesday 25 November in Tokyo.
const TEXT = 'Harbour police said 40 people were arrested yesterday after the port protest.';
const PUBLISHED = '2026-11-24T20:30:00Z';

/** Publishers' time zones: set by an admin, carried by each article ingested after, used by the extractor. */
describe('publisher time zones', () => {
  let t: TestApp;
  let admin: string;
  let editor: string;

  beforeAll(async () => {
    t = await TestApp.start('api', { DEFAULT_TIME_ZONE: 'UTC' });
    await resetState(t);
    admin = await t.token('admin', 'ops');
    editor = await t.token('editor', 'kenji');
  });
  afterAll(() => t.close());

  const ingestAndExtract = async (body: Record<string, unknown>) => {
    const res = await t.http.post('/v1/articles').set(auth(editor)).send({ title: 'port', publishedAt: PUBLISHED, ...body }).expect(202);
    const ctx = await startExtractionOnly(t.env);
    try {
      await ctx.extraction.extractArticle(res.body.id);
    } finally {
      await ctx.close();
    }
    const article = (await t.http.get(`/v1/articles/${res.body.id}`).set(auth(editor)).expect(200)).body;
    const [claim] = (await t.http.get(`/v1/articles/${res.body.id}/claims`).set(auth(editor)).expect(200)).body;
    return { article, claim };
  };

  test('an article of a publisher set to Asia/Tokyo reads "yesterday" as the Tokyo day before; others use the default', async () => {
    const set = await t.http.put('/v1/publishers/Harbour Times').set(auth(admin)).send({ timeZone: 'Asia/Tokyo' }).expect(200);
    expect(set.body).toMatchObject({ name: 'Harbour Times', timeZone: 'Asia/Tokyo', updatedByName: 'ops' });

    // The publisher's name matches whatever its case.
    const tokyo = await ingestAndExtract({ text: TEXT, publisher: 'harbour times' });
    expect(tokyo.article.timeZone).toBe('Asia/Tokyo');
    expect(tokyo.claim.timeRef).toMatchObject({ text: 'yesterday', date: '2026-11-24' });

    const elsewhere = await ingestAndExtract({ text: TEXT.replace('Harbour', 'Dock'), publisher: 'Dock Daily' });
    expect(elsewhere.article.timeZone).toBe('UTC');
    expect(elsewhere.claim.timeRef).toMatchObject({ text: 'yesterday', date: '2026-11-23' });

    // The caller's zone wins over the publisher's.
    const given = await ingestAndExtract({ text: TEXT.replace('Harbour', 'Quay'), publisher: 'Harbour Times', timeZone: 'America/New_York' });
    expect(given.article.timeZone).toBe('America/New_York');
    expect(given.claim.timeRef).toMatchObject({ date: '2026-11-23' });

    const list = (await t.http.get('/v1/publishers').set(auth(editor)).expect(200)).body;
    expect(list).toEqual({ items: [expect.objectContaining({ name: 'Harbour Times', timeZone: 'Asia/Tokyo' })], defaultTimeZone: 'UTC' });
    const audit = await t.db.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'publisher'`);
    expect(audit).toEqual([{ action: 'publisher.created', changes: { name: 'Harbour Times', timeZone: { from: null, to: 'Asia/Tokyo' } } }]);
  });

  test('bad zones, roles and unknown publishers get a clear answer', async () => {
    const bad = await t.http.put('/v1/publishers/Harbour Times').set(auth(admin)).send({ timeZone: 'Mars/Olympus' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.detail).toMatch(/IANA time zone/);
    await t.http.put('/v1/publishers/Harbour Times').set(auth(admin)).send({ timeZone: 'UTC', extra: 1 }).expect(400);
    await t.http.put('/v1/publishers/Harbour Times').set(auth(editor)).send({ timeZone: 'UTC' }).expect(403);
    expect((await t.http.post('/v1/articles').set(auth(editor)).send({ title: 'x', text: 'Some 12 boats sank.', timeZone: 'Nowhere/Else' }).expect(400)).body.detail)
      .toMatch(/timeZone must be an IANA time zone/);
    await t.http.delete('/v1/publishers/Nobody Weekly').set(auth(admin)).expect(404);
    await t.http.delete('/v1/publishers/harbour times').set(auth(admin)).expect(204);
    expect((await t.http.get('/v1/publishers').set(auth(editor)).expect(200)).body.items).toEqual([]);
  });
});
