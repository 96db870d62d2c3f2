import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually, resetState } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';
import { poll } from './poll.js';

// Own texts. The Spanish one has figures the English rules would misread ("100.000" as 100).
const SPANISH = 'El ministerio de Defensa informó el martes de que unos 100.000 soldados se han desplegado cerca de la frontera norte del país.';
const ENGLISH = 'The defence ministry said an estimated 12,000 troops had been moved to the northern border by Tuesday.';

describe('article languages on the desk', () => {
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
  const articleIdOf = (page: Page) => new URL(page.url()).searchParams.get('article')!;

  test('a Spanish article shows its language and "unsupported language — not extracted"; corrected to English it is extracted', async () => {
    const { page } = await desk.signedIn('editor');
    await page.goto('/ingest');
    await expect(page.getByLabel('Language (optional)').inputValue()).resolves.toBe('');
    await page.getByLabel('Title').fill('Despliegue en la frontera');
    await page.getByLabel('Article text').fill(SPANISH);
    await page.getByRole('button', { name: 'Ingest article' }).click();
    await page.waitForURL(/\/ingest\?article=[0-9a-f-]{36}$/);

    const view = page.locator('.article-view');
    const notice = view.locator('.unsupported-language');
    await notice.getByText('Unsupported language — not extracted.').waitFor({ timeout: 20_000 });
    await expect(notice.textContent()).resolves.toContain('This article is in Spanish');
    await expect(view.locator('.article-language').textContent()).resolves.toBe('Spanish');
    await expect(view.locator('.badge').first().textContent()).resolves.toBe('Unsupported language');
    await expect(claimRows(page).count()).resolves.toBe(0);
    const recent = page.locator('.recent-articles li').filter({ hasText: 'Despliegue en la frontera' });
    await recent.getByText('Unsupported language', { exact: true }).waitFor();
    await recent.getByText('Spanish', { exact: false }).waitFor();
    const id = articleIdOf(page);
    expect((await api().get(`/v1/articles/${id}`).set(bearer).expect(200)).body).toMatchObject({ status: 'unsupported_language', language: 'es', claimCount: 0 });
    await expectAccessible(page, 'ingest (unsupported language)');
    await screenshot(page, 'ingest-unsupported-language');

    // The desk knows better: correct the language and extract again.
    await notice.getByLabel('Correct language').selectOption('en');
    await notice.getByRole('button', { name: 'Extract again' }).click();
    await poll(() => view.locator('.article-language').textContent(), 20_000).toBe('English');
    await poll(() => view.locator('.badge').first().textContent(), 20_000).toBe('Extracted');
    await notice.waitFor({ state: 'detached' });
    expect((await api().get(`/v1/articles/${id}`).set(bearer).expect(200)).body).toMatchObject({ status: 'extracted', language: 'en' });
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the language chosen at ingest overrides detection; the claim workspace shows the article language', async () => {
    const { page } = await desk.signedIn('editor');
    await page.goto('/ingest');
    await page.getByLabel('Title').fill('Troops at the border');
    await page.getByLabel('Article text').fill(ENGLISH);
    await page.getByLabel('Language (optional)').selectOption('es');
    await page.getByRole('button', { name: 'Ingest article' }).click();
    await page.waitForURL(/\/ingest\?article=[0-9a-f-]{36}$/);
    await page.locator('.unsupported-language').waitFor({ timeout: 20_000 });
    await expect(page.locator('.article-view .article-language').textContent()).resolves.toBe('Spanish');

    // An English one, detected: its claim's workspace names the language.
    const res = await api().post('/v1/articles').set(bearer).send({ title: 'Buildup', text: `${ENGLISH} Officials said 300 tanks were there too.` }).expect(202);
    await eventually(async () => (await api().get(`/v1/articles/${res.body.id}`).set(bearer)).body.status === 'extracted', 20_000, 'extracted');
    await page.goto(`/ingest?article=${res.body.id}`);
    await claimRows(page).first().waitFor({ timeout: 20_000 });
    await expect(page.locator('.article-view .article-language').textContent()).resolves.toBe('English');
    await claimRows(page).first().getByRole('link').click();
    await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/);
    await expect(page.locator('.claim-article .article-language').textContent()).resolves.toBe('English');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('skipped sentences show as a warning on an extracted article', async () => {
    const res = await api().post('/v1/articles').set(bearer).send({ title: 'With a skipped sentence', text: ENGLISH }).expect(202);
    await eventually(async () => (await api().get(`/v1/articles/${res.body.id}`).set(bearer)).body.status === 'extracted', 20_000, 'extracted');
    // As the service stores it when the extractor threw on two sentences (test/e2e/extraction-limits covers the service).
    await desk.t.db.query(`UPDATE articles SET skipped_sentences = 2 WHERE id = $1`, [res.body.id]);
    const { page } = await desk.signedIn('editor');
    await page.goto(`/ingest?article=${res.body.id}`);
    await page.locator('.skipped-sentences').getByText('2 sentences were skipped.').waitFor();
    await page.locator('.recent-articles').getByText('2 skipped', { exact: false }).waitFor();
    await expectAccessible(page, 'ingest (skipped sentences)');
  });
});
