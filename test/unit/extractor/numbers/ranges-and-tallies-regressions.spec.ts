/**
 * Ranges and tallies: a change followed by a level is no range; vote tallies are no figures.
 * Regression cases re-homed by behaviour from the files named after the round that produced them (round9.spec.ts, realworld.spec.ts);
 * each case is kept as it was: same describe and test names, same assertions.
 */
import { describe, expect, test } from '@jest/globals';
import { one, quantities } from '../helpers.js';

// From round9.spec.ts: Rules added for the holdout9 weaknesses (1.16): general versions, each with cases that must fire and cases that must not.
{
  const PUB9 = new Date('2026-03-12T12:00:00Z'); // a Thursday
  const q9 = (s: string) => quantities(s, PUB9);
  const texts = (s: string) => q9(s).map((x) => x.quantity!.text);

  describe('vote tallies written with "to" (1.16)', () => {
    test.each([
      ['Lawmakers voted 151 to 11 in favour of the package.'],
      ['In Yerevan, parliament voted 62 to 31 on Tuesday to ratify the agreement.'],
      ['The bill was approved by 312 votes to 190.'],
      ['The motion passed by 98 to 52 after a long debate.'],
      ['The measure was carried with a vote of 71 to 20.'],
    ])('no figure: %s', (s) => {
      expect(texts(s)).toEqual([]);
    });

    test.each([
      // not a vote: a range and a change remain figures
      ['Between 300 to 400 people voted in the village.', 'people'],
      ['Turnout rose from 41 to 55 percent.', 'percent'],
      ['Lawmakers voted to send 150 to 200 troops.', 'troops'],
    ])('still a figure: %s', (s, unit) => {
      expect(q9(s).length).toBeGreaterThan(0);
      expect(q9(s).some((c) => c.quantity!.unit === unit)).toBe(true);
    });
  });
}

// From realworld.spec.ts: Rules added after the second held-out set (test/fixtures/holdout2): each with cases that must fire and cases that must not.
{
  const texts = (s: string) => quantities(s).map((c) => c.quantity!.text);

  describe('a change followed by a level is not a range', () => {
    test('percent change then money/count level', () => {
      const q = quantities('Operating profit fell 41% to 4.2 billion euros.');
      expect(q.map((c) => [c.quantity!.text, c.quantity!.value, c.quantity!.unit])).toEqual([
        ['41%', 41, 'percent'],
        ['4.2 billion euros', 4.2e9, 'EUR'],
      ]);
      expect(texts('Sales dropped 12 per cent to 118,500 units.')).toEqual(['12 per cent', '118,500 units']);
    });

    test('percentage points then a rate', () => {
      const q = quantities('Contributions will rise by 1.2 percentage points to 15%.');
      expect(q.map((c) => [c.quantity!.value, c.quantity!.qualifier])).toEqual([[1.2, 'exact'], [15, 'exact']]);
    });

    test('must not fire: real ranges', () => {
      expect(one('Prices will rise 2 to 3 percent.').quantity).toMatchObject({ low: 2, high: 3, qualifier: 'range' });
      expect(one('Between 10% and 15% of voters are undecided.').quantity).toMatchObject({ low: 10, high: 15 });
      expect(one('The project will cost $1.5 to $2 billion.').quantity).toMatchObject({ low: 1.5e9, high: 2e9 });
    });
  });
}
