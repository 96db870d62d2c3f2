/** Dated events, on a tokenised sentence (stage level). */
import { describe, expect, test } from '@jest/globals';
import { findEvents } from '../../../../src/extractor/stages/claims/events.js';
import { tokenize } from '../../../../src/extractor/stages/tokens/index.js';
import { findTimes, ymdOf } from '../../../../src/extractor/stages/time/index.js';
import { PUB } from '../helpers.js';

function events(text: string, speechVerbs: string[] = []): Array<[string, string, string | null]> {
  const toks = tokenize(text, 0, text.length);
  const speech = new Set(toks.flatMap((t, i) => (speechVerbs.includes(t.l) ? [i] : [])));
  return findEvents(toks, text, findTimes(text, 0, ymdOf(PUB)), new Set(), speech).map((e) => [text.slice(e.s, e.e), e.time.text, e.subject]);
}

describe('findEvents', () => {
  test('an event verb with a date in its clause, and its named subject', () => {
    expect(events('Russia annexed the peninsula in 2014.')).toEqual([['Russia annexed the peninsula in 2014', 'in 2014', 'Russia']]);
  });

  test('no date, no event; a plan is not an event', () => {
    expect(events('Russia annexed the peninsula.')).toEqual([]);
    expect(events('Schools in the region will stay closed until Friday.')).toEqual([]);
  });

  test('a time that dates the speech verb is not the event\'s; one after the event verb is', () => {
    expect(events('The ministry said on Monday its forces had captured the village.', ['said'])).toEqual([]);
    // the event's clause runs from the sentence start (no comma); "its" names no actor
    expect(events('The ministry said its forces captured the village on Monday.', ['said'])).toEqual([['The ministry said its forces captured the village on Monday', 'on Monday', null]]);
  });
});
