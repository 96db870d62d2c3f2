import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { validateJsonLd } from '../structured-data.js';
import { auth, resetState, startExtractionOnly, TestApp } from './harness.js';

const TROOPS = 'The defence ministry said on Monday that about 100,000 soldiers were stationed near the frontier.';
const LAYOFFS = 'Nordvik Motors will cut 4,200 jobs across its European plants, chief executive Anna Berg said on Thursday.';
const DISPLACED = 'About 1.5 million people have been displaced by the fighting, the U.N. refugee agency said on Friday.';

const PUBLICATION = {
  url: 'https://news.example.org/fact-checks/border-troops?id=7&lang=en',
  headline: 'Fact check: are 100,000 troops at the border?',
  language: 'en-GB',
  imageUrl: 'https://news.example.org/img/border.jpg',
};

/** Issue 13: verdicts carry what publishing needs; ClaimReview as Google asks for it; the sitemap crawlers read. */
describe('fact-checks that get published', () => {
  let t: TestApp;
  let alice: string; // editor
  let carol: string; // approver
  let dave: string; // approver
  let reader: string; // consumer

  beforeAll(async () => {
    t = await TestApp.start('api', { REQUIRE_APPROVAL: 'true', REQUIRE_CORRECTION_APPROVAL: 'false' });
    await resetState(t);
    [alice, carol, dave, reader] = [
      await t.token('editor', 'alice'), await t.token('approver', 'carol'), await t.token('approver', 'dave'), await t.token('consumer', 'reader'),
    ];
  });
  afterAll(() => t.close());

  /** Ingests `text` as an article with a url (where ClaimReview's appearance points) and extracts it here. */
  let articles = 0;
  const seed = async (text: string) => {
    const url = `https://wire.example.com/2026/11/story-${++articles}`;
    const res = await t.http.post('/v1/articles').set(auth(alice))
      .send({ url, title: `Story ${articles}`, publisher: 'Example Wire', publishedAt: '2026-11-25T09:00:00Z', text }).expect(202);
    const ctx = await startExtractionOnly(t.env);
    try {
      await ctx.extraction.extractArticle(res.body.id);
    } finally {
      await ctx.close();
    }
    return (await t.http.get(`/v1/articles/${res.body.id}/claims`).set(auth(alice)).expect(200)).body as any[];
  };

  /** alice leases the claim of `text` and attaches a source; returns the claim and the source. */
  const leasedClaim = async (text: string) => {
    const claims = await seed(text);
    const claim = claims.find((c: any) => c.quantity) ?? claims[0];
    await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).expect(200);
    const sourceId = (await t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(alice))
      .send({ url: 'https://stats.example.gov/r', title: 'Official figures', sourceType: 'official' }).expect(201)).body.id as string;
    return { claim, sourceId };
  };
  const propose = (claimId: string, body: Record<string, unknown>) => t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(alice)).send(body);
  /** A published verdict on `text` with `extra` (publication, claimReviewed) in the proposal. */
  const published = async (text: string, extra: Record<string, unknown>) => {
    const { claim, sourceId } = await leasedClaim(text);
    const verdict = (await propose(claim.id, { rating: 'mostly_true', summary: 'Close to the official figure.', sourceIds: [sourceId], ...extra }).expect(201)).body;
    await t.http.post(`/v1/verdicts/${verdict.id}/approve`).set(auth(carol)).expect(200);
    return { claim, verdict, sourceId };
  };

  let troops: Awaited<ReturnType<typeof published>>;

  test('an editor proposes with the publication and a short claim; the approver sees them; published, every answer carries them', async () => {
    const { claim, sourceId } = await leasedClaim(TROOPS);
    const proposed = await propose(claim.id, {
      rating: 'mostly_true', summary: 'The ministry counts 102,000.', sourceIds: [sourceId],
      publication: PUBLICATION, claimReviewed: '  100,000 troops are at the border ',
    }).expect(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', publication: PUBLICATION, claimReviewed: '100,000 troops are at the border' });

    const waiting = (await t.http.get('/v1/approvals').set(auth(carol)).expect(200)).body.items;
    expect(waiting[0].verdict).toMatchObject({ id: proposed.body.id, publication: PUBLICATION, claimReviewed: '100,000 troops are at the border' });
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(auth(alice)).expect(200)).body.proposedVerdict).toMatchObject({ publication: PUBLICATION });

    await t.http.post(`/v1/verdicts/${proposed.body.id}/approve`).set(auth(carol)).expect(200);
    expect((await t.http.get(`/v1/verdicts/${proposed.body.id}`).set(auth(reader)).expect(200)).body).toMatchObject({ status: 'published', publication: PUBLICATION });
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(200)).body.verdict).toMatchObject({
      publication: PUBLICATION, claimReviewed: '100,000 troops are at the border',
    });
    const feed = (await t.http.get('/v1/verdicts').set(auth(reader)).expect(200)).body.items;
    expect(feed[0].verdict).toMatchObject({ id: proposed.body.id, publication: PUBLICATION });
    const audit = (await t.http.get(`/v1/claims/${claim.id}/history`).set(auth(alice)).expect(200)).body;
    expect(audit.find((e: any) => e.action === 'verdict.proposed').changes).toMatchObject({ publication: PUBLICATION, claimReviewed: '100,000 troops are at the border' });
    troops = { claim, verdict: proposed.body, sourceId };
  });

  test("its ClaimReview follows Google's guidance and passes structured-data-testing-tool (Google preset) with no errors", async () => {
    const res = await t.http.get(`/v1/claims/${troops.claim.id}/claim-review`).set(auth(reader)).expect(200);
    expect(res.body).toMatchObject({
      '@id': `https://factcheck.example.org/v1/claims/${troops.claim.id}/claim-review`,
      url: PUBLICATION.url,
      headline: PUBLICATION.headline,
      inLanguage: 'en-GB',
      image: PUBLICATION.imageUrl,
      claimReviewed: '100,000 troops are at the border',
      reviewRating: { name: 'Mostly true', alternateName: 'Mostly true', ratingValue: 4 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: expect.stringMatching(/defence ministry/i) },
        appearance: { '@type': 'CreativeWork', url: 'https://wire.example.com/2026/11/story-1', headline: 'Story 1', inLanguage: 'en', publisher: { name: 'Example Wire' } },
        firstAppearance: { '@type': 'CreativeWork', url: 'https://wire.example.com/2026/11/story-1' },
      },
    });
    const result = await validateJsonLd(res.body);
    expect({ errors: result.errors, warnings: result.warnings, schemas: result.schemas }).toEqual({ errors: [], warnings: [], schemas: ['ClaimReview'] });
    // The bulk feed gives the same document.
    const bulk = (await t.http.get('/v1/claim-reviews').set(auth(reader)).expect(200)).body.items;
    expect(bulk.find((r: any) => r.url === PUBLICATION.url)).toEqual(res.body);
  });

  test.each([
    { who: 'a person', text: LAYOFFS, type: 'Person', name: /Anna Berg/ },
    { who: 'an agency', text: DISPLACED, type: 'Organization', name: /refugee agency/ },
  ])('a claim by $who: itemReviewed.author is a $type, and the ClaimReview validates', async ({ text, type, name }) => {
    const { claim } = await published(text, {
      publication: { url: `https://news.example.org/fact-checks/${type.toLowerCase()}`, headline: `Checked: ${type}`, language: 'en' },
    });
    const review = (await t.http.get(`/v1/claims/${claim.id}/claim-review`).set(auth(reader)).expect(200)).body;
    expect(review.itemReviewed.author).toMatchObject({ '@type': type, name: expect.stringMatching(name) });
    // Without a short form given, claimReviewed is the claim's sentence.
    expect(review.claimReviewed).toBe(claim.text);
    const result = await validateJsonLd(review);
    expect({ errors: result.errors, warnings: result.warnings }).toEqual({ errors: [], warnings: [] });
  });

  test('bad publication fields are 400 naming the field; nothing is saved', async () => {
    const { claim, sourceId } = await leasedClaim('Some 300 tanks crossed the river, the army said on Friday.');
    const base = { rating: 'mostly_true', summary: 'x', sourceIds: [sourceId] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ publication: { ...PUBLICATION, url: 'ftp://news.example.org/a' } }, 'publication.url'],
      [{ publication: { ...PUBLICATION, url: 'javascript:alert(1)' } }, 'publication.url'],
      [{ publication: { ...PUBLICATION, url: 'not a url' } }, 'publication.url'],
      [{ publication: { ...PUBLICATION, headline: '   ' } }, 'publication.headline'],
      [{ publication: { ...PUBLICATION, headline: 'h'.repeat(201) } }, 'publication.headline'],
      [{ publication: { ...PUBLICATION, language: 'english' } }, 'publication.language'],
      [{ publication: { ...PUBLICATION, language: 'en_GB' } }, 'publication.language'],
      [{ publication: { ...PUBLICATION, imageUrl: 'data:image/png;base64,AAAA' } }, 'publication.imageUrl'],
      [{ publication: { url: PUBLICATION.url, language: 'en' } }, 'publication.headline'],
      [{ publication: { ...PUBLICATION, author: 'me' } }, 'publication.author'],
      [{ publication: 'https://news.example.org/a' }, 'publication'],
      [{ claimReviewed: 'c'.repeat(281) }, 'claimReviewed'],
      [{ claimReviewed: '' }, 'claimReviewed'],
    ];
    for (const [extra, field] of cases) {
      const res = await propose(claim.id, { ...base, ...extra }).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect({ extra, fields: res.body.errors.map((e: any) => e.field) }).toEqual({ extra, fields: expect.arrayContaining([field]) });
    }
    for (const language of ['en', 'pt-BR', 'zh-Hant-TW', 'es-419']) {
      const ok = await propose(claim.id, { ...base, publication: { ...PUBLICATION, language } });
      expect({ language, status: ok.status }).toEqual({ language, status: 201 });
      await t.http.post(`/v1/verdicts/${ok.body.id}/reject`).set(auth(carol)).send({ reason: 'again' }).expect(200);
    }
  });

  test('an approver changes the publication of the published verdict in place: same version, audited; others get 403, drafts 409', async () => {
    const path = `/v1/verdicts/${troops.verdict.id}`;
    const changed = { url: 'https://news.example.org/fact-checks/border-troops-updated', headline: 'Fact check: how many troops are at the border?', language: 'en' };
    await t.http.patch(path).set(auth(alice)).send({ publication: changed }).expect(403);
    await t.http.patch(path).set(auth(reader)).send({ publication: changed }).expect(403);
    await t.http.patch(path).set(auth(dave)).send({}).expect(422);
    await t.http.patch(path).set(auth(dave)).send({ rating: 'false' }).expect(400);
    await t.http.patch(path).set(auth(dave)).send({ publication: { ...changed, language: 'English' } }).expect(400);
    await t.http.patch('/v1/verdicts/0b6c1f3e-8a55-4a9e-9d3e-2f1c7a9b5e10').set(auth(dave)).send({ publication: changed }).expect(404);

    const before = (await t.http.get(`/v1/claims/${troops.claim.id}`).set(auth(reader)).expect(200)).body.verdict;
    const res = await t.http.patch(path).set(auth(dave)).send({ publication: changed, claimReviewed: 'Russia has 100,000 troops at the border' }).expect(200);
    expect(res.body).toMatchObject({ id: troops.verdict.id, version: before.version, status: 'published', publication: { ...changed, imageUrl: null }, claimReviewed: 'Russia has 100,000 troops at the border' });
    const after = (await t.http.get(`/v1/claims/${troops.claim.id}`).set(auth(reader)).expect(200)).body.verdict;
    expect(after).toMatchObject({ id: before.id, version: before.version, publishedAt: before.publishedAt, publication: { ...changed, imageUrl: null } });
    const review = (await t.http.get(`/v1/claims/${troops.claim.id}/claim-review`).set(auth(reader)).expect(200)).body;
    expect(review).toMatchObject({ url: changed.url, headline: changed.headline, inLanguage: 'en', claimReviewed: 'Russia has 100,000 troops at the border' });
    expect(review).not.toHaveProperty('image');

    const events = (await t.http.get('/v1/audit-events').query({ entityType: 'verdict', entityId: troops.verdict.id, action: 'verdict.publication_updated' }).set(auth(await t.token('admin'))).expect(200)).body.items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorName: 'dave',
      changes: {
        publication: { from: PUBLICATION, to: { ...changed, imageUrl: null } },
        claimReviewed: { from: '100,000 troops are at the border', to: 'Russia has 100,000 troops at the border' },
      },
    });
    // The same values again change nothing and write no event.
    await t.http.patch(path).set(auth(dave)).send({ publication: changed }).expect(200);
    expect((await t.http.get('/v1/audit-events').query({ entityId: troops.verdict.id, action: 'verdict.publication_updated' }).set(auth(await t.token('admin')))).body.items).toHaveLength(1);

    // A proposed verdict is not published yet: 409.
    const { claim, sourceId } = await leasedClaim('Officials said the fighting had killed more than 14,000 people since 2014.');
    const draft = (await propose(claim.id, { rating: 'mostly_true', summary: 'x', sourceIds: [sourceId] }).expect(201)).body;
    const conflict = await t.http.patch(`/v1/verdicts/${draft.id}`).set(auth(dave)).send({ publication: changed }).expect(409);
    expect(conflict.body).toMatchObject({ code: 'verdict_not_published', currentStatus: 'proposed' });
  });

  test('a correction carries the publication over unless it gives one; the superseded version cannot be changed (409)', async () => {
    const correction = (await t.http.post(`/v1/claims/${troops.claim.id}/corrections`).set(auth(carol))
      .send({ rating: 'misleading', summary: 'A newer count says 150,000.', reason: 'New figures.' }).expect(201)).body;
    expect(correction).toMatchObject({ status: 'published', publication: { url: 'https://news.example.org/fact-checks/border-troops-updated' }, claimReviewed: 'Russia has 100,000 troops at the border' });
    const res = await t.http.patch(`/v1/verdicts/${troops.verdict.id}`).set(auth(dave)).send({ claimReviewed: 'old' }).expect(409);
    expect(res.body).toMatchObject({ code: 'verdict_not_published', currentStatus: 'superseded' });
    expect(res.body.detail).toMatch(/current one/);
  });

  test('GET /v1/claim-reviews/sitemap.xml: no token, XML, the current published fact-check urls once each, escaped, with lastmod', async () => {
    const res = await t.http.get('/v1/claim-reviews/sitemap.xml').expect(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const xml = res.text;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    const entries = [...xml.matchAll(/<url><loc>([^<]*)<\/loc><lastmod>([^<]*)<\/lastmod><\/url>/g)].map((m) => ({ loc: m[1], lastmod: m[2] }));
    // The troops fact-check (its updated url: the correction carried it), the person's and the agency's; not the
    // rejected or proposed ones, nor the superseded version's old url.
    expect(entries.map((e) => e.loc).sort()).toEqual([
      'https://news.example.org/fact-checks/border-troops-updated',
      'https://news.example.org/fact-checks/organization',
      'https://news.example.org/fact-checks/person',
    ]);
    for (const e of entries) expect(new Date(e.lastmod).toISOString()).toBe(e.lastmod);

    // A url with & < ' is escaped; a second claim on the same article is listed once; the change moves lastmod.
    const odd = 'https://news.example.org/fact-checks/a?x=1&y="2"&z=\'3\'';
    const two = await published('The agency said 3,500 families had fled the flooded valley since Tuesday.', { publication: { url: odd, headline: 'Two claims', language: 'en' } });
    await published('The finance minister said the government would spend $2.5 billion on reconstruction next year.', { publication: { url: odd, headline: 'Two claims', language: 'en' } });
    const again = (await t.http.get('/v1/claim-reviews/sitemap.xml').expect(200)).text;
    expect(again).toContain('<loc>https://news.example.org/fact-checks/a?x=1&amp;y=&quot;2&quot;&amp;z=&apos;3&apos;</loc>');
    expect(again.split('fact-checks/a?x=1').length - 1).toBe(1);
    const lastmodOf = (doc: string, loc: string) => new RegExp(`<loc>${loc.replace(/[?.]/g, '\\$&')}</loc><lastmod>([^<]*)</lastmod>`).exec(doc)?.[1];
    const first = lastmodOf(again, 'https://news.example.org/fact-checks/person')!;
    const person = (await t.http.get('/v1/verdicts').set(auth(reader))).body.items.find((i: any) => i.verdict.publication?.url === 'https://news.example.org/fact-checks/person');
    await t.http.patch(`/v1/verdicts/${person.verdict.id}`).set(auth(dave)).send({ publication: { url: 'https://news.example.org/fact-checks/person', headline: 'Checked: Person, revised', language: 'en' } }).expect(200);
    const third = (await t.http.get('/v1/claim-reviews/sitemap.xml').expect(200)).text;
    expect(new Date(lastmodOf(third, 'https://news.example.org/fact-checks/person')!).getTime()).toBeGreaterThan(new Date(first).getTime());
    expect(two.verdict.publication.url).toBe(odd);

    // null takes them back: the short claim becomes the sentence again, and without a publication the verdict
    // leaves the sitemap and its ClaimReview has no url.
    const back = await t.http.patch(`/v1/verdicts/${person.verdict.id}`).set(auth(dave)).send({ publication: null, claimReviewed: null }).expect(200);
    expect(back.body).toMatchObject({ publication: null, claimReviewed: null });
    const review = (await t.http.get(`/v1/claims/${person.claim.id}/claim-review`).set(auth(reader)).expect(200)).body;
    expect(review).not.toHaveProperty('url');
    expect(review.claimReviewed).toBe(person.claim.text);
    expect((await t.http.get('/v1/claim-reviews/sitemap.xml').expect(200)).text).not.toContain('fact-checks/person');
  });
});
