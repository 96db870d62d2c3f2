/**
 * Durations, time offsets and prison terms.
 * Regression cases re-homed by behaviour from the files named after the round that produced them (round6.spec.ts, holdout3.spec.ts);
 * each case is kept as it was: same describe and test names, same assertions.
 */
import { describe, expect, test } from '@jest/globals';
import { one, quantities } from '../helpers.js';

// From round6.spec.ts: Rules added for the holdout6 weaknesses (1.13): general versions, each with cases that must fire and cases that must not.
describe('numbers (1.13)', () => {
  test.each([
    ['Berlin says it will reach that level by 2029, six years early.', []],
    ['The project finished two months ahead of schedule.', []],
    // must still fire
    ['The war has lasted six years.', ['six years']],
  ])('%s', (text, want) => {
    expect(quantities(text).map((c) => c.quantity!.text)).toEqual(want);
  });
});

// From holdout3.spec.ts: Rules added after the third held-out set (test/fixtures/holdout3): each with cases that must fire and cases that must not.
describe('numbers and units', () => {
  test('prison terms are quantities', () => {
    expect(one('If convicted, he faces up to 20 years in prison.').quantity).toMatchObject({ high: 20, unit: 'years' });
    expect(one('In 2021, a broker was sentenced to five years for smuggling.').quantity).toMatchObject({ value: 5, unit: 'years' });
  });

  test('must not fire: age ranges, periods, durations', () => {
    expect(quantities('The study tracked adults aged 50 to 79 for a decade.')).toHaveLength(0);
    expect(quantities('Anyone diagnosed within the first two years was excluded.')).toHaveLength(0);
    expect(quantities('The rules allow losses over three seasons.')).toHaveLength(0);
    expect(quantities('Prices rose over the past 200 years.')).toHaveLength(0);
    expect(quantities('He served five years as mayor before the talks.')).toHaveLength(1); // unchanged: a count of years without a prison word
    expect(quantities('The two leaders met, and both sides took five.')).toHaveLength(0);
  });
});
