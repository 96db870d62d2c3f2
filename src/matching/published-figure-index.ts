import { Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { PublishedFigures, type PublishedFigure } from './published-figures.js';
import { pollChanges, TABLE_FILE, VersionCursor, yieldToLoop } from './version-cursor.js';

const LOAD_BATCH = 5_000;

interface Row {
  id: string;
  seq: string;
  article_id: string;
  min: number | null;
  max: number | null;
  version: string;
  published: boolean;
  figure_terms: string[] | null;
}

/** (A claim that is not published needs no more than its id and version: it leaves the index if it was in it.) */
const COLUMNS = `c.id, c.seq, c.article_id, c.quantity_min AS min, c.quantity_max AS max, c.match_version::text AS version,
  c.status = 'published' AS published,
  CASE WHEN c.status = 'published' THEN array_to_json(ARRAY(SELECT l FROM unnest(tsvector_to_array(c.match_terms)) l WHERE l LIKE '#%')) END AS figure_terms`;

/**
 * The worker's in-memory copy of the published claims' figures (PublishedFigures), for extraction's repeat matching
 * (ClaimMatcher.findRepeats): loaded in the background from the first extraction on (which, like any until the copy is
 * loaded, finds its candidates through SQL: a large load does not eat an article's budget), then brought up to date
 * from `claims.match_version` before each use, so an extraction sees every publication committed before it (a
 * catch-up looks again from a minute back now and then, as MatchIndex does, and reads the commits that landed out of
 * order: VersionCursor).
 * Replaces the candidate query that was most of an article's Postgres time beyond the floor's (issue 14); Postgres
 * stays the source of truth: the index proposes ids, the candidate rows are read (once per version) from Postgres,
 * and a link is written only to a claim that is still published. Small: published claims only, their figures and
 * versions. Off with MATCH_INDEX=false.
 */
@Injectable()
export class PublishedFigureIndex implements OnModuleDestroy {
  private readonly logger = new Logger(PublishedFigureIndex.name);
  private state: { figures: PublishedFigures; table: string; cursor: VersionCursor } | null = null;
  private loading?: Promise<void>;
  private stopped = false;
  /** Polls run one after another: each caller's poll starts after it asked, so it sees what was committed before. */
  private polls: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly config?: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config?.MATCH_INDEX ?? true;
  }

  /**
   * The published figures as of this call, or null when the index is off or not loaded yet (the first call starts
   * loading it in the background: the caller uses SQL meanwhile).
   */
  async current(): Promise<PublishedFigures | null> {
    if (!this.enabled) return null;
    if (!this.state) {
      void this.loaded().catch((err: unknown) => this.logger.error(`published figures not loaded, repeats use SQL: ${String(err)}`));
      return null;
    }
    const poll = this.polls.then(() => this.poll());
    this.polls = poll.catch(() => undefined);
    await poll;
    return this.state?.figures ?? null;
  }

  /** Resolves once the copy is loaded (starting the load if need be), or at once when it is off. */
  loaded(): Promise<void> {
    if (this.state || !this.enabled) return Promise.resolve();
    return (this.loading ??= this.load().finally(() => (this.loading = undefined)));
  }

  onModuleDestroy(): Promise<void> | undefined {
    this.stopped = true;
    return this.loading?.catch(() => undefined);
  }

  private async load(): Promise<void> {
    const t0 = performance.now();
    const [{ last, table }] = await this.db.query(`SELECT coalesce((SELECT max(match_version) FROM claims), 0)::text AS last, ${TABLE_FILE} AS table`);
    const figures = new PublishedFigures();
    let after = '0';
    for (;;) {
      if (this.stopped) return;
      const batch: Row[] = await this.db.query(
        `SELECT ${COLUMNS} FROM claims c WHERE c.status = 'published' AND c.seq > $1 ORDER BY c.seq LIMIT ${LOAD_BATCH}`, [after]);
      for (const r of batch) figures.upsert(toFigure(r));
      if (batch.length < LOAD_BATCH) break;
      after = batch[batch.length - 1].seq;
      await yieldToLoop();
    }
    // Changes made while loading are read by the first poll, from the version that was the highest when it began.
    this.state = { figures, table, cursor: new VersionCursor(Number(last)) };
    this.logger.log(`published figures loaded: ${figures.size} claims in ${Math.round(performance.now() - t0)} ms`);
  }

  private async poll(): Promise<void> {
    const state = this.state;
    if (!state) return;
    const polled = await pollChanges<Row>(this.db, state.cursor, state.table, `SELECT ${COLUMNS} FROM claims c`, (batch) => {
      for (const r of batch) {
        if (r.published) state.figures.upsert(toFigure(r));
        else state.figures.remove(r.id, Number(r.version));
      }
    }, () => this.state === state);
    if (polled === 'reload') {
      // The table was emptied, restored or rewritten: versions no longer tell what changed. Loaded again (SQL meanwhile).
      this.logger.warn('claims.match_version went back (table emptied or restored): reloading the published figures');
      this.state = null;
      void this.loaded().catch((err: unknown) => this.logger.error(`published figures not reloaded, repeats use SQL: ${String(err)}`));
    }
  }
}

function toFigure(r: Row): PublishedFigure {
  return { id: r.id, seq: Number(r.seq), articleId: r.article_id, min: r.min, max: r.max, version: Number(r.version), figureTerms: r.figure_terms ?? [] };
}
