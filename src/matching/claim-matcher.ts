import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReadScope } from '../auth/read-scope.js';
import { rows } from '../database/sql.js';
import type { ClaimCategory, Qualifier } from '../claims/claim-vocabulary.js';
import { intervalOf, isMatch, isPeopleUnit, prefilterWindow, scoreMatch, type MatchableClaim } from './match-score.js';

/** Candidates fetched per query claim, best trigram similarity first, before the scorer decides. */
const CANDIDATES_PER_QUERY = 50;

export interface MatchOptions {
  /** Only claims whose verdict is published (extraction links to these only). */
  publishedOnly?: boolean;
  /** Leave out the claims of this article (a claim never matches its own article). */
  excludeArticleId?: string;
  /** Only claims this caller may read. */
  scope?: ReadScope;
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
}

const CANDIDATE_COLUMNS = `c.id, c.text, c.category, c.quantity_text, c.quantity_value, c.quantity_low, c.quantity_high,
  c.unit, c.qualifier, c.subject, c.location, c.speaker, c.time_ref`;

/** Categories a query's candidates may have (see categoryFit in match-score.ts). */
function candidateCategories(q: MatchableClaim): ClaimCategory[] {
  if (q.category === 'quantity_other' && isPeopleUnit(q.quantity?.unit ?? null)) return ['quantity_other', 'casualties', 'displacement'];
  if (q.category === 'casualties' || q.category === 'displacement') return [q.category, 'quantity_other'];
  return [q.category];
}

/**
 * Finds earlier claims that match each query claim. Two round trips at most, whatever the number of query
 * claims: one for the claims with a number (btree on (category, quantity_min), then ranked by similarity()),
 * one for those without (the trigram GIN index, `text % query`). The scorer in match-score.ts decides.
 */
@Injectable()
export class ClaimMatcher {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(queries: MatchableClaim[], options: MatchOptions = {}, db: DataSource | EntityManager = this.db): Promise<FoundMatch[]> {
    const numeric: Array<{ i: number; lo: number; hi: number }> = [];
    const textOnly: number[] = [];
    queries.forEach((q, i) => {
      const interval = intervalOf(q.quantity);
      if (interval) {
        const [lo, hi] = prefilterWindow(interval);
        numeric.push({ i, lo, hi });
      } else {
        textOnly.push(i);
      }
    });
    const filters: string[] = [];
    const params: unknown[] = [];
    if (options.publishedOnly) filters.push(`c.status = 'published'`);
    if (options.scope) filters.push(options.scope.claims('c'));
    if (options.excludeArticleId) {
      params.push(options.excludeArticleId);
      filters.push(`c.article_id <> $${params.length}`);
    }
    const candidates: CandidateRow[] = [];
    if (numeric.length > 0) {
      const p = [...params, numeric.map((n) => n.i), numeric.map((n) => candidateCategories(queries[n.i]).join(',')),
        numeric.map((n) => n.lo), numeric.map((n) => n.hi), numeric.map((n) => queries[n.i].text)];
      const k = params.length;
      candidates.push(...(await rows<CandidateRow>(
        db,
        `SELECT q.qi, m.* FROM unnest($${k + 1}::int[], $${k + 2}::text[], $${k + 3}::float8[], $${k + 4}::float8[], $${k + 5}::text[])
                AS q(qi, cats, lo, hi, text)
         CROSS JOIN LATERAL (
           SELECT ${CANDIDATE_COLUMNS} FROM claims c
            WHERE c.category = ANY(string_to_array(q.cats, ',')) AND c.quantity_min IS NOT NULL
              AND c.quantity_min <= q.hi AND c.quantity_max >= q.lo ${filters.map((f) => `AND ${f}`).join(' ')}
            ORDER BY similarity(c.text, q.text) DESC, c.seq DESC LIMIT ${CANDIDATES_PER_QUERY}) m`,
        p,
      )));
    }
    if (textOnly.length > 0) {
      const p = [...params, textOnly, textOnly.map((i) => queries[i].category), textOnly.map((i) => queries[i].text)];
      const k = params.length;
      candidates.push(...(await rows<CandidateRow>(
        db,
        `SELECT q.qi, m.* FROM unnest($${k + 1}::int[], $${k + 2}::text[], $${k + 3}::text[]) AS q(qi, category, text)
         CROSS JOIN LATERAL (
           SELECT ${CANDIDATE_COLUMNS} FROM claims c
            WHERE c.text % q.text AND c.category = q.category AND c.quantity_min IS NULL ${filters.map((f) => `AND ${f}`).join(' ')}
            ORDER BY similarity(c.text, q.text) DESC, c.seq DESC LIMIT ${CANDIDATES_PER_QUERY}) m`,
        p,
      )));
    }
    const found: FoundMatch[] = [];
    for (const row of candidates) {
      const query = queries[row.qi];
      const result = scoreMatch(query, toMatchable(row));
      if (isMatch(query, result)) found.push({ query: row.qi, claimId: row.id, score: result.score, reasons: result.reasons });
    }
    return found.sort((a, b) => b.score - a.score);
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
  };
}
