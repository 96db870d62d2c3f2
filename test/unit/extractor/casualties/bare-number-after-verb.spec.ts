import { describe, expect, test } from '@jest/globals';
import { quantities } from '../helpers.js';

const outcomes = (text: string) => quantities(text).map((c) => `${c.category}/${c.quantity!.unit} ${c.quantity!.value}`);

describe('a number word next to a harm verb is a figure', () => {
  test.each([
    ['Raiders stormed the camp, killing six of them.', ['casualties/killed 6']],
    ['The mortar hit the square, killing three and injuring eight.', ['casualties/killed 3', 'casualties/wounded 8']],
    ['A sniper opened fire, killing one Syrian Army soldier.', ['casualties/killed 1']],
    ['One border guard died in the exchange of fire.', ['casualties/killed 1']],
    ['Two nurses were wounded when the clinic was shelled.', ['casualties/wounded 2']],
  ])('%s', (text, expected) => {
    expect(outcomes(text)).toEqual(expected);
  });

  test.each([
    'Raiders stormed the camp, taking six of them.',
    'One border guard waved the convoy through.',
    'No one was hurt, and not one of the guards was injured.',
  ])('no harm figure: %s', (text) => {
    expect(outcomes(text).filter((o) => o.startsWith('casualties'))).toEqual([]);
  });
});
