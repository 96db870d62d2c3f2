import { describe, expect, test } from '@jest/globals';
import { claims, one } from '../helpers.js';

describe('reports without deaths give no casualty claim', () => {
  test.each([
    'No casualties were reported after 4 rockets struck a field.',
    'Nobody was hurt when 3 shells landed near the clinic.',
    'Not one of the 60 passengers was injured.',
    'None of the 12 guards were wounded in the exchange.',
    'The council killed 4 proposals before the vote.',
    'The studio killed two shows after one season.',
    'A court sentenced 6 men to death over the bombing.',
    'Police arrested 25 protesters outside the parliament.',
  ])('%s', (text) => {
    expect(claims(text).filter((c) => c.category === 'casualties')).toEqual([]);
  });
});

describe('"shot dead" before the figure kills', () => {
  test('gunmen shot dead 3 traders', () => {
    const c = one('Gunmen shot dead 3 traders in the market.');
    expect([c.category, c.quantity!.unit, c.quantity!.value]).toEqual(['casualties', 'killed', 3]);
  });
});
