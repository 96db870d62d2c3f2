import { describe, expect, test } from '@jest/globals';
import { quantities } from '../helpers.js';

describe('animals, plants and things are never casualties or displaced people', () => {
  test.each([
    'The drone strike killed 22 livestock near the well.',
    'Soldiers uprooted 300 olive saplings on the slope.',
    'The shelling killed 40 sheep and 9 goats.',
    'Floods displaced 70 cattle from the valley.',
    'The blast destroyed 14 vehicles and 6 tents.',
  ])('%s', (text) => {
    const cats = quantities(text).map((c) => c.category);
    expect(cats.length).toBeGreaterThan(0);
    expect(cats).not.toContain('casualties');
    expect(cats).not.toContain('displacement');
  });

  test('people next to animals are still counted', () => {
    const c = quantities('The strike killed 3 shepherds and 40 sheep.');
    expect(c[0].category).toBe('casualties');
    expect(c[1].category).toBe('quantity_other');
  });
});
