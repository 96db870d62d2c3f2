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

describe('number forms from outside text (issue 11)', () => {
  test('"2 dozen" is 24; "a hundred" and "more than a hundred" are 100', () => {
    expect(one('Around 2 dozen people were killed.').quantity).toMatchObject({ value: 24, qualifier: 'approximate' });
    expect(one('A hundred volunteers cleared the beach.').quantity).toMatchObject({ value: 100, qualifier: 'exact' });
    expect(one('More than a hundred people died in the fire.').quantity).toMatchObject({ low: 100, qualifier: 'lower_bound' });
  });
  test('must not fire: "a" alone is no number', () => {
    expect(quantities('A volunteer cleared the beach.')).toEqual([]);
  });
  test('thousands apart by a space or a no-break space', () => {
    expect(one('The firm raised 3 000 euros.').quantity).toMatchObject({ value: 3000, unit: 'EUR' });
    expect(one('The firm raised 3\u202f000 euros.').quantity).toMatchObject({ value: 3000, unit: 'EUR' });
    expect(one('The town has 12 500 000 residents.').quantity).toMatchObject({ value: 12.5e6 });
  });
  test('must not fire: digit groups that are a phone number', () => {
    expect(quantities('Call 800 555 1234 today.')).toEqual([]);
  });
  test('lakh and crore; scale abbreviations apart from the digits', () => {
    expect(one('The scheme costs 5 lakh rupees.').quantity).toMatchObject({ value: 5e5, unit: 'INR' });
    expect(one('The state spent ₹2,500 crore on roads.').quantity).toMatchObject({ value: 2.5e10, unit: 'INR' });
    expect(one('The state hired 3 crore workers.').quantity).toMatchObject({ value: 3e7 });
    expect(one('The bank lost 5 bln euros.').quantity).toMatchObject({ value: 5e9, unit: 'EUR' });
    expect(one('The bank lost 3.2 mln dollars.').quantity).toMatchObject({ value: 3.2e6, unit: 'USD' });
    expect(one('The fund holds $4 bn in bonds.').quantity).toMatchObject({ value: 4e9, unit: 'USD' });
    expect(one('Debt reached 1 tn yen.').quantity).toMatchObject({ value: 1e12, unit: 'JPY' });
  });
  test('"3 million and a half", "minus five point five", "five point five"', () => {
    expect(one('The fund lost 3 million and a half euros.').quantity).toMatchObject({ value: 3.5e6 });
    expect(one('The fund lost three million and a half euros.').quantity).toMatchObject({ value: 3.5e6 });
    expect(one('The index fell to minus five point five.').quantity).toMatchObject({ value: -5.5 });
    expect(one('Growth slowed to five point five percent.').quantity).toMatchObject({ value: 5.5, unit: 'percent' });
    expect(one('Output rose to two point three million tonnes.').quantity).toMatchObject({ value: 2.3e6 });
  });
  test('must not fire: "at one point" is an idiom', () => {
    expect(quantities('At one point five ministers walked out.').map((c) => c.quantity!.value)).toEqual([5]);
  });
  test('"300 hundred kids" is read as 300 (a slip), not 30,000', () => {
    expect(one('Around 300 hundred kids joined the march.').quantity).toMatchObject({ value: 300, qualifier: 'approximate' });
    expect(one('Around 3 hundred kids joined the march.').quantity).toMatchObject({ value: 300 });
    expect(one('About 2 hundred thousand kids joined.').quantity).toMatchObject({ value: 200000 });
  });
});
