import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { rows } from '../database/sql.js';

/** How long the term statistics are reused before they are read again (they move slowly: autovacuum refreshes them). */
const REFRESH_MS = 60_000;

/**
 * How rare a word is among the stored claims, as inverse document frequency: a shared "bounty" says more than a shared
 * "said". Read from Postgres's own statistics of `claims.match_terms` (pg_stats.most_common_elems, kept by ANALYZE and
 * autovacuum, up to 10,000 terms at the column's statistics target), so there is no table of counts to maintain on
 * every insert. A term not among the most common is rarer than the rarest listed one.
 */
export class TermStatistics {
  constructor(
    private readonly share: ReadonlyMap<string, number>,
    /** Share of claims holding a term that is not listed (below the least common listed one). */
    private readonly rareShare: number,
    readonly claims: number,
  ) {}

  static readonly EMPTY = new TermStatistics(new Map(), 0, 0);

  /** Share of the claims that hold `term`. */
  shareOf(term: string): number {
    return this.share.get(term) ?? this.rareShare;
  }

  /** BM25's inverse document frequency; every term weighs the same when nothing is known. */
  weight(term: string): number {
    if (this.claims === 0) return 1;
    const n = Math.max(1, this.shareOf(term) * this.claims);
    return Math.log(1 + (this.claims - n + 0.5) / (n + 0.5));
  }

  /**
   * The terms worth searching by, rarest first: the less common ones, and at least `min` of the rarest; then only as
   * many as `budget` claims hold between them (estimated from their shares), as every claim found costs a heap read.
   * On a small table the budget never binds; on a million claims a word in 1 % of them is 10,000 reads.
   */
  searchTerms(terms: readonly string[], maxShare: number, min: number, budget = Infinity): string[] {
    const byRarity = [...terms].sort((a, b) => this.shareOf(a) - this.shareOf(b) || (a < b ? -1 : 1));
    const out: string[] = [];
    let claims = 0;
    for (const [i, t] of byRarity.entries()) {
      if (i >= min && this.shareOf(t) > maxShare) break;
      claims += this.shareOf(t) * this.claims;
      if (claims > budget) break;
      out.push(t);
    }
    return out;
  }

  /**
   * For a query whose words are all too common to search one by one: its rarest terms outside `searched`, as few as
   * give an estimated `budget` claims holding all of them at once (shares multiplied, as if independent), at least two;
   * [] when there are fewer than two.
   */
  conjunction(terms: readonly string[], searched: readonly string[], budget: number, maxShare = 1): string[] {
    const rest = terms.filter((t) => !searched.includes(t) && this.shareOf(t) <= maxShare).sort((a, b) => this.shareOf(a) - this.shareOf(b) || (a < b ? -1 : 1));
    const out: string[] = [];
    let claims = this.claims;
    for (const t of rest) {
      out.push(t);
      claims *= this.shareOf(t);
      if (out.length >= 2 && claims <= budget) break;
    }
    return out.length >= 2 ? out : [];
  }
}

@Injectable()
export class TermWeights {
  private cached: { at: number; stats: Promise<TermStatistics> } | null = null;

  /** The statistics, read at most once a minute. */
  current(db: DataSource | EntityManager): Promise<TermStatistics> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > REFRESH_MS) {
      const stats = read(db).catch(() => TermStatistics.EMPTY);
      this.cached = { at: now, stats };
    }
    return this.cached.stats;
  }

  /** Forget the cached statistics (after a bulk load and ANALYZE, so the next query reads them anew). */
  invalidate(): void {
    this.cached = null;
  }
}

async function read(db: DataSource | EntityManager): Promise<TermStatistics> {
  const [row] = await rows<{ elems: string[] | null; freqs: number[] | null; claims: string }>(
    db,
    `SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs,
            (SELECT greatest(c.reltuples, 0)::bigint::text FROM pg_class c WHERE c.oid = 'claims'::regclass) AS claims
       FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = 'claims' AND s.attname = 'match_terms'`,
  );
  if (!row?.elems || !row.freqs) return TermStatistics.EMPTY;
  // most_common_elem_freqs ends with the least and greatest frequency and the share of nulls.
  const share = new Map(row.elems.map((e, i) => [e, row.freqs![i]]));
  const rarest = row.freqs[row.elems.length] ?? Math.min(...row.freqs.slice(0, row.elems.length));
  return new TermStatistics(share, rarest / 2, Number(row.claims));
}
