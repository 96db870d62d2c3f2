import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';

// Own text: a toll with a published verdict that a later figure overtakes.
const TEXT = 'At least 40 people were killed in the landslide near Varna, the regional governor said on Monday.';

/** Living verdicts on the desk: the queue marks the re-check, the workspace shows why with the new figure, an editor confirms. */
describe('a verdict due for a re-check on the desk', () => {
  let desk: Desk;
  let seeder: string;
  let claim: { id: string };
  let verdictId: string;
  let mira: Awaited<ReturnType<Desk['signedIn']>>;

  beforeAll(async () => {
    desk = await Desk.start({ REQUIRE_APPROVAL: 'false' });
    seeder = await desk.t.token('editor', 'seeder');
    [claim] = await desk.t.seed(seeder, TEXT);
    const http = desk.t.http;
    await http.post(`/v1/claims/${claim.id}/lease`).set(auth(seeder)).expect(200);
    const source = await http.post(`/v1/claims/${claim.id}/sources`).set(auth(seeder))
      .send({ url: 'https://gov.example.org/varna', title: 'Governor statement', publisher: 'Regional administration', figure: { value: 40, asOf: '2026-11-23' } }).expect(201);
    verdictId = (await http.post(`/v1/claims/${claim.id}/verdict`).set(auth(seeder))
      .send({ rating: 'true', summary: 'The governor reported 40 dead.', sourceIds: [source.body.id] }).expect(201)).body.id;
    // A later source outside the 5 % tolerance: the verdict is due for a re-check.
    await http.post(`/v1/claims/${claim.id}/sources`).set(auth(seeder))
      .send({ url: 'https://relief.example.org/varna-3', title: 'Situation report 3', publisher: 'Relief office', figure: { value: 58, asOf: '2026-11-26' } }).expect(201);
    mira = await desk.signedIn('editor', 'mira');
  }, 90_000);
  afterAll(() => desk.close());

  test('the queue marks the re-check task; the workspace shows the reason, the new figure and since when', async () => {
    const page = mira.page;
    await page.goto('/');
    const row = page.locator('tr', { has: page.locator('.badge-recheck') });
    await row.waitFor();
    await expect(row.locator('.badge-recheck').textContent()).resolves.toContain('Re-check');
    // A published claim is not dismissed from the queue.
    await expect(row.getByRole('button', { name: /Dismiss/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'queue with a re-check');

    await page.goto(`/claims/${claim.id}`);
    const banner = page.getByRole('region', { name: 'Re-check due' });
    await banner.waitFor();
    await banner.getByText('A new source gives a figure outside the verdict’s tolerance.').waitFor();
    await expect(banner.locator('strong').textContent()).resolves.toBe('58 (Relief office, 2026-11-26)');
    await banner.getByText(/Due since/).waitFor();
    // Editors confirm; correcting is an approver's.
    await banner.getByText('To correct it, ask an approver').waitFor();
    await expectAccessible(page, 'claim workspace with a re-check');
    await screenshot(page, 'recheck-banner');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('Mira confirms it with a note: the banner goes, the verdict records "re-checked on … against …"', async () => {
    const page = mira.page;
    const banner = page.getByRole('region', { name: 'Re-check due' });
    await banner.getByRole('button', { name: 'Confirm the verdict' }).click();
    await banner.getByRole('button', { name: 'Confirm', exact: true }).click();
    await banner.getByText('Say why the verdict stands against the new figure.').waitFor();
    await banner.getByLabel('Why the verdict stands').fill('The verdict is about Monday\'s toll, which the governor did give as 40.');
    await banner.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByText('Verdict confirmed; the re-check is closed.').waitFor();
    await banner.waitFor({ state: 'detached' });

    const verdict = (await desk.t.http.get(`/v1/verdicts/${verdictId}`).set(auth(seeder)).expect(200)).body;
    expect(verdict.recheck).toBeNull();
    expect(verdict.lastRecheck).toMatchObject({ byName: 'mira', text: expect.stringMatching(/^Re-checked on \d{4}-\d{2}-\d{2} against 58 \(Relief office, 2026-11-26\)\.$/) });
    const [task] = await desk.t.db.query(`SELECT status, kind FROM review_tasks WHERE claim_id = $1`, [claim.id]);
    expect(task).toEqual({ status: 'done', kind: 'recheck' });
    await expectAccessible(page, 'claim workspace after a re-check');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('due again on a later figure: Mira\'s open queue says the task was reopened for re-check; an approver corrects it from the banner', async () => {
    await mira.page.goto('/');
    await mira.page.getByText('Live: updates as colleagues work.').waitFor();
    // Confirmed against 58, the band is [38, 60.9]: 80 is outside it.
    await desk.t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(seeder))
      .send({ url: 'https://relief.example.org/varna-4', title: 'Situation report 4', publisher: 'Relief office', figure: { value: 80, asOf: '2026-11-28' } }).expect(201);
    // The event stream's `reopened`, in words, naming the claim once the refetched list has its task.
    await mira.page.locator('.queue-latest', { hasText: /^Latest: “.+” reopened for re-check \(.+\)\.$/ }).waitFor();
    expect(consoleErrors(mira.page)).toEqual([]);

    const ines = await desk.signedIn('approver', 'ines');
    const page = ines.page;
    await page.goto(`/claims/${claim.id}`);
    const banner = page.getByRole('region', { name: 'Re-check due' });
    await expect(banner.locator('strong').textContent()).resolves.toBe('80 (Relief office, 2026-11-28)');
    await banner.getByRole('button', { name: 'Correct the verdict' }).click();
    await banner.getByLabel('Corrected rating').selectOption('mostly_false');
    await banner.getByLabel('Corrected summary').fill('The toll rose to 80 by 28 November.');
    await banner.getByLabel('Reason for the correction').fill('Later relief reports');
    await expectAccessible(page, 'correcting from the re-check banner');
    await banner.getByRole('button', { name: 'Propose correction' }).click();
    await page.getByText('Correction published.').waitFor();
    await banner.waitFor({ state: 'detached' });
    const current = (await desk.t.http.get(`/v1/claims/${claim.id}`).set(auth(seeder)).expect(200)).body.verdict;
    expect(current).toMatchObject({ rating: 'mostly_false', corrected: true, recheck: null });
    const [resolved] = await desk.t.db.query(`SELECT changes FROM audit_events WHERE action = 'verdict.recheck_resolved' AND entity_id = $1`, [verdictId]);
    expect(resolved.changes).toMatchObject({ resolution: 'corrected', correctedBy: current.id });
    expect(consoleErrors(page)).toEqual([]);
  }, 60_000); // an approver signing in with their own password, then the correction: past 25 s on a loaded machine
});
