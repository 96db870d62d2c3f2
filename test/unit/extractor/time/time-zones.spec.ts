import { describe, expect, test } from '@jest/globals';
import { extractClaims } from '../../../../src/extractor/index.js';
import { ymdIn } from '../../../../src/extractor/stages/time/calendar.js';

// 2026-11-24T20:30Z is Tuesday 24 November in London and New York, Wednesday 25 November in Tokyo and Sydney.
const LATE_TUESDAY_UTC = new Date('2026-11-24T20:30:00Z');
// 2026-11-25T02:00Z is Wednesday 25 November in London, still Tuesday 24 November in New York.
const EARLY_WEDNESDAY_UTC = new Date('2026-11-25T02:00:00Z');

const timeOf = (text: string, publishedAt: Date, timeZone?: string) => {
  const [claim] = extractClaims(text, { publishedAt, timeZone });
  return claim?.timeRef ? { text: claim.timeRef.text, date: claim.timeRef.date } : null;
};

describe('relative dates resolve in the publisher\'s time zone', () => {
  test('the local calendar date of an instant (ymdIn)', () => {
    expect(ymdIn(LATE_TUESDAY_UTC)).toEqual({ y: 2026, m: 11, d: 24 });
    expect(ymdIn(LATE_TUESDAY_UTC, 'UTC')).toEqual({ y: 2026, m: 11, d: 24 });
    expect(ymdIn(LATE_TUESDAY_UTC, 'Asia/Tokyo')).toEqual({ y: 2026, m: 11, d: 25 });
    expect(ymdIn(EARLY_WEDNESDAY_UTC, 'America/New_York')).toEqual({ y: 2026, m: 11, d: 24 });
    expect(ymdIn(new Date('2026-12-31T23:30:00Z'), 'Pacific/Auckland')).toEqual({ y: 2027, m: 1, d: 1 });
  });

  test('"yesterday" in a Tokyo paper late on the UTC day is the Tokyo day before', () => {
    const text = 'Police said 40 people were arrested yesterday.';
    expect(timeOf(text, LATE_TUESDAY_UTC)).toEqual({ text: 'yesterday', date: '2026-11-23' });
    expect(timeOf(text, LATE_TUESDAY_UTC, 'Asia/Tokyo')).toEqual({ text: 'yesterday', date: '2026-11-24' });
  });

  test('"today" in a New York paper early on the UTC Wednesday counts back from the New York Tuesday', () => {
    const text = 'Officials said 300 homes were destroyed on Tuesday.';
    // In UTC it is already Wednesday 25: "on Tuesday" is the 24th either way; "today" tells the zones apart.
    expect(timeOf(text, EARLY_WEDNESDAY_UTC, 'America/New_York')?.date).toBe('2026-11-24');
    const today = 'Officials said 300 homes were destroyed today.';
    expect(timeOf(today, EARLY_WEDNESDAY_UTC)?.date).toBe('2026-11-25');
    expect(timeOf(today, EARLY_WEDNESDAY_UTC, 'America/New_York')?.date).toBe('2026-11-24');
  });
});
