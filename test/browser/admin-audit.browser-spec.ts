import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';
import { poll } from './poll.js';

/** Admin › Audit log: every change staff make ("Changes") and every sign-in attempt ("Sign-ins"), filtered and paged. */
describe('admin audit log', () => {
  let desk: Desk;
  let admin: string;

  beforeAll(async () => {
    desk = await Desk.start();
    admin = await desk.t.token('admin', 'audit-admin-token');
  });
  afterAll(async () => {
    await desk.close();
  });

  const createUser = (name: string, role = 'editor') =>
    desk.t.http.post('/v1/users').set(auth(admin)).send({ name, role }).expect(201);

  test('the changes: who did what in words, filters that narrow (kept in the url), a link to the claim, and Load more', async () => {
    await createUser('audit.alice', 'approver');
    const editor = await desk.t.token('editor');
    const [claim] = await desk.t.seed(editor, 'Officials said 3,400 homes were destroyed by the floods in the valley on Sunday.');
    expect(claim?.id).toEqual(expect.any(String));

    const { page } = await desk.signedIn('admin', 'audit.admin');
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await poll(() => new URL(page.url()).searchParams.get('tab')).toBe('audit');
    const changes = page.getByRole('region', { name: 'Changes, newest first' });
    await changes.waitFor();
    expect(await page.getByRole('button', { name: 'Changes' }).getAttribute('aria-pressed')).toBe('true');

    // The user created through the API, in words, with who did it and what it was given.
    const created = changes.getByRole('row').filter({ hasText: 'created the user' }).filter({ hasText: '“audit.alice”' });
    await created.waitFor();
    await created.getByText('role: “approver”').waitFor();
    await created.getByText('audit-admin-token').waitFor();
    // The claim extracted from the article: a link to its page.
    const claimLink = changes.getByRole('link', { name: `Open claim ${claim.id}` }).first();
    await claimLink.waitFor();
    expect(await claimLink.getAttribute('href')).toBe(`/claims/${claim.id}`);

    // A half-typed action is refused by the form itself (the API matches whole actions).
    const filters = changes.getByRole('form', { name: 'Filter the changes' });
    await filters.getByLabel('Action').fill('user');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await filters.getByText('Type a whole action, like user.created').waitFor();
    expect(new URL(page.url()).searchParams.get('action')).toBe(null);

    // Entity type narrows to claims: no user event remains.
    await filters.getByLabel('Action').fill('');
    await filters.getByLabel('Entity type').selectOption('claim');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await poll(() => new URL(page.url()).searchParams.get('entityType')).toBe('claim');
    await claimLink.waitFor();
    await changes.getByRole('row').filter({ hasText: 'created the user' }).first().waitFor({ state: 'detached' });

    // "history" of one claim: entity type and id filled in, only that claim's events.
    await changes.getByRole('button', { name: `Show only events of claim ${claim.id}` }).first().click();
    await poll(() => new URL(page.url()).searchParams.get('entityId')).toBe(claim.id);
    await poll(() => filters.getByLabel('Entity id').inputValue()).toBe(claim.id);
    const rows = changes.locator('tbody tr');
    await poll(async () => {
      const links = await rows.getByRole('link').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      return links.length > 0 && links.every((href) => href === `/claims/${claim.id}`);
    }).toBe(true);

    // More user.created events than one page (25): Load more fetches the next through the cursor.
    for (let i = 0; i < 30; i++) await createUser(`audit.bulk${String(i).padStart(2, '0')}`);
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await poll(() => new URL(page.url()).searchParams.get('entityId')).toBe(null);
    await filters.getByLabel('Action').fill('user.created');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await poll(() => new URL(page.url()).searchParams.get('action')).toBe('user.created');
    await poll(() => rows.count()).toBe(25);
    await changes.getByText('25 shown; there are more').waitFor();
    // Newest first: the last bulk user leads.
    await poll(async () => (await rows.first().textContent())?.includes('audit.bulk29')).toBe(true);
    await changes.getByRole('button', { name: 'Load more' }).click();
    // 30 bulk + audit.alice + audit.admin (+ the test's own users): all user.created, and no more pages.
    await poll(async () => (await rows.count()) >= 32).toBe(true);
    await changes.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
    const actions = await rows.locator('.aud-action').allTextContents();
    expect(new Set(actions)).toEqual(new Set(['user.created']));
    await rows.filter({ hasText: '“audit.alice”' }).waitFor();

    // The filter is in the url: a reload shows the same list, the form filled in.
    await page.reload();
    await poll(() => page.getByLabel('Action').inputValue()).toBe('user.created');
    await poll(() => rows.count()).toBe(25);

    // A filter that matches nothing says so.
    await page.getByLabel('Action').fill('webhook.deleted');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No change matches these filters.').waitFor();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await changes.getByRole('row').filter({ hasText: 'created the user' }).filter({ hasText: '“audit.bulk29”' }).waitFor();
    await expectAccessible(page, 'admin-audit');
    await screenshot(page, 'admin-audit');
    expect(consoleErrors(page).filter((e) => !e.includes('401'))).toEqual([]); // the session check before signing in answers 401
  });

  test('the sign-ins: failed attempts (also of names no user has) with outcome in words, filtered by name and outcome', async () => {
    await createUser('audit.bob');
    await desk.t.http.post('/v1/auth/sign-in').send({ name: 'audit.bob', password: 'not-the-password' }).expect(401);
    await desk.t.http.post('/v1/auth/sign-in').send({ name: 'nobody.here', password: 'whatever-it-is' }).expect(401);

    const { page } = await desk.signedIn('admin', 'audit.admin2');
    await page.goto('/admin?tab=audit');
    await page.getByRole('button', { name: 'Sign-ins' }).click();
    await poll(() => new URL(page.url()).searchParams.get('log')).toBe('signins');
    const signIns = page.getByRole('region', { name: 'Sign-in attempts, newest first' });
    const rows = signIns.locator('tbody tr');
    // Newest first: the admin's own successful sign-in leads.
    await poll(async () => (await rows.first().textContent())?.includes('audit.admin2')).toBe(true);
    await rows.first().getByText('Signed in').waitFor();
    await rows.filter({ hasText: 'audit.bob' }).getByText('Wrong name or password').waitFor();
    await rows.filter({ hasText: 'nobody.here' }).getByText('(no such user)').waitFor();

    const filters = signIns.getByRole('form', { name: 'Filter the sign-in attempts' });
    await filters.getByLabel('Name').fill('nobody.here');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await poll(() => new URL(page.url()).searchParams.get('name')).toBe('nobody.here');
    await poll(() => rows.count()).toBe(1);
    await rows.first().getByText('Wrong name or password').waitFor();

    await filters.getByLabel('Name').fill('');
    await filters.getByLabel('Outcome').selectOption('invalid_credentials');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await poll(() => new URL(page.url()).searchParams.get('outcome')).toBe('invalid_credentials');
    await poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: 'Signed in' }).count()).toBe(0);

    await filters.getByLabel('Outcome').selectOption('');
    await filters.getByLabel('Address').fill('198.51.100.9');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await signIns.getByText('No sign-in attempt matches these filters.').waitFor();

    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await poll(async () => (await rows.count()) >= 4).toBe(true);
    await expectAccessible(page, 'admin-audit-signins');
    await screenshot(page, 'admin-audit-signins');

    // Another tab and back: the sign-in filters do not linger in the url.
    await page.getByRole('tab', { name: 'Users' }).click();
    await poll(() => page.url().includes('log=')).toBe(false);
    expect(consoleErrors(page).filter((e) => !e.includes('401'))).toEqual([]); // the session check before signing in answers 401
  });
});
