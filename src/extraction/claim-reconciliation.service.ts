import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { preparedRows, rows } from '../database/sql.js';
import type { ExtractedClaim } from '../extractor/index.js';
import { clamp01 } from './claim-rows.js';
import type { ReconciliationPlan, StoredClaim } from './reconcile.js';
import type { RecheckService, RecheckTrigger } from '../verdicts/recheck.service.js';

/** What a (re-)extraction did to an article's claims, as the article.extracted event and GET /v1/articles/:id say it. */
export interface ClaimChanges {
  revision: number;
  kept: number;
  added: number;
  superseded: number;
  gone: number;
}

/**
 * Applies a reconciliation plan (planReconciliation) inside the extraction's transaction: moves kept claims to the
 * new text, marks gone and superseded claims (never deleted: their sources, verdicts and history stay), cancels their
 * open review tasks, and flags the published verdicts of superseded claims for re-check (flagForRecheck).
 * A part of ExtractionService (constructed by it), not a provider of its own.
 */
export class ClaimReconciliation {
  constructor(
    private readonly audit: AuditService,
    private readonly recheck: RecheckService,
  ) {}

  /**
   * The article's claims still in its text, with whether an editor has worked on each; and the next free ordinal among
   * all its claims (gone ones too). One round trip.
   */
  async storedClaims(tx: EntityManager, articleId: string): Promise<{ stored: StoredClaim[]; next: number }> {
    const found = await preparedRows<StoredClaim & { next: number }>(
      tx,
      `SELECT n.next, s.* FROM (SELECT coalesce(max(ordinal) + 1, 0)::int AS next FROM claims WHERE article_id = $1) n
       LEFT JOIN LATERAL (
       SELECT c.id, c.ordinal, c.text, c.start_offset AS start, c.end_offset AS "end", c.category,
              c.quantity_text AS "quantityText", c.quantity_start AS "quantityStart", c.quantity_end AS "quantityEnd",
              c.quantity_value AS value, c.quantity_low AS low, c.quantity_high AS high, c.unit, c.qualifier,
              c.subject, c.location, c.status,
              (c.version > 1 OR c.status IN ('in_review', 'awaiting_approval', 'published')
                OR 'added_by_editor' = ANY(c.checkworthiness_reasons)
                OR (c.status = 'dismissed' AND c.status_reason IS DISTINCT FROM 'low_checkworthiness')
                OR EXISTS (SELECT 1 FROM sources s WHERE s.claim_id = c.id)
                OR EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id)
                OR EXISTS (SELECT 1 FROM review_tasks t WHERE t.claim_id = c.id AND t.status <> 'open')) AS worked
         FROM claims c WHERE c.article_id = $1 AND c.gone_in_revision IS NULL) s ON true`,
      [articleId],
    );
    // (no claim in the text: one row, of the ordinal alone)
    return { stored: found.filter((c) => c.id !== null).map(({ next: _next, ...c }) => c), next: found[0].next };
  }

