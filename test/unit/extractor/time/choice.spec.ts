/** Which time a figure takes: the choice on a tokenised sentence (stage level), and through the whole extractor. */
import { describe, expect, test } from '@jest/globals';
import { findMentions } from '../../../../src/extractor/stages/numbers/index.js';
import { tokenize } from '../../../../src/extractor/stages/tokens/index.js';
import { clauses, findTimes, pickTime, usableTimes, ymdOf } from '../../../../src/extractor/stages/time/index.js';
import { one, PUB } from '../helpers.js';

const pub = ymdOf(PUB);

/** The time text each figure of the sentence takes, with no attribution covering it. */
function chosen(text: string, attrVerb = -1): Array<[string, string | null]> {
  const toks = tokenize(text, 0, text.length);
  const mentions = findMentions(toks);
  const times = findTimes(text, 0, pub);
  const cl = clauses(toks, mentions, times);
  const usable = usableTimes(times, mentions, text, 0);
  return mentions.map((m) => [text.slice(m.s, m.e), pickTime({ toks, cl, m, mentions, usable, attrVerb })?.text ?? null]);
}

describe('time choice (stage level)', () => {
  test('a figure takes the nearest time after it in its clause', () => {
    expect(chosen('Some 300 people died last week.')).toEqual([['Some 300 people', 'last week']]);
  });

  test('a sentence-opening time clause dates the figures after it', () => {
    expect(chosen('Since 2020, the economy has added 2 million jobs.')).toEqual([['2 million jobs', 'Since 2020']]);
  });

  test('a baseline figure takes the time after it, not the figure before it', () => {
    expect(chosen('Unemployment rose to 3.9 percent from 3.8 percent in March.')).toEqual([['3.9 percent', null], ['3.8 percent', 'in March']]);
  });

  test('a later predicate with its own figure takes the time', () => {
    expect(chosen('The council approved a $2 billion plan that aims to build 26,000 homes by 2030.')).toEqual([['$2 billion', null], ['26,000 homes', 'by 2030']]);
  });

  test('a time in another clause does not attach; the statement\'s date does when the verb covers the figure', () => {
    const text = 'The army has 5,000 troops in the region, the ministry said on Wednesday.';
    const said = tokenize(text, 0, text.length).findIndex((t) => t.l === 'said');
    expect(chosen(text)).toEqual([['5,000 troops', null]]);
    expect(chosen(text, said)).toEqual([['5,000 troops', 'on Wednesday']]);
  });
});

describe('time choice (whole extractor)', () => {
  test('a comparison baseline is not the time of the figure', () => {
    expect(one('Prices fell 2 percent from April.').timeRef).toBeNull();
  });

  test('a time in another clause does not attach', () => {
    const c = one('Lithuania, a country of 2.8 million people, joined the alliance in 2004.');
    expect(c.timeRef).toBeNull();
  });

  test('deterministic given publishedAt', () => {
    const text = 'Officials said 300 people died last week.';
    expect(JSON.stringify(one(text, PUB))).toBe(JSON.stringify(one(text, PUB)));
  });
});
