import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReadScope } from '../auth/read-scope.js';
import { preparedRows, rows } from '../database/sql.js';
import type { ClaimCategory, Qualifier } from '../claims/claim-vocabulary.js';
import { APPROXIMATE_TOLERANCE, figureTerms, intervalOf, isMatch, MATCH_THRESHOLD, prefilterWindow, cheapReading, scoreMatch, sharePredicateWords, textSimilarity, textSimilarityTo, type CheapReading, type MatchableClaim } from './match-score.js';
import { glossedQuery } from './glossary.js';
import { MatchIndex } from './match-index.js';
import { TABLE_FILE, yieldToLoop } from './version-cursor.js';
import { PublishedFigureIndex } from './published-figure-index.js';
import type { PublishedFigures } from './published-figures.js';
import { TermWeights, type TermStatistics } from './term-weights.js';

/** Candidates retrieval hands the ranker per query claim: by words, by words with a figure in the window, by the figure alone, by trigrams. */
const BY_WORDS = 60;
const BY_WORDS_IN_WINDOW = 20;
const BY_FIGURE = 20;
const BY_TRIGRAMS = 20;
/** Published claims a new figure is compared with during extraction (findRepeats): the most alike by the ranker's word measure. */
const REPEAT_CANDIDATES = 20;
/** Query claims findRepeats ranks between two turns of the event loop. */
const REPEAT_RANK_SLICE = 25;
/**
 * Candidate claims kept as objects, with what the ranker read of them, across calls: findRepeats' (the published claims
 * a worker meets with every article; two generations of 5,000 hold the bench's 3,052) and find()'s (a request about a
 * story meets the claims the last ones about it met).
 */
const REPEAT_CANDIDATES_KEPT = 10_000;
const SEARCH_CANDIDATES_KEPT = 20_000;
/** Figures read from a query's text that are added to its terms, at most. */
const MAX_FIGURE_TERMS = 8;
/** Words in more than this share of the claims are left out of the word search (they would fetch half the table). */
const COMMON_TERM_SHARE = 0.05;
/** …but a query keeps at least this many of its rarest words. */
const MIN_QUERY_TERMS = 3;
/**
 * At most this many claims (estimated from pg_stats) are read for one query claim's words: each costs a heap read and
 * a sum of weights, so the words' cost is bounded whatever the table's size (~10 ms on the bench's 1M claims).
 * A small table never reaches it.
 */
const MAX_WORD_POSTINGS = 3000;
/**
 * The conjunction of a query's common terms (those left out of the word search) is made of as many of them as give an
 * estimated this many claims, and reads at most this many. Words of a name ("regional government") go together, so the
 * estimate (shares multiplied) is often low: the LIMIT bounds it.
 */
const CONJUNCTION_POSTINGS = 1000;
/** GIN scans written out one by one (the others, for requests with many claims, share one scan over arrays). */
const INLINE_SCANS = 40;
/** The figure alone: this many claims of the same category on each side of the query's figure, nearest first. */
const FIGURE_SCAN = 100;
/**
 * Trigrams (misspelt names) only when the words found fewer than this, and only while the table holds fewer than
 * TRIGRAM_MAX_CLAIMS claims: `text % q` reads the posting list of every trigram of the query, and common trigrams
 * ("the", " in") are in nearly every claim: 0.3–8 s on the bench's million claims (2 cores, loaded), whatever the
 * similarity threshold. Above that size a misspelt name is found only through the query's other words.
 */
const TRIGRAMS_WHEN_WORDS_FOUND_FEWER = 10;
const TRIGRAM_MAX_CLAIMS = 200_000;
/**
 * A candidate whose words are this much less alike the query's than those of a candidate refused for another figure or
 * year is no answer (rankPairs).
 */
const NEARER_REFUSED_MARGIN = 0.25;
const round2 = (x: number) => Math.round(x * 100) / 100;

export interface MatchOptions {
  /** Only claims whose verdict is published (extraction links to these only). */
  publishedOnly?: boolean;
  /** Leave out the claims of this article (a claim never matches its own article). */
  excludeArticleId?: string;
  /** Only claims this caller may read. */
  scope?: ReadScope;
  /** Keep candidates scoring this much or more (default: the match threshold). */
  floor?: number;
}

export interface FoundMatch {
  /** Index of the query claim this match is for. */
  query: number;
  claimId: string;
  score: number;
  reasons: string[];
}

interface CandidateRow {
  qi: number;
  id: string;
  text: string;
  category: ClaimCategory;
  quantity_text: string | null;
  quantity_value: number | null;
  quantity_low: number | null;
  quantity_high: number | null;
  unit: string | null;
  qualifier: Qualifier | null;
  subject: string | null;
  location: string | null;
  speaker: string | null;
  time_ref: { from: string | null; to: string | null } | null;
  terms: string[];
  published_at: Date | null;
  seq: string;
}

