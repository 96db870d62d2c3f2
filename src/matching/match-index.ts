import { Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/config.js';
import { DEFAULT_LIMITS, TermIndex, type CandidateLimits, type IndexQuery } from './term-index.js';
import { pollChanges, TABLE_FILE, VersionCursor, yieldToLoop } from './version-cursor.js';

/**
 * Claims read per query while loading (keyset on seq), and changes per query while polling. Parsing and adding a batch
 * holds the event loop (~50 ms for 5,000 rows on a loaded machine): small batches, and a turn of the loop between them,
 * keep the API answering while a large article's claims or the boot load come in.
 */
const LOAD_BATCH = 5_000;

interface Row {
  id: string;
  seq: string;
  version: string;
  category: string;
  qmin: number | null;
  qmax: number | null;
  published: boolean;
  terms: string[];
}

/** (terms as JSON: see CANDIDATE_COLUMNS in claim-matcher.ts) */
const SELECT = `SELECT c.id, c.seq, c.match_version AS version, c.category, c.quantity_min AS qmin, c.quantity_max AS qmax,
                       c.status = 'published' AS published, array_to_json(tsvector_to_array(c.match_terms)) AS terms FROM claims c`;

/**
 * The API's in-memory candidate index of claim matching (issue 12): TermIndex loaded from Postgres at boot in batches,
 * then kept fresh from `claims.match_version` (a poll every MATCH_INDEX_POLL_MS, and before a match whenever Postgres
 * holds a newer version than the index, so a match sees every change committed before it). Postgres stays the source
 * of truth: the index only proposes claim ids, which ClaimMatcher reads back with the caller's scope applied, so a
 * stale entry costs a candidate slot, never a wrong answer. Deleted claims are not seen (the application deletes none).
 *
 * Only the API has one (MatchingModule). The worker's extraction asks a narrower question (findRepeats: which
 * published claim does a new figure repeat?) and keeps a much smaller copy for it, the published claims' figures
 * (PublishedFigureIndex); a second copy of this index (~250 MB and a minute of loading at a million claims) per worker
 * process is not worth it.
 */
@Injectable()
export class MatchIndex implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MatchIndex.name);
  /** The loaded index and how far it has read (replaced as a whole when rebuilt). */
  private state: State | null = null;
  private building?: Promise<void>;
  private refreshing?: Promise<number>;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  /** Requests whose candidates came from the index (for tests and metrics). */
  served = 0;
  /** Time the last candidates() took, ms (the bench reads it). */
  lastCandidatesMs = 0;
  /** Time the last load took, ms. */
  loadMs = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly config?: AppConfig,
  ) {}

  /** How many candidates of each kind a query claim gets (the bench tries others). */
  limits: CandidateLimits = DEFAULT_LIMITS;

  get enabled(): boolean {
    return this.config?.MATCH_INDEX ?? true;
  }

  /** Loaded and usable. */
  get ready(): boolean {
    return this.state !== null;
  }

  get claims(): number {
    return this.state?.index.claims ?? 0;
  }

  /** Highest match_version applied. */
  get version(): number {
    return this.state?.cursor.last ?? 0;
  }

  stats() {
    return this.state?.index.stats ?? null;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    // In the background: the API answers from the SQL retrieval until the index is loaded.
    void this.load().then(
      () => this.schedule(),
      (err: unknown) => this.logger.error(`match index not loaded, matching uses SQL: ${String(err)}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.building?.catch(() => undefined);
    await this.refreshing?.catch(() => undefined);
  }

  /** Builds the index from Postgres (at boot; again would rebuild it). Resolves when it is usable. */
  load(): Promise<void> {
    this.building ??= this.build().finally(() => (this.building = undefined));
    return this.building;
  }

  private async build(): Promise<void> {
    const t0 = performance.now();
    const [{ last, estimate, table }] = await this.db.query(
      `SELECT coalesce((SELECT max(match_version) FROM claims), 0)::text AS last, ${TABLE_FILE} AS table,
              greatest((SELECT reltuples FROM pg_class WHERE oid = 'claims'::regclass), 0)::bigint::text AS estimate`,
    );
    const index = new TermIndex(Math.ceil(Number(estimate) * 1.05) + 1024);
    let after = '0';
    for (;;) {
      if (this.stopped) return;
      const batch: Row[] = await this.db.query(`${SELECT} WHERE c.seq > $1 ORDER BY c.seq LIMIT ${LOAD_BATCH}`, [after]);
      for (const r of batch) index.upsert(toIndexed(r));
      if (batch.length < LOAD_BATCH) break;
      after = batch[batch.length - 1].seq;
      await yieldToLoop();
    }
    index.seal();
    // Changes made while loading: from the version that was the highest when the load began (and the catch-up after).
    this.state = { index, table, cursor: new VersionCursor(Number(last)) };
    await this.refresh();
    this.loadMs = performance.now() - t0;
    this.logger.log(`match index loaded: ${index.claims} claims in ${Math.round(this.loadMs)} ms`);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.refresh()
        .catch((err: unknown) => this.logger.warn(`match index refresh failed: ${String(err)}`))
        .finally(() => this.schedule());
    }, this.config?.MATCH_INDEX_POLL_MS ?? 500);
    this.timer.unref();
  }

  /** Applies the claims changed since the last refresh; one at a time (callers share the one running). Returns how many changed. */
  refresh(): Promise<number> {
    this.refreshing ??= this.poll().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /**
   * Before a match, given the highest match_version in Postgres and the table's file (`TABLE_FILE`): newer changes are
   * applied first. Another file or a lower version (the table was truncated, restored from a backup, rewritten by
   * VACUUM FULL): the index is dropped and rebuilt in the background, and false says to use the SQL retrieval meanwhile.
   */
  async catchUp(latest: number, table: string): Promise<boolean> {
    const state = this.state;
    if (!state) return false;
    if (latest < state.cursor.last || table !== state.table) {
      this.rebuild(state);
      return false;
    }
    while (this.state === state && latest > state.cursor.last && !this.stopped) {
      const running = this.refreshing;
      await this.refresh();
      // A refresh that began before this call may have missed the version: one more.
      if (!running) break;
    }
    return this.state === state;
  }

  private rebuild(state: State): void {
    if (this.state !== state) return;
    this.state = null;
    this.logger.warn('claims.match_version went back (table emptied or restored): rebuilding the match index');
    void this.load().catch((err: unknown) => this.logger.error(`match index not rebuilt, matching uses SQL: ${String(err)}`));
  }

  private async poll(): Promise<number> {
    const state = this.state;
    if (!state) return 0;
    const { index, cursor } = state;
    let changed = 0;
    const polled = await pollChanges<Row>(this.db, cursor, state.table, SELECT, (batch) => {
      for (const r of batch) if (index.upsert(toIndexed(r))) changed++;
    }, () => this.state === state);
    if (polled === 'reload') {
      this.rebuild(state);
      return 0;
    }
    if (this.state !== state) return changed;
    if (index.compactIfWorthIt()) this.logger.log('match index compacted');
    return changed;
  }

  /** Candidate claim ids for each query, or null while the index is not loaded. */
  candidates(queries: readonly IndexQuery[], publishedOnly: boolean): string[][] | null {
    const index = this.state?.index;
    if (!index) return null;
    this.served++;
    const t0 = performance.now();
    const out = queries.map((q) => index.candidates(q, publishedOnly, this.limits));
    this.lastCandidatesMs = performance.now() - t0;
    return out;
  }
}

interface State {
  index: TermIndex;
  table: string;
  cursor: VersionCursor;
}

function toIndexed(r: Row) {
  return {
    id: r.id, seq: Number(r.seq), version: Number(r.version), category: r.category,
    quantityMin: r.qmin, quantityMax: r.qmax, published: r.published, terms: r.terms,
  };
}
