/**
 * The published claims extraction compares new figures with (ClaimMatcher.findRepeats), held in memory: what the
 * partial indexes on published claims answer (claims_published_figure_cover_idx, claims_published_terms_idx for the
 * `#value` terms), without a round trip. Pure data structure, no I/O: published-figure-index.ts fills it from Postgres
 * and keeps it fresh. Published claims are a small part of the table (a fifth on the bench's data), and only their
 * figures, figure terms, article and version are kept: ~200 bytes a claim.
 */
export interface PublishedFigure {
  id: string;
  seq: number;
  articleId: string;
  /** The claim's figure as stored (`quantity_min`, `quantity_max`), or null. */
  min: number | null;
  max: number | null;
  /** Its `match_version`: a newer one replaces it. */
  version: number;
  /** The `#value` terms of its `match_terms` (the figures its text states). */
  figureTerms: readonly string[];
}

export class PublishedFigures {
  private readonly byId = new Map<string, PublishedFigure>();
  /**
   * Those with a figure, by (min, seq): rebuilt on the first search after a change (publications and corrections of
   * published claims are rare next to searches; a redated article's unpublished claims change nothing here).
   */
  private byMin: PublishedFigure[] | null = null;
  /** Each figure term's claims, newest first: rebuilt likewise. */
  private byTerm: Map<string, PublishedFigure[]> | null = null;

  get size(): number {
    return this.byId.size;
  }

  /** The version held for a claim, or null. */
  versionOf(id: string): number | null {
    return this.byId.get(id)?.version ?? null;
  }

  /** Adds or replaces a published claim; an older or equal version than the one held is ignored. Returns whether it changed. */
  upsert(f: PublishedFigure): boolean {
    const held = this.byId.get(f.id);
    if (held && held.version >= f.version) return false;
    this.byId.set(f.id, f);
    this.changed();
    return true;
  }

  /** Drops a claim that is no longer published (as of `version`). Returns whether it was held. */
  remove(id: string, version: number): boolean {
    const held = this.byId.get(id);
    if (!held || held.version >= version) return false;
    this.byId.delete(id);
    this.changed();
    return true;
  }

  /**
   * The claims whose figure overlaps [lo, hi], scanned from `scanLo` (a range starting lower may reach into the
   * window) up to `hi`, other articles' only: the `limit` with the highest lower ends, the newest first at one figure
   * (as the SQL: ORDER BY quantity_min DESC, seq DESC).
   */
  inWindow(scanLo: number, lo: number, hi: number, excludeArticleId: string, limit: number): PublishedFigure[] {
    const sorted = (this.byMin ??= [...this.byId.values()].filter((f) => f.min !== null).sort((a, b) => a.min! - b.min! || a.seq - b.seq));
    // The last claim whose lower end is ≤ hi, then down.
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (sorted[m].min! <= hi) a = m + 1;
      else b = m;
    }
    const out: PublishedFigure[] = [];
    for (let i = a - 1; i >= 0 && out.length < limit; i--) {
      const f = sorted[i];
      if (f.min! < scanLo) break;
      if (f.max! >= lo && f.articleId !== excludeArticleId) out.push(f);
    }
    return out;
  }

  /** The claims whose text states one of these figures (`#value` terms), other articles' only: the newest `limit`. */
  withTerms(terms: readonly string[], excludeArticleId: string, limit: number): PublishedFigure[] {
    if (terms.length === 0) return [];
    const byTerm = (this.byTerm ??= this.termLists());
    const lists = terms.map((t) => byTerm.get(t)).filter((l): l is PublishedFigure[] => l !== undefined);
    // The lists (each newest first) merged as far as `limit` (a common figure's list is long): the newest head each time,
    // a claim in several lists once (its seq is the same in each, so it heads them at once).
    const at = lists.map(() => 0);
    const out: PublishedFigure[] = [];
    while (out.length < limit) {
      let newest: PublishedFigure | null = null;
      for (let i = 0; i < lists.length; i++) {
        const f = lists[i][at[i]];
        if (f && (!newest || f.seq > newest.seq)) newest = f;
      }
      if (!newest) break;
      for (let i = 0; i < lists.length; i++) if (lists[i][at[i]] === newest) at[i]++;
      if (newest.articleId !== excludeArticleId) out.push(newest);
    }
    return out;
  }

  private termLists(): Map<string, PublishedFigure[]> {
    const lists = new Map<string, PublishedFigure[]>();
    for (const f of this.byId.values()) {
      for (const t of f.figureTerms) {
        const list = lists.get(t);
        if (list) list.push(f);
        else lists.set(t, [f]);
      }
    }
    for (const list of lists.values()) list.sort((x, y) => y.seq - x.seq);
    return lists;
  }

  private changed(): void {
    this.byMin = null;
    this.byTerm = null;
  }
}
