/**
 * Partitives: "N of them" after a figure.
 * Regression cases re-homed by behaviour from the files named after the round that produced them (round9.spec.ts);
 * each case is kept as it was: same describe and test names, same assertions.
 */
import { describe, expect, test } from '@jest/globals';
import { figuresAt } from '../helpers.js';

// From round9.spec.ts: Rules added for the holdout9 weaknesses (1.16): general versions, each with cases that must fire and cases that must not.
const PUB9 = new Date('2026-03-12T12:00:00Z'); // a Thursday
const { q: q9, texts, unitOf } = figuresAt(PUB9);

describe('"N of them" after a figure (1.16)', () => {
  test.each([
    ['Tatarstan\'s leader said 11 people were injured, three of them seriously.', 'three', ['casualties', 'wounded']],
    ['Britain deployed 16 Typhoon fighter jets, four of them from a squadron in Scotland.', 'four', ['quantity_other', 'jets']],
    ['Three deminers were killed last year, two of them in the Lachin district.', 'two', ['casualties', 'killed']],
  ])('%s', (s, qtext, want) => {
    expect(q9(s).some((c) => c.quantity!.text === qtext)).toBe(true);
    expect(unitOf(s, qtext)).toEqual(want);
  });

  test.each([
    // no earlier figure, or no comma before it: nothing to refer to
    ['Four of them were later released.'],
    ['The two of them met in Geneva.'],
    ['She said that three of them had left.'],
  ])('no figure: %s', (s) => {
    expect(texts(s)).toEqual([]);
  });
});
