import type { DataSource } from 'typeorm';
import { preparedRows } from '../database/sql.js';

/**
 * Where an in-memory copy of claims (MatchIndex, PublishedFigureIndex) reads `claims.match_version` from. A change
 * committed after a later-numbered one (two transactions) would be skipped by `match_version > last`: every
 * CATCH_UP_EVERY_MS the poll reads again from where it stood at least CATCH_UP_LAG_MS ago (re-read versions are
 * ignored by version). A transaction writing claims for longer than the lag (extraction's budget is 30 s) is seen on
 * its next change. Polls may come every 500 ms (MatchIndex) or once an extraction (PublishedFigureIndex), so the
 * cursor keeps where it stood after each poll (at most one a second) back to the newest point older than the lag.
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
  /** `last` after each poll (at most one a second), from the newest point older than CATCH_UP_LAG_MS on. */
  private readonly history: Array<{ at: number; last: number }>;
  private lastCatchUp: number;

  constructor(last: number, now = Date.now()) {
    this.last = last;
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
  }
}

/**
 * One poll of an in-memory copy of claims: the claims changed since the cursor's point (`select`: a `SELECT … FROM
 * claims c`, to which the WHERE is added), POLL_BATCH at a time, each batch handed to `apply` while `current()` holds
 * (the copy was not replaced meanwhile). On a catch-up, first the table: 'reload' when it went back (emptied, restored,
 * rewritten: `table` is the file the copy was loaded from), and the copy is to be loaded again.
 */
export async function pollChanges<R extends { version: string }>(
  db: DataSource, cursor: VersionCursor, table: string, select: string, apply: (batch: R[]) => void, current: () => boolean,
): Promise<'polled' | 'reload'> {
  const start = cursor.start();
  if (start.catchUp) {
    const [now] = await db.query(`SELECT coalesce(max(match_version), 0)::text AS latest, ${TABLE_FILE} AS table FROM claims`);
    if (Number(now.latest) < cursor.last || now.table !== table) return 'reload';
  }
  let from = start.from;
  for (;;) {
    // (prepared: one text per copy, run before every extraction and match)
    const batch = await preparedRows<R>(db, `${select} WHERE c.match_version > $1 ORDER BY c.match_version LIMIT ${POLL_BATCH}`, [String(from)]);
    if (!current()) return 'polled';
    apply(batch);
    if (batch.length > 0) {
      from = Number(batch[batch.length - 1].version);
      cursor.advance(from);
    }
    if (batch.length < POLL_BATCH) break;
    await yieldToLoop();
  }
  cursor.finish();
  return 'polled';
}
