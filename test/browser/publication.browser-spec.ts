import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth } from '../e2e/harness.js';
import { validateJsonLd } from '../structured-data.js';
import { consoleErrors, Desk, expectAccessible, screenshot, takeCiteAndRate } from './desk.js';

const TEXT = 'The interior ministry said on Wednesday that about 48,000 families had been displaced by the floods in the delta region.';

/** Issue 13 in the desk: the editor proposes with the publication, the approver approves, then changes the publication. */
describe('publishing a fact-check from the desk', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await Desk.start({ REQUIRE_APPROVAL: 'true' });
  });
  afterAll(() => desk.close());

  test('propose with the publication and a short claim → approve → the approver edits the publication; ClaimReview follows', async () => {
    const seeder = await desk.t.token('editor');
    const [claim] = (await desk.t.seed(seeder, TEXT)).filter((c: { status: string }) => c.status === 'queued');
    expect(claim).toBeDefined();
    const editor = await desk.signedIn('editor', 'maya');
    const approver = await desk.signedIn('approver', 'chief');

    // Editor: take the claim, add a source, then the verdict with its publication.
    const e = editor.page;
    await takeCiteAndRate(e, claim.id);
    // The short claim starts as the claim's sentence.
    await expect(e.getByLabel('Claim in short').inputValue()).resolves.toBe(TEXT);
    await e.getByLabel('Claim in short').fill('48,000 families displaced by the delta floods');
    await e.getByLabel('Fact-check article address').fill('news.example.org/fact-checks/delta-floods');
    await e.getByLabel('Headline').fill('Fact check: how many families did the floods displace?');
    await e.getByLabel('Language', { exact: true }).fill('en-GB');
    await e.getByRole('button', { name: 'Propose verdict' }).click();
    // Checked before sending: an address without http(s).
    await e.getByText('The address must start with http:// or https://.').waitFor();
    await e.getByLabel('Fact-check article address').fill('https://news.example.org/fact-checks/delta-floods');
    await e.getByLabel('Image address (optional)').fill('https://news.example.org/img/delta.jpg');
    await expectAccessible(e, 'verdict form with publication');
    await e.getByRole('button', { name: 'Propose verdict' }).click();
    await e.getByRole('heading', { name: /Proposed verdict/ }).waitFor();
    await e.getByRole('link', { name: 'Fact check: how many families did the floods displace?' }).waitFor();

    // Approver: the publication is part of what they approve.
    const a = approver.page;
    await a.goto('/approvals');
    const detail = a.getByRole('article', { name: /Proposed verdict/ });
    await detail.getByRole('link', { name: 'Fact check: how many families did the floods displace?' }).waitFor();
    await detail.getByText('Claim in short: “48,000 families displaced by the delta floods”').waitFor();
    await detail.getByRole('button', { name: 'Approve and publish' }).click();
    await a.getByText('Nothing is waiting for approval.').waitFor();

    // Approver: on the published verdict, change the headline and the address in place.
    await a.goto(`/claims/${claim.id}?tab=verdict`);
    const card = a.locator('.verdict-view').filter({ hasText: 'Published verdict' });
    await card.getByRole('link', { name: 'Fact check: how many families did the floods displace?' }).waitFor();
    await card.getByRole('button', { name: 'Edit publication' }).click();
    const form = a.getByRole('form', { name: 'Edit publication' });
    await expect(form.getByLabel('Headline').inputValue()).resolves.toBe('Fact check: how many families did the floods displace?');
    await form.getByLabel('Headline').fill('');
    await form.getByRole('button', { name: 'Save publication' }).click();
    await form.getByText("Give the article's headline.").waitFor();
    await form.getByLabel('Headline').fill('Fact check: 48,000 displaced by the delta floods?');
    await form.getByLabel('Fact-check article address').fill('https://news.example.org/fact-checks/delta-floods-2026');
    await expectAccessible(a, 'edit publication');
    await form.getByRole('button', { name: 'Save publication' }).click();
    await card.getByRole('link', { name: 'Fact check: 48,000 displaced by the delta floods?' }).waitFor();
    await expect(card.getByRole('link', { name: 'Fact check: 48,000 displaced by the delta floods?' }).getAttribute('href'))
      .resolves.toBe('https://news.example.org/fact-checks/delta-floods-2026');
    await screenshot(a, 'publication-edited');

    // Readers and crawlers: same version, the new publication in ClaimReview (which validates) and in the sitemap.
    const reader = await desk.t.token('consumer');
    const published = (await desk.t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(200)).body;
    expect(published.verdict).toMatchObject({
      version: 1,
      claimReviewed: '48,000 families displaced by the delta floods',
      publication: { url: 'https://news.example.org/fact-checks/delta-floods-2026', headline: 'Fact check: 48,000 displaced by the delta floods?', language: 'en-GB', imageUrl: 'https://news.example.org/img/delta.jpg' },
    });
    const review = (await desk.t.http.get(`/v1/claims/${claim.id}/claim-review`).set(auth(reader)).expect(200)).body;
    expect(review).toMatchObject({ url: 'https://news.example.org/fact-checks/delta-floods-2026', inLanguage: 'en-GB', claimReviewed: '48,000 families displaced by the delta floods' });
    expect((await validateJsonLd(review)).errors).toEqual([]);
    expect((await desk.t.http.get('/v1/claim-reviews/sitemap.xml').expect(200)).text).toContain('<loc>https://news.example.org/fact-checks/delta-floods-2026</loc>');
    const admin = await desk.t.token('admin');
    const events = (await desk.t.http.get('/v1/audit-events').query({ action: 'verdict.publication_updated' }).set(auth(admin)).expect(200)).body.items;
    expect(events).toEqual([expect.objectContaining({ actorName: 'chief', entityId: published.verdict.id })]);
    expect([...consoleErrors(e), ...consoleErrors(a)].filter((m) => !/status of 401/.test(m))).toEqual([]);
  }, 120_000); // two people's browsers through a whole publication: longer than one screen's test
});
