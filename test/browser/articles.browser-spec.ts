import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { auth, resetState } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';
import { poll } from './poll.js';

// A live blog in our own words whose toll rises between two revisions; and a second, unrelated article.
const killed = (n: number) => `At least ${n} people were killed when the footbridge collapsed over the canal, the district mayor said.`;
const INJURED = 'More than 30 people were taken to hospital, according to the ambulance service.';
const REV1 = `Live: footbridge collapse in Delft.\n\n${killed(9)}\n\n${INJURED}`;
const REV2 = `Live: footbridge collapse in Delft.\n\nUpdated at 16:00.\n\n${killed(14)}\n\n${INJURED}`;
const LIVE_URL = 'https://news.example.org/live/delft-footbridge';
const OTHER = 'The port authority said 4,200 containers were stuck in the harbour after the strike, its director told reporters on Friday.';

/**
 * Issue 13 in the desk: the articles list (filters, claims by status, retry of a failed article), an article's
 * revisions with what changed, re-extraction runs followed to the end, and publishers' time zones.
 */
describe('articles that change, in the desk', () => {
  let desk: Desk;
  let token: string;
  let liveId: string;
  let otherId: string;
  let editor: Page;
  let admin: Page;

  const status = async (id: string) => (await desk.t.http.get(`/v1/articles/${id}`).set(auth(token))).body as { status: string; revision: number };
  const extracted = (id: string, revision = 1) => poll(async () => {
    const a = await status(id);
    return a.status === 'extracted' && a.revision === revision;
  }, 20_000).toBe(true);

  beforeAll(async () => {
    desk = await Desk.start();
    await resetState(desk.t);
    token = await desk.t.token('editor', 'wire-desk');
    liveId = (await desk.t.http.post('/v1/articles').set(auth(token)).send({ url: LIVE_URL, title: 'Live: Delft footbridge', publisher: 'Delft Courant', text: REV1 }).expect(202)).body.id;
    otherId = (await desk.t.http.post('/v1/articles').set(auth(token)).send({ title: 'Harbour strike', publisher: 'Port News', text: OTHER }).expect(202)).body.id;
    await extracted(liveId);
    await extracted(otherId);
    const revised = await desk.t.http.post('/v1/articles').set(auth(token)).send({ url: LIVE_URL, title: 'Live: Delft footbridge (updated)', text: REV2 }).expect(202);
    expect(revised.body).toMatchObject({ id: liveId, revised: true, revision: 2 });
    await extracted(liveId, 2);
    editor = (await desk.signedIn('editor', 'noor')).page;
    admin = (await desk.signedIn('admin', 'pim')).page;
  }, 120_000);
  afterAll(() => desk.close());

  test('the list: filters, claims by status; an updated article shows revision 2 with its changes and each revision\'s text', async () => {
    const nav = editor.getByRole('navigation', { name: 'Desk' });
    await nav.getByRole('link', { name: 'Articles' }).click();
    await editor.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    // Editors see the articles and the publishers, not the admin's re-extraction.
    await expect(nav.getByRole('link', { name: 'Re-extraction' }).count()).resolves.toBe(0);
    const rows = editor.locator('table.articles-table tbody tr');
    await poll(() => rows.count()).toBe(2);

    await editor.getByLabel('Search').fill('footbridge');
    await editor.getByRole('button', { name: 'Filter' }).click();
    await poll(() => rows.count()).toBe(1);
    expect(new URL(editor.url()).searchParams.get('q')).toBe('footbridge');
    const row = rows.first();
    await expect(row.locator('td').nth(3).textContent()).resolves.toBe('2');
    // Two claims in the current text (the new toll and the injured), both waiting for review.
    await expect(row.getByRole('list', { name: '2 claims' }).textContent()).resolves.toBe('2 queued');
    await editor.getByLabel('Status', { exact: true }).selectOption('failed');
    await editor.getByText('No article matches these filters').waitFor();
    await editor.getByRole('button', { name: 'clear them all' }).click();
    await poll(() => rows.count()).toBe(2);
    await expectAccessible(editor, 'articles');
    await screenshot(editor, 'articles-list');

    await editor.getByRole('link', { name: 'Live: Delft footbridge (updated)' }).click();
    await editor.waitForURL(`**/articles/${liveId}`);
    await editor.getByRole('heading', { name: 'Revision 2 (current)' }).waitFor();
    const r2 = editor.locator('[data-revision="2"]');
    await expect(r2.locator('.revision-summary').textContent()).resolves.toBe('1 claim kept · 0 added · 1 superseded · 0 gone');
    const superseded = r2.getByRole('listitem').filter({ hasText: 'At least 9 people' });
    const [oldHref, newHref] = await Promise.all([
      superseded.getByRole('link', { name: 'At least 9 people' }).getAttribute('href'),
      superseded.getByRole('link', { name: 'At least 14 people' }).getAttribute('href'),
    ]);
    const claims = (await desk.t.http.get(`/v1/articles/${liveId}/claims`).query({ includeGone: true }).set(auth(token)).expect(200)).body as any[];
    const nine = claims.find((c) => c.quantity?.text === 'At least 9 people');
    const fourteen = claims.find((c) => c.quantity?.text === 'At least 14 people');
    expect(fourteen.supersedesClaimId).toBe(nine.id);
    expect([oldHref, newHref]).toEqual([`/claims/${nine.id}`, `/claims/${fourteen.id}`]);
    await expect(editor.locator('[data-revision="1"] .revision-summary').textContent()).resolves.toBe('2 claims found');

    await r2.getByRole('button', { name: 'Show the text of revision 2' }).click();
    await expect(editor.getByRole('region', { name: 'Text of revision 2' }).textContent()).resolves.toBe(REV2);
    await editor.getByRole('button', { name: 'Show the text of revision 1' }).click();
    await expect(editor.getByRole('region', { name: 'Text of revision 1' }).textContent()).resolves.toBe(REV1);
    await expectAccessible(editor, 'article revisions');
    await screenshot(editor, 'article-revisions');
    // The successor opens in the claim workspace.
    await superseded.getByRole('link', { name: 'At least 14 people' }).click();
    await editor.waitForURL(`**/claims/${fourteen.id}`);
    expect(consoleErrors(editor)).toEqual([]);
  }, 90_000); // axe and screenshots take seconds each on a busy machine

  test('a failed article is retried from the list, and its row follows it to extracted', async () => {
    // Marked failed as a crashed extraction would leave it.
    await desk.t.db.query(`DELETE FROM review_tasks WHERE claim_id IN (SELECT id FROM claims WHERE article_id = $1)`, [otherId]);
    await desk.t.db.query(`DELETE FROM claims WHERE article_id = $1`, [otherId]);
    await desk.t.db.query(`UPDATE articles SET status = 'failed', failure_reason = 'extractor crashed (test)', extracted_at = NULL WHERE id = $1`, [otherId]);
    await editor.goto('/articles?status=failed');
    const row = editor.locator(`tr[data-article="${otherId}"]`);
    await row.getByText('extractor crashed (test)').waitFor();
    await expect(editor.locator('table.articles-table tbody tr').count()).resolves.toBe(1);
    await row.getByRole('button', { name: 'Retry extraction of “Harbour strike”' }).click();
    await row.getByText('extractor crashed (test)').waitFor({ state: 'detached' });
    await extracted(otherId);
    // Without the filter the row is there, extracted, with its claim counted.
    await editor.getByLabel('Status', { exact: true }).selectOption('');
    await poll(() => row.locator('.badge').textContent(), 15_000).toBe('Extracted');
    await expect(row.getByRole('list', { name: '1 claim' }).textContent()).resolves.toBe('1 queued');
    const [{ action }] = await desk.t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'article.retried'`, [otherId]);
    expect(action).toBe('article.retried');
    expect(consoleErrors(editor)).toEqual([]);
  }, 90_000); // axe and screenshots take seconds each on a busy machine

  test('an admin starts a re-extraction run and follows its progress to the end', async () => {
    await admin.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Re-extraction' }).click();
    await admin.getByRole('heading', { name: 'Re-extraction', level: 1 }).waitFor();
    await admin.getByText('No run yet').waitFor();
    await admin.getByLabel('Extractor version below (optional)').fill('two');
    await admin.getByRole('button', { name: 'Start re-extraction' }).click();
    await admin.getByText('A version such as 2.1.0').waitFor();
    // Below a version far ahead: every extracted article.
    await admin.getByLabel('Extractor version below (optional)').fill('999.0.0');
    await admin.getByRole('button', { name: 'Start re-extraction' }).click();
    const run = admin.locator('table.reruns-table tbody tr').first();
    await run.getByText('2 of 2 done').waitFor({ timeout: 30_000 });
    await poll(() => run.locator('.badge').textContent(), 10_000).toBe('Done');
    await expect(run.getByText('Finished').count()).resolves.toBe(1);
    await expect(run.getByRole('progressbar').getAttribute('value')).resolves.toBe('2');
    expect(await run.locator('td').nth(5).textContent()).toMatch(/articles\/s$/);
    const [stored] = await desk.t.db.query(`SELECT status, total, done, failed FROM extraction_reruns`);
    expect(stored).toEqual({ status: 'done', total: 2, done: 2, failed: 0 });
    // Nothing changed in the texts: every claim kept.
    await expect(status(liveId)).resolves.toMatchObject({ status: 'extracted', revision: 2 });
    await expectAccessible(admin, 're-extraction');
    await screenshot(admin, 'reextraction-runs');
    expect(consoleErrors(admin)).toEqual([]);
  }, 90_000); // axe and screenshots take seconds each on a busy machine

  test("an admin sets, changes and removes a publisher's time zone; the default zone is shown", async () => {
    await admin.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Publishers' }).click();
    await admin.getByText('Default time zone: UTC').waitFor();
    await admin.getByText('No publisher has a time zone yet').waitFor();
    await admin.getByRole('button', { name: 'Set time zone' }).click();
    await admin.getByText("Enter the publisher's name").waitFor();
    await admin.getByLabel('Publisher', { exact: true }).fill('Delft Courant');
    await admin.getByLabel('Time zone', { exact: true }).selectOption('Europe/Amsterdam');
    await admin.getByRole('button', { name: 'Set time zone' }).click();
    const row = admin.locator('tr[data-publisher="Delft Courant"]');
    await expect(row.locator('.zone-current').textContent()).resolves.toBe('Europe/Amsterdam');
    await expect(row.textContent()).resolves.toContain('by pim');
    await expectAccessible(admin, 'publishers');
    await screenshot(admin, 'publishers');

    await row.getByRole('button', { name: 'Change the time zone of Delft Courant' }).click();
    await admin.getByRole('heading', { name: 'Change the time zone of Delft Courant' }).waitFor();
    await admin.getByLabel('Time zone', { exact: true }).selectOption('Europe/Kyiv');
    await admin.getByRole('button', { name: 'Save time zone' }).click();
    await poll(() => row.locator('.zone-current').textContent()).toBe('Europe/Kyiv');
    const listed = (await desk.t.http.get('/v1/publishers').set(auth(token)).expect(200)).body;
    expect(listed).toMatchObject({ items: [{ name: 'Delft Courant', timeZone: 'Europe/Kyiv', updatedByName: 'pim' }], defaultTimeZone: 'UTC' });

    // Editors read the zones but do not change them.
    await editor.goto('/publishers');
    await expect(editor.locator('tr[data-publisher="Delft Courant"] .zone-current').textContent()).resolves.toBe('Europe/Kyiv');
    await expect(editor.getByRole('button', { name: /Change the time zone/ }).count()).resolves.toBe(0);
    await expect(editor.getByRole('heading', { name: "Set a publisher's time zone" }).count()).resolves.toBe(0);

    await row.getByRole('button', { name: 'Remove the time zone of Delft Courant' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Remove time zone' }).click();
    await admin.getByText('No publisher has a time zone yet').waitFor();
    await expect(desk.t.db.query(`SELECT count(*)::int AS n FROM publishers`)).resolves.toEqual([{ n: 0 }]);
    expect(consoleErrors(admin)).toEqual([]);
    expect(consoleErrors(editor)).toEqual([]);
  }, 90_000); // axe and screenshots take seconds each on a busy machine

  test('Load more appends the next page without duplicates; "Ingested since" keeps only the newer articles', async () => {
    // The desk asks for 25 a page (ArticlesPage toQuery): 28 more articles make two pages; 26 of them backdated to March.
    const briefs: string[] = [];
    for (let n = 1; n <= 28; n++) {
      const res = await desk.t.http.post('/v1/articles').set(auth(token))
        .send({ title: `Council brief ${n}`, publisher: 'Town Gazette', text: `Council brief ${n}: the town council met on Tuesday evening to discuss the library, said the clerk.` }).expect(202);
      briefs.push(res.body.id);
    }
    await poll(async () => (await desk.t.db.query(`SELECT count(*)::int AS n FROM articles WHERE id = ANY($1) AND status = 'extracted'`, [briefs]))[0].n, 60_000).toBe(28);
    await desk.t.db.query(
      `UPDATE articles a SET created_at = timestamptz '2026-03-02T10:00:00Z' + b.n * interval '1 minute'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS b(id, n) WHERE a.id = b.id`,
      [briefs.slice(0, 26)],
    );
    const [{ n: total }] = await desk.t.db.query(`SELECT count(*)::int AS n FROM articles`);
    expect(total).toBe(30);
    const newest = (await desk.t.http.get('/v1/articles').query({ limit: 100 }).set(auth(token)).expect(200)).body.items.map((a: any) => a.id);

    await editor.goto('/articles');
    const rows = editor.locator('table.articles-table tbody tr');
    const shown = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-article')));
    await poll(() => rows.count()).toBe(25);
    await expect(shown()).resolves.toEqual(newest.slice(0, 25));
    await editor.getByRole('button', { name: 'Load more' }).click();
    await poll(() => rows.count()).toBe(30);
    const all = await shown();
    expect(new Set(all).size).toBe(30);
    expect(all).toEqual(newest);
    // The last page: no more to load.
    await expect(editor.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);

    // Since 1 June: the two briefs left as ingested and the two articles of the first test; none of March's.
    await editor.getByLabel('Ingested since').fill('2026-06-01');
    await poll(() => rows.count()).toBe(4);
    expect(new URL(editor.url()).searchParams.get('since')).toBe('2026-06-01');
    expect(new Set(await shown())).toEqual(new Set([liveId, otherId, ...briefs.slice(26)]));
    await expect(editor.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
    // Since 3 March: still those four; since 2 March (the backdated ones are from 10:01 UTC on): all, 25 on the first page.
    await editor.getByLabel('Ingested since').fill('2026-03-03');
    await poll(() => rows.count()).toBe(4);
    await editor.getByLabel('Ingested since').fill('2026-03-02');
    await poll(() => rows.count()).toBe(25);
    await expectAccessible(editor, 'articles, filtered by date');
    expect(consoleErrors(editor)).toEqual([]);
  }, 120_000);
});
