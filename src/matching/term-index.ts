/**
 * The in-memory candidate index of claim matching (issue 12): what Postgres's GIN index on `claims.match_terms` and the
 * btree on (category, quantity_min) answer, held in typed arrays so one query costs ~1–2 ms of CPU and no database work.
 * Pure data structure, no I/O: src/matching/match-index.ts fills it from Postgres and keeps it fresh.
 *
 * Every claim gets a compact number; its uuid, seq, match_version, figure, category and flags live in typed arrays at
 * that index, and each term has a posting list (an Int32Array of numbers, grown by doubling). Hand-written rather than
 * a search library: the lists hold numbers only (4 bytes a posting, ~60 MB for a million claims), scoring is a loop over
 * them into one Float32Array, and the libraries at hand (wink-bm25-text-search, flexsearch-like ones) keep documents as
 * JS objects and strings, several times that memory, and cannot be updated in place by version.
 *
 * A changed claim (newer match_version) gets a new number; the old one is marked dead and skipped. Dead postings count
 * in a term's document frequency until `compact()` drops them (run when a fifth of the numbers are dead).
 */

const ALIVE = 1;
const PUBLISHED = 2;
/** Figures added since the last merge are kept unsorted and scanned; past this many they are merged into the sorted arrays. */
const RECENT_FIGURES = 1024;

export interface IndexedClaim {
  id: string;
  seq: number;
  version: number;
  category: string;
  quantityMin: number | null;
  quantityMax: number | null;
  published: boolean;
  terms: readonly string[];
}

export interface IndexQuery {
  terms: readonly string[];
  category: string;
  /** The figure's prefilter window (prefilterWindow(intervalOf(quantity))), or null without a figure. */
  window: readonly [number, number] | null;
}

export interface CandidateLimits {
  /** The best this many by summed IDF of shared terms. */
  byWords: number;
  /** …and the best this many of those whose figure lies in the query's window (any category). */
  byWordsInWindow: number;
  /** Of the claims of the query's category nearest its figure (figureScan on each side, inside the window), the best this many by words. */
  byFigure: number;
  figureScan: number;
  /** Postings read per query claim at most, rarest terms first (the commonest words weigh little and cost most). */
  maxPostings: number;
  /** Claims taken in as candidates per query claim, from its rarest terms (the rarest term's claims always). */
  newCandidates: number;
}

/**
 * Fewer than the SQL retrieval's 60/20/20: the ranker costs ~75 µs a candidate. On the bench's million claims 20/10/10
 * found 409 of 410 paraphrases in the top 10 (60/20/20: 410, the SQL retrieval 403) and p50 fell from 46 to 20 ms; the
 * labelled set's scores did not move down to 15/5/5 (docs/matching-performance.md).
 */
export const DEFAULT_LIMITS: CandidateLimits = { byWords: 20, byWordsInWindow: 10, byFigure: 10, figureScan: 100, maxPostings: 500_000, newCandidates: 20_000 };

interface Postings {
  ids: Int32Array;
  n: number;
}

interface Figures {
  /** Sorted by value; `nums` the claim numbers in the same order. */
  vals: Float64Array;
  nums: Int32Array;
  n: number;
  /** Added since the last merge, unsorted. */
  recent: number[];
}

export class TermIndex {
  private cap: number;
  private size = 0;
  private live = 0;
  private dead = 0;
  private ids: Uint8Array;
  private seqs: Float64Array;
  private versions: Float64Array;
  private qmin: Float64Array;
  private qmax: Float64Array;
  private cats: Uint8Array;
  private flags: Uint8Array;
  private acc: Float32Array;
  private touched: Int32Array;
  /**
   * One bit per claim number, set while the claim holds a score in `acc` (a candidate of the query being scored): the
   * long lists of common terms are tested against it. A million claims are 125 KB of bits, which stay in the CPU's
   * cache, where `acc` (4 MB) does not: that test was most of the index's time at a million claims.
   */
  private marks: Int32Array;
  private readonly postings = new Map<string, Postings>();
  private readonly categories = new Map<string, number>();
  private readonly figures: Figures[] = [];
  /** Numbers [0, baseEnd) were added in increasing seq order (the boot load): found by binary search. Later ones by map. */
  private baseEnd = 0;
  private readonly later = new Map<number, number>();

  constructor(capacity = 1024) {
    this.cap = Math.max(16, capacity);
    this.ids = new Uint8Array(this.cap * 16);
    this.seqs = new Float64Array(this.cap);
    this.versions = new Float64Array(this.cap);
    this.qmin = new Float64Array(this.cap);
    this.qmax = new Float64Array(this.cap);
    this.cats = new Uint8Array(this.cap);
    this.flags = new Uint8Array(this.cap);
    this.acc = new Float32Array(this.cap);
    this.touched = new Int32Array(this.cap);
    this.marks = new Int32Array((this.cap >>> 5) + 1);
  }

