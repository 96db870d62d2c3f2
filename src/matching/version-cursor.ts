import type { DataSource } from 'typeorm';
import { preparedRows } from '../database/sql.js';

/**
 * Where an in-memory copy of claims (MatchIndex, PublishedFigureIndex) reads `claims.match_version` from. A change
 * committed after a later-numbered one (two transactions) would be skipped by `match_version > last`: every
 * CATCH_UP_EVERY_MS the poll looks again from where it stood at least CATCH_UP_LAG_MS ago, by ids and versions only,
 * and reads in full only the versions it has not read (ReadVersions): the full re-read of a minute of claims, six
 * times each, was most of what the two copies cost Postgres during ingest (bench hot-paths). A transaction writing
 * claims for longer than the lag (extraction's budget is 30 s) is seen on its next change. Polls may come every 500 ms
 * (MatchIndex) or once an extraction (PublishedFigureIndex), so the cursor keeps where it stood after each poll (at
 * most one a second) back to the newest point older than the lag.
 */
const CATCH_UP_EVERY_MS = 10_000;
const CATCH_UP_LAG_MS = 60_000;
/** Changes read per query while polling (a turn of the event loop between batches keeps an API answering). */
const POLL_BATCH = 1_000;

export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The claims table's file: TRUNCATE (RESTART IDENTITY starts match_version again, so versions alone cannot tell),
 * a restore or VACUUM FULL give it a new one, and an in-memory copy is loaded again.
 */
export const TABLE_FILE = `pg_relation_filenode('claims')::text`;

export class VersionCursor {
  /** The highest version applied. */
  last: number;
  /** The versions read since the oldest point a catch-up reads from. */
  readonly read = new ReadVersions();
  /** `last` after each poll (at most one a second), from the newest point older than CATCH_UP_LAG_MS on. */
  private readonly history: Array<{ at: number; last: number }>;
  private lastCatchUp: number;

  constructor(last: number, now = Date.now()) {
    this.last = last;
    this.read.forgetUpTo(last);
    this.history = [{ at: now, last }];
    this.lastCatchUp = now;
  }

  /** Where this poll reads from; `catchUp` when it reads again from the past (the caller then checks the table too). */
  start(now = Date.now()): { from: number; catchUp: boolean } {
    if (now - this.lastCatchUp < CATCH_UP_EVERY_MS) return { from: this.last, catchUp: false };
    this.lastCatchUp = now;
    // The oldest point kept: the newest one at least the lag old (finish() drops those before it), else the first.
    return { from: this.history[0].last, catchUp: true };
  }

  /** A version read. */
  advance(version: number): void {
    this.last = Math.max(this.last, version);
  }

  /** At the end of a poll: remembers where it stood. */
  finish(now = Date.now()): void {
    if (now - this.history[this.history.length - 1].at < 1000) return;
    this.history.push({ at: now, last: this.last });
    while (this.history.length > 2 && now - this.history[1].at > CATCH_UP_LAG_MS) this.history.shift();
    this.read.forgetUpTo(this.history[0].last);
  }
}

/**
 * A set of versions above a floor, one byte each (a minute of changes is tens of thousands of versions): the versions
 * a copy has read since the oldest point a catch-up reads from. Versions at or below the floor are forgotten (a
 * catch-up reads none of them again). Past MAX_SPAN versions above the floor (a mass update) it stops recording, and a
 * catch-up then reads its versions in full, as before.
 */
export class ReadVersions {
  private floor = 0;
  private flags = new Uint8Array(0);
  private overflow = false;

  add(version: number): void {
    const i = version - this.floor - 1;
    if (i < 0 || this.overflow) return;
    if (i >= MAX_SPAN) {
      this.overflow = true;
      return;
    }
    if (i >= this.flags.length) {
      const grown = new Uint8Array(Math.min(MAX_SPAN, Math.max(i + 1, 2 * this.flags.length, 4096)));
      grown.set(this.flags);
      this.flags = grown;
    }
    this.flags[i] = 1;
  }

  has(version: number): boolean {
    const i = version - this.floor - 1;
    return i < 0 || (!this.overflow && i < this.flags.length && this.flags[i] === 1);
  }

  /** Forgets the versions up to `floor`. */
  forgetUpTo(floor: number): void {
    const drop = floor - this.floor;
    if (drop <= 0) return;
    this.floor = floor;
    if (this.overflow) {
      // (recording starts again from the new floor; versions above it read before are read again in full, once)
      this.overflow = false;
      this.flags = new Uint8Array(0);
      return;
    }
    this.flags = drop >= this.flags.length ? new Uint8Array(0) : this.flags.slice(drop);
  }
}

/** Versions above the floor ReadVersions records at most (one byte each). */
const MAX_SPAN = 16_000_000;

/**
 * One poll of an in-memory copy of claims: the claims changed since the cursor's point (`select`: a `SELECT … FROM
 * claims c`, to which the WHERE is added), POLL_BATCH at a time, each batch handed to `apply` while `current()` holds
 * (the copy was not replaced meanwhile). On a catch-up, first the table: 'reload' when it went back (emptied,
 * restored, rewritten: `table` is the file the copy was loaded from), and the copy is to be loaded again; then the
 * versions passed and not read (VersionCursor), in full. `now`: the poll's time, for tests (the clock otherwise).
 */
export async function pollChanges<R extends { version: string }>(
  db: DataSource, cursor: VersionCursor, table: string, select: string, apply: (batch: R[]) => void, current: () => boolean,
  now?: number,
): Promise<'polled' | 'reload'> {
  const start = cursor.start(now ?? Date.now());
  let from = start.from;
  if (start.catchUp) {
    const [head] = await db.query(`SELECT coalesce(max(match_version), 0)::text AS latest, ${TABLE_FILE} AS table FROM claims`);
    if (Number(head.latest) < cursor.last || head.table !== table) return 'reload';
    // The versions already passed, by id and version: those not read (committed after the poll that passed them) in full.
    const upTo = cursor.last;
    for (;;) {
      const listed = await preparedRows<{ id: string; version: string }>(
        db,
        `SELECT c.id, c.match_version::text AS version FROM claims c WHERE c.match_version > $1 AND c.match_version <= $2
          ORDER BY c.match_version LIMIT ${POLL_BATCH}`,
        [String(from), String(upTo)],
      );
      const missed = listed.filter((r) => !cursor.read.has(Number(r.version))).map((r) => r.id);
      if (missed.length > 0) {
        const batch = await preparedRows<R>(db, `${select} WHERE c.id = ANY($1::uuid[])`, [missed]);
        if (!current()) return 'polled';
        apply(batch);
        for (const r of batch) cursor.read.add(Number(r.version));
      }
      if (listed.length < POLL_BATCH) break;
      from = Number(listed[listed.length - 1].version);
      await yieldToLoop();
    }
    from = upTo;
  }
  for (;;) {
    // (prepared: one text per copy, run before every extraction and match)
    const batch = await preparedRows<R>(db, `${select} WHERE c.match_version > $1 ORDER BY c.match_version LIMIT ${POLL_BATCH}`, [String(from)]);
    if (!current()) return 'polled';
    apply(batch);
    for (const r of batch) cursor.read.add(Number(r.version));
    if (batch.length > 0) {
      from = Number(batch[batch.length - 1].version);
      cursor.advance(from);
    }
    if (batch.length < POLL_BATCH) break;
    await yieldToLoop();
  }
  // (where the cursor stands as of the poll's end: a long poll must not make what it read look older than it is)
  cursor.finish(now ?? Date.now());
  return 'polled';
}
