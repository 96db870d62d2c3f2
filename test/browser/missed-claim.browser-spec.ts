import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { resetState } from '../e2e/harness.js';
import { consoleErrors, Desk, expectAccessible, screenshot } from './desk.js';

// Own text; the editor adds the second sentence's toll by hand, whatever the extractor made of it.
const TEXT = `Crews cleared the mountain road on Sunday, the transport office said.

Two days after the landslide, the villages above the pass counted 17 houses destroyed and the school closed.`;
const WORDS = 'the villages above the pass counted 17 houses destroyed';

/** The ingest screen: an editor adds a claim the extractor missed by selecting its words in the article. */
describe('adding a claim the extractor missed', () => {
  let desk: Desk;

  beforeAll(async () => {
    desk = await Desk.start();
    await resetState(desk.t);
  });
  afterAll(() => desk.close());

  test('words not in the article are refused in words; selected words become a queued claim that opens in the workspace', async () => {
    const seeder = await desk.t.token('editor', 'seeder');
    await desk.t.seed(seeder, TEXT);
    const [{ id: articleId }] = await desk.t.db.query(`SELECT id FROM articles`);
    const { page } = await desk.signedIn('editor', 'lucia');
    await page.goto(`/ingest?article=${articleId}`);
    await page.getByRole('button', { name: 'Add a claim the extractor missed' }).click();
    const form = page.locator('.add-missed-claim');

    await form.getByLabel('Words of the claim').fill('seventeen houses were destroyed');
    await form.getByRole('button', { name: 'Add claim' }).click();
    await form.getByText('These words are not in the article').waitFor();

    // Select the words in the article's text, as an editor would with the mouse.
    await page.evaluate((words) => {
      const box = document.querySelector('.missed-claim-text')!;
      const node = box.firstChild!;
      const at = node.textContent!.indexOf(words);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, WORDS);
    await form.getByRole('button', { name: 'Use the selected text' }).click();
    await expect(form.getByLabel('Words of the claim').inputValue()).resolves.toBe(WORDS);
    await form.getByText('These words are not in the article').waitFor({ state: 'detached' });
    await form.getByLabel('Category').selectOption('quantity_other');
    await form.getByLabel('Why it was missed (optional)').fill('Destroyed houses were not listed.');
    await expectAccessible(page, 'ingest (add a missed claim)');
    await screenshot(page, 'ingest-add-missed-claim');
    await form.getByRole('button', { name: 'Add claim' }).click();

    await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/);
    const claimId = new URL(page.url()).pathname.split('/').pop();
    await page.getByText('Claim added and queued for review').waitFor();
    const [row] = await desk.t.db.query(`SELECT text, start_offset, category, status, quantity_value, quantity_low FROM claims WHERE id = $1`, [claimId]);
    expect(row).toMatchObject({ text: WORDS, start_offset: TEXT.indexOf(WORDS), category: 'quantity_other', status: 'queued' });
    // The figure was left to the extractor: it read 17 from the words.
    expect(row.quantity_value ?? row.quantity_low).toBe(17);
    const [{ action, reason }] = await desk.t.db.query(`SELECT action, reason FROM audit_events WHERE claim_id = $1`, [claimId]);
    expect({ action, reason }).toEqual({ action: 'claim.added', reason: 'Destroyed houses were not listed.' });
    expect(consoleErrors(page)).toEqual([]);
  }, 90_000); // seeding by extraction and a sign-in inside the test
});
