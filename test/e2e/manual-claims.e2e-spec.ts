import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth, resetState, startExtractionOnly, TestApp } from './harness.js';

// Own text. The second paragraph's toll is the kind of figure an editor may find missing and add by hand.
const TEXT = `Rescue teams in the river valley worked through the night, the regional governor said on Friday.

By morning at least 52 people had died in the floods, and some 3,000 homes stood under water, according to volunteers.`;

/** An editor adds a claim the extractor missed, by its span: validated against the text, audited, queued. */
describe('POST /v1/articles/:id/claims', () => {
  let t: TestApp;
  let editor: string;
  let consumer: string;
  let articleId: string;
  const spanOf = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

  beforeAll(async () => {
    t = await TestApp.start('api');
    await resetState(t);
    editor = await t.token('editor', 'ines');
    consumer = await t.token('consumer', 'feed');
    await t.seed(editor, TEXT);
    [{ id: articleId }] = await t.db.query(`SELECT id FROM articles`);
  });
  afterAll(() => t.close());

  const add = (body: Record<string, unknown>, token = editor, id = articleId) => t.http.post(`/v1/articles/${id}/claims`).set(auth(token)).send(body);

  test('with the figure given: stored with its place in the text, queued with an open task, audited with who and why', async () => {
    const words = 'some 3,000 homes stood under water';
    const res = await add({ ...spanOf(words), category: 'quantity_other', quantity: { text: 'some 3,000', value: 3000, unit: 'homes', qualifier: 'approximate' }, reason: 'Flooded homes were not extracted.' }).expect(201);
    expect(res.headers.location).toBe(`/v1/claims/${res.body.id}`);
    expect(res.body).toMatchObject({
      articleId, text: words, start: spanOf(words).start, end: spanOf(words).end, category: 'quantity_other', status: 'queued',
      quantity: { text: 'some 3,000', value: 3000, unit: 'homes', qualifier: 'approximate' },
    });
    expect(TEXT.slice(res.body.quantity.start, res.body.quantity.end)).toBe('some 3,000');
    const [task] = await t.db.query(`SELECT status FROM review_tasks WHERE claim_id = $1`, [res.body.id]);
    expect(task.status).toBe('open');
    const history = (await t.http.get(`/v1/claims/${res.body.id}/history`).set(auth(editor)).expect(200)).body;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'claim.added', actorName: 'ines', toStatus: 'queued', reason: 'Flooded homes were not extracted.' });
    expect(history[0].changes.readByExtractor).not.toContain('quantity');
    // The article's claims stay in reading order, the added one among them.
    const listed = (await t.http.get(`/v1/articles/${articleId}/claims`).set(auth(editor)).expect(200)).body as Array<{ start: number }>;
    expect(listed.map((c) => c.start)).toEqual([...listed.map((c) => c.start)].sort((a, b) => a - b));
    expect(listed.map((c: { start: number }) => c.start)).toContain(spanOf(words).start);
  });

  test('with only the span and category: the extractor reads the figure from the span; white space at the edge of the span is dropped', async () => {
    const words = 'at least 52 people had died in the floods';
    const { start, end } = spanOf(words);
    const res = await add({ start: start - 1, end, category: 'casualties' }).expect(201); // the space before "at" is dropped
    expect(res.body).toMatchObject({ text: words, start, end, category: 'casualties', quantity: { low: 52, qualifier: 'lower_bound' } });
    expect(TEXT.slice(res.body.quantity.start, res.body.quantity.end)).toMatch(/52/);
    const history = (await t.http.get(`/v1/claims/${res.body.id}/history`).set(auth(editor)).expect(200)).body;
    expect(history[0].changes.readByExtractor).toContain('quantity');
  });

  test('bad spans and figures get a clear answer, and nothing is stored', async () => {
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM claims`);
    const reversed = await add({ start: 10, end: 10, category: 'statement' }).expect(400);
    expect(reversed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reversed.body.errors).toEqual([{ field: 'end', message: 'end must be greater than start' }]);
    const beyond = await add({ start: 5, end: TEXT.length + 5, category: 'statement' }).expect(422);
    expect(beyond.body).toMatchObject({ code: 'span_out_of_range', textLength: TEXT.length });
    const blankAt = TEXT.indexOf('\n\n');
    expect((await add({ start: blankAt, end: blankAt + 2, category: 'statement' }).expect(422)).body.code).toBe('empty_span');
    const missing = await add({ ...spanOf('Rescue teams in the river valley'), category: 'statement', quantity: { text: '12 teams', value: 12 } }).expect(422);
    expect(missing.body.code).toBe('quantity_not_in_span');
    expect((await add({ ...spanOf('Rescue teams'), category: 'statement', quantity: { unit: 'teams' } }).expect(400)).body.detail).toMatch(/value, or low and\/or high/);
    expect((await add({ ...spanOf('Rescue teams'), category: 'statement', quantity: { value: 3, low: 2 } }).expect(400)).body.detail).toMatch(/not both/);
    expect((await add({ ...spanOf('Rescue teams'), category: 'rumour' }).expect(400)).body.errors[0].field).toBe('category');
    expect((await add({ ...spanOf('Rescue teams'), category: 'statement', pinned: true }).expect(400)).body.detail).toMatch(/pinned/);
    const again = await add({ ...spanOf('at least 52 people had died in the floods'), category: 'casualties' }).expect(409);
    expect(again.body.code).toBe('claim_exists');
    expect(again.body.claimId).toMatch(/^[0-9a-f-]{36}$/);
    await add({ ...spanOf('Rescue teams'), category: 'statement' }, editor, '00000000-0000-4000-8000-000000000000').expect(404);
    await add({ ...spanOf('Rescue teams'), category: 'statement' }, consumer).expect(403);
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM claims`);
    expect(after).toBe(before);
  });

  test('a claim an editor added stays through a new revision of the article, as a claim an editor worked on', async () => {
    const url = 'https://news.example.org/valley-floods-live';
    const live = TEXT.replace('the regional governor', 'the provincial governor'); // (the same text again would be the seeded article)
    const first = (await t.http.post('/v1/articles').set(auth(editor)).send({ url, title: 'live', text: live }).expect(202)).body;
    const ctx = await startExtractionOnly(t.env);
    try {
      await ctx.extraction.extractArticle(first.id);
      const words = 'some 3,000 homes stood under water';
      const added = (await add({ start: live.indexOf(words), end: live.indexOf(words) + words.length, category: 'quantity_other' }, editor, first.id).expect(201)).body;
      expect(added.text).toBe(words);
      // The first paragraph changes; the added claim's sentence does not.
      const revised = live.replace('worked through the night', 'worked through a second night');
      expect((await t.http.post('/v1/articles').set(auth(editor)).send({ url, title: 'live', text: revised }).expect(202)).body).toMatchObject({ revised: true, revision: 2 });
      await ctx.extraction.extractArticle(first.id);
      const claim = (await t.http.get(`/v1/claims/${added.id}`).set(auth(editor)).expect(200)).body;
      expect(claim).toMatchObject({ id: added.id, status: 'queued', goneInRevision: null, start: revised.indexOf(words), text: words });
    } finally {
      await ctx.close();
    }
  });

  test('an article not yet extracted takes no hand-made claims (the extraction would number its claims over them)', async () => {
    const queued = await t.http.post('/v1/articles').set(auth(editor)).send({ title: 'later', text: 'Officials said 40 villages were cut off by the landslide on Sunday.' }).expect(202);
    const res = await add({ start: 0, end: 20, category: 'statement' }, editor, queued.body.id).expect(409);
    expect(res.body).toMatchObject({ code: 'article_not_extracted', currentStatus: 'queued' });
  });
});
