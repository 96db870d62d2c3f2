import { describe, expect, test } from '@jest/globals';
import { quantities } from '../helpers.js';

const outcomes = (text: string) => quantities(text).map((c) => `${c.category}/${c.quantity!.unit} ${c.quantity!.value}`);

describe('a death without a numeral is a toll of one', () => {
  test.each([
    ['A guard was killed in the overnight shelling.', ['casualties/killed 1']],
    ['The gunmen killed a farmer near the well.', ['casualties/killed 1']],
    ['Hundreds marched after the death of an activist.', ['casualties/killed 1']],
    ['An elderly woman died after the raid on the village.', ['casualties/killed 1']],
  ])('%s', (text, expected) => {
    expect(outcomes(text).filter((o) => o.endsWith(' 1'))).toEqual(expected);
  });

  test.each([
    'Not a single civilian was killed in the raid.',
    'A man who killed two guards was arrested on Friday.',
    'A soldier stood guard at the well.',
  ])('no toll of one: %s', (text) => {
    expect(outcomes(text)).not.toContain('casualties/killed 1');
  });
});
