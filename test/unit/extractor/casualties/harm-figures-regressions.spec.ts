/**
 * Harm figures: killed/wounded from verbs, breakdowns, losses, negated harm.
 * Regression cases re-homed by behaviour from the files named after the round that produced them (round8.spec.ts, holdout3.spec.ts, holdout4.spec.ts, realworld.spec.ts);
 * each case is kept as it was: same describe and test names, same assertions.
 */
import { describe, expect, test } from '@jest/globals';
import { figuresAt, one, quantities } from '../helpers.js';

// From round8.spec.ts: Rules added for the holdout8 weaknesses (1.15): general versions, each with cases that must fire and cases that must not.
{
  const PUB8 = new Date('2025-07-25T12:00:00Z'); // a Friday
  const { unitOf } = figuresAt(PUB8);

  describe('harm figures (1.15)', () => {
    test.each([
      ['Two people were lightly wounded by shrapnel.', 'Two people', ['casualties', 'wounded']],
      ['At least 63 people, most of them women and children, died of malnutrition.', '63', ['casualties', 'killed']],
      ['Gang violence has displaced a record 1.3 million people.', '1.3 million', ['displacement', 'displaced']],
      ['The ministry said it had moved a record 138,000 people from 282 villages to temporary shelters.', '138,000', ['displacement', 'displaced']],
    ])('%s [%s]', (text, q, want) => {
      expect(unitOf(text, q)).toEqual(want);
    });

    test('must not: a negated harm counts no one; an adverb before a non-harm verb; a breakdown with its own figure', () => {
      expect(unitOf('A shell hit the hospital, but none of its 120 patients were hurt.', '120')).toEqual(['quantity_other', 'patients']);
      expect(unitOf('The operator said none of the 21 crew had been seriously injured.', '21')[0]).not.toEqual('casualties');
      expect(unitOf('About 300 people were quickly moved to a stadium.', '300')[0]).not.toEqual('casualties');
      expect(unitOf('Some 40 people, most of them students, marched on Friday.', '40')).toEqual(['quantity_other', 'people']);
      expect(unitOf('They moved 300 tanks closer to the border.', '300')).toEqual(['quantity_other', 'tanks']);
    });
  });
}

// From holdout3.spec.ts: Rules added after the third held-out set (test/fixtures/holdout3): each with cases that must fire and cases that must not.
describe('numbers and units', () => {
  const q = (s: string) => quantities(s).map((c) => [c.quantity!.text, c.quantity!.value ?? c.quantity!.low ?? c.quantity!.high, c.category, c.quantity!.unit]);
  test('harm after "brought dead", displacement "from their homes", people "remain missing"', () => {
    expect(q('Seventeen people had been brought dead to the hospital.')[0].slice(2)).toEqual(['casualties', 'killed']);
    expect(q('The war has killed 20,000 people and driven more than 12 million from their homes.')[1].slice(2)).toEqual(['displacement', 'displaced']);
    expect(q('Floods have forced 550,000 people from their homes.')[0].slice(2)).toEqual(['displacement', 'displaced']);
    expect(q('At least 31 people remain missing, officials say.')[0].slice(2)).toEqual(['quantity_other', 'missing']);
    expect(q('At least 31 people remain in hospital.')[0].slice(2)).toEqual(['quantity_other', 'people']);
  });

  test('a quoted vague amount', () => {
    expect(one('The army said it killed "hundreds" of fighters.')).toMatchObject({ category: 'casualties', quantity: { low: 200, high: 900 } });
  });
});

// From holdout4.spec.ts: Rules added after the fourth held-out set (test/fixtures/holdout4: live blog, analysis, press release, local news, sports, humanitarian, earnings, health survey): each with cases that must fire and cases that must not.
{
  const unitOf = (s: string, qtext: string) => {
    const c = quantities(s).find((x) => x.quantity!.text.includes(qtext));
    if (!c) throw new Error(`no quantity ${qtext} in ${s}`);
    return [c.category, c.quantity!.unit];
  };

  describe('more wire patterns', () => {
    test('a harm verb after an appositive share', () => {
      expect(unitOf('The WHO says 1.9 million people, about 90% of the population, have been displaced.', '1.9 million')).toEqual(['displacement', 'displaced']);
      expect(unitOf('About 500 people, 20% of them children, live in the village.', '500')).toEqual(['quantity_other', 'people']);
    });
  });
}

// From realworld.spec.ts: Rules added after the second held-out set (test/fixtures/holdout2): each with cases that must fire and cases that must not.
describe('harm figures and group sizes', () => {
  test('"including N" shares the harm category of the figure it is part of', () => {
    const q = quantities('At least eight people have died in the fires, including three volunteer firefighters.');
    expect(q.map((c) => [c.category, c.quantity!.unit])).toEqual([['casualties', 'killed'], ['casualties', 'killed']]);
  });

  test('must not fire: "including" after a non-harm figure', () => {
    const q = quantities('The company hired 300 people, including 40 engineers.');
    expect(q.map((c) => c.category)).toEqual(['quantity_other', 'quantity_other']);
  });

  test('injuries suffered; harm verbs after "are believed to have been"', () => {
    expect(one('Four officers suffered minor injuries.')).toMatchObject({ category: 'casualties', quantity: { unit: 'wounded' } });
    expect(one('Several hundred are believed to have been killed or wounded.')).toMatchObject({ category: 'casualties', quantity: { unit: 'killed' } });
    expect(one('Four officers suffered delays.')).toMatchObject({ category: 'quantity_other' });
  });

  test('losses in people are casualties; losses elsewhere are not', () => {
    expect(one('Kyiv put Russian losses at 1,530 personnel.')).toMatchObject({ category: 'casualties', quantity: { unit: 'casualties' } });
    expect(one('The chain reported losses at 30 stores.')).toMatchObject({ category: 'quantity_other', quantity: { unit: 'stores' } });
  });

  test('N-strong groups', () => {
    expect(one('The army deployed a 1,000-strong emergency unit.')).toMatchObject({ category: 'troop_count', quantity: { value: 1000, unit: 'troops', text: '1,000-strong emergency unit' } });
    expect(one('A 5,000-strong crowd gathered outside.')).toMatchObject({ category: 'quantity_other', quantity: { unit: 'people' } });
    expect(quantities('The 12-member council met.')).toHaveLength(0);
  });

  test('"the figure" refers back to the previous counted figure', () => {
    const q = quantities('Organisers said 150,000 people took part. Police put the figure at between 35,000 and 40,000.');
    expect(q[1].quantity).toMatchObject({ low: 35000, high: 40000, unit: 'people' });
    expect(one('The index put the figure at 4,500.').quantity!.unit).toBeNull();
  });
});