/**
 * Finds earlier claims that match each query claim, in two stages as search engines do.
 *  1. Retrieval, one round trip for all query claims: the claims sharing the query's rarer words (GIN index on
 *     `match_terms`: English stems, domain synonyms folded, figures as `#value`), ordered by the summed rarity of
 *     the words they share, and those holding all of its commoner words at once; plus, for a query with a figure,
 *     the claims of its category whose figure is nearest in its window (btree on (category, quantity_min)); plus,
 *     on a small table and when the words found little, the closest by trigrams (misspellings).
 *     Every part reads a bounded number of rows, so the cost does not grow with the table (bench/matching-scale.bench.ts).
 *  2. Ranking in match-score.ts: words weighed by rarity, figures and dates as evidence; only a contradiction refuses.
 * A first, cheap round trip turns the query texts into the same terms Postgres stores.
 * In the API, once its MatchIndex is loaded, stage 1 runs in memory instead (match-index.ts, ~2 ms at a million claims)
 * and the proposed claims are read back by id, with the caller's scope, in a second round trip.
 */
@Injectable()
export class ClaimMatcher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly weights: TermWeights,
    /** The API's in-memory candidate index; absent in the worker (see MatchIndex), and not used before it is loaded. */
    @Optional() private readonly index?: MatchIndex,
    /** The worker's in-memory published figures, for extraction's repeats (findRepeats); without it, SQL. */
    @Optional() private readonly published?: PublishedFigureIndex,
  ) {}

  async find(queries: MatchableClaim[], options: MatchOptions = {}, db: DataSource | EntityManager = this.db): Promise<FoundMatch[]> {
    if (queries.length === 0) return [];
    const idf = await this.weights.current(db);
    // The index proposes candidates for the API's requests; extraction's (which leave out their own article) use SQL.
    const index = this.index?.ready && options.excludeArticleId === undefined ? this.index : null;
    // Prepared (one text per kind of request): Postgres plans it once per connection, not on every request.
    const termsOf = await preparedRows<{ terms: string[]; latest: string | null; table: string }>(
      db,
      `SELECT array_to_json(tsvector_to_array(match_terms_of(t, ARRAY[v, lo, hi]))) AS terms${index ? `, (SELECT max(match_version) FROM claims)::text AS latest, ${TABLE_FILE} AS table` : ''}
         FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[]) WITH ORDINALITY AS q(t, v, lo, hi, i) ORDER BY i`,
      // A post in another language is searched by its names and English gloss (glossary.ts): the stored claims are English.
      [queries.map((q) => withGloss(q.text)), queries.map((q) => q.quantity?.value ?? null), queries.map((q) => q.quantity?.low ?? null),
        queries.map((q) => q.quantity?.high ?? null)],
    );
    // Plus the figures the text states that the extractor did not read (other languages' conventions, "$34T").
    // (The first few: a list of a thousand figures is one sentence, and each of its claims would carry them all.)
    const prepared = queries.map((q, i) => ({ ...q, terms: [...new Set([...termsOf[i].terms, ...figureTerms(q.text).slice(0, MAX_FIGURE_TERMS)])] }));

    const filters: string[] = [];
    const params: unknown[] = [];
    if (options.publishedOnly) filters.push(`c.status = 'published'`);
    if (options.scope) filters.push(options.scope.claims('c'));
    if (options.excludeArticleId) {
      params.push(options.excludeArticleId);
      filters.push(`c.article_id <> $${params.length}`);
    }
    const where = filters.map((f) => `AND ${f}`).join(' ');
    // Every change committed before this request is in the index before it answers (read-your-writes).
    if (index && (await index.catchUp(Number(termsOf[0]?.latest ?? 0), termsOf[0]?.table))) {
      const proposed = index.candidates(prepared.map((q) => {
        const interval = intervalOf(q.quantity);
        return { terms: q.terms, category: q.category, window: interval ? prefilterWindow(interval) : null };
      }), options.publishedOnly === true || (options.scope !== undefined && !options.scope.staff));
      if (proposed) {
        // The claims themselves from Postgres, the caller's scope applied there: a stale proposal is simply not found.
        const ids = [...new Set(proposed.flat())];
        const found = ids.length === 0 ? [] : await preparedRows<Omit<CandidateRow, 'qi'> & { version: string }>(
          db,
          `/* index candidates */ SELECT ${CANDIDATE_COLUMNS}, ${CANDIDATE_VERSION} AS version FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ANY($${params.length + 1}::uuid[]) ${where}`,
          [...params, ids],
        );
        const byId = new Map(found.map((r) => [r.id, r]));
        const candidates = proposed.flatMap((list, qi) => list.flatMap((id) => (byId.has(id) ? [{ ...byId.get(id)!, qi }] : [])));
        return rank(prepared, candidates, idf, options, this.searchCandidates);
      }
    }
    const searchTerms = prepared.map((q) => idf.searchTerms(q.terms, COMMON_TERM_SHARE, MIN_QUERY_TERMS, MAX_WORD_POSTINGS));
    const intervals = prepared.map((q) => intervalOf(q.quantity));
    const windows = intervals.map((interval) => (interval ? prefilterWindow(interval) : null));
    const p: unknown[] = [...params];
    const param = (value: unknown) => {
      p.push(value);
      return `$${p.length}`;
    };
    // One GIN scan per search term (rarest first), reading at most MAX_WORD_POSTINGS claims each.
    const tsq = (terms: readonly string[]) => terms.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
    const scans: Array<{ qi: number; rank: number; tsquery: string; weight: number; limit: number }> = searchTerms.flatMap((ts, qi) =>
      ts.map((t, rank) => ({ qi, rank, tsquery: tsq([t]), weight: idf.weight(t), limit: MAX_WORD_POSTINGS })));
    // And the claims holding all of its rarest left-out terms at once (one GIN scan intersecting their lists): a post
    // whose distinctive words are common ones ("the Falcor central bank … in Vengil") still finds the claims that say
    // all of them. (Run only when the terms above found few claims, it lost 13 points of the bench's recall.)
    prepared.forEach((c, qi) => {
      const all = idf.conjunction(c.terms, searchTerms[qi], CONJUNCTION_POSTINGS, COMMON_TERM_SHARE);
      if (all.length >= 2) {
        scans.push({ qi, rank: MIN_QUERY_TERMS, tsquery: tsq(all), weight: all.reduce((sum, t) => sum + idf.weight(t), 0), limit: CONJUNCTION_POSTINGS });
      }
    });
    // The first INLINE_SCANS scans are subqueries of their own with their tsquery as a parameter: the planner then
    // estimates each from the column's statistics. (A tsquery computed in SQL is estimated at a flat 0.5 % of the
    // table: on 1M claims that priced the query past jit_above_cost, ~50 ms of JIT compilation on every request.)
    // The rest, for a long article's many claims, go into one scan over arrays (a statement of thousands of UNION
    // arms exceeds Postgres's stack depth).
    scans.sort((x, y) => x.rank - y.rank || x.qi - y.qi);
    // Claims found by the same scanned terms tie (the 257 claims naming one town); the query's other words, common
    // ones included, break the tie: ts_rank against all of them (~1 µs a claim).
    const anyTerm = prepared.map((c) => tsq(c.terms).replace(/ & /g, ' | '));
    const anyTermParam = new Map<number, string>();
    const anyOf = (qi: number) => {
      if (!anyTermParam.has(qi)) anyTermParam.set(qi, param(anyTerm[qi]));
      return anyTermParam.get(qi)!;
    };
    const arms = scans.slice(0, INLINE_SCANS).map((x) =>
      `(SELECT ${x.qi} AS qi, c.id, c.seq, c.quantity_min, c.quantity_max, ${param(x.weight)}::float8 AS w,
               ts_rank(c.match_terms, ${anyOf(x.qi)}::tsquery) AS tr
          FROM claims c WHERE c.match_terms @@ ${param(x.tsquery)}::tsquery ${where} LIMIT ${x.limit})`);
    const rest = scans.slice(INLINE_SCANS);
    if (rest.length > 0) {
      arms.push(`(SELECT x.qi, c.id, c.seq, c.quantity_min, c.quantity_max, x.w, ts_rank(c.match_terms, x.anyq::tsquery) AS tr
          FROM unnest(${param(rest.map((x) => x.qi))}::int[], ${param(rest.map((x) => x.tsquery))}::text[], ${param(rest.map((x) => x.weight))}::float8[],
                      ${param(rest.map((x) => x.limit))}::int[], ${param(rest.map((x) => anyTerm[x.qi]))}::text[]) AS x(qi, tsq, w, lim, anyq)
          CROSS JOIN LATERAL (SELECT c.id, c.seq, c.quantity_min, c.quantity_max, c.match_terms FROM claims c
                               WHERE c.match_terms @@ x.tsq::tsquery ${where} LIMIT x.lim) c)`);
    }
    if (arms.length === 0) {
      arms.push(`(SELECT NULL::int AS qi, NULL::uuid AS id, NULL::bigint AS seq, NULL::float8 AS quantity_min, NULL::float8 AS quantity_max,
                         NULL::float8 AS w, NULL::real AS tr WHERE false)`);
    }
    const q = [
      param(prepared.map((_, i) => i)), param(prepared.map((c) => c.text)), param(prepared.map((c) => c.category)),
      param(windows.map((w) => w?.[0] ?? null)), param(windows.map((w) => w?.[1] ?? null)),
      param(intervals.map((i) => (i ? (i[0] + i[1]) / 2 : null))),
    ];
    // Per query claim:
    //  words: the claims holding its search terms, the weights of the shared terms summed; the best BY_WORDS, and the
    //    best BY_WORDS_IN_WINDOW whose figure lies in the query's window (any category);
    //  figure: the claims of its category whose figure is nearest the query's on each side (btree on
    //    (category, quantity_min), FIGURE_SCAN each way inside the window), the BY_FIGURE most similar by trigrams;
    //  trigrams: only when the words found fewer than TRIGRAMS_WHEN_WORDS_FOUND_FEWER (a one-time filter).
    const candidates = await rows<CandidateRow & { version: string }>(
      db,
      `WITH q AS (
         SELECT * FROM unnest(${q[0]}::int[], ${q[1]}::text[], ${q[2]}::text[], ${q[3]}::float8[], ${q[4]}::float8[], ${q[5]}::float8[])
                AS q(qi, text, category, lo, hi, mid)
       ), postings AS MATERIALIZED (
         ${arms.join('\n UNION ALL ')}
       ), words AS MATERIALIZED (
         SELECT s.qi, s.id FROM (
           SELECT s.qi, s.id, s.fits, row_number() OVER (PARTITION BY s.qi ORDER BY s.score DESC, s.tr DESC, s.seq DESC) AS r,
                  row_number() OVER (PARTITION BY s.qi, s.fits ORDER BY s.score DESC, s.tr DESC, s.seq DESC) AS rf
             FROM (SELECT x.qi, x.id, max(x.seq) AS seq, sum(x.w) AS score, max(x.tr) AS tr,
                          coalesce(bool_or(x.quantity_min <= q.hi AND x.quantity_max >= q.lo), false) AS fits
                     FROM postings x JOIN q ON q.qi = x.qi
                    GROUP BY x.qi, x.id) s
         ) s
         WHERE s.r <= ${BY_WORDS} OR (s.fits AND s.rf <= ${BY_WORDS_IN_WINDOW})
       )
       SELECT q.qi, ${CANDIDATE_COLUMNS}, ${CANDIDATE_VERSION} AS version
         FROM q
         CROSS JOIN LATERAL (
           (SELECT w.id FROM words w WHERE w.qi = q.qi)
           UNION
           (SELECT f.id FROM (
              (SELECT c.id, c.text, c.seq FROM claims c
                WHERE q.mid IS NOT NULL AND c.category = q.category AND c.quantity_min IS NOT NULL
                  AND c.quantity_min >= q.mid AND c.quantity_min <= q.hi ${where}
                ORDER BY c.quantity_min LIMIT ${FIGURE_SCAN})
              UNION ALL
              (SELECT c.id, c.text, c.seq FROM claims c
                WHERE q.mid IS NOT NULL AND c.category = q.category AND c.quantity_min IS NOT NULL
                  AND c.quantity_min < q.mid AND c.quantity_min >= q.lo ${where}
                ORDER BY c.quantity_min DESC LIMIT ${FIGURE_SCAN})
            ) f
            ORDER BY similarity(f.text, q.text) DESC, f.seq DESC LIMIT ${BY_FIGURE})
           ${idf.claims >= TRIGRAM_MAX_CLAIMS ? '' : `UNION
           (SELECT c.id FROM claims c
             WHERE (SELECT count(*) FROM words w WHERE w.qi = q.qi) < ${TRIGRAMS_WHEN_WORDS_FOUND_FEWER} AND c.text % q.text ${where}
             ORDER BY similarity(c.text, q.text) DESC, c.seq DESC LIMIT ${BY_TRIGRAMS})`}
           -- The bound the parts already keep, said to the planner: it then fetches the claims by primary key.
           LIMIT ${BY_WORDS + BY_WORDS_IN_WINDOW + BY_FIGURE + BY_TRIGRAMS}
         ) found
         JOIN claims c ON c.id = found.id
         JOIN articles a ON a.id = c.article_id`,
      p,
    );
    return rank(prepared, candidates, idf, options, this.searchCandidates);
  }
  /**
   * Extraction's question, narrower than a search: which published claim of another article does each new figure
   * repeat? Candidates are the published claims whose figure overlaps the query's (its interval widened by the
   * approximate tolerance, since the stored bounds carry none: a partial index on published figures) or whose text
   * states one of its figures (`#value` terms, GIN); in the worker, its in-memory copy of the published figures
   * answers the same without a round trip (PublishedFigureIndex). Either gives their ids and versions only; the rows
   * are read once (a round trip, for the claims not met before or changed since) and remembered. Of a query's
   * candidates, the REPEAT_CANDIDATES whose words are most alike (the ranker's own measure, weighed by rarity) are
   * ranked as find() ranks, the query's words being those Postgres stored for the new claim (`match_terms`, written by
   * the insert's trigger and handed back by it: `terms`), and the best of them is returned: one match per query claim
   * at most, the one extraction links (bestPerQuery). (Picking them by trigram similarity in SQL had been two thirds
   * of the query's time, and the rows of the same published claims were read again for every article.)
   * A claim that repeats a published one with another figure, or none, is left to the search (find), which reads far
   * more candidates: at ~70 figures an article, find() was most of an article's extraction (bench hot-paths).
   * The ranking runs REPEAT_RANK_SLICE queries at a time, letting the event loop turn between slices (an API sharing it
   * keeps answering).
   */
  async findRepeats(queries: Array<MatchableClaim & { id: string; terms: string[] }>, excludeArticleId: string, db: DataSource | EntityManager = this.db): Promise<FoundMatch[]> {
    const numeric = queries.map((q, qi) => ({ q, qi, interval: intervalOf(q.quantity) })).filter((x) => x.interval !== null);
    if (numeric.length === 0) return [];
    const idf = await this.weights.current(db);
    const windows = numeric.map((x) => widened(x.interval!, APPROXIMATE_TOLERANCE));
    const scans = numeric.map((x) => prefilterWindow(x.interval!));
    // The figures each query's text states (its candidates are found, and its words compared, by them).
    const textFigureTerms = numeric.map((x) => figureTerms(x.q.text).slice(0, MAX_FIGURE_TERMS));
    const figureTermsOf = (q: MatchableClaim, i: number) => [...new Set([q.quantity?.value, q.quantity?.low, q.quantity?.high].filter((v) => v != null)
      .map((v) => `#${v}`).concat(textFigureTerms[i]))];
    const figures = await this.published?.current();
    // Each query's candidates (as refs: id, seq, version), from memory or from Postgres.
    const refs: CandidateRef[][] = figures
      ? repeatCandidatesIn(figures, numeric.map((x, i) => ({ scanLo: Math.min(scans[i][0], scans[i][1]), lo: windows[i][0], hi: windows[i][1],
        terms: figureTermsOf(x.q, i) })), excludeArticleId)
      : refsByQuery(numeric.length, await rows<{ qis: number[]; id: string; seq: string; version: string }>(
        db,
        `WITH q AS MATERIALIZED (
           SELECT * FROM unnest($1::int[], $2::float8[], $3::float8[], $4::float8[], $5::text[]) AS q(qi, lo, hi, scan_lo, figures)
         ), found AS MATERIALIZED (
           SELECT q.qi, u.id, u.seq, u.match_version FROM q
            CROSS JOIN LATERAL (
              -- (index only: the covering index of published figures holds all four columns)
              (SELECT c.id, c.seq, c.match_version FROM claims c
                WHERE c.status = 'published' AND c.quantity_min IS NOT NULL
                  AND c.quantity_min >= q.scan_lo AND c.quantity_min <= q.hi AND c.quantity_max >= q.lo AND c.article_id <> $6
                ORDER BY c.quantity_min DESC, c.seq DESC LIMIT ${FIGURE_SCAN})
              UNION
              (SELECT c.id, c.seq, c.match_version FROM claims c
                WHERE q.figures IS NOT NULL AND c.match_terms @@ q.figures::tsquery AND c.status = 'published' AND c.article_id <> $6
                LIMIT ${FIGURE_SCAN})
            ) u
         )
         SELECT array_to_json(array_agg(qi)) AS qis, id, seq, match_version::text AS version FROM found GROUP BY id, seq, match_version`,
        [numeric.map((_, i) => i), windows.map((w) => w[0]), windows.map((w) => w[1]), scans.map((w) => Math.min(w[0], w[1])),
          numeric.map((x, i) => {
            const terms = figureTermsOf(x.q, i);
            return terms.length === 0 ? null : terms.map((t) => `'${t}'`).join(' | ');
          }), excludeArticleId],
      ));
    // Each candidate one claim object (kept across calls while its row is unchanged, so what the ranker reads of it is
    // read once: profile, figures); this call's own map, so that the cache starting again empty loses none of them.
    const claims = new Map<string, MatchableClaim>();
    const unknown = new Set<string>();
    for (const list of refs) {
      for (const r of list) {
        if (claims.has(r.id)) continue;
        const known = this.repeatCandidates.known(r.id, r.version);
        if (known) claims.set(r.id, known);
        else unknown.add(r.id);
      }
    }
    if (unknown.size > 0) {
      const read = await preparedRows<Omit<CandidateRow, 'qi'> & { version: string }>(
        db,
        `SELECT ${CANDIDATE_COLUMNS}, ${CANDIDATE_VERSION} AS version FROM claims c JOIN articles a ON a.id = c.article_id
          WHERE c.id = ANY($1::uuid[]) AND c.status = 'published'`, // (still published: it may have changed since the first read)
        [[...unknown]],
      );
      for (const row of read) claims.set(row.id, this.repeatCandidates.remember(row));
    }
    // The ranker compares Postgres's terms of both sides (plus the figures the text states, as in find()).
    const out: FoundMatch[] = [];
    const withCandidates = numeric.map((x, i) => ({ ...x, i })).filter((x) => refs[x.i].length > 0);
    for (let i = 0; i < withCandidates.length; i += REPEAT_RANK_SLICE) {
      if (i > 0) await yieldToLoop();
      const pairs: RankedPair[] = [];
      for (const { q, qi, i: at } of withCandidates.slice(i, i + REPEAT_RANK_SLICE)) {
        const query: MatchableClaim = { ...q, terms: [...new Set([...q.terms, ...textFigureTerms[at]])] };
        mostAlike(qi, query, refs[at], claims, idf, REPEAT_CANDIDATES, pairs);
      }
      // (A best that is no answer, isMatch, is no link, as the search gives no answer then.)
      out.push(...bestPerQuery(pairs, idf, MATCH_THRESHOLD).filter(isMatch));
    }
    return out;
  }

  /** Published claims met as candidates of findRepeats, as claim objects (see RememberedCandidates). */
  private readonly repeatCandidates = new RememberedCandidates(REPEAT_CANDIDATES_KEPT);
  /** The same for find()'s candidates: requests about the same stories meet the same claims. */
  private readonly searchCandidates = new RememberedCandidates(SEARCH_CANDIDATES_KEPT);
}

