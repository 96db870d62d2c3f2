/**
 * Dateless references: since the war began, before the war.
 * Regression cases re-homed by behaviour from the files named after the round that produced them (round8.spec.ts, round9.spec.ts);
 * each case is kept as it was: same describe and test names, same assertions.
 */
import { describe, expect, test } from '@jest/globals';
import { claims, figuresAt } from '../helpers.js';

// From round8.spec.ts: Rules added for the holdout8 weaknesses (1.15): general versions, each with cases that must fire and cases that must not.
{
  const PUB8 = new Date('2025-07-25T12:00:00Z'); // a Friday
  const { spanOf: timeOf } = figuresAt(PUB8);

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
}

// From round9.spec.ts: Rules added for the holdout9 weaknesses (1.16): general versions, each with cases that must fire and cases that must not.
{
  const PUB9 = new Date('2026-03-12T12:00:00Z'); // a Thursday
  const { find } = figuresAt(PUB9);
  const timeOf = (s: string, qtext: string) => {
    const t = find(s, qtext).timeRef;
    return t ? [t.text, t.from ?? t.date, t.to ?? t.date] : null;
  };

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
}
