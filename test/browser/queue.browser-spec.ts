import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { resetState } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';
import { poll } from './poll.js';

// Fixtures in our own words: one claim each, with a figure the extractor reads.
const TROOPS = ['Troops massed at the northern border', 'The defence ministry said an estimated 12,000 troops had been moved to the northern border by Tuesday.'];
const DEAD = ['Dam collapse in Marlow', 'Health officials in Marlow reported that 37 people were killed when the dam gave way on Sunday.'];
const BUDGET = ['Council approves harbour bridge', 'The city council approved a budget of $48 million for the harbour bridge, its treasurer Ines Okafor said on Monday.'];
const JOBLESS = ['Regional jobless rate climbs', 'Unemployment in the region rose to 9.4 percent last quarter, according to the statistics office.'];

describe('the queue screen', () => {
  let desk: Desk;
  let editorToken: string;
  const claims: Record<string, any> = {};

  beforeAll(async () => {
    desk = await Desk.start();
  });
  afterAll(() => desk.close());

  /** Every test starts from the same four open tasks. */
  beforeEach(async () => {
    await resetState(desk.t);
    editorToken = await desk.t.token('editor', 'seeder');
    for (const [key, [title, text]] of Object.entries({ TROOPS, DEAD, BUDGET, JOBLESS })) {
      const [claim] = await ingest(title, text);
      expect(claim.status).toBe('queued');
      claims[key] = claim;
    }
  });

  /** An article ingested through the API with a real title; the app's worker extracts it. */
  async function ingest(title: string, text: string): Promise<any[]> {
    const { id } = (await api().post('/v1/articles').set(bearer(editorToken)).send({ title, text, publisher: 'Example News' }).expect(202)).body;
    await poll(async () => (await api().get(`/v1/articles/${id}`).set(bearer(editorToken)).expect(200)).body.status, 20_000).toBe('extracted');
    return (await api().get(`/v1/articles/${id}/claims`).set(bearer(editorToken)).expect(200)).body;
  }

  /** n copies of a claim, each with an open task like its own: a big queue without n extractions. */
  async function cloneOpenTasks(claimId: string, n: number): Promise<void> {
    const columns = async (table: string, skip: string[]) =>
      (await desk.t.db.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = $1 AND table_schema = current_schema() AND is_generated = 'NEVER' AND is_identity = 'NO'
            AND (column_default IS NULL OR column_default NOT LIKE 'nextval%')`,
        [table],
      )).map((c: any) => `"${c.column_name}"`).filter((c: string) => !skip.includes(c));
    const claimCols = await columns('claims', ['"id"', '"ordinal"', '"matched_claim_id"', '"match_score"', '"match_status"']);
    const taskCols = await columns('review_tasks', ['"id"', '"claim_id"']);
    await desk.t.db.query(
      `WITH copies AS (
         INSERT INTO claims (${claimCols.join(', ')}, ordinal)
         SELECT ${claimCols.join(', ')}, 1000 + g FROM claims, generate_series(1, ${n}) g WHERE id = $1
         RETURNING id
       )
       INSERT INTO review_tasks (${taskCols.join(', ')}, claim_id)
       SELECT ${taskCols.map((c: string) => `t.${c}`).join(', ')}, copies.id FROM copies, review_tasks t WHERE t.claim_id = $1 AND t.status = 'open'`,
      [claimId],
    );
  }


  const api = () => desk.t.http;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const rows = (page: Page) => page.locator('table.queue-table tbody tr');
  const claimStatus = async (id: string) => (await api().get(`/v1/claims/${id}`).set(bearer(editorToken)).expect(200)).body.status;

  test('lists the open tasks by priority with figure, category, speaker and article; filters narrow it and survive a reload', async () => {
    const { page } = await desk.signedIn('editor');
    await page.goto('/');
    await poll(() => rows(page).count()).toBe(4);
    await page.getByText('Live: updates as colleagues work.').waitFor();

    // The rows follow the API's priority order and show the figure as the article states it.
    const order = (await api().get('/v1/review-tasks/queue').set(bearer(editorToken)).expect(200)).body.items.map((t: any) => t.claim.quantity.text);
    expect(await page.locator('.claim-figure').allTextContents()).toEqual(order);
    const troops = rows(page).filter({ hasText: 'an estimated 12,000 troops' });
    await expect(troops.getByText('Troop count').isVisible()).resolves.toBe(true);
    await expect(troops.getByText('The defence ministry', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(troops.getByText('Troops massed at the northern border', { exact: true }).isVisible()).resolves.toBe(true);

    await expectAccessible(page, 'queue');
    await screenshot(page, 'queue');

    await page.getByLabel('Category').selectOption('money');
    await poll(() => rows(page).count()).toBe(1);
    await expect(rows(page).first().getByRole('link', { name: '$48 million' }).isVisible()).resolves.toBe(true);
    await poll(() => new URL(page.url()).searchParams.get('category')).toBe('money');

    await page.reload();
    await poll(() => rows(page).count()).toBe(1);
    await expect(page.getByLabel('Category').inputValue()).resolves.toBe('money');

    await page.getByLabel('Category').selectOption('');
    await page.getByLabel('Search').fill('dam');
    await poll(() => page.locator('.claim-figure').allTextContents()).toEqual(['37 people']);
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe('dam');

    await page.getByLabel('Search').fill('');
    await page.getByLabel('Assigned to me').check();
    await page.getByText('No task matches these filters').waitFor();
    await poll(() => new URL(page.url()).searchParams.get('mine')).toBe('1');
    await page.getByRole('button', { name: 'clear them all' }).click();
    await poll(() => rows(page).count()).toBe(4);
    expect(consoleErrors(page)).toEqual([]);
  });

  test('two editors press Take next at the same moment and get different tasks', async () => {
    const alice = await desk.signedIn('editor', 'alice');
    const bob = await desk.signedIn('editor', 'bob');
    for (const { page } of [alice, bob]) {
      await page.goto('/');
      await poll(() => rows(page).count()).toBe(4);
    }
    await Promise.all([alice, bob].map(({ page }) => page.getByRole('button', { name: 'Take next' }).click()));
    await Promise.all([alice, bob].map(({ page }) => page.waitForURL(/\/claims\/[0-9a-f-]{36}$/)));
    const urls = [alice.page.url(), bob.page.url()];
    expect(new Set(urls).size).toBe(2);

    const taken = (await api().get('/v1/review-tasks/queue?status=leased').set(bearer(editorToken)).expect(200)).body.items;
    const holderOf = Object.fromEntries(taken.map((t: any) => [t.claimId, t.leasedByName]));
    expect(urls.map((u) => holderOf[u.split('/').pop()!])).toEqual(['alice', 'bob']);
  });

  test('keyboard only: d dismisses with a reason, n takes the next task, j/k and Enter open a claim', async () => {
    const { page, user } = await desk.signedIn('editor');
    const userId = user.userId;
    await page.goto('/');
    await poll(() => rows(page).count()).toBe(4);
    const figures = await page.locator('.claim-figure').allTextContents();
    const idOf = Object.fromEntries(Object.values(claims).map((c: any) => [c.quantity.text, c.id]));

    // ? shows the keys; Escape closes them.
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Keys do nothing while typing in a field.
    await page.getByLabel('Search').focus();
    await page.keyboard.type('jd');
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false);
    await page.getByLabel('Search').fill('');
    await page.locator('#main').focus();
    await poll(() => rows(page).count()).toBe(4);

    // j, j, k: the second row is selected; d asks why, "opinion" is chosen with the keyboard.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect(rows(page).nth(1).getAttribute('aria-current')).resolves.toBe('true');
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog', { name: 'Dismiss claim' });
    await dialog.waitFor();
    await expect(dialog.getByText(figures[1]).isVisible()).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByLabel('Reason').inputValue()).resolves.toBe('opinion');
    await screenshot(page, 'queue-dismiss');
    await expectAccessible(page, 'queue (dismiss dialog)');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => rows(page).count()).toBe(3);
    await poll(() => claimStatus(idOf[figures[1]])).toBe('dismissed');

    // n takes the highest-priority open task and opens it.
    await page.keyboard.press('n');
    await page.waitForURL(/\/claims\//);
    const takenId = page.url().split('/').pop()!;
    expect(takenId).toBe(idOf[figures[0]]);
    const task = (await api().get(`/v1/review-tasks/queue?status=leased`).set(bearer(editorToken)).expect(200)).body.items[0];
    expect([task.claimId, task.leasedBy]).toEqual([takenId, userId]);
    expect(await claimStatus(takenId)).toBe('in_review');

    // Back on the queue: two tasks left; j then Enter opens the second one.
    await page.goBack();
    await poll(() => page.locator('.claim-figure').allTextContents()).toEqual([figures[2], figures[3]]);
    await page.locator('#main').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/claims/${idOf[figures[3]]}`);
    expect(await claimStatus(idOf[figures[2]])).toBe('queued');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the list follows other editors by itself: a task taken through the API leaves the list and shows its holder', async () => {
    const { page } = await desk.signedIn('editor');
    await page.goto('/');
    await poll(() => rows(page).count()).toBe(4);
    await page.getByText('Live: updates as colleagues work.').waitFor();
    // Not a reload: this mark would be gone.
    await page.evaluate(() => ((globalThis as any).stillHere = true));

    const other = await desk.t.token('editor', 'carol');
    const taken = (await api().post('/v1/review-tasks/lease').set(bearer(other)).expect(200)).body;
    const figure = taken.claim.quantity.text;
    await poll(() => rows(page).count()).toBe(3);
    expect(await page.locator('.claim-figure').allTextContents()).not.toContain(figure);

    await page.getByLabel('Status').selectOption('leased');
    const row = rows(page).filter({ hasText: figure });
    await row.getByText('by carol').waitFor();
    await api().post(`/v1/review-tasks/${taken.id}/release`).set(bearer(other)).expect(200);
    await poll(() => rows(page).count()).toBe(0);
    await page.getByLabel('Status').selectOption('');
    await poll(() => rows(page).count()).toBe(4);
    expect(await page.evaluate(() => (globalThis as any).stillHere)).toBe(true);
  });

  test('10,000 open tasks: the first page renders 50 rows, not the whole queue', async () => {
    await cloneOpenTasks(claims.TROOPS.id, 10_000);
    const { page } = await desk.signedIn('editor');
    await page.goto('/');
    await page.getByText('50 tasks shown; more below').waitFor();
    expect(await rows(page).count()).toBe(50);
    // The whole page stays small: a few dozen elements per row, not one per task in the queue.
    expect(await page.evaluate(() => (globalThis as any).document.querySelectorAll('*').length)).toBeLessThan(2500);
    await page.locator('#main').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    await poll(() => rows(page).nth(3).getAttribute('aria-current')).toBe('true');
  });

  test('Take next with nothing open says so; Load more pages through the queue', async () => {
    const { page } = await desk.signedIn('editor');
    // Cancel every open task: dismissing its claim.
    for (const c of Object.values(claims)) {
      await api().post(`/v1/claims/${c.id}/triage`).set(bearer(editorToken)).send({ action: 'dismiss', reason: 'duplicate' }).expect(200);
    }
    await page.goto('/');
    await page.getByText('The queue is empty').waitFor();
    await page.getByRole('button', { name: 'Take next' }).click();
    await page.getByText('Nothing to take').waitFor();

    // More than a page of open tasks: the first page shows 50, Load more the rest.
    const lines = Array.from({ length: 60 }, (_, i) => `Rescuers said ${100 + i} people were pulled from the rubble on Monday.`);
    await desk.t.seed(editorToken, lines.join(' '));
    const open = (await api().get('/v1/review-tasks/queue?limit=200').set(bearer(editorToken)).expect(200)).body.items.length;
    expect(open).toBeGreaterThan(50);
    expect(open).toBeLessThanOrEqual(100);
    await page.reload();
    await poll(() => rows(page).count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await poll(() => rows(page).count()).toBe(open);
    expect(new Set(await page.locator('.claim-figure').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).size).toBe(open);
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
  });
});
