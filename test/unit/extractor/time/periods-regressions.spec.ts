/**
 * Periods: parts of a year, the year to a month, decades.
 * Regression cases re-homed by behaviour from the files named after the round that produced them (round10.spec.ts, holdout3.spec.ts, holdout4.spec.ts, realworld.spec.ts);
 * each case is kept as it was: same describe and test names, same assertions.
 */
import { describe, expect, test } from '@jest/globals';
import { claims, one, quantities } from '../helpers.js';

// From round10.spec.ts: Rules added for the holdout10 weaknesses (1.17): general versions, each with cases that must fire and cases that must not.
const PUB10 = new Date('2026-05-06T12:00:00Z'); // a Wednesday
const q10 = (s: string) => quantities(s, PUB10);

describe('early / mid / late decades (1.17)', () => {
  const timeOf = (s: string) => {
    const t = q10(s)[0].timeRef;
    return t ? [t.text, t.from, t.to] : null;
  };
  test.each([
    ['In the early 1990s, the army kept about 450,000 troops under arms.', 'the early 1990s', '1990-01-01', '1999-12-31'],
    ['The plant employed 3,000 workers in the mid-1990s.', 'in the mid-1990s', '1990-01-01', '1999-12-31'],
    ['The mine employed 1,200 people in the late 1980s.', 'in the late 1980s', '1980-01-01', '1989-12-31'],
    ['In the 1990s, the army kept about 450,000 troops.', 'the 1990s', '1990-01-01', '1999-12-31'],
  ])('%s', (s, text, from, to) => {
    expect(timeOf(s)).toEqual([text, from, to]);
  });

  test.each([
    // a year with early/late keeps the year rule
    ['Early 2014 saw 3,000 troops arrive.', '2014-01-01'],
  ])('unchanged: %s', (s, from) => {
    expect(timeOf(s)?.[1]).toBe(from);
  });

  test('an age ("in her late 30s") is no decade', () => {
    expect(timeOf('She was in her late 30s when she paid 500 dollars.')).toBe(null);
  });
});

// From holdout3.spec.ts: Rules added after the third held-out set (test/fixtures/holdout3): each with cases that must fire and cases that must not.
describe('time references and events', () => {
  const P = new Date('2025-08-29T12:00:00Z');
  test('the year to a month: twelve months ending then', () => {
    const c = quantities('The club reported a loss of 11.1 million pounds for the year to June 2024.', P)[0];
    expect(c.timeRef).toMatchObject({ from: '2023-07-01', to: '2024-06-30' });
    expect(quantities('Imports reached $40 billion in the 12 months to March.', P)[0].timeRef).toMatchObject({ from: '2024-04-01', to: '2025-03-31' });
    // a rate in the year to a month is that month's reading
    expect(quantities('Consumer prices rose 3% in the year to March, the office said.', P)[0].timeRef).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
    expect(quantities('Sales reached 4 million in June 2024.', P)[0].timeRef).toMatchObject({ from: '2024-06-01', to: '2024-06-30' });
  });
});

// From holdout4.spec.ts: Rules added after the fourth held-out set (test/fixtures/holdout4: live blog, analysis, press release, local news, sports, humanitarian, earnings, health survey): each with cases that must fire and cases that must not.
describe('economics reporting', () => {
  const P = new Date('2025-02-08T10:00:00Z');
  test('a day without a year is the most recent one unless the clause is future; "the fiscal year to June 30"', () => {
    const ev = claims('The deal was signed on June 30.', P).find((c) => c.category === 'event');
    expect(ev?.timeRef?.date).toBe('2024-06-30');
    expect(claims('The talks will resume on June 30.', P).filter((c) => c.category === 'event')).toHaveLength(0);
    const c = quantities('The fund lost $2 billion in the fiscal year to June 30.', P)[0];
    expect([c.timeRef?.from, c.timeRef?.to]).toEqual(['2023-07-01', '2024-06-30']);
  });
});

// From realworld.spec.ts: Rules added after the second held-out set (test/fixtures/holdout2): each with cases that must fire and cases that must not.
describe('parts of a year and month ranges', () => {
  const PUB_JAN = new Date('2025-01-30T12:00:00Z');
  const PUB_AUG = new Date('2024-08-16T12:00:00Z');
  const tr = (s: string, pub: Date) => {
    const t = quantities(s, pub)[0].timeRef;
    return t && [t.text, t.from, t.to];
  };
  test('so far this year ends at publication', () => {
    expect(tr('More than 42,000 migrants have arrived so far this year.', PUB_AUG)).toEqual(['so far this year', '2024-01-01', '2024-08-16']);
  });

  test('first N months, halves, quarters: the most recent one that has begun', () => {
    expect(tr('They intercepted 31,000 people in the first seven months of the year.', PUB_AUG)).toEqual(['in the first seven months of the year', '2024-01-01', '2024-07-31']);
    expect(tr('Fourth-quarter profit fell 41%.', PUB_JAN)).toEqual(['Fourth-quarter', '2024-10-01', '2024-12-31']);
    expect(tr('Sales rose 5% in the third quarter of 2023.', PUB_JAN)).toEqual(['in the third quarter of 2023', '2023-07-01', '2023-09-30']);
    expect(tr('Growth will reach 2% in the second half of the year.', PUB_JAN)).toEqual(['in the second half of the year', '2025-07-01', '2025-12-31']);
  });

  test('month ranges without a year', () => {
    expect(tr('Sales in the October-December period dropped 12 per cent.', PUB_JAN)).toEqual(['in the October-December period', '2024-10-01', '2024-12-31']);
  });

  test('"forecast" as a noun does not make a month future', () => {
    expect(tr('The bank cut its growth forecast from 3.6 per cent in November.', PUB_JAN)).toEqual(['in November', '2024-11-01', '2024-11-30']);
  });

  test('must not fire: "the same period of 2023" after "than" is a baseline', () => {
    const q = quantities('Arrivals were roughly a third fewer than in the same period of 2023.', PUB_AUG);
    expect(q[0].timeRef).toBeNull();
  });

  test('must not fire: a later predicate keeps its own time', () => {
    const q = quantities('The government approved a €2bn plan that aims to build 26,000 homes by 2030.', PUB_AUG);
    expect(q.map((c) => c.timeRef?.text ?? null)).toEqual([null, 'by 2030']);
    const r = quantities('Troops repelled 47 assaults, bringing the total since February 2022 to 730,000.', PUB_AUG);
    expect(r.map((c) => c.timeRef?.text ?? null)).toEqual([null, 'since February 2022']);
  });

  test('the statement date only when it dates the verb', () => {
    const q = quantities('The OBR said borrowing would rise by £32bn over the next five years, up from a forecast of 1.5 per cent.', PUB_AUG);
    expect(q.map((c) => c.timeRef?.text ?? null)).toEqual(['over the next five years', null]);
    expect(one('Prices rose 7.5%, the statistics office said on Monday.', PUB_AUG).timeRef!.text).toBe('on Monday');
  });
});
