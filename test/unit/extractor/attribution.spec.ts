import { describe, expect, test } from '@jest/globals';
import { claims, one } from './helpers.js';

describe('attribution', () => {
  test('role and name are split', () => {
    const c = claims('Deputy Foreign Minister Sergei Ryabkov said Moscow would not back down.')[0];
    expect(c.category).toBe('statement');
    expect(c.quantity).toBeNull();
    expect(c.attribution).toEqual({ speaker: 'Sergei Ryabkov', role: 'Deputy Foreign Minister' });
  });

  test('pronoun points back to the previous speaker', () => {
    const cs = claims('Deputy Foreign Minister Sergei Ryabkov said talks had failed. "We are ready," he told reporters.');
    expect(cs[1].attribution?.speaker).toBe('Sergei Ryabkov');
  });

  test('surname resolves to the full name seen earlier', () => {
    const cs = claims('Deputy Foreign Minister Sergei Ryabkov met envoys. Ryabkov said there could be no deal.');
    expect(cs.find((c) => c.category === 'statement')?.attribution?.speaker).toBe('Sergei Ryabkov');
  });

  test.each([
    ['More than 300 people died, the U.N. refugee agency said.', 'the U.N. refugee agency'],
    ['The military said 40 soldiers were wounded.', 'The military'],
    ['About 12 million people have fled, according to the U.N. refugee agency.', 'the U.N. refugee agency'],
    ['The agency estimated that 1.4 million people are displaced.', 'The agency'],
    ['Roughly 4,000 troops will arrive, said Anna Voss, a NATO official.', 'Anna Voss'],
    ['White House press secretary Jen Psaki said 3,000 troops were on alert.', 'Jen Psaki'],
    ['A spokesman for the army, Col. Idris Baig, said its forces had lost four men.', 'Idris Baig'],
    ['The ministry accused the rebels of massing up to 8,000 troops.', 'The ministry'],
  ])('%s', (text, speaker) => {
    expect(one(text).attribution?.speaker).toBe(speaker);
  });

  test('a closing attribution does not cover an earlier clause with its own lead attribution', () => {
    const cs = claims('About 15,000 people slept in tents, and officials said roughly 3,200 buildings were destroyed.');
    const q = cs.filter((c) => c.quantity);
    expect(q[0].attribution).toBeNull();
    expect(q[1].attribution?.speaker).toBe('officials');
  });

  test('statements have null quantity and a span equal to the sentence', () => {
    const text = 'Nothing here. Blinken said the alliance would stand firm.';
    const st = claims(text).filter((c) => c.category === 'statement');
    expect(st).toHaveLength(1);
    expect(text.slice(st[0].start, st[0].end)).toBe(st[0].text);
  });
});

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