/**
 * Candidate rows as claim objects, one per claim as long as its row is the same version: a long article's figures,
 * and the next articles', meet the same published claims again and again, and the ranker remembers what it read of a
 * claim by its object (remembered.ts perObject). The version (CANDIDATE_VERSION) changes with any change of what the ranker
 * reads of the claim or of its article's date (an editor's correction), and the row is read again. Bounded: `max`
 * claims at most (each with what the ranker kept of it), in two generations.
 */
export class RememberedCandidates {
  // Two generations of up to max / 2 claims (as perText): the claims met again stay, those met once are forgotten.
  private recent = new Map<string, { version: number; claim: MatchableClaim }>();
  private older = new Map<string, { version: number; claim: MatchableClaim }>();

  constructor(private readonly max: number) {}

  /** The claim object of this row version, if remembered. */
  known(id: string, version: number): MatchableClaim | undefined {
    const seen = this.recent.get(id);
    if (seen) return seen.version === version ? seen.claim : undefined;
    const old = this.older.get(id);
    if (old?.version !== version) return undefined;
    this.older.delete(id);
    this.keep(id, old);
    return old.claim;
  }

  remember(row: Omit<CandidateRow, 'qi'> & { version: string }): MatchableClaim {
    const version = Number(row.version);
    const known = this.known(row.id, version);
    if (known) return known;
    const claim = toMatchable(row);
    this.keep(row.id, { version, claim });
    return claim;
  }

