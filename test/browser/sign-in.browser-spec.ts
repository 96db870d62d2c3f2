/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { consoleErrors, Desk, expectAccessible, screenshot, signInThroughForm, watchConsole } from './desk.js';

describe('signing in to the desk', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await Desk.start({ SIGN_IN_MAX_FAILURES_PER_NAME: '3', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '50', SIGN_IN_DELAY_BASE_MS: '0' });
  });
  afterAll(() => desk.close());

  test('an editor signs in, sees the queue, reloads and stays signed in, signs out and the session ends on the server', async () => {
    const user = await desk.t.deskSession('editor');
    const page = await desk.page();
    await page.goto('/');
    await page.waitForURL('**/signin');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await signInThroughForm(page, user.name, user.password);
    await page.getByRole('navigation', { name: 'Desk' }).waitFor();
    expect(await page.getByText(user.name, { exact: true }).isVisible()).toBe(true);

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'claimcheck_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
    // httpOnly: the page's scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('claimcheck_session');

    await page.reload();
    await page.getByRole('navigation', { name: 'Desk' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');
    // The old cookie no longer works anywhere: the server ended the session.
    const replay = await fetch(`${desk.baseUrl}/v1/auth/session`, { headers: { Cookie: `claimcheck_session=${session.value}` } });
    expect(replay.status).toBe(401);
    expect(consoleErrors(page).filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  test('a wrong password is refused with a message; after repeated failures even the right one is refused for a while', async () => {
    const user = await desk.t.deskSession('editor');
    const page = await desk.page();
    await page.goto('/signin');
    for (let i = 0; i < 3; i++) {
      await signInThroughForm(page, user.name, 'not the password at all');
      await page.getByRole('alert').filter({ hasText: 'The name or the password is wrong' }).waitFor();
    }
    await signInThroughForm(page, user.name, user.password);
    const alert = page.getByRole('alert').filter({ hasText: 'Too many attempts' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/try again/i);
    await screenshot(page, 'sign-in-locked');
    expect(page.url()).toContain('/signin');

    // Every attempt was audited, the refused one included.
    const admin = await desk.t.token('admin');
    const attempts = await fetch(`${desk.baseUrl}/v1/auth/sign-in-attempts?name=${user.name}`, { headers: { Authorization: `Bearer ${admin}` } });
    const outcomes = ((await attempts.json()) as { items: Array<{ outcome: string }> }).items.map((a) => a.outcome);
    expect(outcomes.filter((o) => o !== 'success')).toHaveLength(4);
  });

  test('a write without the CSRF token is refused even with the session cookie', async () => {
    const { page } = await desk.signedIn('editor');
    const answer = await page.evaluate(async () => {
      const res = await fetch('/v1/articles', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Forged', text: 'A forged article with 12 numbers.' }),
      });
      return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as { code: string } };
    });
    expect(answer.status).toBe(403);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.code).toBe('csrf_failed');
    const [{ n }] = await desk.t.db.query(`SELECT count(*)::int AS n FROM articles WHERE title = 'Forged'`);
    expect(n).toBe(0);
  });

  test('a consumer cannot open the desk', async () => {
    const page = await desk.page();
    const consumer = await desk.t.deskSession('editor');
    // Demote to consumer after the password is set: consumers cannot sign in to the desk at all.
    await desk.t.changeCredentials(`UPDATE users SET role = 'consumer' WHERE id = $1`, [consumer.userId]);
    await signInThroughForm(page, consumer.name, consumer.password);
    await page.getByRole('alert').filter({ hasText: /desk/i }).waitFor();
    expect(page.url()).toContain('/signin');
  });

  test('a new user signs in with a one-time password and must choose their own before the desk opens', async () => {
    const { UsersService } = await import('../../src/auth/users.service.js');
    const created = await desk.t.app.get(UsersService).create('new-editor', 'editor', null);
    const page = await desk.page();
    watchConsole(page);
    await signInThroughForm(page, 'new-editor', created.oneTimePassword);
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await expectAccessible(page, 'choose-password');
    await page.getByLabel('One-time password').fill(created.oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Repeat new password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('navigation', { name: 'Desk' }).waitFor();
  });
});
