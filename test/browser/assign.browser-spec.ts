import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth } from '../e2e/harness.js';
import { Desk } from './desk.js';

const TEXT =
  'The finance ministry said on Friday that the new rail line had cost 2.3 billion euros, about 400 million more than planned. ' +
  'Unions said more than 1,200 workers had been hired for the project.';

describe('an approver gives a claim to one editor', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await Desk.start();
  });
  afterAll(() => desk.close());

  test('Assign names the editor (an unknown name is marked on the field); Take next then hands it to that editor only', async () => {
    const seeder = await desk.t.token('editor');
    const queued = (await desk.t.seed(seeder, TEXT)).filter((c: { status: string }) => c.status === 'queued');
    expect(queued.length).toBeGreaterThanOrEqual(2);
    // The claim Take next would otherwise hand out last: the assignment, not the priority, must decide.
    const lowest = queued[queued.length - 1];
    const maya = await desk.t.deskSession('editor', 'maya');
    const { page } = await desk.signedIn('approver', 'chief');

    await page.goto(`/claims/${lowest.id}`);
    await page.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign this claim' });
    await dialog.getByLabel("Editor's user name").fill('nobody-by-this-name');
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await dialog.getByText(/nobody-by-this-name/).first().waitFor();
    await dialog.getByLabel("Editor's user name").fill('maya');
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('Assigned to', { exact: false }).filter({ hasText: 'maya' }).first().waitFor();

    // Another editor's Take next skips it; maya's gets it.
    const bob = await desk.t.token('editor', 'bob');
    const bobs = await desk.t.http.post('/v1/review-tasks/lease').set(auth(bob));
    expect(bobs.status === 204 || bobs.body.claimId !== lowest.id).toBe(true);
    const mayas = await desk.t.http.post('/v1/review-tasks/lease').set(maya.headers).expect(200);
    expect(mayas.body).toMatchObject({ claimId: lowest.id, assignedToName: 'maya', leasedByName: 'maya' });
  });
});
