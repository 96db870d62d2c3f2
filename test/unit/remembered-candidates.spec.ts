import { describe, expect, test } from '@jest/globals';
import { RememberedCandidates } from '../../src/matching/claim-matcher.js';

/** A candidate row as the matcher reads it (the columns RememberedCandidates turns into a claim object). */
const row = (id: string, version: number, text = `claim ${id}`) => ({
  id, version: String(version), text, category: 'statement' as const, quantity_text: null, quantity_value: null, quantity_low: null,
  quantity_high: null, unit: null, qualifier: null, subject: null, location: null, speaker: null, time_ref: null, terms: [], published_at: null, seq: '1',
});

describe('candidate claims remembered across calls (ClaimMatcher)', () => {
  test('one object per claim while its version is the same; a new version is read again', () => {
    const kept = new RememberedCandidates(10);
    const first = kept.remember(row('a', 1));
    expect(kept.remember(row('a', 1))).toBe(first);
    expect(kept.known('a', 1)).toBe(first);
    expect(kept.known('a', 2)).toBeUndefined();
    const changed = kept.remember(row('a', 2, 'claim a, corrected'));
    expect(changed).not.toBe(first);
    expect(changed.text).toBe('claim a, corrected');
  });

  test('bounded: claims met again stay, claims met once are forgotten after two generations', () => {
    const kept = new RememberedCandidates(4); // two generations of two
    const hot = kept.remember(row('hot', 1));
    kept.remember(row('x1', 1));
    // (a new generation begins; the hot claim is met again and moves up into it)
    kept.remember(row('x2', 1));
    expect(kept.known('hot', 1)).toBe(hot);
    kept.remember(row('x3', 1));
    kept.remember(row('x4', 1));
    expect(kept.known('hot', 1)).toBe(hot);
    expect(kept.known('x1', 1)).toBeUndefined();
  });
});
