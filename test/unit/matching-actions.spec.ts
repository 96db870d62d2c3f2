import { describe, expect, test } from '@jest/globals';
import { actionsIn, oppositeActions } from '../../src/matching/actions.js';
import { scoreMatch, type MatchableClaim } from '../../src/matching/match-score.js';

const statement = (text: string): MatchableClaim => ({ text, category: 'statement', quantity: null, subject: null, location: null, speaker: null });

describe('opposite actions', () => {
  test('a ban and the lifting of a ban are opposite; a reversal phrase is read before the word "ban"', () => {
    expect(actionsIn('The city banned fireworks on the beach').get('ban')).toBe(-1);
    expect(actionsIn('The city lifted its ban on beach fireworks').get('ban')).toBe(1);
    expect(actionsIn('Lawmakers voted against the proposed fireworks ban').get('ban')).toBe(1);
    expect(actionsIn('Fireworks are no longer allowed on the beach').get('ban')).toBe(-1);
    expect(oppositeActions('Harbour town bans fireworks at the beach', 'Harbour town lifts fireworks ban at the beach')).toBe(true);
    expect(oppositeActions('Harbour town bans fireworks', 'The harbour town prohibited fireworks')).toBe(false);
  });

  test('vetoed is not signed, cut is not raised, closed is not reopened, hired is not laid off', () => {
    expect(oppositeActions('The governor vetoed the rent cap bill', 'The governor signed the rent cap bill into law')).toBe(true);
    expect(oppositeActions('Council raises bus fares', 'Council cuts bus fares')).toBe(true);
    expect(oppositeActions('The mill reopened last spring', 'The mill was shut down last spring')).toBe(true);
    expect(oppositeActions('The carmaker hired 2,000 workers', 'The carmaker laid off 2,000 workers')).toBe(true);
    expect(oppositeActions('She voted against the farm bill', 'She co-sponsored the farm bill')).toBe(true);
    expect(oppositeActions('The bill passed the senate', 'The bill was defeated in the senate')).toBe(true);
    expect(oppositeActions('The journalist was jailed for two years', 'The journalist was freed after two years')).toBe(true);
    expect(oppositeActions('The city demolished the old stadium', 'The city built the old stadium')).toBe(true);
  });

  test('a text that says both, or neither, is left alone; other kinds do not oppose', () => {
    expect(actionsIn('The board raised fees but cut services').has('level')).toBe(false);
    expect(oppositeActions('The board raised fees but cut services', 'The board cut services')).toBe(false);
    expect(oppositeActions('Schools closed for the storm', 'The mayor raised taxes')).toBe(false);
    expect(oppositeActions('A quiet day in the capital', 'The ministry banned rallies')).toBe(false);
    // "failed to pass" is read as a defeat, not as passing.
    expect(actionsIn('The measure failed to pass').get('passage')).toBe(-1);
  });

  test('the pair scorer refuses opposite actions with the reason', () => {
    expect(scoreMatch(statement('Riverton council banned e-scooters downtown'), statement('Riverton council lifted its ban on e-scooters downtown')).reasons)
      .toEqual(['opposite_action']);
    expect(scoreMatch(statement('Riverton council banned e-scooters downtown'), statement('Riverton council outlawed e-scooters downtown')).score).toBeGreaterThan(0);
  });
});
