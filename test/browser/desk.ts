import { AxeBuilder } from '@axe-core/playwright';
import { expect } from '@jest/globals';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../src/auth/user.entity.js';
import { resetState, TestApp } from '../e2e/harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

/** Debian's chromium (Playwright cannot download its own browsers here); .ci/run installs it when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The real service (API and workers in one process, as `npm start` runs it) listening on a random port,
 * serving the built desk from dist/web, plus one headless Chromium. Each test opens contexts of its own:
 * a context is one person's browser (its own cookies).
 */
export class Desk {
  private constructor(
    readonly t: TestApp,
    readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<Desk> {
    const t = await TestApp.start('api+worker', env);
    await resetState(t);
    await t.app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
    return new Desk(t, browser, baseUrl);
  }

  async context(): Promise<BrowserContext> {
    const context = await this.browser.newContext({ baseURL: this.baseUrl, viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    return context;
  }

  async page(): Promise<Page> {
    const page = await (await this.context()).newPage();
    watchConsole(page);
    return page;
  }

  /**
   * A person with their own password (t.deskSession), signed in through the sign-in screen in a browser
   * context of their own: `page` shows the desk's first screen.
   */
  async signedIn(role: Role, name?: string): Promise<{ page: Page; context: BrowserContext; user: DeskUser; csrf: string }> {
    const user = await this.t.deskSession(role, name);
    const context = await this.context();
    const page = await context.newPage();
    watchConsole(page);
    await signInThroughForm(page, user.name, user.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.getByRole('navigation', { name: 'Desk' }).waitFor();
    // The sign-in screen's probe of GET /v1/auth/session (401 before signing in) is not an error of the desk.
    consoleErrors(page).splice(0);
    const csrf = ((await (await page.request.get('/v1/auth/session')).json()) as { csrfToken: string }).csrfToken;
    return { page, context, user, csrf };
  }

  async close(): Promise<void> {
    // Bounded: Chromium's own shutdown has hung once on a loaded machine (fresh-clone CI, the shell suite's afterAll
    // past its 30 s), and the app must still close.
    await Promise.race([this.browser.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await this.t.close();
  }
}

export type DeskUser = Awaited<ReturnType<TestApp['deskSession']>>;

export async function signInThroughForm(page: Page, name: string, password: string): Promise<void> {
  if (!page.url().includes('/signin')) await page.goto('/signin');
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Errors the page logs (a CSP violation, an uncaught exception) are collected and can be asserted on. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  (page as Page & { errors?: string[] }).errors = errors;
  return errors;
}

export const consoleErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];

/** A full-page screenshot under test/artifacts/ (git-ignored), for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core on the page as it is now: no serious or critical violation (the list says which, if any). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(bad).toEqual([]);
}

/**
 * The editor's first steps on a verdict, as the verdict specs take them: take the claim, cite the relief report with
 * its own figure (47,500), open the Verdict tab and fill a "true" rating citing it (not yet proposed).
 */
export async function takeCiteAndRate(page: Page, claimId: string): Promise<void> {
  await page.goto(`/claims/${claimId}?tab=sources`);
  await page.getByRole('button', { name: 'Take this claim' }).click();
  await page.getByTestId('lease-countdown').waitFor();
  await page.getByLabel('Address (URL)').fill('https://relief.example.org/delta-floods');
  await page.getByLabel('Title', { exact: true }).fill('Delta floods situation report');
  await page.getByLabel('Figure value').fill('47500');
  await page.getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('link', { name: 'Delta floods situation report' }).waitFor();
  await page.getByRole('tab', { name: /Verdict/ }).click();
  await page.getByLabel('Rating').selectOption('true');
  await page.getByLabel('Summary').fill('The relief report counts 47,500 displaced families.');
  await page.getByLabel('Delta floods situation report').check();
}
