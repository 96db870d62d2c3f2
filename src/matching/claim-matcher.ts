import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReadScope } from '../auth/read-scope.js';
import { rows } from '../database/sql.js';
import { CLAIM_CATEGORIES, type ClaimCategory, type Qualifier } from '../claims/claim-vocabulary.js';
import { figureTerms, intervalOf, MATCH_THRESHOLD, prefilterWindow, scoreMatch, type MatchableClaim } from './match-score.js';
import { TermWeights } from './term-weights.js';

/** Candidates retrieval hands the ranker per query claim: by words, by trigrams, by the figure's window. */
const BY_WORDS = 60;
const BY_TRIGRAMS = 20;
const BY_FIGURE = 20;
/** Words in more than this share of the claims are left out of the word search (they would fetch half the table). */
const COMMON_TERM_SHARE = 0.05;
/** …but a query keeps at least this many of its rarest words. */
const MIN_QUERY_TERMS = 3;

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
 *     the words they share; plus the closest by trigrams (misspellings, "80M"); plus, for a query with a figure,
 *     those whose figure lies in its window (btree on (category, quantity_min)).
 *  2. Ranking in match-score.ts: words weighed by rarity, figures and dates as evidence; only a contradiction refuses.
 * A first, cheap round trip turns the query texts into the same terms Postgres stores.
 */
@Injectable()
export class ClaimMatcher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly weights: TermWeights,
  ) {}

  async find(queries: MatchableClaim[], options: MatchOptions = {}, db: DataSource | EntityManager = this.db): Promise<FoundMatch[]> {
    if (queries.length === 0) return [];
    const idf = await this.weights.current(db);
    const termsOf = await rows<{ terms: string[] }>(
      db,
      `SELECT tsvector_to_array(match_terms_of(t, ARRAY[v, lo, hi])) AS terms
         FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[]) WITH ORDINALITY AS q(t, v, lo, hi, i) ORDER BY i`,
      [queries.map((q) => q.text), queries.map((q) => q.quantity?.value ?? null), queries.map((q) => q.quantity?.low ?? null),
        queries.map((q) => q.quantity?.high ?? null)],
    );
    // Plus the figures the text states that the extractor did not read (other languages' conventions, "$34T").
    const prepared = queries.map((q, i) => ({ ...q, terms: [...new Set([...termsOf[i].terms, ...figureTerms(q.text)])] }));

    const filters: string[] = [];
    const params: unknown[] = [];
    if (options.publishedOnly) filters.push(`c.status = 'published'`);
    if (options.scope) filters.push(options.scope.claims('c'));
    if (options.excludeArticleId) {
      params.push(options.excludeArticleId);
      filters.push(`c.article_id <> $${params.length}`);
    }
    const where = filters.map((f) => `AND ${f}`).join(' ');
    const searchTerms = prepared.map((q) => idf.searchTerms(q.terms, COMMON_TERM_SHARE, MIN_QUERY_TERMS));
    const windows = prepared.map((q) => {
      const interval = intervalOf(q.quantity);
      return interval ? prefilterWindow(interval) : null;
    });
    const k = params.length;
    const p = [
      ...params,
      prepared.map((_, i) => i),
      prepared.map((q) => q.text),
      // A tsquery per query claim: its search terms OR-ed ('' when it has none: that part finds nothing).
      searchTerms.map((ts) => ts.map((t) => `'${t.replace(/'/g, "''")}'`).join(' | ')),
      searchTerms.map((ts) => ts.join('\u0001')),
      searchTerms.map((ts) => ts.map((t) => idf.weight(t)).join('\u0001')),
      windows.map((w) => w?.[0] ?? null),
      windows.map((w) => w?.[1] ?? null),
      CLAIM_CATEGORIES as readonly string[],
    ];
    const candidates = await rows<CandidateRow>(
      db,
      `SELECT q.qi, c.id, c.text, c.category, c.quantity_text, c.quantity_value, c.quantity_low, c.quantity_high, c.unit, c.qualifier,
              c.subject, c.location, c.speaker, c.time_ref, tsvector_to_array(c.match_terms) AS terms, a.published_at, c.seq
         FROM unnest($${k + 1}::int[], $${k + 2}::text[], $${k + 3}::text[], $${k + 4}::text[], $${k + 5}::text[], $${k + 6}::float8[], $${k + 7}::float8[])
              AS q(qi, text, tsq, terms, weights, lo, hi)
         CROSS JOIN LATERAL (
           (SELECT c.id FROM claims c
             WHERE q.tsq <> '' AND c.match_terms @@ q.tsq::tsquery ${where}
             ORDER BY (SELECT sum(x.w::float8) FROM unnest(string_to_array(q.terms, E'\\x01'), string_to_array(q.weights, E'\\x01')) AS x(t, w)
                        WHERE c.match_terms @@ quote_literal(x.t)::tsquery) DESC, c.seq DESC
             LIMIT ${BY_WORDS})
           UNION
           (SELECT c.id FROM claims c WHERE c.text % q.text ${where}
             ORDER BY similarity(c.text, q.text) DESC, c.seq DESC LIMIT ${BY_TRIGRAMS})
           UNION
           (SELECT c.id FROM claims c
             WHERE q.lo IS NOT NULL AND c.category = ANY($${k + 8}::text[]) AND c.quantity_min IS NOT NULL
               AND c.quantity_min <= q.hi AND c.quantity_max >= q.lo ${where}
             ORDER BY similarity(c.text, q.text) DESC, c.seq DESC LIMIT ${BY_FIGURE})
         ) found
         JOIN claims c ON c.id = found.id
         JOIN articles a ON a.id = c.article_id`,
      p,
    );
    const floor = options.floor ?? MATCH_THRESHOLD;
    const found: Array<FoundMatch & { seq: bigint }> = [];
    for (const row of candidates) {
      const query = prepared[row.qi];
      const result = scoreMatch(query, toMatchable(row), idf);
      if (result.score > 0 && result.score >= floor) found.push({ query: row.qi, claimId: row.id, score: result.score, reasons: result.reasons, seq: BigInt(row.seq) });
    }
    // Equal scores: the newest claim first (the latest check of a claim that was checked twice).
    return found
      .sort((a, b) => b.score - a.score || (b.seq > a.seq ? 1 : b.seq < a.seq ? -1 : 0))
      .map(({ seq: _seq, ...match }) => match);
  }
}

function toMatchable(r: CandidateRow): MatchableClaim {
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
