import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';

const TROOPS = 'The defence ministry said on Monday that about 100,000 soldiers were stationed near the frontier.';
const DISPLACED = 'About 1.5 million people have been displaced by the fighting, the U.N. refugee agency said on Friday.';
const LAYOFFS = 'Nordvik Motors will cut 4,200 jobs across its European plants, chief executive Anna Berg said on Thursday.';

/** The Approvals screen: an approver decides on proposals in the browser; the API shows what the decision did. */
describe('approvals screen', () => {
  let desk: Desk;
  let alice: string; // editor: proposes through the API
  let carol: string; // a second approver, through the API
  let reader: string; // consumer

  beforeAll(async () => {
    desk = await Desk.start({ REQUIRE_APPROVAL: 'true', REQUIRE_CORRECTION_APPROVAL: 'true' });
    [alice, carol, reader] = [await desk.t.token('editor', 'alice'), await desk.t.token('approver', 'carol'), await desk.t.token('consumer', 'reader')];
  });
  afterAll(() => desk.close());

  const http = () => desk.t.http;
  const claimOf = async (text: string) => (await desk.t.seed(alice, text))[0] as { id: string; text: string };
  const addSource = async (claimId: string, token = alice) =>
    (await http().post(`/v1/claims/${claimId}/sources`).set(auth(token))
      .send({ url: 'https://mod.example.gov/statement', title: 'Ministry statement', publisher: 'Defence ministry', sourceType: 'official', figure: { value: 102000, asOf: '2026-11-20' }, stance: 'supports' })
      .expect(201)).body.id as string;
  /** `token`'s user leases the claim, attaches a source and proposes a verdict. */
  const propose = async (claimId: string, token = alice, summary = 'The ministry gives 102,000.') => {
    await http().post(`/v1/claims/${claimId}/lease`).set(auth(token)).expect(200);
    const sourceId = await addSource(claimId, token);
    return (await http().post(`/v1/claims/${claimId}/verdict`).set(auth(token)).send({ rating: 'mostly_true', summary, sourceIds: [sourceId] }).expect(201)).body;
  };

  test('an approver rejects a proposal with a reason the author reads; the re-proposal is approved and readers see it published', async () => {
    const claim = await claimOf(TROOPS);
    await propose(claim.id);
    const { page } = await desk.signedIn('approver');
    await page.goto('/approvals');

    // The oldest waiting verdict opens by itself: the claim marked in its article, the proposal, its author, the evidence.
    const detail = page.getByRole('article', { name: /Proposed verdict/ });
    await detail.waitFor();
    await expect(detail.locator('blockquote mark').textContent()).resolves.toBe(claim.text);
    await detail.getByText('The ministry gives 102,000.').waitFor();
    await detail.getByText('alice', { exact: true }).waitFor();
    await detail.getByRole('link', { name: 'Ministry statement' }).waitFor();
    await detail.getByText('Cited by the verdict').waitFor();
    await detail.getByText('Suggested rating', { exact: true }).waitFor();
    await detail.getByRole('cell', { name: /\+?-?\d+(\.\d)?%/ }).first().waitFor();
    await expect(detail.getByRole('link', { name: 'Open the claim workspace' }).getAttribute('href')).resolves.toBe(`/claims/${claim.id}`);
    await expectAccessible(page, 'approvals');
    await screenshot(page, 'approvals');

    // The reason is required, then sent.
    await detail.getByRole('button', { name: 'Reject…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject the verdict' });
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
    await dialog.getByText('Say what the editor must fix.').waitFor();
    await expectAccessible(page, 'approvals reject dialog');
    await dialog.getByLabel('Reason').fill('Cite the ministry statement itself, not the wire copy.');
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
    await page.getByText('Nothing is waiting for approval.').waitFor();

    // The author sees the rejection with its reason.
    const back = (await http().get(`/v1/claims/${claim.id}`).set(auth(alice)).expect(200)).body;
    expect(back).toMatchObject({ status: 'in_review', lastRejection: { reason: 'Cite the ministry statement itself, not the wire copy.' } });

    // Re-proposed through the API, approved in the screen.
    const second = (await http().post(`/v1/claims/${claim.id}/verdict`).set(auth(alice))
      .send({ rating: 'mostly_true', summary: 'The ministry statement gives 102,000.', sourceIds: back.sources.map((s: { id: string }) => s.id) }).expect(201)).body;
    await page.reload();
    await detail.getByText('The ministry statement gives 102,000.').waitFor();
    await detail.getByRole('button', { name: 'Approve and publish' }).click();
    await page.getByText('Nothing is waiting for approval.').waitFor();

    const published = (await http().get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(200)).body;
    expect(published).toMatchObject({ status: 'published', verdict: { id: second.id, rating: 'mostly_true', summary: 'The ministry statement gives 102,000.' } });
    expect(consoleErrors(page).filter((e) => !e.includes('401'))).toEqual([]); // the session check before signing in answers 401
  });

  test("an approver's own proposal cannot be approved by them: the API's reason is shown", async () => {
    const claim = await claimOf(DISPLACED);
    const { page, user } = await desk.signedIn('approver');
    // The same person, through a token of their own, proposes.
    await propose(claim.id, await desk.t.token('approver', user.name), 'About right per UNHCR.');
    await page.goto('/approvals');
    const detail = page.getByRole('article', { name: /Proposed verdict/ });
    await detail.getByText('About right per UNHCR.').waitFor();
    await detail.getByRole('button', { name: 'Approve and publish' }).click();
    await detail.getByRole('alert').filter({ hasText: 'its author cannot approve it' }).waitFor();
    // Still waiting: another approver decides.
    expect((await http().get(`/v1/claims/${claim.id}`).set(auth(alice)).expect(200)).body.status).toBe('awaiting_approval');
    await http().post(`/v1/verdicts/${(await http().get(`/v1/claims/${claim.id}`).set(auth(alice))).body.proposedVerdict.id}/reject`).set(auth(carol)).send({ reason: 'clean up' }).expect(200);
  });

  test('an approver corrects a published verdict; the correction waits in the list marked "Correction" with its reason', async () => {
    const claim = await claimOf(LAYOFFS);
    const verdict = await propose(claim.id, alice, 'The company confirmed 4,200.');
    await http().post(`/v1/verdicts/${verdict.id}/approve`).set(auth(carol)).expect(200);

    const { page } = await desk.signedIn('approver');
    await page.goto('/approvals');
    await page.getByRole('tab', { name: 'Correct a published verdict' }).click();
    await page.getByLabel('Search published claims').fill('Nordvik');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: /Nordvik Motors will cut/ }).click();
    const form = page.getByRole('article', { name: 'Correct the published verdict' });
    await form.getByText('The company confirmed 4,200.').first().waitFor();
    await form.getByLabel('Corrected rating').selectOption('misleading');
    await form.getByLabel('Corrected summary').fill('The cut is 4,200 over three years, not at once.');
    // The reason is required.
    await form.getByRole('button', { name: 'Propose correction' }).click();
    await form.getByText('Say why the published verdict is corrected; readers see it.').waitFor();
    await form.getByLabel('Reason for the correction').fill('The company later said the cuts are spread over three years.');
    await expectAccessible(page, 'approvals corrections');
    await form.getByRole('button', { name: 'Propose correction' }).click();

    // Back on the list, the correction is selected and marked.
    const item = page.getByRole('button', { name: /Correction.*Nordvik Motors/ });
    await item.waitFor();
    await item.getByText('Reason: The company later said the cuts are spread over three years.').waitFor();
    const detail = page.getByRole('article', { name: /Correction/ });
    await detail.getByText('The cut is 4,200 over three years, not at once.').waitFor();

    const waiting = (await http().get('/v1/approvals?kind=correction').set(auth(carol)).expect(200)).body.items;
    expect(waiting).toEqual([expect.objectContaining({ verdict: expect.objectContaining({ correction: true, rating: 'misleading', correctionReason: 'The company later said the cuts are spread over three years.' }) })]);
    expect(consoleErrors(page).filter((e) => !e.includes('401'))).toEqual([]); // the session check before signing in answers 401
  });
});
