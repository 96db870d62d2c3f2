/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Page, Route } from 'playwright-core';
import { auth, type TestApp } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';

/**
 * The desk when things go wrong: urls in data that are not web addresses, a live stream the server refuses, a session
 * check or a sign-out that fails, a session that ends while someone is writing, and errors on fields a form lacks.
 */

const ARTICLE = 'Health officials in Marlow reported that 37 people were killed when the dam gave way on Sunday.';

const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: 'about:blank', title: 'Error', status, code: String(status), detail, ...extra }),
});

/** The first `times` matching requests get `answer`; the rest go to the server. */
async function failFirst(page: Page, url: string | RegExp, times: number, answer: (route: Route) => Promise<void>): Promise<{ seen: () => number }> {
  let seen = 0;
  await page.route(url, async (route) => {
    seen++;
    if (seen <= times) return answer(route);
    return route.continue();
  });
  return { seen: () => seen };
}

/** Pretends the tab went to the background (or came back): what the browser does when another tab is chosen. */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** POST /v1/users answers 400 with these field errors (what a newer API might say); other requests go through. */
async function refuseCreate(page: Page, detail: string, errors: Array<{ field: string; message: string }>): Promise<void> {
  await page.route((url) => url.pathname === '/v1/users', (route) =>
    route.request().method() === 'POST' ? route.fulfill(problem(400, detail, { errors })) : route.fallback());
}

