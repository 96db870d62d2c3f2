import { describe, expect, test } from '@jest/globals';
import { one, quantities } from '../helpers.js';

describe('digits, scales and number words', () => {
  test.each([
    ['Officials counted 14,000 people.', 14000],
    ['The fund holds 1.5 million dollars.', 1.5e6],
    ['The city has 6.8m residents.', 6.8e6],
    ['Rebels seized two villages.', 2],
    ['Seventeen soldiers were wounded.', 17],
    ['The army lost a dozen tanks.', 12],
    ['Forty-five workers went on strike.', 45],
    ['Some half a million people fled.', 500000],
    ['The region has one hundred and twenty clinics.', 120],
    ['Firefighters saved 2 million acres.', 2e6],
  ])('%s -> %d', (text, value) => {
    const c = one(text);
    expect(c.quantity!.value ?? c.quantity!.low ?? c.quantity!.high).toBeCloseTo(value);
  });

});

describe('halves', () => {
  test('"two and a half million", "half a million"', () => {
    expect(one('The bridge cost two and a half million euros to repair.').quantity).toMatchObject({ value: 2.5e6, unit: 'EUR' });
    expect(one('Nearly half a million voters stayed home.').quantity).toMatchObject({ high: 5e5 });
  });
});

describe('"one" counts only as a harm figure', () => {
  test('One person was killed', () => {
    expect(one('One person was killed, police said.')).toMatchObject({ category: 'casualties', quantity: { value: 1, unit: 'killed' } });
  });
});

describe('one claim per quantity', () => {
  test('two figures in one sentence give two claims with distinct quantity spans', () => {
    const text = 'The strike killed 14 civilians and wounded 37 others, officials said.';
    const q = quantities(text);
    expect(q).toHaveLength(2);
    expect(q[0].quantity!.start).not.toBe(q[1].quantity!.start);
    expect(q.map((c) => c.quantity!.unit)).toEqual(['killed', 'wounded']);
    for (const c of q) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(text.slice(c.quantity!.start, c.quantity!.end)).toBe(c.quantity!.text);
    }
  });
});
