import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auth, eventually } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot, watchConsole } from './desk.js';

/** The Admin screen: users with one-time passwords, API tokens, webhooks and their deliveries. */
describe('admin screen', () => {
  let desk: Desk;
  let receiver: Server;
  const received: string[] = [];

  beforeAll(async () => {
    desk = await Desk.start({
      REQUIRE_APPROVAL: 'true',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_SECRET_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    });
    receiver = createServer((req, res) => {
      received.push(String(req.headers['claimcheck-delivery'] ?? ''));
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await desk.close();
  });

  test('an admin creates a user, reads the one-time password once, and that user signs in and is asked to choose a password', async () => {
    const { page } = await desk.signedIn('admin');
    await page.goto('/admin');
    const create = page.getByRole('region', { name: 'Create a desk user' });
    // The name is required before anything is sent.
    await create.getByRole('button', { name: 'Create user' }).click();
    await create.getByText('Enter a user name.').waitFor();
    await create.getByLabel('User name').fill('dana.reporter');
    await create.getByLabel('Role').selectOption('approver');
    await create.getByRole('button', { name: 'Create user' }).click();
    const secret = create.getByRole('textbox', { name: 'One-time password' });
    await secret.waitFor();
    const oneTimePassword = await secret.inputValue();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await create.getByText('Shown once.').waitFor();
    const row = page.getByRole('row', { name: /dana\.reporter/ });
    await row.getByText('approver').waitFor();
    await expectAccessible(page, 'admin');
    await screenshot(page, 'admin');

    // Once dismissed, it is gone from the page.
    await create.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByRole('textbox', { name: 'One-time password' }).waitFor({ state: 'detached' });

    // Dana, in her own browser.
    const dana = await (await desk.context()).newPage();
    watchConsole(dana);
    await dana.goto('/signin');
    await dana.getByLabel('User name').fill('dana.reporter');
    await dana.getByLabel('Password').fill(oneTimePassword);
    await dana.getByRole('button', { name: 'Sign in' }).click();
    await dana.getByRole('heading', { name: 'Choose your password' }).waitFor();

    // Reset: a new one-time password, shown once in the dialog.
    await row.getByRole('button', { name: 'Reset password of dana.reporter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the password of dana.reporter' });
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    const fresh = await dialog.getByRole('textbox', { name: 'One-time password' }).inputValue();
    expect(fresh).not.toBe(oneTimePassword);
    await dialog.getByRole('button', { name: 'I have saved it' }).click();

    // Disable (confirmed), then enable again.
    await row.getByRole('button', { name: 'Disable dana.reporter' }).click();
    await page.getByRole('dialog', { name: 'Disable dana.reporter' }).getByRole('button', { name: 'Disable' }).click();
    await row.getByText('Disabled').waitFor();
    const users = (await desk.t.http.get('/v1/users').set(auth(await desk.t.token('admin'))).expect(200)).body;
    expect(users.find((u: { name: string }) => u.name === 'dana.reporter').disabledAt).toEqual(expect.any(String));
    await row.getByRole('button', { name: 'Enable dana.reporter' }).click();
    await row.getByText('Active').waitFor();
    expect(consoleErrors(page).filter((e) => !e.includes('401'))).toEqual([]); // the session check before signing in answers 401
  });

  test('an API token is shown once at creation and stops working when revoked', async () => {
    const { page } = await desk.signedIn('admin');
    await page.goto('/admin?tab=tokens');
    const create = page.getByRole('region', { name: 'Create an API token' });
    await create.getByLabel('User name').fill('cms');
    await create.getByLabel('Role').selectOption('consumer');
    await create.getByLabel('Label').fill('cms-integration');
    await create.getByLabel('Expires').selectOption('30d');
    await create.getByRole('button', { name: 'Create token' }).click();
    const token = await create.getByLabel('API token', { exact: true }).inputValue();
    await desk.t.http.get('/v1/claims').set(auth(token)).expect(200);
    await expectAccessible(page, 'admin tokens');
    await create.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByRole('textbox', { name: 'API token' }).waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /cms-integration/ });
    await row.getByRole('button', { name: /^Revoke token/ }).click();
    await page.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click();
    await row.getByText('Revoked').waitFor();
    await desk.t.http.get('/v1/claims').set(auth(token)).expect(401);
  });

  test('a webhook is registered (secret shown once), receives a verdict, and a delivery is sent again on request', async () => {
    const { page } = await desk.signedIn('admin');
    await page.goto('/admin?tab=webhooks');
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/claimcheck`;
    const create = page.getByRole('region', { name: 'Register a webhook' });
    await create.getByLabel('URL').fill(url);
    await create.getByRole('button', { name: 'Register webhook' }).click();
    await expect(create.getByLabel('Webhook secret').inputValue()).resolves.toMatch(/^whsec_/);
    await create.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByRole('row', { name: new RegExp(url) }).waitFor();

    // A verdict is published: the webhook receives it.
    const [editor, approver] = [await desk.t.token('editor'), await desk.t.token('approver')];
    const [claim] = await desk.t.seed(editor, 'Officials said 3,400 homes were destroyed by the floods in the valley on Sunday.');
    await desk.t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(editor)).expect(200);
    const verdict = (await desk.t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(editor)).send({ rating: 'unverifiable', summary: 'No count yet.', sourceIds: [] }).expect(201)).body;
    await desk.t.http.post(`/v1/verdicts/${verdict.id}/approve`).set(auth(approver)).expect(200);
    await eventually(async () => received.length === 1, 15000, 'the first delivery');

    await page.getByRole('button', { name: `Deliveries of ${url}` }).click();
    const deliveries = page.getByRole('region', { name: /Deliveries to/ });
    const delivery = deliveries.getByRole('listitem').filter({ hasText: 'verdict.published' });
    await delivery.getByText('Delivered', { exact: true }).waitFor();
    await delivery.getByText('1 attempt').waitFor();
    await expectAccessible(page, 'admin webhooks');
    await delivery.getByRole('button', { name: /^Redeliver/ }).click();
    await page.getByText('Delivery queued again.').waitFor();
    await eventually(async () => received.length === 2, 15000, 'the redelivery');
    expect(received[1]).toBe(received[0]);
    await deliveries.getByRole('button', { name: 'Refresh' }).click();
    await delivery.getByText('2 attempts').waitFor();
    await delivery.getByText('Attempts and payload').click();
    await expect(delivery.getByRole('table').getByRole('row').count()).resolves.toBe(3);
  });

  test('older deliveries load page by page ("Load more" follows the API cursor), and one from the second page is sent again', async () => {
    const { page } = await desk.signedIn('admin');
    const admin = await desk.t.token('admin');
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/paged`;
    const hook = (await desk.t.http.post('/v1/webhooks').set(auth(admin)).send({ url, events: ['verdict.published', 'article.extracted'] }).expect(201)).body;
    // 30 delivered ones within the last hour, and before them all one that failed: it is the 31st, beyond the first page of 25.
    await desk.t.db.query(
      `INSERT INTO webhook_deliveries (webhook_id, event, payload, status, attempts, last_status_code, delivered_at, created_at)
       SELECT $1, 'verdict.published', jsonb_build_object('n', n), 'delivered', 1, 204, now() - n * interval '1 minute', now() - n * interval '1 minute'
         FROM generate_series(1, 30) n`,
      [hook.id],
    );
    const [oldest] = await desk.t.db.query(
      `INSERT INTO webhook_deliveries (webhook_id, event, payload, status, attempts, last_error, created_at)
       VALUES ($1, 'article.extracted', '{"articleId":"seeded"}', 'failed', 8, 'Seeded: the receiver was down.', now() - interval '2 days') RETURNING id`,
      [hook.id],
    );

    await page.goto('/admin?tab=webhooks');
    await page.getByRole('button', { name: `Deliveries of ${url}` }).click();
    const deliveries = page.getByRole('region', { name: /Deliveries to/ });
    const items = deliveries.getByRole('listitem');
    await items.nth(24).waitFor();
    await expect(items.count()).resolves.toBe(25);
    const failed = items.filter({ hasText: 'Seeded: the receiver was down.' });
    await expect(failed.count()).resolves.toBe(0);

    await deliveries.getByRole('button', { name: 'Load more deliveries' }).click();
    await failed.waitFor();
    await expect(items.count()).resolves.toBe(31);
    await expect(items.last().getByText('article.extracted').count()).resolves.toBe(1);
    // That was the last page: nothing more to load.
    await deliveries.getByRole('button', { name: 'Load more deliveries' }).waitFor({ state: 'detached' });
    await expectAccessible(page, 'admin webhook deliveries, second page');
    await screenshot(page, 'admin-deliveries-second-page');

    const before = received.length;
    await failed.getByRole('button', { name: /^Redeliver article\.extracted/ }).click();
    await page.getByText('Delivery queued again.').waitFor();
    await eventually(async () => received.slice(before).includes(oldest.id), 15000, 'the redelivery of the oldest delivery');
    // While it is pending the panel looks again by itself, second page included: no Refresh pressed.
    const resent = items.filter({ hasText: 'article.extracted' });
    await resent.getByText('Delivered', { exact: true }).waitFor();
    await resent.getByText('9 attempts').waitFor();
    await expect(items.count()).resolves.toBe(31);
  });
});