describe('the desk when things go wrong', () => {
  let desk: Desk;
  let t: TestApp;
  let seeder: string;

  beforeAll(async () => {
    desk = await Desk.start();
    t = desk.t;
    seeder = await t.token('editor', 'resilience-seeder');
  });
  afterAll(() => desk.close());

  // Each test its own article (the same text again would be the same article).
  let articles = 0;
  const newClaim = async () => (await t.seed(seeder, `${ARTICLE} Report number ${++articles} of the inquiry.`))[0] as { id: string; articleId: string; version: number };

  test('urls from data become links only when they are http(s): a javascript: source or article url is plain text', async () => {
    const claim = await newClaim();
    await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(seeder)).expect(200);
    const add = (title: string) =>
      t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(seeder)).send({ url: 'https://reports.example.org/marlow', title, sourceType: 'official' }).expect(201);
    await add('Marlow council report');
    const hostile = (await add('Marlow rumour page')).body;
    // The API refuses such urls; rows written some other way (an old import, a direct fix) must stay inert even so.
    await t.db.query(`UPDATE sources SET url = 'javascript:window.__pwned=1' WHERE id = $1`, [hostile.id]);
    await t.db.query(`UPDATE articles SET url = 'javascript:window.__pwned=2' WHERE id = $1`, [claim.articleId]);

    const { page } = await desk.signedIn('editor');
    await page.goto(`/claims/${claim.id}?tab=sources`);
    await page.getByRole('link', { name: 'Marlow council report' }).waitFor();
    expect(await page.getByRole('link', { name: 'Marlow council report' }).getAttribute('href')).toBe('https://reports.example.org/marlow');
    await page.locator('.source-title', { hasText: 'Marlow rumour page' }).waitFor();
    expect(await page.getByRole('link', { name: 'Marlow rumour page' }).count()).toBe(0);
    await page.locator('.article-meta').getByText('original').waitFor();
    expect(await page.locator('.article-meta').getByRole('link', { name: 'original' }).count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);

    await page.goto(`/ingest?article=${claim.articleId}`);
    await page.getByRole('heading', { name: 'seed' }).first().waitFor();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });

  test('the queue reopens its live stream after the server refuses it (502), and closes it while the tab is hidden', async () => {
    const { page } = await desk.signedIn('editor');
    const stream = await failFirst(page, '**/v1/review-tasks/events', 2, (route) => route.fulfill(problem(502, 'Bad gateway')));
    await page.reload();
    // The browser gives up on a 502 for good; the desk polls meanwhile and tries again with a growing delay.
    await page.getByText('Live updates interrupted: refreshing every 30 seconds.').waitFor();
    await page.getByText('Live: updates as colleagues work.').waitFor();
    expect(stream.seen()).toBe(3);

    const closed = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/v1/review-tasks/events'));
    await setVisibility(page, 'hidden');
    await closed;
    const reopened = page.waitForRequest((r) => r.url().endsWith('/v1/review-tasks/events'));
    const refetched = page.waitForRequest((r) => new URL(r.url()).pathname === '/v1/review-tasks/queue');
    await setVisibility(page, 'visible');
    await Promise.all([reopened, refetched]);
    await page.getByText('Live: updates as colleagues work.').waitFor();
    expect(stream.seen()).toBe(4);
  });

  test('a failing session check shows an error with Retry, not the sign-in page; Retry opens the desk', async () => {
    const { page } = await desk.signedIn('editor');
    await failFirst(page, '**/v1/auth/session', 1, (route) => route.fulfill(problem(503, 'The database is not answering.')));
    await page.reload();
    await page.getByRole('heading', { name: 'Could not check your sign-in' }).waitFor();
    await page.getByText('The database is not answering.').waitFor();
    expect(page.url()).not.toContain('/signin');
    await expectAccessible(page, 'session-check-failed');
    await screenshot(page, 'session-check-failed');
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('navigation', { name: 'Desk' }).waitFor();

    // No network at all: the same, with the reason in words.
    await failFirst(page, '**/v1/auth/session', 1, (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.getByText('The service could not be reached. Check your connection and try again.').waitFor();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('navigation', { name: 'Desk' }).waitFor();
  });

  test('a sign-out the server does not confirm says so and keeps the person signed in; the next one signs out', async () => {
    const { page } = await desk.signedIn('editor');
    await failFirst(page, '**/v1/auth/sign-out', 1, (route) => route.fulfill(problem(502, 'Bad gateway')));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText(/Sign-out failed: .*You are still signed in\./).waitFor();
    expect(page.url()).not.toContain('/signin');
    await page.getByRole('navigation', { name: 'Desk' }).waitFor();
    expect((await page.request.get('/v1/auth/session')).status()).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    expect((await page.request.get('/v1/auth/session')).status()).toBe(401);
  });

  test('when the session ends mid-verdict, a dialog signs the person in again over their screen and the summary is still there', async () => {
    const claim = await newClaim();
    const { page, user } = await desk.signedIn('editor');
    await page.goto(`/claims/${claim.id}?tab=verdict`);
    await page.getByRole('button', { name: 'Take this claim' }).click();
    await page.getByTestId('lease-countdown').waitFor();
    const summary = 'No record of the 37 deaths could be found in the council or hospital reports we asked for.';
    await page.getByLabel('Rating').selectOption('unverifiable');
    await page.getByLabel('Summary').fill(summary);

    await t.changeCredentials(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [user.userId]);
    await page.getByRole('button', { name: 'Propose verdict' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('User name').inputValue()).toBe(user.name);
    expect(page.url()).toContain(`/claims/${claim.id}`);
    await expectAccessible(page, 'session-ended-dialog');
    await screenshot(page, 'session-ended-dialog');

    // A wrong password is said in the dialog; the right one closes it.
    await dialog.getByLabel('Password', { exact: true }).fill('not the password at all');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByText('Sign-in failed.').waitFor();
    await dialog.getByLabel('Password', { exact: true }).fill(user.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached' });

    expect(await page.getByLabel('Summary').inputValue()).toBe(summary);
    expect(await page.getByLabel('Rating').inputValue()).toBe('unverifiable');
    await page.getByRole('button', { name: 'Propose verdict' }).click();
    await page.getByRole('heading', { name: /Proposed verdict/ }).waitFor();
    const after = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(seeder)).expect(200)).body;
    expect([after.status, after.proposedVerdict?.summary]).toEqual(['awaiting_approval', summary]);
  });

  test('changing the Time text says the old date goes, and saves the new text without it', async () => {
    const claim = await newClaim();
    const current = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(seeder)).expect(200)).body;
    await t.http.patch(`/v1/claims/${claim.id}`).set(auth(seeder))
      .send({ version: current.version, timeRef: { text: 'on Sunday', date: '2026-11-22', from: null, to: null } }).expect(200);

    const { page } = await desk.signedIn('editor');
    await page.goto(`/claims/${claim.id}`);
    await page.getByLabel('Time').fill('last weekend');
    await page.getByText(/Saving clears the date worked out from the old text \(.*2026.*\)\./).waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Claim saved.').waitFor();
    const after = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(seeder)).expect(200)).body;
    expect(after.timeRef).toEqual({ text: 'last weekend', date: null, from: null, to: null });
  });

  test('admin create forms show the general error when the API names a field the form has no input for', async () => {
    const { page } = await desk.signedIn('admin');
    await page.goto('/admin');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create user' }) });
    await form.waitFor();

    await refuseCreate(page, 'team: Teams are not enabled on this desk.', [{ field: 'team', message: 'Teams are not enabled on this desk.' }]);
    await form.getByLabel('User name').fill('new-reporter');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('alert').filter({ hasText: 'team: Teams are not enabled on this desk.' }).waitFor();

    // An error on a field the form has: shown on the field, no second notice.
    await page.unrouteAll();
    await refuseCreate(page, 'name: name is taken', [{ field: 'name', message: 'That user name is taken.' }]);
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('That user name is taken.').waitFor();
    expect(await page.getByText('name: name is taken').count()).toBe(0);
    expect(await page.getByText('team: Teams are not enabled on this desk.').count()).toBe(0);
    expect(consoleErrors(page).filter((e) => !/status of (400|401)/.test(e))).toEqual([]);
  });
});
