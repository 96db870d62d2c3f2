/**
 * Rules added for the holdout8 weaknesses (1.15): general versions, each with cases that must fire and cases that must not.
 */
import { describe, expect, test } from '@jest/globals';
import { quantities } from './helpers.js';

const PUB8 = new Date('2025-07-25T12:00:00Z'); // a Friday
const q8 = (s: string) => quantities(s, PUB8);
const find = (s: string, qtext: string) => {
  const c = q8(s).find((x) => x.quantity!.text.includes(qtext));
  if (!c) throw new Error(`no quantity ${qtext} in ${s}: ${q8(s).map((x) => x.quantity!.text).join(' | ')}`);
  return c;
};
const unitOf = (s: string, qtext: string) => [find(s, qtext).category, find(s, qtext).quantity!.unit];
const timeOf = (s: string, qtext: string) => {
  const t = find(s, qtext).timeRef;
  return t ? [t.text, t.from ?? t.date, t.to ?? t.date] : null;
};

describe('counted nouns (1.15)', () => {
  test.each([
    // an adjective in -ed before the noun
    ['The trucks carried supplies for 5,000 malnourished children.', '5,000', ['quantity_other', 'children']],
    ['Inspectors found more than 100 suspected chemical weapons sites.', '100', ['quantity_other', 'sites']],
    ['The camps hold about 9,000 suspected IS fighters.', '9,000', ['troop_count', 'troops']],
    ['Its troops destroyed three armoured personnel carriers.', 'three', ['quantity_other', 'carriers']],
    ['Police arrested 12 armed men near the border.', '12', ['quantity_other', 'men']],
    // a model designation before the noun
    ['The package includes 18 CV90 infantry fighting vehicles.', '18', ['quantity_other', 'vehicles']],
    ['The air force used six F-16 fighter jets to hit two targets.', 'six', ['quantity_other', 'jets']],
    // a quoted number before its noun
    ['The official said "several hundred" troops would remain in Erbil.', 'several hundred', ['troop_count', 'troops']],
    // a displacement participle before a person noun
    ['About 2,000 displaced families live in the camp.', '2,000', ['displacement', 'displaced']],
  ])('%s [%s]', (text, q, want) => {
    expect(unitOf(text, q)).toEqual(want);
  });
  test('must not: a state or harm participle stays the unit; a glued plural after a designation is no noun', () => {
    expect(unitOf('At least 300 injured were taken to hospital.', '300')).toEqual(['casualties', 'wounded']);
    expect(unitOf('Officials said 26 trapped by the flood were freed.', '26')).toEqual(['quantity_other', 'trapped']);
    expect(unitOf('About 2,000 displaced vehicles were towed.', '2,000')[0]).toEqual('quantity_other');
    expect(unitOf('The Netherlands delivered 24 F-16s to Ukraine.', '24')[1]).not.toEqual('s');
    expect(q8('He said "we lost 30" and left.').map((c) => c.quantity!.unit)).not.toContain('and');
  });
  test('a coordinated predicate with its own auxiliary and figure keeps its time', () => {
    const s = 'The army said the rebels had violated the truce on "more than 150" occasions and had recruited some 3,000 new fighters since June.';
    expect(timeOf(s, '150')).toBeNull();
    expect(timeOf(s, '3,000')).toEqual(['since June', '2025-06-01', '2025-07-25']);
  });
});

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

describe('dateless since-references (1.15)', () => {
  test('since the start of the war / the full-scale invasion is a time without dates', () => {
    expect(timeOf('Denmark has trained more than 20,000 Ukrainian soldiers since the start of the war.', '20,000')).toEqual(['since the start of the war', null, null]);
    expect(timeOf('Russia has lost 400,000 troops since the beginning of the full-scale invasion.', '400,000')).toEqual(['since the beginning of the full-scale invasion', null, null]);
  });
  test('must not: the start of the year keeps its dates; a dated war start keeps its date', () => {
    expect(timeOf('Prices rose 12% since the start of the year.', '12%')).toEqual(['since the start of the year', '2025-01-01', '2025-07-25']);
    expect(timeOf('Some 3,000 people were killed since the war began in April 2023.', '3,000')?.[1]).toEqual('2023-04-01');
  });
});
