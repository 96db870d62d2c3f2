import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth, resetState, startExtractionOnly } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';

// Own texts: a toll reported twice, days apart.
const FIRST = 'At least 40 people were killed in the floods in Morava province, the civil protection agency said on Saturday.';
const LATER = 'The death toll from the floods in Morava province rose to at least 52, the civil protection agency said.';

/** The claim workspace's Figure history tab: the chart and the list of the same quantity over time. */
describe('figure history on the desk', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await Desk.start();
    await resetState(desk.t);
  });
  afterAll(() => desk.close());

  test('the later toll shows the earlier report and a source figure, oldest first, in a chart and a list', async () => {
    const seeder = await desk.t.token('editor', 'seeder');
    const ids: string[] = [];
    const ctx = await startExtractionOnly(desk.t.env);
    try {
      for (const [text, publishedAt] of [[FIRST, '2026-11-01T08:00:00Z'], [LATER, '2026-11-04T08:00:00Z']]) {
        const res = await desk.t.http.post('/v1/articles').set(auth(seeder)).send({ title: text.slice(0, 30), text, publishedAt }).expect(202);
        await ctx.extraction.extractArticle(res.body.id);
        ids.push((await desk.t.http.get(`/v1/articles/${res.body.id}/claims`).set(auth(seeder)).expect(200)).body[0].id);
      }
    } finally {
      await ctx.close();
    }
    await desk.t.http.post(`/v1/claims/${ids[0]}/sources`).set(auth(seeder))
      .send({ url: 'https://relief.example.org/sitrep-3', title: 'Situation report 3', publisher: 'Relief office', sourceType: 'ngo', figure: { value: 47, asOf: '2026-11-02' } })
      .expect(201);

    const { page } = await desk.signedIn('editor', 'mira');
    await page.goto(`/claims/${ids[1]}?tab=figures`);
    const panel = page.getByRole('tabpanel');
    const chart = panel.getByRole('img', { name: /Figure over time/ });
    await chart.waitFor();
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(/At least 40 people \(2026-10-31, .*\) → 47 \(2026-11-02, Relief office\) → at least 52 \(2026-11-04, /);
    await expect(chart.locator('circle').count()).resolves.toBe(3);
    const rows = panel.locator('table.figure-history tbody tr');
    await expect(rows.locator('td:nth-child(2)').allTextContents()).resolves.toEqual(['At least 40 people', '47', 'at least 52']); // as the texts write them; a source's figure as a number
    await expect(rows.nth(1).textContent()).resolves.toContain('Relief office');
    await expect(rows.nth(0).locator('a').getAttribute('href')).resolves.toBe(`/claims/${ids[0]}`);
    await expectAccessible(page, 'figure history');
    await screenshot(page, 'claim-figure-history');
    expect(consoleErrors(page)).toEqual([]);
  }, 90_000); // seeding by extraction and a sign-in inside the test
});
