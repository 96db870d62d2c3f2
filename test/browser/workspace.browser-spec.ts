import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { Role } from '../../src/auth/user.entity.js';
import { auth, eventually, startExtractionOnly, type TestApp } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';

/**
 * The claim workspace (/claims/:id) driven like an editor would: the article with the claim marked, two editors
 * racing on the same field, sources and their assessment, proposing a verdict, the lease bar.
 * The articles are written for these tests.
 */

const EARLIER = `Western intelligence officials said that Russia had gathered about 120,000 troops along its border with Belarus and Ukraine.

The buildup began in late autumn, according to satellite images reviewed by analysts in Brussels.`;

const LATER = `Russia has stationed about 120,000 troops near the Ukrainian border, NATO diplomats said, warning that talks in Vienna had stalled.

The fighting in the eastern regions has forced more than 2 million people from their homes since 2014, the U.N. refugee agency said.

Local health officials reported that at least 9,000 civilians have been killed in the conflict.`;


interface Claim { id: string; text: string; category: string; version: number; status: string }

/** Ingests an article and extracts it in this process (the desk's own workers are paused by resetState). */
async function ingest(t: TestApp, token: string, title: string, text: string, publishedAt: string): Promise<{ id: string; claims: Claim[] }> {
  const res = await t.http.post('/v1/articles').set(auth(token)).send({ title, text, publishedAt, publisher: 'The Daily Ledger' });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(res.body)}`);
  const ctx = await startExtractionOnly(t.env);
  try {
    await ctx.extraction.extractArticle(res.body.id);
  } finally {
    await ctx.close();
  }
  const claims = (await t.http.get(`/v1/articles/${res.body.id}/claims`).set(auth(token)).expect(200)).body as Claim[];
  return { id: res.body.id, claims };
}

/** One person's browser, signed in through the sign-in screen (desk.signedIn), with the session's CSRF token. */
async function signedIn(desk: Desk, role: Role, name: string): Promise<{ page: Page; userId: string; csrf: string }> {
  const { page, user, csrf } = await desk.signedIn(role, name);
  return { page, userId: user.userId, csrf };
}

/** Each test judges only what its own steps logged (the people's pages live across the tests). */
const clearConsole = (...pages: Page[]) => pages.forEach((p) => consoleErrors(p).splice(0));

/** A full-page picture from the top, once the confirmations have gone. */
async function picture(page: Page, name: string): Promise<void> {
  await page.locator('.toast').first().waitFor({ state: 'detached' });
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name);
}

const byCategory = (claims: Claim[], category: string) => {
  const found = claims.find((c) => c.category === category);
  if (!found) throw new Error(`no ${category} claim in ${JSON.stringify(claims.map((c) => c.category))}`);
  return found;
};

describe('claim workspace', () => {
  let desk: Desk;
  let t: TestApp;
  let seeder: string;
  let chief: string;
  let earlierTroops: Claim;
  let troops: Claim;
  let displaced: Claim;
  let killed: Claim;
  let alice: Awaited<ReturnType<typeof signedIn>>;
  let bob: Awaited<ReturnType<typeof signedIn>>;

  beforeAll(async () => {
    desk = await Desk.start();
    t = desk.t;
    seeder = await t.token('editor', 'desk-seeder');
    chief = await t.token('approver', 'chief-editor');

    // An earlier claim with a published verdict: the later article's troop figure is matched to it at extraction.
    const earlier = await ingest(t, seeder, 'Troops gather near the border', EARLIER, '2026-11-02T08:00:00Z');
    earlierTroops = byCategory(earlier.claims, 'troop_count');
    await t.http.post(`/v1/claims/${earlierTroops.id}/lease`).set(auth(seeder)).expect(200);
    const source = (await t.http.post(`/v1/claims/${earlierTroops.id}/sources`).set(auth(seeder)).send({
      url: 'https://defence.example.org/briefing-11', title: 'Ministry briefing on force posture', publisher: 'Defence Ministry',
      sourceType: 'official', figure: { value: 118000, asOf: '2026-11-01' },
    }).expect(201)).body;
    const verdict = (await t.http.post(`/v1/claims/${earlierTroops.id}/verdict`).set(auth(seeder)).send({
      rating: 'true', summary: 'The ministry counted about 118,000 troops, within the usual margin of such estimates.', sourceIds: [source.id],
    }).expect(201)).body;
    await t.http.post(`/v1/verdicts/${verdict.id}/approve`).set(auth(chief)).expect(200);

    const later = await ingest(t, seeder, 'Talks stall as troops stay at the border', LATER, '2026-11-26T09:00:00Z');
    troops = byCategory(later.claims, 'troop_count');
    displaced = byCategory(later.claims, 'displacement');
    killed = byCategory(later.claims, 'casualties');

    alice = await signedIn(desk, 'editor', 'alice');
    bob = await signedIn(desk, 'editor', 'bob');
  });
  beforeEach(() => clearConsole(alice.page, bob.page));
  afterAll(() => desk.close());

  test('the article shows this claim marked and the other claims as links; opening one moves the mark', async () => {
    const { page } = alice;
    await page.goto(`/claims/${troops.id}`);
    const current = page.locator('mark[aria-current="true"]');
    await current.waitFor();
    expect(await current.textContent()).toBe(troops.text);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(troops.text);

    // The other claims are links, reachable by keyboard.
    const other = page.getByRole('link', { name: displaced.text });
    await other.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/claims/${displaced.id}`);
    await page.locator('mark[aria-current="true"]', { hasText: displaced.text }).waitFor();
    expect(await current.textContent()).toBe(displaced.text);
    await page.getByRole('link', { name: troops.text }).waitFor();
    await expectAccessible(page, 'claim-workspace-fields');
    expect(consoleErrors(page)).toEqual([]);
  });

  test('two editors save the same claim: the later one sees who changed what, keeps the input, and Reload loses nothing', async () => {
    const a = alice.page;
    const b = bob.page;
    const before = (await t.http.get(`/v1/claims/${killed.id}`).set(auth(seeder)).expect(200)).body;
    await a.goto(`/claims/${killed.id}`);
    await b.goto(`/claims/${killed.id}`);
    await a.getByLabel('Subject').waitFor();
    await b.getByLabel('Subject').waitFor();

    // Bob saves first, through the desk.
    await b.getByLabel('Subject').fill('civilian deaths in the east');
    await b.getByRole('button', { name: 'Save changes' }).click();
    await b.getByText('Claim saved.').waitFor();

    // Alice, who read the claim before Bob's save, changes the same field and another one.
    await a.getByLabel('Subject').fill('civilians killed');
    await a.getByLabel('Location').fill('Donetsk region');
    await a.getByRole('button', { name: 'Save changes' }).click();
    const conflict = a.locator('.conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('bob changed this claim');
    await expect(conflict.textContent()).resolves.toMatch(/subject: .+ → “civilian deaths in the east”/);
    expect(await a.getByLabel('Subject').inputValue()).toBe('civilians killed');
    expect(await a.getByLabel('Location').inputValue()).toBe('Donetsk region');
    await picture(a, 'claim-workspace-conflict');
    await expectAccessible(a, 'claim-workspace-conflict');
    // Nothing of Alice's was saved.
    const mid = (await t.http.get(`/v1/claims/${killed.id}`).set(auth(seeder)).expect(200)).body;
    expect([mid.subject, mid.location]).toEqual(['civilian deaths in the east', before.location]);

    await a.getByRole('button', { name: 'Reload' }).click();
    await conflict.waitFor({ state: 'detached' });
    // Bob's value in the field he changed, Alice's beside it; her other input kept.
    expect(await a.getByLabel('Subject').inputValue()).toBe('civilian deaths in the east');
    await a.getByText('Your unsaved value: “civilians killed”').waitFor();
    expect(await a.getByLabel('Location').inputValue()).toBe('Donetsk region');
    await a.getByRole('button', { name: 'Save changes' }).click();
    await a.getByText('Claim saved.').waitFor();
    const after = (await t.http.get(`/v1/claims/${killed.id}`).set(auth(seeder)).expect(200)).body;
    expect([after.subject, after.location]).toEqual(['civilian deaths in the east', 'Donetsk region']);

    // Her own subject is one click away and saves on the current version.
    await a.getByRole('button', { name: 'Use mine' }).click();
    expect(await a.getByLabel('Subject').inputValue()).toBe('civilians killed');
    await a.getByRole('button', { name: 'Save changes' }).click();
    await eventually(async () => (await t.http.get(`/v1/claims/${killed.id}`).set(auth(seeder))).body.subject === 'civilians killed', 10_000, 'her subject saved');

    // The history names both editors with what they changed.
    await a.getByRole('tab', { name: 'History' }).click();
    const timeline = a.locator('.timeline');
    await timeline.getByText(/location: .+ → “Donetsk region”/).waitFor();
    await expect(timeline.textContent()).resolves.toContain('bob');
    expect([...consoleErrors(a), ...consoleErrors(b)].filter((e) => !e.includes('409'))).toEqual([]);
  });

  test('sources with figures close to and far from the claim produce the assessment', async () => {
    const { page } = alice;
    await page.goto(`/claims/${troops.id}`);
    await page.getByRole('button', { name: 'Take this claim' }).click();
    await page.getByTestId('lease-countdown').waitFor();
    await page.getByRole('tab', { name: /Sources & assessment/ }).click();
    await page.getByText('No sources yet').waitFor();

    const add = async (url: string, title: string, value: string, asOf: string) => {
      await page.getByLabel('Address (URL)').fill(url);
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Publisher').fill('Institute for Force Studies');
      await page.getByLabel('Type', { exact: true }).selectOption('academic');
      await page.getByLabel('Figure value').fill(value);
      await page.getByLabel('Figure as of').fill(asOf);
      await page.getByRole('button', { name: 'Add source' }).click();
      await page.getByRole('link', { name: title }).waitFor();
    };
    await add('https://forces.example.net/posture-november', 'November force posture estimate', '118,000', '2026-11-20');
    const table = page.locator('.assessment-table');
    await table.getByRole('row', { name: /November force posture estimate/ }).waitFor();
    await add('https://monitor.example.net/border-count', 'Border monitoring count', '150000', '2026-11-22');

    const close = table.getByRole('row', { name: /November force posture estimate/ });
    const far = table.getByRole('row', { name: /Border monitoring count/ });
    await far.waitFor();
    await expect(close.textContent()).resolves.toMatch(/118,000.*Consistent.*\+1\.7%/);
    await expect(far.textContent()).resolves.toMatch(/150,000.*Understated.*−20%/);
    const assessment = (await t.http.get(`/v1/claims/${troops.id}/assessment`).set(auth(seeder)).expect(200)).body;
    const shown = page.getByTestId('assessment');
    await expect(shown.locator('.badge-rating').textContent()).resolves.toBe(
      { true: 'True', mostly_true: 'Mostly true', misleading: 'Misleading', mostly_false: 'Mostly false', false: 'False', unverifiable: 'Unverifiable' }[
        assessment.suggestedRating as string
      ],
    );
    await expect(shown.textContent()).resolves.toContain(assessment.explanation);

    await picture(page, 'claim-workspace');
    await expectAccessible(page, 'claim-workspace-sources');

    // The match: the earlier claim's published verdict, with a link to it.
    await page.getByRole('tab', { name: /Matches/ }).click();
    await page.getByRole('heading', { name: /Its published verdict/ }).waitFor();
    await page.getByRole('button', { name: 'Confirm match' }).click();
    await page.getByText('Match confirmed.').waitFor();
    await expect(page.locator('.match .badge-status-confirmed').textContent()).resolves.toBe('Confirmed');
    await expectAccessible(page, 'claim-workspace-match');
    await picture(page, 'claim-workspace-match');
    await page.getByRole('link', { name: 'Open the earlier claim' }).click();
    await page.waitForURL(`**/claims/${earlierTroops.id}`);
    await page.getByRole('tab', { name: 'Verdict' }).click();
    await page.getByRole('heading', { name: /Published verdict/ }).waitFor();
    expect(consoleErrors(page)).toEqual([]);
  });

  test('proposing a verdict through the desk puts the claim in awaiting approval', async () => {
    const { page, csrf } = alice;
    await page.goto(`/claims/${killed.id}?tab=verdict`);
    await page.getByRole('button', { name: 'Take this claim' }).click();
    await page.getByTestId('lease-countdown').waitFor();
    const source = await page.request.post(`/v1/claims/${killed.id}/sources`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { url: 'https://monitor.example.net/civilians', title: 'Civilian casualty monitoring report', figure: { low: 9100 } },
    });
    expect(source.status()).toBe(201);
    await page.reload();
    await page.getByLabel('Civilian casualty monitoring report').waitFor();

    // Missing fields are marked, nothing is sent.
    await page.getByRole('button', { name: 'Propose verdict' }).click();
    await page.getByText('Choose a rating.').waitFor();

    await page.getByLabel('Rating').selectOption('mostly_true');
    await page.getByLabel('Summary').fill('The monitoring mission counted more than 9,100 civilian deaths, so "at least 9,000" holds.');
    await page.getByLabel('Civilian casualty monitoring report').check();
    await page.getByRole('button', { name: 'Propose verdict' }).click();
    await page.getByText('Awaiting approval', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: /Proposed verdict/ }).waitFor();
    await expect(page.locator('.lease-bar .badge-status-awaiting_approval').textContent()).resolves.toBe('Awaiting approval');
    expect(await page.getByRole('button', { name: 'Propose verdict' }).count()).toBe(0);
    const claim = (await t.http.get(`/v1/claims/${killed.id}`).set(auth(seeder)).expect(200)).body;
    expect([claim.status, claim.proposedVerdict?.rating, claim.proposedVerdict?.authorName]).toEqual(['awaiting_approval', 'mostly_true', 'alice']);
    await expectAccessible(page, 'claim-workspace-verdict');
    await picture(page, 'claim-workspace-verdict');

    // The approver sends it back: the reason, who and when are in plain sight, the task is hers again (found after a
    // reload), and the form starts from what she proposed.
    await t.http.post(`/v1/verdicts/${claim.proposedVerdict.id}/reject`).set(auth(chief))
      .send({ reason: 'Say which monitoring mission and the period it covers.' }).expect(200);
    await page.reload();
    const rejection = page.locator('.rejection');
    await rejection.waitFor();
    await expect(rejection.textContent()).resolves.toMatch(/sent back by chief-editor.*Reason: Say which monitoring mission and the period it covers\./);
    await page.getByRole('heading', { name: 'Revise and propose again' }).waitFor();
    await page.getByTestId('lease-countdown').waitFor();
    await eventually(async () => (await page.getByLabel('Summary').inputValue()).startsWith('The monitoring mission counted'), 10_000, 'the form starts from the rejected verdict');
    expect(await page.getByLabel('Rating').inputValue()).toBe('mostly_true');
    await page.getByLabel('Summary').fill('The UN monitoring mission counted more than 9,100 civilian deaths from 2022 to November 2026.');
    await page.getByRole('button', { name: 'Propose verdict' }).click();
    await page.getByRole('heading', { name: /Proposed verdict/ }).waitFor();
    await rejection.waitFor({ state: 'detached' });
    expect(consoleErrors(page)).toEqual([]);
  });

  test('the lease bar counts down, warns under two minutes, names the holder to others, and Release returns to the queue', async () => {
    const b = bob.page;
    await b.clock.install();
    await b.goto(`/claims/${displaced.id}`);
    await b.getByRole('button', { name: 'Take this claim' }).click();
    await b.getByTestId('lease-countdown').waitFor();
    // The default lease is 30 minutes.
    await b.getByTestId('lease-countdown').filter({ hasText: /^(29|30):\d\d$/ }).waitFor();
    expect(await b.getByRole('alert').filter({ hasText: 'Less than 2 minutes left' }).count()).toBe(0);

    // Alice cannot take it, and is told who holds it until when.
    await alice.page.goto(`/claims/${displaced.id}`);
    await alice.page.getByRole('button', { name: 'Take this claim' }).click();
    await alice.page.getByText('bob is reviewing this claim').waitFor();

    await b.clock.fastForward('28:30');
    await b.getByText('Less than 2 minutes left: renew to keep this claim.').waitFor();
    await screenshot(b, 'claim-workspace-lease-warning');
    await b.getByTestId('lease-countdown').filter({ hasText: /^[01]:\d\d$/ }).waitFor();

    await b.getByRole('button', { name: 'Release' }).click();
    await b.waitForURL((url) => url.pathname === '/');
    await b.getByText('Claim released back to the queue.').waitFor();
    const claim = (await t.http.get(`/v1/claims/${displaced.id}`).set(auth(seeder)).expect(200)).body;
    expect(claim.status).toBe('queued');
    expect(consoleErrors(b)).toEqual([]);
  });
});
