/**
 * Rules added after the second held-out set (test/fixtures/holdout2): each with cases that must fire and
 * cases that must not.
 */
import { describe, expect, test } from '@jest/globals';
import { claims, one, quantities } from './helpers.js';

const texts = (s: string) => quantities(s).map((c) => c.quantity!.text);

describe('a change followed by a level is not a range', () => {
  test('percent change then money/count level', () => {
    const q = quantities('Operating profit fell 41% to 4.2 billion euros.');
    expect(q.map((c) => [c.quantity!.text, c.quantity!.value, c.quantity!.unit])).toEqual([
      ['41%', 41, 'percent'],
      ['4.2 billion euros', 4.2e9, 'EUR'],
    ]);
    expect(texts('Sales dropped 12 per cent to 118,500 units.')).toEqual(['12 per cent', '118,500 units']);
  });
  test('percentage points then a rate', () => {
    const q = quantities('Contributions will rise by 1.2 percentage points to 15%.');
    expect(q.map((c) => [c.quantity!.value, c.quantity!.qualifier])).toEqual([[1.2, 'exact'], [15, 'exact']]);
  });
  test('must not fire: real ranges', () => {
    expect(one('Prices will rise 2 to 3 percent.').quantity).toMatchObject({ low: 2, high: 3, qualifier: 'range' });
    expect(one('Between 10% and 15% of voters are undecided.').quantity).toMatchObject({ low: 10, high: 15 });
    expect(one('The project will cost $1.5 to $2 billion.').quantity).toMatchObject({ low: 1.5e9, high: 2e9 });
  });
});

describe('percentage and basis points', () => {
  test('singular percentage point, "one" allowed', () => {
    expect(one('The band is plus or minus one percentage point.').quantity).toMatchObject({ value: 1, unit: 'percent' });
  });
  test('basis points are hundredths of a percent', () => {
    expect(one('Bond yields rose by 12 basis points.')).toMatchObject({ category: 'percentage', quantity: { value: 0.12, unit: 'percent' } });
  });
});

describe('shares without "of"', () => {
  test.each([
    ['Energy bills jumped by nearly a fifth.', null, 20, 'upper_bound'],
    ['Crossings were roughly a third fewer than last year.', 33.33, null, 'approximate'],
    ['Orders were down by a quarter, the company said.', 25, null, 'exact'],
    ['The survey found that nearly half planned to raise prices.', null, 50, 'upper_bound'],
    ['Half the population lives in cities.', 50, null, 'exact'],
  ])('%s', (text, value, high, qualifier) => {
    expect(one(text).quantity).toMatchObject({ value, high, qualifier, unit: 'percent' });
  });
  test('a coordinated share after another share', () => {
    expect(texts('Nearly half planned to raise prices and a quarter expected to cut staff.')).toEqual(['Nearly half', 'a quarter']);
  });
  test('must not fire: parts of periods, ordinals, durations', () => {
    expect(quantities('Inflation will not return to target before the second half of 2026, he said.')).toHaveLength(0);
    expect(quantities('The first half of the season was poor.')).toHaveLength(0);
    expect(quantities('She is seeking a third term.')).toHaveLength(0);
    expect(quantities('The talks lasted almost a quarter century.')).toHaveLength(0);
    expect(quantities('He walked for about half an hour.')).toHaveLength(0);
  });
});

describe('currency words', () => {
  test('zlotys, forints and the like are money with an ISO code', () => {
    expect(one('Deposits reached 1.3 trillion zlotys.')).toMatchObject({ category: 'money', quantity: { value: 1.3e12, unit: 'PLN' } });
    expect(one('The fine was 40 million forints.')).toMatchObject({ category: 'money', quantity: { unit: 'HUF' } });
  });
  test('shared currency names resolve from the country in the article', () => {
    expect(one('Swedish truckmaker Nordvik lost 4.2 billion crowns.').quantity!.unit).toBe('SEK');
    expect(one('The Czech government will spend 9 billion crowns.').quantity!.unit).toBe('CZK');
    expect(one('Norway’s fund lost 20 billion crowns.').quantity!.unit).toBe('NOK');
    expect(one('Pakistan raised 300 billion rupees.').quantity!.unit).toBe('PKR');
    expect(one('The ministry spent 300 billion rupees.').quantity!.unit).toBe('INR');
  });
  test('must not fire: "plus or minus" is a tolerance, not a negative number', () => {
    expect(one('The band is plus or minus one percentage point.').quantity).toMatchObject({ value: 1 });
  });
});

describe('units named outside the noun phrase', () => {
  test('crowd estimates count people', () => {
    expect(one('Police put the crowd at 45,000.').quantity!.unit).toBe('people');
    expect(one('Multidata estimated the crowd at about 62,000 at its peak.').quantity!.unit).toBe('people');
    expect(one('Organisers said more than 200,000 took part.').quantity!.unit).toBe('people');
  });
  test('the subject of a level verb', () => {
    expect(one('Cholera cases pass 12,000 as outbreak spreads').quantity).toMatchObject({ low: 12000, qualifier: 'lower_bound', unit: 'cases' });
    expect(one('Home sales rose to 3.9 million.').quantity!.unit).toBe('sales');
  });
  test('must not fire: no plural subject noun', () => {
    expect(one('The index rose to 4,500.').quantity!.unit).toBeNull();
    expect(one('Mercedes sold 2 million.').quantity!.unit).toBeNull();
  });
});

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

describe('sources after "figures/data from"', () => {
  test('a lowercase or descriptive source', () => {
    expect(one('More than 380,000 hectares burned, according to figures from the system.').attribution!.speaker).toMatch(/the system$/);
    expect(one('Rents rose 65%, according to data from the property portal Idealista.').attribution!.speaker).toMatch(/Idealista$/);
  });
  test('an organisation noun heads a lead attribution', () => {
    expect(one('Organisers from the Casa Para Todos movement said 150,000 people took part.').attribution!.speaker).toMatch(/movement$/);
  });
  test('must not fire: the phrase stops at function words', () => {
    expect(one('Rents rose 65%, according to data from the portal published on Monday.').attribution!.speaker).toMatch(/the portal$/);
  });
});

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

describe('statements', () => {
  const sts = (s: string) => claims(s).filter((c) => c.category === 'statement').map((c) => [c.text, c.attribution?.speaker ?? null]);
  test('a fully quoted sentence right after a quoted statement continues it', () => {
    expect(sts('"We are seeing entire families arrive," Banda told Reuters. "Some of them walked for hours."')).toEqual([
      ['"We are seeing entire families arrive," Banda told Reuters.', 'Banda'],
      ['"Some of them walked for hours."', 'Banda'],
    ]);
  });
  test('must not fire: a new paragraph, or an unquoted sentence', () => {
    // 1.14: a paragraph that is only a quotation right after '…," Banda told Reuters.' goes on with Banda (round7.spec.ts);
    // a line break without a blank line, or a blank line and more text, still ends the quotation
    expect(sts('"We are seeing families," Banda told Reuters.\n"Another quote."')).toHaveLength(1);
    expect(sts('"We are seeing families," Banda told Reuters.\n\nThe agency said little. "Another quote."').filter((x) => x[1] === 'Banda')).toHaveLength(1);
    expect(sts('"We are seeing families," Banda told Reuters. Some of them walked for hours.')).toHaveLength(1);
  });
  test('a negated reporting verb is not a statement', () => {
    expect(sts('Pyongyang has not confirmed the deployment.')).toHaveLength(0);
    expect(sts('Pyongyang confirmed the deployment.')).toHaveLength(1);
  });
});
