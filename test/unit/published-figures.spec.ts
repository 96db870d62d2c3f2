import { describe, expect, test } from '@jest/globals';
import { PublishedFigures, type PublishedFigure } from '../../src/matching/published-figures.js';
import { ReadVersions, VersionCursor } from '../../src/matching/version-cursor.js';

const figure = (seq: number, min: number | null, max = min, extra: Partial<PublishedFigure> = {}): PublishedFigure => ({
  id: `c${seq}`, seq, articleId: `a${seq}`, min, max, version: seq, figureTerms: [], ...extra,
});
const ids = (fs: PublishedFigure[]) => fs.map((f) => f.id);

describe('PublishedFigures (the worker’s published claims for findRepeats)', () => {
  test('the window: overlapping ranges scanned from scanLo, highest lower end first, the newest first at one figure, other articles only', () => {
    const figures = new PublishedFigures();
    figures.upsert(figure(1, 100_000));
    figures.upsert(figure(2, 100_000));
    figures.upsert(figure(3, 90_000, 110_000)); // a range starting below the window, reaching into it
    figures.upsert(figure(4, 90_000, 94_000)); // a range ending below the window
    figures.upsert(figure(5, 103_000));
    figures.upsert(figure(6, 120_000)); // above
    figures.upsert(figure(7, 10_000)); // below scanLo
    figures.upsert(figure(8, 101_000, 101_000, { articleId: 'mine' }));
    figures.upsert(figure(9, null));
    expect(ids(figures.inWindow(50_000, 95_000, 105_000, 'mine', 100))).toEqual(['c5', 'c2', 'c1', 'c3']);
    expect(ids(figures.inWindow(50_000, 95_000, 105_000, 'mine', 2))).toEqual(['c5', 'c2']);
    // A figure outside every range: nothing.
    expect(figures.inWindow(500, 950, 1050, 'mine', 100)).toEqual([]);
  });

  test('figure terms: the newest claims stating one of the figures, each once, other articles only', () => {
    const figures = new PublishedFigures();
    figures.upsert(figure(1, null, null, { figureTerms: ['#80000000'] }));
    figures.upsert(figure(2, 5, 5, { figureTerms: ['#80000000', '#5'] }));
    figures.upsert(figure(3, null, null, { figureTerms: ['#5'] }));
    figures.upsert(figure(4, null, null, { figureTerms: ['#5'], articleId: 'mine' }));
    expect(ids(figures.withTerms(['#80000000'], 'mine', 100))).toEqual(['c2', 'c1']);
    expect(ids(figures.withTerms(['#80000000', '#5'], 'mine', 100))).toEqual(['c3', 'c2', 'c1']);
    expect(ids(figures.withTerms(['#80000000', '#5'], 'mine', 1))).toEqual(['c3']);
    expect(figures.withTerms(['#7'], 'mine', 100)).toEqual([]);
    expect(figures.withTerms([], 'mine', 100)).toEqual([]);
  });

  test('versions: a newer one replaces a claim (and moves it), an older one is ignored; removal by a newer version', () => {
    const figures = new PublishedFigures();
    figures.upsert(figure(1, 100, 100, { version: 10 }));
    expect(ids(figures.inWindow(50, 95, 105, 'x', 10))).toEqual(['c1']);
    // Its figure corrected (version 11): found at its new figure only.
    expect(figures.upsert(figure(1, 300, 300, { version: 11 }))).toBe(true);
    expect(figures.inWindow(50, 95, 105, 'x', 10)).toEqual([]);
    expect(ids(figures.inWindow(150, 295, 305, 'x', 10))).toEqual(['c1']);
    // A poll reading an older row again changes nothing.
    expect(figures.upsert(figure(1, 100, 100, { version: 10 }))).toBe(false);
    expect(figures.versionOf('c1')).toBe(11);
    // Unpublished (version 12): gone; an older unpublication read again does not remove a newer publication.
    expect(figures.remove('c1', 11)).toBe(false);
    expect(figures.remove('c1', 12)).toBe(true);
    expect(figures.size).toBe(0);
    expect(figures.inWindow(150, 295, 305, 'x', 10)).toEqual([]);
  });
});

describe('VersionCursor', () => {
  test('reads from the last version, and every 10 s from where it stood a minute ago (commits landing out of order)', () => {
    const t0 = 1_000_000;
    const cursor = new VersionCursor(100, t0);
    expect(cursor.start(t0 + 1_000)).toEqual({ from: 100, catchUp: false });
    cursor.advance(150);
    cursor.finish(t0 + 2_000);
    cursor.advance(120); // (an older version read again: the cursor does not go back)
    expect(cursor.last).toBe(150);
    expect(cursor.start(t0 + 5_000)).toEqual({ from: 150, catchUp: false });
    // 10 s on: from the oldest point within the last minute.
    expect(cursor.start(t0 + 10_000)).toEqual({ from: 100, catchUp: true });
    expect(cursor.start(t0 + 11_000)).toEqual({ from: 150, catchUp: false });
    cursor.advance(200);
    cursor.finish(t0 + 65_000);
    // A minute and more later, the points older than a minute are dropped but the newest of them: from there.
    expect(cursor.start(t0 + 70_000)).toEqual({ from: 150, catchUp: true });
  });

  test('polls minutes apart (one an extraction): a catch-up still reads from before a version that was pending at the last poll', () => {
    const t0 = 1_000_000;
    const cursor = new VersionCursor(100, t0);
    // A poll reads up to 150 while 140 (an extraction's transaction) is not yet committed.
    cursor.start(t0 + 300_000);
    cursor.advance(150);
    cursor.finish(t0 + 300_000);
    // The next poll, five minutes later, reads again from before it (from where the cursor stood before that poll).
    expect(cursor.start(t0 + 600_000)).toEqual({ from: 100, catchUp: true });
    cursor.advance(160);
    cursor.finish(t0 + 600_000);
    // Then from the newest point at least a minute old (150: everything pending before it has committed by now).
    expect(cursor.start(t0 + 900_000)).toEqual({ from: 150, catchUp: true });
  });
});

describe('ReadVersions', () => {
  test('remembers the versions read above its floor; forgets those at or below a new floor', () => {
    const read = new ReadVersions();
    read.forgetUpTo(100);
    expect(read.has(100)).toBe(true); // (at or below the floor: no catch-up reads it again)
    expect(read.has(101)).toBe(false);
    for (const v of [101, 105, 9_000]) read.add(v);
    expect([101, 102, 105, 8_999, 9_000, 9_001].map((v) => read.has(v))).toEqual([true, false, true, false, true, false]);
    read.forgetUpTo(104);
    expect([105, 9_000, 9_001].map((v) => read.has(v))).toEqual([true, true, false]);
    read.forgetUpTo(50_000);
    expect(read.has(50_001)).toBe(false);
    read.add(50_002);
    expect(read.has(50_002)).toBe(true);
  });

  test('past its span (a mass update) it records nothing, and a catch-up reads those versions in full', () => {
    const read = new ReadVersions();
    read.add(5);
    read.add(20_000_000);
    expect(read.has(5)).toBe(false);
    expect(read.has(20_000_000)).toBe(false);
    read.forgetUpTo(20_000_000);
    read.add(20_000_001);
    expect(read.has(20_000_001)).toBe(true);
  });

  test('a cursor starts recording above the version it starts from', () => {
    const cursor = new VersionCursor(5_000_000);
    cursor.read.add(5_000_001);
    expect(cursor.read.has(5_000_001)).toBe(true);
    expect(cursor.read.has(5_000_002)).toBe(false);
  });
});
