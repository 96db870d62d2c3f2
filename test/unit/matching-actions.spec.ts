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
    expect(oppositeActions('The governor put her name on the rent cap bill', 'The governor vetoed the rent cap bill')).toBe(true);
    expect(oppositeActions('The bill passed the senate', 'The bill was defeated in the senate')).toBe(true);
    expect(oppositeActions('The journalist was jailed for two years', 'The journalist was freed after two years')).toBe(true);
    expect(oppositeActions('The city demolished the old stadium', 'The city built the old stadium')).toBe(true);
  });

  test('a level frozen is neither raised nor cut; frozen food and frozen assets are no freeze of a level', () => {
    expect(actionsIn('Ashgrove College froze tuition fees for next year').get('change')).toBe(-1);
    expect(actionsIn('State pensions will stay frozen').get('change')).toBe(-1);
    expect(actionsIn('The mayor signed a one-year freeze on council rents').get('change')).toBe(-1);
    expect(oppositeActions('Ashgrove College doubles tuition fees', 'Ashgrove College froze tuition fees for next year')).toBe(true);
    expect(oppositeActions('Ashgrove cuts bus fares', 'Bus fares in Ashgrove are unchanged this year')).toBe(true);
    expect(oppositeActions('Ashgrove College freezes tuition fees', 'Ashgrove College froze its tuition fees')).toBe(false);
    expect(actionsIn('A grocer recalls frozen spinach over listeria').has('change')).toBe(false);
    expect(actionsIn('The bank froze the oligarch’s accounts').has('change')).toBe(false);
    expect(actionsIn('Prices of frozen food went up again').has('change')).toBe(false);
  });

  test('the ends of a case two by two: charged is not cleared, cleared is not convicted; killing a deal is calling it off', () => {
    expect(oppositeActions('Lowmarsh mayor cleared of bribery', 'The Lowmarsh mayor was charged with bribery')).toBe(true);
    expect(oppositeActions('Lowmarsh mayor cleared of bribery', 'The Lowmarsh mayor was convicted of bribery')).toBe(true);
    expect(oppositeActions('Lowmarsh mayor charged with bribery', 'The Lowmarsh mayor was indicted for bribery')).toBe(false);
    expect(oppositeActions('Regulators killed the Kelby takeover', 'Regulators approved the Kelby takeover')).toBe(true);
    expect(oppositeActions('Regulators killed the Kelby takeover', 'Regulators blocked the Kelby takeover')).toBe(false);
  });

  test('opposites worded by what they come to: cheaper, more money, free, bigger, brought back, a record low', () => {
    expect(oppositeActions('Bus passes in Tarrow 20 percent cheaper from May', 'Tarrow is raising bus pass prices by 20 percent')).toBe(true);
    expect(oppositeActions('Ferries now more expensive in Tarrow', 'Tarrow cut ferry prices')).toBe(true);
    expect(oppositeActions('The Tarrow budget gives libraries more money', 'The Tarrow budget cuts money for libraries')).toBe(true);
    expect(oppositeActions('Tarrow puts 300 million into cycle lanes', 'Tarrow is cutting 300 million from cycle lanes')).toBe(true);
    expect(oppositeActions('Swimming at the Tarrow pool is free now', 'Tarrow raised the entry fee of its pool')).toBe(true);
    expect(oppositeActions('Parking fees are gone in Tarrow', 'Tarrow doubled its parking fees')).toBe(true);
    expect(oppositeActions('Kelby is making its Tarrow warehouse bigger', 'Kelby will close its Tarrow warehouse')).toBe(true);
    expect(oppositeActions('Kelby expands its Tarrow warehouse', 'Kelby shut its Tarrow warehouse')).toBe(true);
    expect(oppositeActions('Tarrow abolishes the night curfew', 'Tarrow brought back the night curfew')).toBe(true);
    expect(oppositeActions('Tarrow reintroduces the dog tax', 'Tarrow abolished the dog tax')).toBe(true);
    expect(oppositeActions('Tarrow fish stocks at a record low', 'Fish stocks in Tarrow reached an all-time high')).toBe(true);
    expect(oppositeActions('Tarrow fish stocks at their lowest in decades', 'Fish stocks in Tarrow are at a record high')).toBe(true);
    expect(oppositeActions("The Tarrow ring road won't open before 2031", 'The Tarrow ring road has been cancelled')).toBe(true);
    expect(oppositeActions('The Tarrow ring road was postponed again', 'Tarrow scrapped its ring road')).toBe(true);
    expect(oppositeActions('The Tarrow ring road is delayed until 2031', "Tarrow's ring road pushed back to 2031")).toBe(false);
    // The same action in other words, and free speech, are no opposites.
    expect(oppositeActions('Tarrow made its buses free for everyone', 'Bus rides in Tarrow are now free of charge')).toBe(false);
    expect(oppositeActions('Tarrow is a free speech zone, says the mayor', 'Tarrow raised its parking fees')).toBe(false);
    expect(oppositeActions('Kelby expands its Tarrow warehouse', 'Kelby is making its Tarrow warehouse bigger')).toBe(false);
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

describe('opposite actions: negation, deals, trials, timing', () => {
  test('an action said as not done counts the other way', () => {
    expect(oppositeActions('The regulator refuses to approve the Brask pipeline', 'The regulator approved the Brask pipeline')).toBe(true);
    expect(oppositeActions('The governor did not sign the bill', 'The governor signed the bill')).toBe(true);
    expect(oppositeActions("The governor didn't sign the bill", 'The governor signed the bill')).toBe(true);
    expect(oppositeActions('The plant won’t close', 'The plant will close')).toBe(true);
    expect(oppositeActions('No raise for nurses since 2019', 'Nurses have not had a pay rise since 2019')).toBe(false);
    expect(oppositeActions('The council voted down the Halden harbour cruise ship ban', 'The council banned cruise ships from Halden harbour')).toBe(true);
  });

  test('a deal made is not a deal torn up; charged is not convicted; an early election is not a postponed one', () => {
    expect(oppositeActions('Dastra tears up its fishing agreement with Corvel', 'Dastra and Corvel signed a fishing agreement')).toBe(true);
    expect(oppositeActions('Corvel walks away from ceasefire talks', 'Corvel agreed to a ceasefire')).toBe(true);
    expect(oppositeActions('The minister was convicted of bribery', 'The minister was charged with bribery')).toBe(true);
    expect(oppositeActions('The minister was cleared of bribery', 'The minister was found guilty of bribery')).toBe(true);
    expect(oppositeActions('The premier has called an early election', 'The premier has postponed the election')).toBe(true);
    expect(oppositeActions('The minister was charged with bribery', 'Minister charged with taking bribes')).toBe(false);
    expect(oppositeActions('The premier has put the vote on ice', 'The premier has called an early vote')).toBe(true);
    // A delay of something else is no delay of the election.
    expect(oppositeActions('Budget debate delayed; the premier calls an early election', 'The premier calls an early election')).toBe(false);
  });
});

describe('roles swapped: the same two parties the other way round', () => {
  const refusal = (a: string, b: string) => scoreMatch(statement(a), statement(b)).reasons;

  test('who did it to whom: the order of the two names, and a passive that turns it round', () => {
    expect(refusal('Dastra closed its embassy in Corvel', 'Corvel closed its embassy in Dastra')).toEqual(['roles_swapped']);
    expect(refusal('Halbrook Mining sued the Dastra port authority', 'The Dastra port authority sued Halbrook Mining')).toEqual(['roles_swapped']);
    expect(refusal('Halbrook Mining bought a Dastra refinery', 'Halbrook Mining was bought by a Dastra refinery group')).toEqual(['roles_swapped']);
    // A party named by its demonym on one side ("Ardonian" for Ardonia).
    expect(refusal('Ardonia shot down a Brevik fighter jet', 'Brevik air defences shot down an Ardonian fighter jet.')).toEqual(['roles_swapped']);
    // The same order and the same voice: the same claim.
    expect(refusal('Dastra closed its embassy in Corvel', 'Dastra has closed its embassy in Corvel')).not.toContain('roles_swapped');
    expect(refusal('Ardonia shot down a Brevik fighter jet', 'Ardonian air defences shot down a Brevik fighter jet.')).not.toContain('roles_swapped');
  });

  test('not for relations that hold both ways, a speaker named first, or names in two sentences', () => {
    expect(refusal('Dastra and Corvel signed a water deal', 'Corvel and Dastra signed a water deal')).not.toContain('roles_swapped');
    expect(refusal('Corvel agreed a ceasefire with Dastra', 'Dastra agreed a ceasefire with Corvel')).not.toContain('roles_swapped');
    expect(refusal('Dastra says Corvel massed 5,000 troops on the border', 'Corvel massed 5,000 troops on the Dastra border')).not.toContain('roles_swapped');
    expect(refusal('Dastra is angry. Corvel shut the pipeline', 'Corvel shut the pipeline to Dastra')).not.toContain('roles_swapped');
    // Verbs of getting "from" say it the other way round, all alike.
    expect(refusal('Halbrook Mining gets a prize from the Dastra academy', 'The Dastra academy gave Halbrook Mining a prize')).not.toContain('roles_swapped');
    expect(refusal('Corvel won 12 seats from Dastra in the vote', 'Corvel took 12 seats from Dastra in the vote')).not.toContain('roles_swapped');
    expect(refusal('Corvel received 12 million from Dastra', 'Corvel was paid 12 million by Dastra')).not.toContain('roles_swapped');
    // One name in two words is one party.
    expect(refusal('Eco activists lit the Hollin Ridge fire', 'The Hollin Ridge fire was started by eco activists')).not.toContain('roles_swapped');
    // A name that heads a post as its label is where, not who: the order starts after it; a swap after it still counts.
    expect(refusal('Corvel: the Dastra police detained 84 protesters', 'The Dastra police arrested 84 protesters in Corvel.')).not.toContain('roles_swapped');
    expect(refusal('BREAKING: Corvel: the Dastra police detained 84 protesters', 'The Dastra police arrested 84 protesters in Corvel.')).not.toContain('roles_swapped');
    expect(refusal('Corvel: Dastra closed its embassy in Corvel', 'Corvel closed its embassy in Dastra')).toEqual(['roles_swapped']);
  });
});
