import type { EntityManager } from 'typeorm';
import type { ClaimCategory, Qualifier } from '../claims/claim-vocabulary.js';
import { rows } from '../database/sql.js';
import type { ClaimNumber } from '../sources/assessment.js';
import { basisOf, type BasisSource } from './living-verdicts.js';

/**
 * Taking a verdict's basis from the database, shared by publication (RecheckService.snapshot) and the backfill of
 * verdicts published before living verdicts (migration 1767500000000-VerdictBasisBackfill), so both compute it the
 * same way. No Nest here: a migration runs it on its own query runner's manager.
 */

export interface BasisInput {
  category: ClaimCategory;
  claim: ClaimNumber;
  /** The verdict's cited sources, in the order they were added. */
  sources: BasisSource[];
}

/** The claim's figure and the cited sources' figures of each verdict: two statements whatever the number of verdicts. */
export async function basisInputs(tx: EntityManager, verdictIds: string[]): Promise<Map<string, BasisInput>> {
  const verdicts = await rows<{
    id: string; category: ClaimCategory; quantity_text: string | null; quantity_value: number | null; quantity_low: number | null;
    quantity_high: number | null; unit: string | null; qualifier: Qualifier | null;
  }>(
    tx,
    `SELECT v.id, c.category, c.quantity_text, c.quantity_value, c.quantity_low, c.quantity_high, c.unit, c.qualifier
       FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE v.id = ANY($1::uuid[])`,
    [verdictIds],
  );
  const sources = await rows<BasisSource & { verdict_id: string }>(
    tx,
    `SELECT v.id AS verdict_id, s.id, s.figure_value AS value, s.figure_low AS low, s.figure_high AS high,
            to_char(s.figure_as_of, 'YYYY-MM-DD') AS "asOf", s.publisher, s.title
       FROM verdicts v JOIN sources s ON s.id = ANY(v.source_ids)
      WHERE v.id = ANY($1::uuid[]) ORDER BY s.created_at, s.id`,
    [verdictIds],
  );
  const out = new Map<string, BasisInput>();
  for (const v of verdicts) {
    out.set(v.id, {
      category: v.category,
      claim: { text: v.quantity_text, value: v.quantity_value, low: v.quantity_low, high: v.quantity_high, qualifier: v.qualifier, unit: v.unit },
      sources: [],
    });
  }
  for (const { verdict_id, ...s } of sources) out.get(verdict_id)?.sources.push(s);
  return out;
}

/**
 * Published verdicts without a basis (published before living verdicts) get the one publication would have given
 * them, from their claim and cited sources as they are now, with no confirmed figures (they were never re-checked
 * through a basis). Their review date is left as it is: giving old verdicts one would make many due at once.
 * Idempotent: only rows whose basis is null are read and written. Returns how many it filled.
 */
export async function backfillBases(tx: EntityManager, tolerances: Record<ClaimCategory, number>, batch = 500, at = new Date()): Promise<number> {
  let filled = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = (await rows<{ id: string }>(
      tx,
      `SELECT id FROM verdicts WHERE status = 'published' AND basis IS NULL AND id > $1 ORDER BY id LIMIT $2`,
      [after, batch],
    )).map((r) => r.id);
    if (ids.length === 0) return filled;
    const inputs = await basisInputs(tx, ids);
    const bases = [...inputs].map(([id, i]) => ({ id, basis: basisOf(i.category, i.claim, i.sources, [], tolerances[i.category], at) }));
    const updated = await rows<{ id: string }>(
      tx,
      `UPDATE verdicts v SET basis = b.basis, band_low = b.low, band_high = b.high
         FROM unnest($1::uuid[], $2::jsonb[], $3::float8[], $4::float8[]) AS b(id, basis, low, high)
        WHERE v.id = b.id AND v.basis IS NULL RETURNING v.id`,
      [bases.map((b) => b.id), bases.map((b) => JSON.stringify(b.basis)), bases.map((b) => b.basis.band?.low ?? null), bases.map((b) => b.basis.band?.high ?? null)],
    );
    filled += updated.length;
    after = ids[ids.length - 1];
  }
}
