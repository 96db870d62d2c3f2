/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { consoleErrors, Desk } from './desk.js';

const HOSTILE_TITLE = 'Border report <img src=x onerror="window.__pwned=\'title\'"><b>bold</b>';
const HOSTILE_TEXT =
  'Officials said an estimated 30,000 troops <script>window.__pwned = "script"</script> were moved to the border on Monday. ' +
  'The agency reported <img src=x onerror="window.__pwned=\'img\'"> that more than 2,500 people were displaced by the fighting.';

describe('what people typed stays text in the desk', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await Desk.start();
  });
  afterAll(() => desk.close());

  test('an article with <script> and <img onerror> shows them as text on the queue and in the workspace; nothing runs', async () => {
    const { page, user } = await desk.signedIn('editor');
    const ingest = await desk.t.http.post('/v1/articles').set(user.headers).send({ title: HOSTILE_TITLE, text: HOSTILE_TEXT, publishedAt: '2026-12-01T08:00:00Z' });
    expect(ingest.status).toBe(202);
    const claims = await waitForClaims(desk, ingest.body.id);
    expect(claims.length).toBeGreaterThan(0);

    await page.goto('/');
    await page.getByText(HOSTILE_TITLE).first().waitFor();

    const claim = claims.find((c) => c.text.includes('<script>') || c.text.includes('<img')) ?? claims[0];
    await page.goto(`/claims/${claim.id}`);
    // The markup is on the page as characters (a claim's span may cut it across elements, so read the text, not one node).
    const literals = ['<script>window.__pwned = "script"</script>', `<img src=x onerror="window.__pwned='img'">`];
    await page.waitForFunction((needles) => needles.every((n) => document.body.innerText.includes(n)), literals, { timeout: 10_000 })
      .catch(async (err) => {
        throw new Error(`${err}\npage text: ${await page.evaluate(() => document.body.innerText)}`);
      });

    const dom = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
      injectedImages: document.querySelectorAll('img[onerror], main img[src="x"]').length,
      inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
    }));
    expect(dom).toEqual({ pwned: null, injectedImages: 0, inlineScripts: 0, bold: 0 });
  });

  test('the Content-Security-Policy itself refuses an inline script, should one ever reach the page', async () => {
    const { page } = await desk.signedIn('editor');
    const refused = page.waitForEvent('console', { predicate: (m) => /Content Security Policy/i.test(m.text()) });
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.body.appendChild(script);
    });
    await refused;
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(consoleErrors(page).some((e) => /Content Security Policy/i.test(e))).toBe(true);
  });
});

async function waitForClaims(desk: Desk, articleId: string): Promise<Array<{ id: string; text: string }>> {
  const admin = await desk.t.token('admin');
  for (let i = 0; i < 100; i++) {
    const article = await desk.t.http.get(`/v1/articles/${articleId}`).set('Authorization', `Bearer ${admin}`);
    if (article.body.status === 'extracted') {
      return (await desk.t.http.get(`/v1/articles/${articleId}/claims`).set('Authorization', `Bearer ${admin}`)).body;
    }
    if (article.body.status === 'failed') throw new Error(`extraction failed: ${article.body.failureReason}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('extraction did not finish');
}