  /** Claims held (live). */
  get claims(): number {
    return this.live;
  }

  get stats(): { claims: number; dead: number; terms: number; postings: number } {
    let postings = 0;
    for (const p of this.postings.values()) postings += p.n;
    return { claims: this.live, dead: this.dead, terms: this.postings.size, postings };
  }

  /** Document frequency of a term (dead postings included until compact()). */
  df(term: string): number {
    return this.postings.get(term)?.n ?? 0;
  }

  /** BM25's inverse document frequency from this index's own counts (as TermStatistics.weight does from pg_stats). */
  idf(term: string): number {
    // Dead postings can make a term's count exceed the live claims (a few claims updated): capped, so a weight is never negative.
    const n = Math.min(Math.max(1, this.df(term)), Math.max(1, this.live));
    return Math.log(1 + (this.live - n + 0.5) / (n + 0.5));
  }

  /** The version held for a claim, or null when it is not held. */
  versionOf(seq: number): number | null {
    const k = this.numberOf(seq);
    return k < 0 ? null : this.versions[k];
  }

  /**
   * Adds a claim, or replaces the one with its seq when this version is newer. An older or equal version is ignored
   * (a poll that reads a change again, or out of order). Returns whether the index changed.
   */
  upsert(c: IndexedClaim): boolean {
    const old = this.numberOf(c.seq);
    if (old >= 0) {
      if (this.versions[old] >= c.version) return false;
      this.kill(old);
    }
    if (this.size === this.cap) this.grow(this.cap * 2);
    const k = this.size++;
    writeUuid(this.ids, k * 16, c.id);
    this.seqs[k] = c.seq;
    this.versions[k] = c.version;
    this.qmin[k] = c.quantityMin ?? NaN;
    this.qmax[k] = c.quantityMax ?? NaN;
    this.cats[k] = this.categoryCode(c.category);
    this.flags[k] = ALIVE | (c.published ? PUBLISHED : 0);
    this.live++;
    if (k === this.baseEnd && this.later.size === 0 && (k === 0 || c.seq > this.seqs[k - 1])) this.baseEnd++;
    else this.later.set(c.seq, k);
    for (const t of new Set(c.terms)) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = { ids: new Int32Array(2), n: 0 }));
      if (p.n === p.ids.length) {
        const bigger = new Int32Array(p.ids.length * 2);
        bigger.set(p.ids);
        p.ids = bigger;
      }
      p.ids[p.n++] = k;
    }
    if (c.quantityMin !== null) {
      const f = this.figuresOf(this.cats[k]);
      f.recent.push(k);
      // (Relative to the sorted part, so a bulk load does not merge a growing array every thousand claims.)
      if (f.recent.length > Math.min(8 * RECENT_FIGURES, Math.max(RECENT_FIGURES, f.n / 8))) this.mergeFigures(f);
    }
    return true;
  }

  /** Drops a claim (a deleted row); false when it was not held. */
  remove(seq: number): boolean {
    const k = this.numberOf(seq);
    if (k < 0) return false;
    this.kill(k);
    return true;
  }

  /** After a bulk load: figures sorted, posting lists trimmed to their length. */
  seal(): void {
    for (const f of this.figures) if (f) this.mergeFigures(f);
    for (const p of this.postings.values()) if (p.ids.length > p.n) p.ids = p.ids.slice(0, p.n);
  }

  /** Dead postings out of the lists (and their document frequencies); worth it when many claims changed. */
  compactIfWorthIt(): boolean {
    if (this.dead < 1000 || this.dead < this.size / 5) return false;
    this.compact();
    return true;
  }

  compact(): void {
    for (const [t, p] of this.postings) {
      let w = 0;
      for (let i = 0; i < p.n; i++) if (this.flags[p.ids[i]] & ALIVE) p.ids[w++] = p.ids[i];
      if (w === 0) this.postings.delete(t);
      else p.n = w;
    }
    for (const f of this.figures) if (f) this.mergeFigures(f);
    this.dead = 0;
  }

  /**
   * Candidate claims (uuids) for each query claim: the best by summed IDF of shared terms, the best of those whose figure
   * lies in the window, and the claims of the query's category nearest its figure (best by words among them).
   * `publishedOnly`: only claims whose status is published (the consumer's scope, or the caller's filter).
   */
  candidates(query: IndexQuery, publishedOnly: boolean, limits: CandidateLimits = DEFAULT_LIMITS): string[] {
    const need = ALIVE | (publishedOnly ? PUBLISHED : 0);
    const acc = this.acc;
    const marks = this.marks;
    const touchedList = this.touched;
    let touched = 0;
    // Rarest terms first. A term's claims become candidates while they fit `newCandidates` (the rarest term's always);
    // the commoner terms after that only add their weight to the candidates found (their whole list is still read, in
    // order, but no claim is taken in for a common word alone). What costs is not the lists but each candidate's
    // figure, flags and seq, read at random across arrays of a million entries (cache misses): so few candidates.
    const lists: Array<{ p: Postings; w: number }> = [];
    for (const t of new Set(query.terms)) {
      const p = this.postings.get(t);
      if (p) lists.push({ p, w: this.idf(t) });
    }
    lists.sort((a, b) => a.p.n - b.p.n);
    let read = 0;
    let creating = true;
    for (const { p, w } of lists) {
      if (read > 0 && read + p.n > limits.maxPostings) break;
      read += p.n;
      if (creating && touched > 0 && touched + p.n > limits.newCandidates) creating = false;
      const ids = p.ids;
      const n = p.n;
      if (creating) {
        for (let i = 0; i < n; i++) {
          const k = ids[i];
          if (acc[k] === 0) {
            touchedList[touched++] = k;
            marks[k >>> 5] |= 1 << (k & 31);
          }
          acc[k] += w;
        }
      } else {
        // A claim is marked exactly when its score is not 0 (every weight is positive): the same additions as testing
        // acc[k] !== 0, without reading acc for the claims that are not candidates.
        for (let i = 0; i < n; i++) {
          const k = ids[i];
          if (marks[k >>> 5] & (1 << (k & 31))) acc[k] += w;
        }
      }
    }
    const seqs = this.seqs;
    const better = (a: number, b: number) => acc[a] > acc[b] || (acc[a] === acc[b] && seqs[a] > seqs[b]);
    const words = new TopK(limits.byWords, better);
    const inWindow = new TopK(query.window ? limits.byWordsInWindow : 0, better);
    const [lo, hi] = query.window ?? [NaN, NaN];
    // Newest first (postings are mostly in seq order): among equal scores the first offered wins. A claim below the
    // worst kept score is passed over before anything else of it is read.
    for (let i = touched - 1; i >= 0; i--) {
      const k = touchedList[i];
      const score = acc[k];
      const forWords = score >= words.floor(acc);
      const forWindow = score >= inWindow.floor(acc);
      if (!forWords && !forWindow) continue;
      if ((this.flags[k] & need) !== need) continue;
      if (forWords) words.offer(k);
      if (forWindow && this.qmin[k] <= hi && this.qmax[k] >= lo) inWindow.offer(k);
    }
    const out = new Set<number>([...words.items(), ...inWindow.items()]);
    if (query.window) for (const k of this.nearestFigures(query, need, limits, better)) out.add(k);
    for (let i = 0; i < touched; i++) {
      const k = touchedList[i];
      acc[k] = 0;
      marks[k >>> 5] = 0;
    }
    return [...out].map((k) => readUuid(this.ids, k * 16));
  }

  /** The claims of the query's category nearest the middle of its window on each side, the best `byFigure` by words then recency. */
  private nearestFigures(query: IndexQuery, need: number, limits: CandidateLimits, better: (a: number, b: number) => boolean): number[] {
    const code = this.categories.get(query.category);
    const f = code === undefined ? undefined : this.figures[code];
    if (!f || !query.window) return [];
    const [lo, hi] = query.window;
    const mid = (lo + hi) / 2;
    const up: number[] = [];
    const down: number[] = [];
    const ok = (k: number) => (this.flags[k] & need) === need;
    const i = lowerBound(f.vals, f.n, mid);
    for (let j = i; j < f.n && up.length < limits.figureScan && f.vals[j] <= hi; j++) if (ok(f.nums[j])) up.push(f.nums[j]);
    for (let j = i - 1; j >= 0 && down.length < limits.figureScan && f.vals[j] >= lo; j--) if (ok(f.nums[j])) down.push(f.nums[j]);
    if (f.recent.length > 0) {
      for (const k of f.recent) {
        if (!ok(k)) continue;
        const v = this.qmin[k];
        if (v >= mid && v <= hi) up.push(k);
        else if (v < mid && v >= lo) down.push(k);
      }
      up.sort((a, b) => this.qmin[a] - this.qmin[b]);
      down.sort((a, b) => this.qmin[b] - this.qmin[a]);
      up.length = Math.min(up.length, limits.figureScan);
      down.length = Math.min(down.length, limits.figureScan);
    }
    const top = new TopK(limits.byFigure, better);
    for (const k of up) top.offer(k);
    for (const k of down) top.offer(k);
    return top.items();
  }

  private numberOf(seq: number): number {
    const k = this.later.get(seq);
    if (k !== undefined) return this.flags[k] & ALIVE ? k : -1;
    let a = 0;
    let b = this.baseEnd;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.seqs[m] < seq) a = m + 1;
      else b = m;
    }
    return a < this.baseEnd && this.seqs[a] === seq && this.flags[a] & ALIVE ? a : -1;
  }

  private kill(k: number): void {
    if (!(this.flags[k] & ALIVE)) return;
    this.flags[k] = 0;
    this.live--;
    this.dead++;
    this.later.delete(this.seqs[k]);
  }

  private categoryCode(category: string): number {
    let code = this.categories.get(category);
    if (code === undefined) {
      code = this.categories.size;
      if (code > 255) throw new Error('more than 256 claim categories');
      this.categories.set(category, code);
    }
    return code;
  }

  private figuresOf(code: number): Figures {
    return (this.figures[code] ??= { vals: new Float64Array(0), nums: new Int32Array(0), n: 0, recent: [] });
  }

  /** The recent figures sorted into the arrays, dead ones dropped. */
  private mergeFigures(f: Figures): void {
    const recent = f.recent.filter((k) => this.flags[k] & ALIVE).sort((a, b) => this.qmin[a] - this.qmin[b]);
    const n = f.n + recent.length;
    const vals = new Float64Array(n);
    const nums = new Int32Array(n);
    let w = 0;
    let i = 0;
    let j = 0;
    while (i < f.n || j < recent.length) {
      let k: number;
      let v: number;
      if (j >= recent.length || (i < f.n && f.vals[i] <= this.qmin[recent[j]])) {
        k = f.nums[i];
        v = f.vals[i++];
      } else {
        k = recent[j++];
        v = this.qmin[k];
      }
      if (!(this.flags[k] & ALIVE)) continue;
      vals[w] = v;
      nums[w++] = k;
    }
    f.vals = vals;
    f.nums = nums;
    f.n = w;
    f.recent = [];
  }

  private grow(cap: number): void {
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const ids = new Uint8Array(cap * 16);
    ids.set(this.ids);
    this.ids = ids;
    this.seqs = f64(this.seqs);
    this.versions = f64(this.versions);
    this.qmin = f64(this.qmin);
    this.qmax = f64(this.qmax);
    const cats = new Uint8Array(cap);
    cats.set(this.cats);
    this.cats = cats;
    const flags = new Uint8Array(cap);
    flags.set(this.flags);
    this.flags = flags;
    this.acc = new Float32Array(cap);
    this.touched = new Int32Array(cap);
    this.marks = new Int32Array((cap >>> 5) + 1);
    this.cap = cap;
  }
}

