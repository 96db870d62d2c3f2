import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/problem.js';
import { rows } from '../database/sql.js';
import type { TimelineDto, TimelinePointDto } from './timeline.dto.js';

const MAX_POINTS = 200;

/**
 * A figure's history: this claim, the claims matched to it, the other claims of the same quantity, and the figures
 * of their sources, by the date each figure describes. "The same quantity" is the same category and unit (killed is
 * not wounded) at the same place, with the same actor when both name one; a claim that names no place is compared by
 * its actor. Indexed on (category, lower(location)) and (category, lower(subject)) among claims with a figure.
 */
@Injectable()
export class TimelineService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async timeline(claimId: string): Promise<TimelineDto> {
    // One statement: the claim's own point is always there, so no row means no such claim.
    const found = await rows<TimelinePointDto & { me_category: string; me_unit: string | null }>(
      this.db,
      `WITH me AS (SELECT * FROM claims WHERE id = $1),
       related AS (
         SELECT DISTINCT ON (id) id, relation FROM (
           SELECT me.id, 'this' AS relation, 0 AS rank FROM me
           UNION ALL
           SELECT me.matched_claim_id, 'matched', 1 FROM me WHERE me.matched_claim_id IS NOT NULL AND me.match_status <> 'unlinked'
           UNION ALL
           SELECT c.id, 'matched', 1 FROM claims c WHERE c.matched_claim_id = $1 AND c.match_status <> 'unlinked'
           UNION ALL
           (SELECT c.id, 'same_quantity', 2 FROM claims c, me
             WHERE me.location IS NOT NULL AND c.quantity_min IS NOT NULL AND c.location IS NOT NULL
               AND c.category = me.category AND lower(c.location) = lower(me.location)
               AND lower(coalesce(c.unit, '')) = lower(coalesce(me.unit, ''))
               AND (me.subject IS NULL OR c.subject IS NULL OR lower(c.subject) = lower(me.subject))
             LIMIT ${MAX_POINTS})
           UNION ALL
           (SELECT c.id, 'same_quantity', 2 FROM claims c, me
             WHERE me.location IS NULL AND me.subject IS NOT NULL AND c.quantity_min IS NOT NULL AND c.subject IS NOT NULL
               AND c.category = me.category AND lower(c.subject) = lower(me.subject)
               AND lower(coalesce(c.unit, '')) = lower(coalesce(me.unit, ''))
             LIMIT ${MAX_POINTS})
         ) r ORDER BY id, rank
       ),
       claim_points AS (
         SELECT r.relation, coalesce(c.time_ref->>'date', c.time_ref->>'to', to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')) AS date,
                CASE WHEN coalesce(c.time_ref->>'date', c.time_ref->>'to') IS NOT NULL THEN 'claim_date'
                     WHEN a.published_at IS NOT NULL THEN 'article_published' END AS "dateBasis",
                json_build_object('value', c.quantity_value, 'low', c.quantity_low, 'high', c.quantity_high, 'text', c.quantity_text, 'qualifier', c.qualifier) AS figure,
                coalesce(c.speaker, a.publisher) AS who, c.id AS "claimId", NULL::uuid AS "sourceId", a.title, a.url, v.rating
           FROM related r JOIN claims c ON c.id = r.id JOIN articles a ON a.id = c.article_id
           LEFT JOIN verdicts v ON v.claim_id = c.id AND v.status = 'published'
          WHERE c.quantity_min IS NOT NULL OR r.relation = 'this'
       ),
       source_points AS (
         SELECT 'source' AS relation, coalesce(to_char(s.figure_as_of, 'YYYY-MM-DD'), to_char(s.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')) AS date,
                CASE WHEN s.figure_as_of IS NOT NULL THEN 'as_of' WHEN s.published_at IS NOT NULL THEN 'source_published' END AS "dateBasis",
                json_build_object('value', s.figure_value, 'low', s.figure_low, 'high', s.figure_high, 'text', NULL, 'qualifier', NULL) AS figure,
                coalesce(s.publisher, s.title) AS who, s.claim_id AS "claimId", s.id AS "sourceId", s.title, s.url, NULL AS rating
           FROM related r JOIN sources s ON s.claim_id = r.id
          WHERE coalesce(s.figure_value, s.figure_low, s.figure_high) IS NOT NULL
       )
       SELECT p.*, me.category AS me_category, me.unit AS me_unit
         FROM (SELECT * FROM claim_points UNION ALL SELECT * FROM source_points) p CROSS JOIN me
        ORDER BY date NULLS LAST, relation = 'source', "claimId"
        LIMIT ${MAX_POINTS}`,
      [claimId],
    );
    if (found.length === 0) throw notFound('claim', claimId);
    const points = found.map(({ me_category: _category, me_unit: _unit, ...point }) => point);
    return { claimId, category: found[0].me_category, unit: found[0].me_unit, points };
  }
}
