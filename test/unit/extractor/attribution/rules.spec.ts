/**
 * The attribution stage on its own: findAttributions on one sentence's tokens, the rule that found each speaker,
 * the ordered configuration, and the trace of a claim naming its speaker's rule.
 */
import { describe, expect, test } from '@jest/globals';
import { allRules, traceExtraction } from '../../../../src/extractor/index.js';
import { findAttributions, mainAttribution, newMemory, remember } from '../../../../src/extractor/stages/attribution/index.js';
import { VERB_RULES } from '../../../../src/extractor/stages/attribution/rules.js';
import { tokenize } from '../../../../src/extractor/stages/tokens/index.js';

const find = (text: string, mem = newMemory()) => findAttributions(tokenize(text), text, mem);
const only = (text: string, mem = newMemory()) => {
  const found = find(text, mem);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('attribution rules, one sentence at a time', () => {
  test.each([
    ['According to the Port Authority, 12 ships were turned away.', 'attribution.according-to', 'the Port Authority'],
    ['The survey found that 31% of tenants had moved twice.', 'attribution.study-subject', 'The survey'],
    ['A poll by Northpoint last month found 54% of voters backed the plan.', 'attribution.study-source', 'Northpoint'],
    ['Mayor Ines Castro visited the shelter and said 200 beds were ready.', 'attribution.coordinated-subject', 'Ines Castro'],
    ['A local charity, the Northway Food Trust, said 400 families used its food banks.', 'attribution.appositive-organisation', 'the Northway Food Trust'],
    ['A spokeswoman for the port, Hanne Moe, said 12 ships were turned away.', 'attribution.appositive-person', 'Hanne Moe'],
    ['"The bridge needs 40 new cables," said chief engineer Marta Solberg.', 'attribution.said-before-role-name', 'Marta Solberg'],
    ['"The bridge needs 40 new cables," said Marta Solberg, the chief engineer.', 'attribution.said-before', 'Marta Solberg'],
    ['The Harbour Board said 40 crossings were cancelled.', 'attribution.said-after', 'The Harbour Board'],
  ])('%s', (text, rule, speaker) => {
    const a = only(text);
    expect(a.rule).toBe(rule);
    expect(a.speaker).toBe(speaker);
  });

  test('a named author of a study: the description after "according to" is the role', () => {
    const a = only('According to the regional health agency, Nordhelse, 800 beds are empty.');
    expect(a).toMatchObject({ speaker: 'Nordhelse', role: 'regional health agency', rule: 'attribution.according-to-named-after-description' });
    expect(a.whole).toBe(true);
  });

  test('a pronoun takes the remembered speaker, and nothing without one', () => {
    expect(find('He said 30 cranes would be replaced.')).toEqual([]);
    const mem = newMemory();
    remember(mem, only('Mayor Ivar Lunde said the port would grow.', mem));
    expect(only('He said 30 cranes would be replaced.', mem)).toMatchObject({ speaker: 'Ivar Lunde', role: 'Mayor', pronoun: true, rule: 'attribution.pronoun' });
  });

  test('a reporting verb without a speech context needs a named subject', () => {
    expect(only('The Coast Guard reported 12 rescues on the lake.').speaker).toBe('The Coast Guard');
    expect(find('The boats reported 12 rescues on the lake.')).toEqual([]);
  });

  test('no speaker: a negated subject, a noun spelling of a verb, a transitive stance object', () => {
    expect(find('Neither the club nor the ministry said how many of the 300 fans were banned.')).toEqual([]);
    expect(find('Neither claim could be verified, and 40 people remain missing.')).toEqual([]);
    expect(find('Tenants marched on Sunday, accused the landlord of raising rents by 30 percent.')).toEqual([]);
  });

  test('a closing speaker covers what precedes it; a lead one does not', () => {
    expect(only('Twelve ships were turned away, the port authority said on Monday.').tail).toBe(true);
    expect(only('The port authority said 12 ships were turned away.').tail).toBe(false);
  });

  test('a news agency ranks below the speaker it reports', () => {
    const found = find('Reuters reported that the ministry said 40 people were arrested.');
    expect(found.map((f) => f.speaker)).toEqual(['Reuters', 'the ministry']);
    expect(mainAttribution(found)?.speaker).toBe('the ministry');
  });

  test('stance verbs attribute only in the stance pass', () => {
    const text = 'The Harbour Council criticized the new ferry timetable.';
    expect(find(text)).toEqual([]);
    expect(findAttributions(tokenize(text), text, newMemory(), true).map((f) => f.speaker)).toEqual(['The Harbour Council']);
  });
});

describe('attribution configuration', () => {
  test('every rule in the ordered list is registered, in the attribution stage, once', () => {
    const ids = VERB_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const registered = new Set(allRules().filter((r) => r.stage === 'attribution').map((r) => r.id));
    for (const id of ids) expect(registered).toContain(id);
  });

  test("a claim's trace names the rule that found its speaker", () => {
    const { claims } = traceExtraction('"The bridge needs 40 new cables," said chief engineer Marta Solberg.');
    const c = claims.find((x) => x.quantity?.text.startsWith('40'));
    expect(c?.attribution?.speaker).toBe('Marta Solberg');
    expect(c?.rules).toContain('attribution.said-before-role-name');
  });
});
