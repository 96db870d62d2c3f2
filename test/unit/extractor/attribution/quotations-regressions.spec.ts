/**
 * Quotations that go on carry their speaker.
 * Regression cases re-homed by behaviour from the files named after the round that produced them (round7.spec.ts, holdout4.spec.ts);
 * each case is kept as it was: same describe and test names, same assertions.
 */
import { describe, expect, test } from '@jest/globals';
import { claims, quantities } from '../helpers.js';

// From round7.spec.ts: Rules added for the holdout7 weaknesses (1.14): general versions, each with cases that must fire and cases that must not.
const PUB7 = new Date('2025-08-09T12:00:00Z'); // a Saturday
const others = (s: string) => claims(s, PUB7).filter((c) => c.quantity === null).map((c) => [c.category, c.attribution?.speaker ?? null]);

describe('quotations (1.14)', () => {
  test('a two-sentence quotation attributed at its end', () => {
    expect(others('"It was a trap. They came up the valley in trucks," the source said.')).toEqual([['statement', 'the source']]);
  });

  test('"said one of the observers" and the quoted sentence after it', () => {
    expect(others('"The trend is going in the wrong direction," said one of the observers, who asked not to be named. "Week by week, we see more incidents."'))
      .toEqual([['statement', 'one of the observers'], ['statement', 'one of the observers']]);
    // must not: 'one of the' before a non-person noun
    expect(others('"The trend is going in the wrong direction," said one of the reports.')).toEqual([]);
  });

  test('a quotation paragraph right after an attributed quotation goes on with its speaker', () => {
    expect(others('"It was a trap," the source said.\n\n"The convoy had no air cover."')).toEqual([['statement', 'the source'], ['statement', 'the source']]);
    // must not: the previous paragraph does not end in an attribution after a quotation, or a plain line break
    expect(others('The source said it was a trap.\n\n"The convoy had no air cover."')).toEqual([['statement', 'The source']]);
    expect(others('"It was a trap," the source said.\n"The convoy had no air cover."')).toEqual([['statement', 'the source']]);
  });
});

// From holdout4.spec.ts: Rules added after the fourth held-out set (test/fixtures/holdout4: live blog, analysis, press release, local news, sports, humanitarian, earnings, health survey): each with cases that must fire and cases that must not.
const spk = (s: string, qtext: string) => quantities(s).find((c) => c.quantity!.text.includes(qtext))?.attribution?.speaker ?? null;

describe('speakers', () => {
  test('quotations that go on into the next sentence carry the speaker to its figures', () => {
    const a = '"Incomes have simply not kept pace," said Ricardo Mota, an economist. "A nurse in Lisbon spends close to 60% of her pay on rent."';
    expect(spk(a, '60%')).toBe('Ricardo Mota');
    const b = 'Health Secretary Sarah Whitfield said: "Every one of those numbers is a person. This funding will help the NHS carry out an extra 2 million operations."';
    expect(spk(b, '2 million')).toBe('Sarah Whitfield');
    // must not fire: a new paragraph, or an unquoted sentence after a closed quotation
    expect(spk('"Incomes have not kept pace," said Ricardo Mota.\n"A nurse spends close to 60% of her pay on rent."', '60%')).toBeNull();
    expect(spk('"Incomes have not kept pace," said Ricardo Mota. A nurse spends close to 60% of her pay on rent.', '60%')).toBeNull();
  });
});