  private keep(id: string, entry: { version: number; claim: MatchableClaim }): void {
    if (this.recent.size >= this.max / 2) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(id, entry);
  }
}

/**
 * A candidate's version, as text: the claim's `match_version`, which changes with every column the ranker reads of a
 * claim and with its article's publication date (migration PublishedFigureCoveringIndex), so a row read again under
 * the same version reads the same. (Rather than the rows' xmin: the figure index and the worker's published figures
 * hold it, so no candidate is looked up by key to learn whether it changed.)
 */
const CANDIDATE_VERSION = `c.match_version::text`;

/** A candidate of findRepeats: a published claim, with the seq and version its row had when found. */
interface CandidateRef {
  id: string;
  seq: number;
  version: number;
}

/** A query claim and one of its candidates, for the ranker; `text`: their word similarity, when computed already. */
export interface RankedPair {
  qi: number;
  query: MatchableClaim;
  id: string;
  seq: number;
  claim: MatchableClaim;
  text?: number;
}

/**
 * Adds to `pairs` the `limit` candidates whose words are most alike the query's (all of them when there are no more),
 * newest first on a tie, with the similarity, which the ranker then need not compute again.
 */
function mostAlike(qi: number, query: MatchableClaim, refs: readonly CandidateRef[], claims: ReadonlyMap<string, MatchableClaim>, idf: TermStatistics,
  limit: number, pairs: RankedPair[]): void {
  // (the refs whose claim was read: one may be gone between the two reads)
  const candidates: CandidateRef[] = [];
  const read: MatchableClaim[] = [];
  for (const r of refs) {
    const claim = claims.get(r.id);
    if (claim) {
      candidates.push(r);
      read.push(claim);
    }
  }
  const n = candidates.length;
  const alike = new Float64Array(n);
  const similarity = textSimilarityTo(query, idf);
  for (let i = 0; i < n; i++) alike[i] = similarity(read[i]);
  const take = Math.min(n, limit);
  // The first `limit` of the order (most alike, then newest), kept best first as the candidates are read: a candidate
  // below the last kept is passed over with one comparison. (All of them, as they came, when there are no more.)
  const order = new Int32Array(take);
  if (n > limit && take > 0) {
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (size === take) {
        const last = order[take - 1];
        if (!(alike[i] > alike[last] || (alike[i] === alike[last] && candidates[i].seq > candidates[last].seq))) continue;
      }
      let j = size < take ? size++ : take - 1;
      for (; j > 0; j--) {
        const prev = order[j - 1];
        if (!(alike[i] > alike[prev] || (alike[i] === alike[prev] && candidates[i].seq > candidates[prev].seq))) break;
        order[j] = prev;
      }
      order[j] = i;
    }
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
  }
  for (let k = 0; k < take; k++) {
    const c = candidates[order[k]];
    pairs.push({ qi, query, id: c.id, seq: c.seq, claim: read[order[k]], text: alike[order[k]] });
  }
}

