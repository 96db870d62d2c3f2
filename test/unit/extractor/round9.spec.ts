/**
 * Rules added for the holdout9 weaknesses (1.16): general versions, each with cases that must fire and cases that must not.
 */
import { describe, expect, test } from '@jest/globals';
import { claims, quantities } from './helpers.js';

const PUB9 = new Date('2026-03-12T12:00:00Z'); // a Thursday
const q9 = (s: string) => quantities(s, PUB9);
const texts = (s: string) => q9(s).map((x) => x.quantity!.text);
const find = (s: string, qtext: string) => {
  const c = q9(s).find((x) => x.quantity!.text.includes(qtext));
  if (!c) throw new Error(`no quantity ${qtext} in ${s}: ${texts(s).join(' | ')}`);
  return c;
};
const unitOf = (s: string, qtext: string) => [find(s, qtext).category, find(s, qtext).quantity!.unit];
const timeOf = (s: string, qtext: string) => {
  const t = find(s, qtext).timeRef;
  return t ? [t.text, t.from ?? t.date, t.to ?? t.date] : null;
};

describe('vote tallies written with "to" (1.16)', () => {
  test.each([
    ['Lawmakers voted 151 to 11 in favour of the package.'],
    ['In Yerevan, parliament voted 62 to 31 on Tuesday to ratify the agreement.'],
    ['The bill was approved by 312 votes to 190.'],
    ['The motion passed by 98 to 52 after a long debate.'],
    ['The measure was carried with a vote of 71 to 20.'],
  ])('no figure: %s', (s) => {
    expect(texts(s)).toEqual([]);
  });
  test.each([
    // not a vote: a range and a change remain figures
    ['Between 300 to 400 people voted in the village.', 'people'],
    ['Turnout rose from 41 to 55 percent.', 'percent'],
    ['Lawmakers voted to send 150 to 200 troops.', 'troops'],
  ])('still a figure: %s', (s, unit) => {
    expect(q9(s).length).toBeGreaterThan(0);
    expect(q9(s).some((c) => c.quantity!.unit === unit)).toBe(true);
  });
});

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

describe('"N of them" after a figure (1.16)', () => {
  test.each([
    ['Tatarstan\'s leader said 11 people were injured, three of them seriously.', 'three', ['casualties', 'wounded']],
    ['Britain deployed 16 Typhoon fighter jets, four of them from a squadron in Scotland.', 'four', ['quantity_other', 'jets']],
    ['Three deminers were killed last year, two of them in the Lachin district.', 'two', ['casualties', 'killed']],
  ])('%s', (s, qtext, want) => {
    expect(q9(s).some((c) => c.quantity!.text === qtext)).toBe(true);
    expect(unitOf(s, qtext)).toEqual(want);
  });
  test.each([
    // no earlier figure, or no comma before it: nothing to refer to
    ['Four of them were later released.'],
    ['The two of them met in Geneva.'],
    ['She said that three of them had left.'],
  ])('no figure: %s', (s) => {
    expect(texts(s)).toEqual([]);
  });
});

describe('"before the war" (1.16)', () => {
  test.each([
    ['Before the war, fewer than 300,000 Syrians worked in Lebanon.', '300,000', 'Before the war'],
    ["Before the war in Ukraine, NATO's winter drills rarely drew more than 10,000 troops.", '10,000', 'Before the war in Ukraine'],
    ['Prior to the full-scale invasion, the plant employed 4,000 workers.', '4,000', 'Prior to the full-scale invasion'],
  ])('%s', (s, qtext, text) => {
    expect(timeOf(s, qtext)).toEqual([text, null, null]);
  });
  test.each([
    // a dated war keeps its date; a clause "before the war began in 2022" is not this rule
    ['Before the war in 2022, the plant employed 4,000 workers.', '4,000'],
  ])('not dateless: %s', (s, qtext) => {
    const t = timeOf(s, qtext);
    expect(t === null || t[1] !== null).toBe(true);
  });
  test('a statement keeps no spurious figure', () => {
    expect(claims('Before the war, the zone was best known for making car parts.', PUB9).filter((c) => c.quantity).length).toBe(0);
  });
});
