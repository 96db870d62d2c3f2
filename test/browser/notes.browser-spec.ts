import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth, resetState } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';
import { poll } from './poll.js';

// Own text: one claim to talk about.
const TEXT = 'Port officials said on Thursday that about 1,400 containers were still waiting to be unloaded after the strike ended.';

/** Two editors talk about a claim: a note with a mention, the mentioned one's notification, and the history. */
describe('notes and notifications on the desk', () => {
  let desk: Desk;
  let seeder: string;
  let claim: { id: string };
  let dana: Awaited<ReturnType<Desk['signedIn']>>;
  let omar: Awaited<ReturnType<Desk['signedIn']>>;

  beforeAll(async () => {
    desk = await Desk.start();
    await resetState(desk.t);
    seeder = await desk.t.token('editor', 'seeder');
    [claim] = await desk.t.seed(seeder, TEXT);
    dana = await desk.signedIn('editor', 'dana');
    omar = await desk.signedIn('editor', 'omar');
  }, 90_000); // the app, an extraction and two people signing in with their own passwords: past 30 s once on a loaded machine
  afterAll(() => desk.close());

  test('Dana writes a note mentioning @omar on the claim workspace; an empty note is refused in words', async () => {
    const page = dana.page;
    await page.goto(`/claims/${claim.id}?tab=notes`);
    const panel = page.getByRole('tabpanel');
    await panel.getByText('No notes yet').waitFor();
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByText('Write the note first.').waitFor();

    await panel.getByLabel('Add a note').fill('@omar the port authority count is from Tuesday; is there a newer one?');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note added; told omar').waitFor();
    const note = panel.locator('.note');
    await expect(note.count()).resolves.toBe(1);
    await expect(note.locator('.mention').textContent()).resolves.toBe('@omar');
    await expect(panel.getByLabel('Add a note').inputValue()).resolves.toBe('');
    await expectAccessible(page, 'claim notes');
    await screenshot(page, 'claim-notes');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('Omar sees it under Notifications; opening it leads to the note, clears the count, and the history tells it', async () => {

    // Omar's sidebar counts it once his desk asks (on the next screen he opens).
    await omar.page.goto('/');
    const link = omar.page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: /Notifications/ });
    await poll(() => link.textContent(), 10_000).toBe('Notifications 1');
    await link.click();
    const item = omar.page.locator('.notification');
    await item.getByText('dana').waitFor();
    await expect(item.textContent()).resolves.toContain('mentioned you in a note');
    await expect(item.locator('.notification-message').textContent()).resolves.toBe('@omar the port authority count is from Tuesday; is there a newer one?');
    await expectAccessible(omar.page, 'notifications');
    await screenshot(omar.page, 'notifications');

    await item.getByRole('link', { name: 'Open the claim' }).click();
    await omar.page.waitForURL(new RegExp(`/claims/${claim.id}\\?tab=notes$`));
    await omar.page.getByRole('tabpanel').locator('.note').getByText('port authority').waitFor();
    await poll(() => link.textContent(), 10_000).toBe('Notifications');
    const [{ read }] = await desk.t.db.query(`SELECT count(*)::int AS read FROM notifications WHERE read_at IS NOT NULL`);
    expect(read).toBe(1);

    // The history tells it too.
    await omar.page.getByRole('tab', { name: 'History' }).click();
    const history = omar.page.getByRole('tabpanel');
    await history.getByText('added a note').waitFor();
    await expect(history.locator('.timeline-note').textContent()).resolves.toContain('port authority');
    await history.getByText('Told omar.').waitFor();

    // Nothing left unread: Mark all read is not offered.
    await omar.page.goto('/notifications');
    await omar.page.locator('.notification').first().waitFor();
    await expect(omar.page.getByRole('button', { name: 'Mark all read' }).isDisabled()).resolves.toBe(true);
    expect((await desk.t.http.get('/v1/notifications').set(auth(seeder)).expect(200)).body.items).toEqual([]);
    expect(consoleErrors(omar.page)).toEqual([]);
  });
});
