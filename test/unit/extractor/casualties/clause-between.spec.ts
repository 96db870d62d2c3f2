import { describe, expect, test } from '@jest/globals';
import { quantities } from '../helpers.js';

const outcomes = (text: string) => quantities(text).map((c) => `${c.category}/${c.quantity!.unit} ${c.quantity!.value ?? c.quantity!.low}`);

// A part named between the figure and its verb ("including 2 women") is stepped over; the part itself is a figure of
// the same outcome (the 2 women were killed too), as "killed 12 people, including three children" already was.
describe('a clause between the figure and its verb', () => {
  test.each([
    ['At least 8 farmers, including 2 boys, were killed in the strike.', ['casualties/killed 8', 'casualties/killed 2']],
    ['Some 19 people, among them three medics, were wounded.', ['casualties/wounded 19', 'casualties/wounded 3']],
    ['21 militants including a field commander were killed overnight.', ['casualties/killed 21']],
  ])('%s', (text, expected) => {
    expect(outcomes(text)).toEqual(expected);
  });

  test('a part after the verb does not move the verb', () => {
    expect(outcomes('At least 8 farmers, including 2 boys, attended the funeral.')).toEqual(['quantity_other/farmers 8', 'quantity_other/boys 2']);
  });
});