/**
 * The k best numbers by `better`: a binary heap with the worst kept at the root, so most offers cost one comparison.
 */
class TopK {
  private readonly a: number[] = [];
  constructor(
    private readonly k: number,
    private readonly better: (a: number, b: number) => boolean,
  ) {}

  offer(x: number): void {
    const a = this.a;
    if (a.length < this.k) {
      // Sift up: a parent is worse than its children.
      let i = a.length;
      a.push(x);
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.better(a[p], a[i])) break;
        [a[p], a[i]] = [a[i], a[p]];
        i = p;
      }
      return;
    }
    if (this.k === 0 || !this.better(x, a[0])) return;
    a[0] = x;
    // Sift down.
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < a.length && this.better(a[worst], a[l])) worst = l;
      if (r < a.length && this.better(a[worst], a[r])) worst = r;
      if (worst === i) break;
      [a[worst], a[i]] = [a[i], a[worst]];
      i = worst;
    }
  }

  /** The score an offer must reach to be considered (-Infinity while not full; Infinity when k is 0). */
  floor(scores: Float32Array): number {
    if (this.k === 0) return Infinity;
    return this.a.length < this.k ? -Infinity : scores[this.a[0]];
  }

  /** Best first. */
  items(): number[] {
    return [...this.a].sort((x, y) => (this.better(x, y) ? -1 : this.better(y, x) ? 1 : 0));
  }
}

function lowerBound(vals: Float64Array, n: number, x: number): number {
  let a = 0;
  let b = n;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (vals[m] < x) a = m + 1;
    else b = m;
  }
  return a;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function writeUuid(buf: Uint8Array, at: number, id: string): void {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a uuid: ${id}`);
  buf.set(Buffer.from(hex, 'hex'), at);
}

function readUuid(buf: Uint8Array, at: number): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[buf[at + i]];
  }
  return s;
}
