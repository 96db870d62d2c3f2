/**
 * Numbers inside names are not figures.
 * Regression cases re-homed by behaviour from the files named after the round that produced them (round9.spec.ts);
 * each case is kept as it was: same describe and test names, same assertions.
 */
import { describe, expect, test } from '@jest/globals';
import { figuresAt } from '../helpers.js';

// From round9.spec.ts: Rules added for the holdout9 weaknesses (1.16): general versions, each with cases that must fire and cases that must not.
const PUB9 = new Date('2026-03-12T12:00:00Z'); // a Thursday
const { texts, find } = figuresAt(PUB9);

describe('numbers inside names (1.16)', () => {
  test.each([
    ["Germany's purchase of the Israeli Arrow 3 system, worth about €4 billion, helped lift Israel.", ['about €4 billion']],
    ['Berlin is now weighing an order for the Arrow 2 as well.', []],
    ['The explosions ruptured three of the four lines of Nord Stream 1 and 2, officials said.', ['three of the four lines']],
    ['The Arrow 2 and Arrow 3 systems intercepted 12 missiles.', ['12 missiles']],
  ])('%s', (s, want) => {
    expect(texts(s)).toEqual(want);
  });

  test.each([
    // counts after a name at the sentence start, title case and possessives stay figures
    ['In Ukraine 12 people were killed on Monday.', '12 people'],
    ['Israeli Strikes Kill 12 People In Gaza', '12'],
    ["Ukraine's 24 regions were all under alert.", '24 regions'],
    ['The army said 14 soldiers were wounded.', '14 soldiers'],
  ])('still a figure: %s', (s, qtext) => {
    expect(find(s, qtext)).toBeTruthy();
  });
});
