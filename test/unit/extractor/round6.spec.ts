/**
 * Rules added for the holdout6 weaknesses (1.13): general versions, each with cases that must fire and cases that must not.
 */
import { describe, expect, test } from '@jest/globals';
import { claims, quantities } from './helpers.js';

const speakerOf = (s: string, qtext: string) => {
  const c = quantities(s).find((x) => x.quantity!.text.includes(qtext));
  if (!c) throw new Error(`no quantity ${qtext} in ${s}: ${quantities(s).map((x) => x.quantity!.text).join(' | ')}`);
  return c.attribution?.speaker ?? null;
};
const timeOf = (s: string, qtext: string) => {
  const c = quantities(s).find((x) => x.quantity!.text.includes(qtext));
  if (!c) throw new Error(`no quantity ${qtext} in ${s}: ${quantities(s).map((x) => x.quantity!.text).join(' | ')}`);
  return c.timeRef ? c.timeRef.text : null;
};
const others = (s: string) => claims(s).filter((c) => c.quantity === null).map((c) => [c.category, c.attribution?.speaker ?? null]);

describe('speakers (1.13)', () => {
  test.each([
    // an abbreviation's final dot before the verb
    ['They are holding 40 staff, the U.N. says.', '40', 'the U.N.'],
    ['The U.N. said 40 staff were detained.', '40', 'The U.N.'],
    // a plural source with a short place phrase
    ['Thousands of trucks are stranded, officials on both sides said.', 'Thousands', 'officials on both sides'],
    ['About 300 homes were destroyed, residents in the area said.', '300', 'residents in the area'],
    // a closing speaker after a comma with material but no figure after the verb
    ['Turnout was about 52 percent, the commission told state media on Monday, a figure the opposition dismissed.', '52', 'the commission'],
    ['The crew of 25 was in good health, the Foreign Ministry said in a statement carried by the state news agency.', '25', 'the Foreign Ministry'],
    // a named broadcaster
    ['State television reported that 27 people were arrested.', '27', 'State television'],
    // must not: a vague broadcaster, a place phrase after a non-person noun, a figure after the closing verb
    ['A woman was pulled alive and 40 others were rescued, local television reported.', '40', null],
    ['Exports of 300 tonnes in the region said little.', '300', null],
    ['Turnout was 52 percent, the commission said in a statement that listed 40 polling stations.', '52', null],
  ])('%s [%s] → %s', (text, q, spk) => {
    expect(speakerOf(text, q)).toEqual(spk);
  });
  test('the speech date of a closing speaker with a trailing appositive', () => {
    expect(timeOf('Turnout was about 52 percent, the commission told state media on Monday, a figure the opposition dismissed.', '52')).toBe('on Monday');
  });
});
