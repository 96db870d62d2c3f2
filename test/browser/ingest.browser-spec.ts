import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { resetState } from '../e2e/harness.js';
import { ExtractionProcessor } from '../../src/extraction/extraction.processor.js';
import type { JobWorker } from '../../src/queue/job-worker.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';
import { poll } from './poll.js';

// An article in our own words: troops, casualties, money and a percentage, each attributed.
const ARTICLE = [
  'The defence ministry said an estimated 12,000 troops had been moved to the northern border by Tuesday.',
  'Health officials in Marlow reported that 37 people were killed when the dam gave way on Sunday.',
  'The city council approved a budget of $48 million for the harbour bridge, its treasurer Ines Okafor said on Monday.',
  'Unemployment in the region rose to 9.4 percent last quarter, according to the statistics office.',
].join(' ');
const UPLOADED = 'About 2,500 families have been displaced by the floods in the river valley since Friday, the Red Cross said.';

describe('the ingest screen', () => {
  let desk: Desk;
  let token: string;

  beforeAll(async () => {
    desk = await Desk.start();
  });
  afterAll(() => desk.close());
  beforeEach(async () => {
    await resetState(desk.t);
    token = await desk.t.token('editor', 'reader');
  });


  const api = () => desk.t.http;
  const bearer = { get Authorization() { return `Bearer ${token}`; } };
  const claimRows = (page: Page) => page.locator('table.claims-table tbody tr');
  const articleIdOf = (page: Page) => new URL(page.url()).searchParams.get('article');

  test('an editor pastes an article, follows its extraction and triages its claims', async () => {
    const { page } = await desk.signedIn('editor');
    await page.goto('/ingest');
    await page.getByRole('heading', { name: 'Add an article' }).waitFor();
    await page.getByText('No article yet').waitFor();

    await page.getByLabel('Title').fill('Border buildup and a dam failure');
    await page.getByLabel('URL (optional)').fill('https://news.example.org/2026/12/border');
    await page.getByLabel('Publisher (optional)').fill('Example News');
    await page.getByLabel('Published (optional)').fill('2026-12-01T09:30');
    await page.getByLabel('Article text').fill(ARTICLE);
    await page.getByRole('button', { name: 'Ingest article' }).click();

    await page.waitForURL(/\/ingest\?article=[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Border buildup and a dam failure' }).waitFor();
    await poll(() => claimRows(page).count(), 20_000).toBe(4);
    const figures = await page.locator('.claims-table .claim-figure').allTextContents();
    expect(figures).toEqual(['an estimated 12,000 troops', '37 people', '$48 million', '9.4 percent']);
    const dead = claimRows(page).filter({ hasText: '37 people' });
    await expect(dead.getByText('Casualties', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(dead.getByText('Health officials in Marlow', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(dead.getByText('Harm figure (casualties, displaced)').isVisible()).resolves.toBe(true);
    await expect(dead.locator('.worth-score').textContent()).resolves.toMatch(/^85/); // harm 0.6 + exact + attributed + dated + past action by a named actor (docs/extraction.md, Check-worthiness)

    const id = articleIdOf(page)!;
    const stored = (await api().get(`/v1/articles/${id}`).set(bearer).expect(200)).body;
    expect(stored).toMatchObject({ title: 'Border buildup and a dam failure', publisher: 'Example News', url: 'https://news.example.org/2026/12/border', status: 'extracted', claimCount: 4 });
    expect(new Date(stored.publishedAt).getTime()).toBe(new Date('2026-12-01T09:30').getTime());
    await page.locator('.recent-articles').getByText('4 claims').waitFor();

    await expectAccessible(page, 'ingest');
    await screenshot(page, 'ingest');

    // Dismiss one (with a reason of one's own), then queue it again.
    await dead.getByRole('button', { name: 'Dismiss “37 people”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss claim' });
    await dialog.getByLabel('Reason').selectOption('other');
    await dialog.getByRole('button', { name: 'Dismiss claim' }).click();
    await dialog.getByText('Say why the claim is dismissed.').waitFor();
    await dialog.getByLabel('Why it is dismissed').fill('Reported by the agency wire already checked');
    await dialog.getByRole('button', { name: 'Dismiss claim' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await dead.getByText('Dismissed').waitFor();
    const claimId = (await dead.getByRole('link').getAttribute('href'))!.split('/').pop()!;
    const dismissed = (await api().get(`/v1/claims/${claimId}`).set(bearer).expect(200)).body;
    expect([dismissed.status, dismissed.statusReason]).toEqual(['dismissed', 'Reported by the agency wire already checked']);

    await dead.getByRole('button', { name: 'Queue “37 people” for review' }).click();
    await dead.getByRole('button', { name: 'Dismiss “37 people”' }).waitFor();
    expect((await api().get(`/v1/claims/${claimId}`).set(bearer).expect(200)).body.status).toBe('queued');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('while the extractor has not got to the article yet, the page says so and follows it until the claims appear', async () => {
    const worker = desk.t.app.get<JobWorker>(ExtractionProcessor, { strict: false });
    await worker.pause();
    try {
      const { page } = await desk.signedIn('editor');
      await page.goto('/ingest');
      await page.getByLabel('Title').fill('Floods in the river valley');
      await page.getByLabel('Article text').fill(UPLOADED);
      await page.getByRole('button', { name: 'Ingest article' }).click();
      const progress = page.locator('.extraction-progress');
      await progress.getByText('Queued for extraction. This page updates by itself.').waitFor();
      await expect(progress.locator('[aria-current="step"]').textContent()).resolves.toContain('Waiting for the extractor');
      await expect(page.getByRole('progressbar', { name: 'Extraction in progress' }).isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'ingest (extracting)');
      await expect(page.locator('.recent-articles').getByText('Queued', { exact: true }).isVisible()).resolves.toBe(true);
      worker.resume();
      await poll(() => claimRows(page).count(), 20_000).toBe(1);
      await progress.waitFor({ state: 'detached' });
      await page.locator('.recent-articles').getByText('1 claim', { exact: false }).waitFor();
    } finally {
      worker.resume();
    }
  });

  test('validation errors from the API show on their fields', async () => {
    const { page } = await desk.signedIn('editor');
    await page.goto('/ingest');
    await page.getByLabel('URL (optional)').fill('not a url');
    await page.getByRole('button', { name: 'Ingest article' }).click();
    await page.getByText('Some of what you entered is not valid.').waitFor();
    for (const label of ['Title', 'URL (optional)', 'Article text']) {
      await expect(page.getByLabel(label).getAttribute('aria-invalid')).resolves.toBe('true');
    }
    await screenshot(page, 'ingest-invalid');
    const described = await page.getByLabel('Title').getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described}"]`).textContent()).resolves.toMatch(/title/i);
    expect((await api().get('/v1/articles').set(bearer).expect(200)).body.items).toEqual([]);
  });

  test('a .txt upload fills the text and the title, and is ingested like a pasted one', async () => {
    const { page } = await desk.signedIn('editor');
    await page.goto('/ingest');
    await page.getByLabel('Upload a .txt file (optional)').setInputFiles({ name: 'river-valley-floods.txt', mimeType: 'text/plain', buffer: Buffer.from(UPLOADED) });
    await poll(() => page.getByLabel('Article text').inputValue()).toBe(UPLOADED);
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('river valley floods');
    await page.getByRole('button', { name: 'Ingest article' }).click();
    await poll(() => claimRows(page).count(), 20_000).toBe(1);
    await expect(claimRows(page).first().getByRole('link').textContent()).resolves.toBe('About 2,500 families');
    const stored = (await api().get(`/v1/articles/${articleIdOf(page)}`).set(bearer).expect(200)).body;
    expect([stored.title, stored.text]).toEqual(['river valley floods', UPLOADED]);
  });

  test('recent articles: reopen one, and retry a failed extraction', async () => {
    const ok = await api().post('/v1/articles').set(bearer).send({ title: 'Council budget', text: ARTICLE }).expect(202);
    const bad = await api().post('/v1/articles').set(bearer).send({ title: 'Flood report', text: UPLOADED }).expect(202);
    // Both extract in the worker; then one is marked failed as a crashed extraction would leave it.
    for (const id of [ok.body.id, bad.body.id]) {
      await poll(async () => (await api().get(`/v1/articles/${id}`).set(bearer)).body.status, 20_000).toBe('extracted');
    }
    await desk.t.db.query(`DELETE FROM review_tasks WHERE claim_id IN (SELECT id FROM claims WHERE article_id = $1)`, [bad.body.id]);
    await desk.t.db.query(`DELETE FROM claims WHERE article_id = $1`, [bad.body.id]);
    await desk.t.db.query(`UPDATE articles SET status = 'failed', failure_reason = 'extractor crashed (test)', extracted_at = NULL WHERE id = $1`, [bad.body.id]);

    const { page } = await desk.signedIn('editor');
    await page.goto('/ingest');
    const recent = page.locator('.recent-articles');
    await recent.getByText('extractor crashed (test)').waitFor();
    await recent.getByRole('link', { name: 'Council budget' }).click();
    await page.waitForURL(`**/ingest?article=${ok.body.id}`);
    await poll(() => claimRows(page).count()).toBe(4);

    await recent.getByRole('button', { name: 'Retry extraction of “Flood report”' }).click();
    await recent.getByText('extractor crashed (test)').waitFor({ state: 'detached' });
    await poll(async () => (await api().get(`/v1/articles/${bad.body.id}`).set(bearer)).body.status, 20_000).toBe('extracted');
    await recent.getByRole('link', { name: 'Flood report' }).click();
    await poll(() => claimRows(page).count(), 20_000).toBe(1);
    expect(consoleErrors(page)).toEqual([]);
  });
});