/** The words a query is searched and compared by: a post in another language by its names and English gloss. */
function withGloss(text: string): string {
  return glossedQuery(text) ?? text;
}

/** (Terms as JSON: pg's parser of a text[] took five times JSON.parse's time, and was the most allocated of extraction's matching.) */
const CANDIDATE_COLUMNS = `c.id, c.text, c.category, c.quantity_text, c.quantity_value, c.quantity_low, c.quantity_high, c.unit, c.qualifier,
              c.subject, c.location, c.speaker, c.time_ref, array_to_json(tsvector_to_array(c.match_terms)) AS terms, a.published_at, c.seq`;

/** Stage 2: each candidate scored against its query claim (match-score.ts); those above the floor, best first. */
function rank(prepared: MatchableClaim[], candidates: Array<CandidateRow & { version: string }>, idf: TermStatistics, options: MatchOptions,
  remembered: RememberedCandidates): FoundMatch[] {
  // One object per candidate claim, so what the ranker reads of it is read once however many queries (and, while it is
  // remembered, requests) meet it.
  const claims = new Map<string, MatchableClaim>();
  return rankPairs(candidates.map((row) => {
    let claim = claims.get(row.id);
    if (!claim) claims.set(row.id, (claim = remembered.remember(row)));
    return { qi: row.qi, query: prepared[row.qi], id: row.id, seq: Number(row.seq), claim };
  }), idf, options.floor ?? MATCH_THRESHOLD);
}

