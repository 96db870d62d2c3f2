import { describe, expect, test } from '@jest/globals';
import { quantities } from '../helpers.js';

const outcomes = (text: string) => quantities(text).map((c) => `${c.category}/${c.quantity!.unit} ${c.quantity!.value ?? c.quantity!.low}`);

describe('killed and wounded in one list keep their own outcome', () => {
  test.each([
    ['At least 20 villagers were killed and 35 more injured in the shelling.', ['casualties/killed 20', 'casualties/wounded 35']],
    ['31 killed and 8 injured after the bus was attacked.', ['casualties/killed 31', 'casualties/wounded 8']],
    ['The ambush left 7 dead and 11 wounded.', ['casualties/killed 7', 'casualties/wounded 11']],
    ['Police said 14 were wounded and 3 more killed in the night.', ['casualties/wounded 14', 'casualties/killed 3']],
  ])('%s', (text, expected) => {
    expect(outcomes(text)).toEqual(expected);
  });

  test('"more" without a harm after it does not make a casualty', () => {
    expect(outcomes('The army sent 300 troops and 200 more later in the week.')).not.toContain('casualties/killed 200');
  });
});
