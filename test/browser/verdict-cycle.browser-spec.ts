import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth } from '../e2e/harness.js';
import { consoleErrors, Desk, takeCiteAndRate } from './desk.js';

const TEXT =
  'The interior ministry said on Wednesday that about 48,000 families had been displaced by the floods in the delta region. ' +
  'Relief agencies expect the figure to rise before the end of the month.';

/** The whole cycle through the desk, an editor and an approver each in a browser of their own. */
describe('from proposal to publication in the desk', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await Desk.start();
  });
  afterAll(() => desk.close());

  test('the editor proposes, the approver rejects with a reason, the editor revises and re-proposes, the approver approves; readers see it', async () => {
    const seeder = await desk.t.token('editor');
    const [claim] = (await desk.t.seed(seeder, TEXT)).filter((c: { status: string }) => c.status === 'queued');
    expect(claim).toBeDefined();
    const editor = await desk.signedIn('editor', 'maya');
    const approver = await desk.signedIn('approver', 'chief');

    // Editor: take the claim, add a source with its own figure, propose.
    const e = editor.page;
    await takeCiteAndRate(e, claim.id);
    await e.getByRole('button', { name: 'Propose verdict' }).click();
    await e.getByRole('heading', { name: /Proposed verdict/ }).waitFor();

    // Approver: the proposal waits; reject it with a reason.
    const a = approver.page;
    await a.goto('/approvals');
    const detail = a.getByRole('article', { name: /Proposed verdict/ });
    await detail.getByText('The relief report counts 47,500 displaced families.').waitFor();
    await detail.getByText('maya', { exact: true }).waitFor();
    await detail.getByRole('button', { name: 'Reject…' }).click();
    const dialog = a.getByRole('dialog', { name: 'Reject the verdict' });
    await dialog.getByLabel('Reason').fill('The report is dated; say which day its count is from.');
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
    await a.getByText('Nothing is waiting for approval.').waitFor();

    // Editor: the rejection is on the claim, with who and why; revise and propose again.
    await e.reload();
    const rejection = e.locator('.rejection');
    await rejection.waitFor();
    await expect(rejection.textContent()).resolves.toMatch(/chief.*The report is dated; say which day its count is from\./);
    await e.getByLabel('Summary').fill('The relief report of 3 December counts 47,500 displaced families, close to the 48,000 stated.');
    await e.getByRole('button', { name: 'Propose verdict' }).click();
    await e.getByRole('heading', { name: /Proposed verdict/ }).waitFor();

    // Approver: the revised proposal; approve it.
    await a.reload();
    await detail.getByText('The relief report of 3 December counts 47,500 displaced families, close to the 48,000 stated.').waitFor();
    await detail.getByRole('button', { name: 'Approve and publish' }).click();
    await a.getByText('Nothing is waiting for approval.').waitFor();

    // A consumer of the API reads the published verdict.
    const reader = await desk.t.token('consumer');
    const published = (await desk.t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(200)).body;
    expect(published).toMatchObject({
      status: 'published',
      verdict: { rating: 'true', summary: 'The relief report of 3 December counts 47,500 displaced families, close to the 48,000 stated.' },
    });
    expect(published.sources.map((s: { title: string }) => s.title)).toEqual(['Delta floods situation report']);
    expect([...consoleErrors(e), ...consoleErrors(a)].filter((m) => !/status of 401/.test(m))).toEqual([]);
  }, 90_000); // two people, four screens, two sign-ins: ~15 s on a quiet machine, past 30 s once on a loaded one
});