/**
 * The best match of each query claim (pairs grouped by query, as mostAlike adds them), as rankPairs would put it first:
 * the highest score from `floor` up, the newest claim on a tie. Candidates are scored fully in the order of their
 * bound (scoreBound: what the cheap readings allow), and no further once a bound is below the best score found: the
 * costly readings (names, actions, events) are spared the candidates that could not win.
 */
export function bestPerQuery(pairs: RankedPair[], idf: TermStatistics, floor: number): FoundMatch[] {
  const found: FoundMatch[] = [];
  for (let start = 0, end = 0; start < pairs.length; start = end) {
    for (end = start; end < pairs.length && pairs[end].qi === pairs[start].qi; end++);
    // (each pair's cheap reading kept for its full scoring, if it comes to that)
    const bounded: Array<{ pair: RankedPair; text: number; cheap: CheapReading }> = [];
    for (let i = start; i < end; i++) {
      const pair = pairs[i];
      const text = pair.text ?? textSimilarity(pair.query, pair.claim, idf);
      const cheap = cheapReading(pair.query, pair.claim, text);
      if (cheap.bound >= floor && cheap.bound > 0) bounded.push({ pair, text, cheap });
    }
    bounded.sort((a, b) => b.cheap.bound - a.cheap.bound || b.pair.seq - a.pair.seq);
    let best: { pair: RankedPair; score: number; reasons: readonly string[] } | null = null;
    for (const { pair, text, cheap } of bounded) {
      const bound = cheap.bound;
      // (a bound equal to the best score may still win it, by a newer claim: bounds come newest first on a tie)
      if (best && (bound < best.score || (bound === best.score && pair.seq < best.pair.seq))) break;
      const result = scoreMatch(pair.query, pair.claim, idf, floor, text, cheap);
      if (result.score > 0 && result.score >= floor && (!best || result.score > best.score || (result.score === best.score && pair.seq > best.pair.seq))) {
        best = { pair, score: result.score, reasons: result.reasons };
      }
    }
    if (best) found.push({ query: best.pair.qi, claimId: best.pair.id, score: best.score, reasons: [...best.reasons] });
  }
  return found;
}