  async apply(
    tx: EntityManager,
    articleId: string,
    revision: number,
    plan: ReconciliationPlan,
    extracted: readonly ExtractedClaim[],
    newClaims: ReadonlyArray<{ id: string; supersedes: StoredClaim | null }>,
    publishedAt: Date | null = null,
  ): Promise<string[]> {
    // Kept claims move to where their sentence is now. Only claims no editor has touched take the fresh extraction's
    // reading too (a newer extractor's subject, place, score); an editor's corrections stay.
    const moved = plan.kept.map((k) => {
      const f = k.fresh === null ? null : extracted[k.fresh];
      const s = k.stored;
      return {
        id: s.id,
        text: f ? f.text : s.text,
        start: f ? f.start : s.start + k.shift,
        end: f ? f.end : s.end + k.shift,
        qStart: f ? (f.quantity?.start ?? null) : s.quantityStart === null ? null : s.quantityStart + k.shift,
        qEnd: f ? (f.quantity?.end ?? null) : s.quantityEnd === null ? null : s.quantityEnd + k.shift,
        refresh: f !== null && !s.worked ? f : null,
      };
    });
    if (moved.length > 0) {
      await tx.query(
        `UPDATE claims c SET text = m.text, start_offset = m.start, end_offset = m.end_, quantity_start = m.qs, quantity_end = m.qe, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[]) AS m(id, text, start, end_, qs, qe)
          WHERE c.id = m.id
            AND (c.text, c.start_offset, c.end_offset, c.quantity_start, c.quantity_end)
                IS DISTINCT FROM (m.text, m.start, m.end_, m.qs, m.qe)`,
        [moved.map((m) => m.id), moved.map((m) => m.text), moved.map((m) => m.start), moved.map((m) => m.end), moved.map((m) => m.qStart), moved.map((m) => m.qEnd)],
      );
      const refreshed = moved.filter((m) => m.refresh !== null);
      if (refreshed.length > 0) {
        const f = refreshed.map((m) => m.refresh!);
        await tx.query(
          `UPDATE claims c SET quantity_text = r.qt, subject = r.subject, location = r.location, speaker = r.speaker, speaker_role = r.role,
                  time_ref = r.time_ref, checkworthiness = r.cw, checkworthiness_reasons = ARRAY(SELECT jsonb_array_elements_text(r.reasons))
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::real[], $9::jsonb[])
                  AS r(id, qt, subject, location, speaker, role, time_ref, cw, reasons)
            WHERE c.id = r.id`,
          [
            refreshed.map((m) => m.id), f.map((c) => c.quantity?.text ?? null), f.map((c) => c.subject), f.map((c) => c.location),
            f.map((c) => c.attribution?.speaker ?? null), f.map((c) => c.attribution?.role ?? null),
            f.map((c) => (c.timeRef ? JSON.stringify(c.timeRef) : null)), f.map((c) => clamp01(c.checkworthiness)),
            f.map((c) => JSON.stringify(c.checkworthinessReasons)),
          ],
        );
      }
    }

    const leaving = [...plan.gone, ...plan.superseded.map((s) => s.stored)];
    if (leaving.length === 0) return [];
    await tx.query(`UPDATE claims SET gone_in_revision = $2, updated_at = now() WHERE id = ANY($1::uuid[]) AND gone_in_revision IS NULL`, [leaving.map((c) => c.id), revision]);
    // Nobody should be handed a claim that left the text; a lease already taken runs its course. A re-check of a
    // published verdict stays open: the verdict is still published, whatever became of the sentence.
    const cancelled = await rows<{ id: string; claim_id: string }>(
      tx,
      `UPDATE review_tasks SET status = 'cancelled', completed_at = now(), updated_at = now()
        WHERE claim_id = ANY($1::uuid[]) AND status = 'open' AND kind <> 'recheck' RETURNING id, claim_id`,
      [leaving.map((c) => c.id)],
    );
    await this.audit.record(
      tx,
      ...plan.gone.map((c) => ({
        entityType: 'claim' as const, entityId: c.id, action: 'claim.gone', reason: 'not_in_revision',
        changes: { articleId, revision, text: c.text, quantityText: c.quantityText },
      })),
      ...cancelled.map((t) => ({
        entityType: 'review_task' as const, entityId: t.id, claimId: t.claim_id, action: 'task.cancelled',
        fromStatus: 'open', toStatus: 'cancelled', reason: 'claim_left_article',
      })),
    );
    const successorOf = new Map(newClaims.filter((n) => n.supersedes).map((n) => [n.supersedes!.id, n.id]));
    return this.flagForRecheck(tx, articleId, revision, plan.superseded.map(({ stored, fresh }) => ({ old: stored, successorId: successorOf.get(stored.id)!, fresh: extracted[fresh] })), publishedAt);
  }

  /**
   * Where claims are superseded by a changed figure: writes `claim.superseded` (with the published verdict, if any), and
   * sends each published verdict of a superseded claim down the living-verdicts path (RecheckService.markDue, reason
   * claim_superseded, the new figure). Two queries and one markDue for all of them. Returns webhook deliveries.
   */
  private async flagForRecheck(
    tx: EntityManager, articleId: string, revision: number,
    superseded: Array<{ old: StoredClaim; successorId: string; fresh: ExtractedClaim }>, publishedAt: Date | null,
  ): Promise<string[]> {
    if (superseded.length === 0) return [];
    const verdicts = await rows<{ id: string; claim_id: string }>(
      tx, `SELECT id, claim_id FROM verdicts WHERE claim_id = ANY($1::uuid[]) AND status = 'published'`, [superseded.map((s) => s.old.id)],
    );
    const verdictOf = new Map(verdicts.map((v) => [v.claim_id, v.id]));
    await this.audit.record(tx, ...superseded.map(({ old, successorId, fresh }) => ({
      entityType: 'claim' as const, entityId: old.id, action: 'claim.superseded', reason: 'figure_changed',
      changes: {
        articleId, revision, supersededBy: successorId, publishedVerdictId: verdictOf.get(old.id) ?? null,
        figure: { from: old.quantityText, to: fresh.quantity?.text ?? null },
      },
    })));
    const triggers: RecheckTrigger[] = superseded.filter(({ old }) => verdictOf.has(old.id)).map(({ old, successorId, fresh }) => ({
      verdictId: verdictOf.get(old.id)!,
      reason: 'claim_superseded',
      figure: {
        value: fresh.quantity?.value ?? null, low: fresh.quantity?.low ?? null, high: fresh.quantity?.high ?? null, text: fresh.quantity?.text ?? null,
        asOf: fresh.timeRef?.date ?? fresh.timeRef?.to ?? publishedAt?.toISOString().slice(0, 10) ?? null,
        claimId: successorId, articleId, who: fresh.attribution?.speaker ?? null,
      },
      details: { supersededBy: successorId, revision },
    }));
    return this.recheck.markDue(tx, triggers);
  }
}
