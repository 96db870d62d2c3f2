/** Dated events, check-worthiness ranking, subject and location (moved from attribution.spec.ts; not attribution). */
import { describe, expect, test } from '@jest/globals';
import { claims, one } from './helpers.js';

describe('events and scoring', () => {
  test('dated event claims', () => {
    const text = 'The buildup recalls moves Russia made before it annexed Crimea in 2014.';
    const ev = claims(text).find((c) => c.category === 'event');
    expect(ev).toBeDefined();
    expect(ev!.timeRef?.text).toBe('in 2014');
    expect(ev!.subject).toBe('Russia');
    expect(text.slice(ev!.start, ev!.end)).toBe(ev!.text);
  });

  test('harm and force-size figures rank above colour', () => {
    const harm = one('The war has killed more than 14,000 people.').checkworthiness;
    const force = one('Russia has sent an estimated 100,000 troops to the border.').checkworthiness;
    const colour = one('The festival featured 40 floats.').checkworthiness;
    expect(harm).toBeGreaterThan(colour);
    expect(force).toBeGreaterThan(colour);
    for (const s of [harm, force, colour]) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(one('The war has killed more than 14,000 people.').checkworthinessReasons).toContain('harm_figure');
  });

  test('subject and location', () => {
    const c = one('The U.S. and NATO are wary of Russia, which has sent an estimated 100,000 troops to its border with Ukraine.');
    expect(c.subject).toBe('Russia');
    expect(c.location).toBe('its border with Ukraine');
  });
});