/** (Seqs as numbers: a bigint sequence stays far below 2^53.) */
export function rankPairs(pairs: RankedPair[], idf: TermStatistics, floor: number): FoundMatch[] {
  const found: Array<FoundMatch & { seq: number; text: number; pair: RankedPair }> = [];
  // Per query claim, the most alike words of a candidate refused for another figure or year.
  const nearestRefused = new Map<number, number>();
  for (const pair of pairs) {
    const { qi, query, id, seq, claim, text: known } = pair;
    const text = known ?? textSimilarity(query, claim, idf);
    const cheap = cheapReading(query, claim, text);
    if (cheap.figures.verdict === 'contradicts' || cheap.yearsDiffer) nearestRefused.set(qi, Math.max(nearestRefused.get(qi) ?? 0, text));
    const result = scoreMatch(query, claim, idf, floor, text, cheap);
    if (result.score > 0 && result.score >= floor) found.push({ query: qi, claimId: id, score: result.score, reasons: [...result.reasons], seq, text, pair });
  }
  // A post about a claim (by its words) with another figure is a near miss of that claim, not a repeat of one that
  // shares its figure only: "pension funds hold 1 billion" is the pension funds' 1 trillion misstated, not the
  // dikes' 1 billion. The weaker candidate is then no answer (gated), only listed. Not when it shares more than names
  // and the figure's own words with the post: "Brussels promised 2 billion dollars to help Ukraine" is still the answer
  // to "The EU pledged $2 billion in aid to Ukraine" beside "The EU pledged $20 billion…" (its synonyms aside, "help").
  for (const f of found) {
    const refused = nearestRefused.get(f.query);
    // (Not for a post in another language: its words say little to ours, on either side.)
    if (refused === undefined || f.text >= refused - NEARER_REFUSED_MARGIN || f.reasons.includes('other_language')) continue;
    if (sharePredicateWords(f.pair.query, f.pair.claim, true) === false) f.reasons.push(`nearer_claim_contradicts:${round2(refused)}`);
  }
  // Equal scores: the newest claim first (the latest check of a claim that was checked twice).
  return found
    .sort((a, b) => b.score - a.score || b.seq - a.seq)
    .map(({ seq: _seq, text: _text, pair: _pair, ...match }) => match);
}

function toMatchable(r: Omit<CandidateRow, 'qi'>): MatchableClaim {
  return {
    text: r.text,
    category: r.category,
    quantity: r.quantity_text === null ? null : {
      text: r.quantity_text, value: r.quantity_value, low: r.quantity_low, high: r.quantity_high, unit: r.unit, qualifier: r.qualifier,
    },
    subject: r.subject,
    location: r.location,
    speaker: r.speaker,
    timeRef: r.time_ref,
    terms: r.terms,
    publishedAt: r.published_at?.toISOString() ?? null,
  };
}

/**
 * findRepeats' candidates from the worker's published figures, as its SQL finds them: for each query claim, the
 * FIGURE_SCAN published claims of other articles whose figure overlaps its window (highest first) and the FIGURE_SCAN
 * newest whose text states one of its figures, each once. (The figures themselves serve as refs: id, seq, version.)
 */
function repeatCandidatesIn(figures: PublishedFigures, queries: Array<{ scanLo: number; lo: number; hi: number; terms: string[] }>,
  excludeArticleId: string): CandidateRef[][] {
  return queries.map((q) => {
    const inWindow = figures.inWindow(q.scanLo, q.lo, q.hi, excludeArticleId, FIGURE_SCAN);
    const withTerms = figures.withTerms(q.terms, excludeArticleId, FIGURE_SCAN);
    if (withTerms.length === 0) return inWindow;
    const seen = new Set<CandidateRef>(inWindow);
    for (const f of withTerms) if (!seen.has(f)) inWindow.push(f);
    return inWindow;
  });
}

/** The SQL's candidates (one row per claim, with the query claims it is a candidate of) as each query's refs. */
function refsByQuery(queries: number, found: Array<{ qis: number[]; id: string; seq: string; version: string }>): CandidateRef[][] {
  const refs: CandidateRef[][] = Array.from({ length: queries }, () => []);
  for (const r of found) {
    const ref = { id: r.id, seq: Number(r.seq), version: Number(r.version) };
    for (const qi of r.qis) refs[qi].push(ref);
  }
  return refs;
}

/** An interval widened by a relative tolerance on each side (either sign). */
function widened([lo, hi]: [number, number], tolerance: number): [number, number] {
  return [lo - Math.abs(lo) * tolerance, hi + Math.abs(hi) * tolerance];
}
