import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { ClaimCategory } from '../claims/claim-vocabulary.js';
import { AppConfig, parseReviewDays } from '../config/config.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { preparedRows, rows } from '../database/sql.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CATEGORY_WEIGHTS, rank } from '../review/priority.js';
import { parseTolerances } from '../sources/assessment.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.service.js';
import { basisInputs } from './basis.js';
import { basisOf, describeFigure, outsideBand, RECHECK_REASON_TEXT, type Basis, type RecheckFigure, type RecheckReason } from './living-verdicts.js';

/** One reason to re-check one published verdict. */
export interface RecheckTrigger {
  verdictId: string;
  reason: RecheckReason;
  figure?: RecheckFigure | null;
  /** Extra facts for the audit event (the superseding claim, the revision …). */
  details?: Record<string, unknown>;
}

/** A freshly extracted claim with a figure, as the matching-claim trigger reads it. */
export interface FreshFigure {
  id: string;
  category: ClaimCategory;
  unit: string | null;
  location: string | null;
  subject: string | null;
  value: number | null;
  low: number | null;
  high: number | null;
  text: string | null;
  speaker: string | null;
  date: string | null;
}

/** Matching-claim lookups per statement: each is one indexed query over a batch of fresh claims. */
const MATCH_BATCH = 500;
/** Expired verdicts marked per transaction by the expiry job. */
const EXPIRY_BATCH = 200;

/**
 * Living verdicts: every trigger (a superseding revision, a new source figure, a matching claim on another article,
 * the review date) ends in `markDue`, in the caller's transaction. It marks each published verdict not already due
 * (`recheck_due_at`, reason, new figure), reopens the claim's review task as a high-priority `recheck` task, notifies the
 * verdict's author (kind `recheck`) and writes the `verdict.recheck_due` webhook to the outbox. A verdict already due is
 * left alone: a second trigger adds nothing (no event, task, notification or delivery).
 */
@Injectable()
export class RecheckService {
  private readonly logger = new Logger(RecheckService.name);
  private readonly tolerances: Record<ClaimCategory, number>;
  private readonly reviewDays: Partial<Record<ClaimCategory, number>>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly outbox: WebhookOutbox,
    private readonly notifications: NotificationsService,
  ) {
    this.tolerances = parseTolerances(config.ASSESSMENT_TOLERANCES);
    this.reviewDays = parseReviewDays(config.VERDICT_REVIEW_DAYS);
  }

  /** The default review date of a verdict of this category published at `from`, or null (no expiry). */
  defaultReviewBy(category: ClaimCategory, from: Date): Date | null {
    const days = this.reviewDays[category];
    return days === undefined ? null : new Date(from.getTime() + days * 86_400_000);
  }

  /**
   * At publication: what the verdict rests on (the claim's interval, its cited sources' figures and as-of dates, the
   * tolerance) and its band; the default reviewBy unless one was set. One read of the claim, one of its sources.
   */
  async snapshot(tx: EntityManager, verdictId: string, confirmed: RecheckFigure[] = []): Promise<Basis> {
    const v = (await basisInputs(tx, [verdictId])).get(verdictId)!;
    const basis = basisOf(v.category, v.claim, v.sources, confirmed, this.tolerances[v.category], new Date());
    await tx.query(
      `UPDATE verdicts SET basis = $2, band_low = $3, band_high = $4, review_by = coalesce(review_by, $5) WHERE id = $1`,
      [verdictId, JSON.stringify(basis), basis.band?.low ?? null, basis.band?.high ?? null, this.defaultReviewBy(v.category, new Date())],
    );
    return basis;
  }

  /**
   * Marks the verdicts due (published and not already due only) and does what follows: task, notification, webhook,
   * audit. Returns webhook delivery ids for the caller to dispatch after its commit.
   */
  async markDue(tx: EntityManager, triggers: RecheckTrigger[], actorId: string | null = null): Promise<string[]> {
    const first = new Map<string, RecheckTrigger>();
    for (const t of triggers) if (!first.has(t.verdictId)) first.set(t.verdictId, t);
    if (first.size === 0) return [];
    const list = [...first.values()];
    const marked = await rows<{
      id: string; claim_id: string; author_id: string | null; version: number; category: ClaimCategory; since: Date; reason: RecheckReason;
      claim_text: string; article_id: string;
    }>(
      tx,
      `UPDATE verdicts v SET recheck_due_at = now(), recheck_reason = t.reason, recheck_figure = t.figure
         FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS t(id, reason, figure), claims c
        WHERE v.id = t.id AND c.id = v.claim_id AND v.status = 'published' AND v.recheck_due_at IS NULL
        RETURNING v.id, v.claim_id, v.author_id, v.version, c.category, v.recheck_due_at AS since, v.recheck_reason AS reason,
                  c.text AS claim_text, c.article_id`,
      [list.map((t) => t.verdictId), list.map((t) => t.reason), list.map((t) => (t.figure ? JSON.stringify(t.figure) : null))],
    );
    if (marked.length === 0) return [];

    // The claim's review task reopens (its last finished one; a new one if it never had one), above every ordinary task.
    // Its done/cancelled → open move is what the review-task event stream reports as `reopened` (review_task_notify()).
    const now = new Date();
    const due = new Date(now.getTime() + this.config.REVIEW_DUE_HOURS * 3_600_000);
    const priorityOf = (category: ClaimCategory) => 1 + CATEGORY_WEIGHTS[category];
    const claimIds = marked.map((m) => m.claim_id);
    const reopened = await rows<{ id: string; claim_id: string }>(
      tx,
      `UPDATE review_tasks t SET status = 'open', kind = 'recheck', recheck_reason = x.reason, priority = x.priority, rank = x.rank,
              due_at = $5, leased_by = NULL, lease_expires_at = NULL, assigned_to = NULL, assigned_by = NULL, completed_at = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::real[], $4::float8[]) AS x(claim_id, reason, priority, rank)
        WHERE t.claim_id = x.claim_id
          AND t.id = (SELECT d.id FROM review_tasks d WHERE d.claim_id = x.claim_id AND d.status IN ('done', 'cancelled')
                       ORDER BY d.completed_at DESC NULLS LAST, d.created_at DESC LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM review_tasks o WHERE o.claim_id = x.claim_id AND o.status IN ('open', 'leased'))
        RETURNING t.id, t.claim_id`,
      [claimIds, marked.map((m) => m.reason), marked.map((m) => priorityOf(m.category)),
        marked.map((m) => rank(priorityOf(m.category), now, this.config.REVIEW_AGING_PER_HOUR)), due],
    );
    const reopenedClaims = new Set(reopened.map((r) => r.claim_id));
    const reasonByClaim = new Map(marked.map((m) => [m.claim_id, m.reason]));
    const created = await bulkInsert<{ id: string; claim_id: string }>(
      tx,
      'review_tasks',
      ['claim_id', 'status', 'kind', 'recheck_reason', 'priority', 'rank', 'due_at', 'created_at'],
      marked.filter((m) => !reopenedClaims.has(m.claim_id)).map((m) => [
        m.claim_id, 'open', 'recheck', m.reason, priorityOf(m.category), rank(priorityOf(m.category), now, this.config.REVIEW_AGING_PER_HOUR), due, now,
      ]),
      'ON CONFLICT DO NOTHING RETURNING id, claim_id',
    );

    await this.audit.record(
      tx,
      ...marked.map((m) => {
        const t = first.get(m.id)!;
        return {
          entityType: 'verdict' as const, entityId: m.id, claimId: m.claim_id, action: 'verdict.recheck_due', actorId, reason: m.reason,
          changes: { ...(t.details ?? {}), figure: t.figure ?? null, text: RECHECK_REASON_TEXT[m.reason] },
        };
      }),
      ...reopened.map((r) => ({
        entityType: 'review_task' as const, entityId: r.id, claimId: r.claim_id, action: 'task.reopened', actorId, toStatus: 'open',
        reason: reasonByClaim.get(r.claim_id)!, changes: { kind: 'recheck' },
      })),
      ...created.map((r) => ({
        entityType: 'review_task' as const, entityId: r.id, claimId: r.claim_id, action: 'task.created', actorId, toStatus: 'open',
        reason: reasonByClaim.get(r.claim_id)!, changes: { kind: 'recheck' },
      })),
    );

    // (one insert each for the authors' notifications and the webhook events, however many verdicts are due)
    const figureOf = (m: (typeof marked)[number]) => first.get(m.id)!.figure ?? null;
    const deliveries = await this.notifications.notifyEach(tx, marked.filter((m) => m.author_id).map((m) => {
      const figure = figureOf(m);
      return {
        userIds: [m.author_id!], kind: 'recheck' as const, claimId: m.claim_id, actorId, verdictId: m.id,
        message: `Re-check due: ${RECHECK_REASON_TEXT[m.reason]}${figure ? `; new figure ${describeFigure(figure)}` : ''}.`,
      };
    }));
    deliveries.push(...await this.outbox.emitEach(tx, 'verdict.recheck_due', marked.map((m) => {
      const figure = figureOf(m);
      return {
        verdict: { id: m.id, claimId: m.claim_id, version: m.version },
        claim: { id: m.claim_id, text: m.claim_text, category: m.category, articleId: m.article_id },
        recheck: { due: true, since: m.since.toISOString(), reason: m.reason, figure: figure ? publicFigure(figure) : null },
      };
    })));
    this.logger.log({ verdicts: marked.map((m) => m.id), reasons: [...new Set(marked.map((m) => m.reason))] }, 'verdicts due for re-check');
    return deliveries;
  }

  /** A source figure just attached to a claim: outside the published verdict's band → due (reason source_figure). */
  async onSourceFigure(tx: EntityManager, claimId: string, source: { id: string; value: number | null; low: number | null; high: number | null; asOf: string | null; publisher: string | null; title: string }, actorId: string): Promise<string[]> {
    const [v] = await rows<{ id: string; band_low: number | null; band_high: number | null }>(
      tx,
      `SELECT id, band_low, band_high FROM verdicts WHERE claim_id = $1 AND status = 'published' AND recheck_due_at IS NULL AND basis IS NOT NULL`,
      [claimId],
    );
    if (!v || !outsideBand({ low: v.band_low, high: v.band_high }, source)) return [];
    const figure: RecheckFigure = {
      value: source.value, low: source.low, high: source.high, text: null, asOf: source.asOf, sourceId: source.id, claimId, who: source.publisher ?? source.title,
    };
    return this.markDue(tx, [{ verdictId: v.id, reason: 'source_figure', figure, details: { sourceId: source.id, band: { low: v.band_low, high: v.band_high } } }], actorId);
  }

  /**
   * Claims just extracted from one article: each published verdict on ANOTHER article's claim of the same quantity
   * (category and unit, the same place, the same actor when both name one; by actor when it names no place: the
   * figure's history's rule) whose band the new figure falls outside is due (reason matching_claim). One indexed query
   * per MATCH_BATCH claims, no query per claim; only published claims can have a published verdict, so it reads those
   * alone (claims_published_place_idx / claims_published_actor_idx, migration PublishedQuantityIndexes), not every
   * stored report of the same quantity.
   */
  async onExtractedClaims(tx: EntityManager, articleId: string, fresh: FreshFigure[]): Promise<string[]> {
    const triggers: RecheckTrigger[] = [];
    for (let i = 0; i < fresh.length; i += MATCH_BATCH) {
      const batch = fresh.slice(i, i + MATCH_BATCH);
      const found = await preparedRows<{ verdict_id: string; fresh_id: string; band_low: number | null; band_high: number | null; claim_id: string }>(
        tx,
        `WITH n AS (SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[])
                       AS n(id, category, unit, location, subject, qmin, qmax)),
         same AS (
           SELECT n.id AS fresh_id, n.qmin, n.qmax, o.id AS claim_id FROM n JOIN claims o
               ON o.category = n.category AND lower(o.location) = lower(n.location) AND o.status = 'published' AND o.quantity_min IS NOT NULL AND o.location IS NOT NULL
              AND (n.subject IS NULL OR o.subject IS NULL OR lower(o.subject) = lower(n.subject))
            WHERE n.location IS NOT NULL AND o.article_id <> $1 AND lower(coalesce(o.unit, '')) = lower(coalesce(n.unit, ''))
           UNION ALL
           SELECT n.id, n.qmin, n.qmax, o.id FROM n JOIN claims o
               ON o.category = n.category AND lower(o.subject) = lower(n.subject) AND o.status = 'published' AND o.quantity_min IS NOT NULL AND o.subject IS NOT NULL
            WHERE n.location IS NULL AND n.subject IS NOT NULL AND o.article_id <> $1 AND lower(coalesce(o.unit, '')) = lower(coalesce(n.unit, '')))
         SELECT DISTINCT ON (v.id) v.id AS verdict_id, s.fresh_id, v.band_low, v.band_high, s.claim_id
           FROM same s JOIN verdicts v ON v.claim_id = s.claim_id AND v.status = 'published' AND v.recheck_due_at IS NULL AND v.basis IS NOT NULL
          WHERE s.qmax < coalesce(v.band_low, '-Infinity'::float8) OR s.qmin > coalesce(v.band_high, 'Infinity'::float8)
          ORDER BY v.id, s.qmin`,
        [articleId, batch.map((c) => c.id), batch.map((c) => c.category), batch.map((c) => c.unit), batch.map((c) => c.location),
          batch.map((c) => c.subject), batch.map((c) => c.low ?? c.value ?? c.high), batch.map((c) => c.high ?? c.value ?? c.low)],
      );
      const byId = new Map(batch.map((c) => [c.id, c]));
      for (const f of found) {
        const c = byId.get(f.fresh_id)!;
        triggers.push({
          verdictId: f.verdict_id, reason: 'matching_claim',
          figure: { value: c.value, low: c.low, high: c.high, text: c.text, asOf: c.date, claimId: c.id, articleId, who: c.speaker },
          details: { claimId: c.id, articleId, band: { low: f.band_low, high: f.band_high } },
        });
      }
    }
    return this.markDue(tx, triggers);
  }

  /** The expiry job: published verdicts past their reviewBy and not yet due, in batches. Idempotent. */
  async markExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const { count, deliveries } = await this.db.transaction(async (tx) => {
        const expired = await rows<{ id: string; review_by: Date }>(
          tx,
          `SELECT id, review_by FROM verdicts WHERE status = 'published' AND recheck_due_at IS NULL AND review_by IS NOT NULL AND review_by <= now()
            ORDER BY review_by LIMIT ${EXPIRY_BATCH} FOR UPDATE SKIP LOCKED`,
        );
        const deliveries = await this.markDue(tx, expired.map((e) => ({
          verdictId: e.id, reason: 'review_by_passed' as const, details: { reviewBy: e.review_by.toISOString() },
        })));
        return { count: expired.length, deliveries };
      });
      await this.outbox.dispatch(deliveries);
      total += count;
      if (count < EXPIRY_BATCH) return total;
    }
  }

  /**
   * The published verdict `oldId` was replaced by a correction: a re-check it was due for is resolved (its task
   * finished, audited `verdict.recheck_resolved` with resolution corrected). Called inside publish().
   */
  async resolveByCorrection(tx: EntityManager, claimId: string, oldId: string, newId: string, actorId: string | null): Promise<void> {
    const [old] = await rows<{ recheck_reason: string | null; recheck_due_at: Date | null }>(
      tx, `SELECT recheck_reason, recheck_due_at FROM verdicts WHERE id = $1`, [oldId],
    );
    if (!old?.recheck_due_at) return;
    await tx.query(`UPDATE verdicts SET recheck_due_at = NULL, recheck_reason = NULL, recheck_figure = NULL WHERE id = $1`, [oldId]);
    const tasks = await rows<{ id: string; status: string }>(
      tx,
      `UPDATE review_tasks t SET status = 'done', completed_at = now(), leased_by = NULL, lease_expires_at = NULL, updated_at = now()
         FROM (SELECT id, status FROM review_tasks WHERE claim_id = $1 AND kind = 'recheck' AND status IN ('open', 'leased') FOR UPDATE) o
        WHERE t.id = o.id RETURNING t.id, o.status`,
      [claimId],
    );
    await this.audit.record(
      tx,
      {
        entityType: 'verdict', entityId: oldId, claimId, action: 'verdict.recheck_resolved', actorId, reason: old.recheck_reason,
        changes: { resolution: 'corrected', correctedBy: newId, dueSince: old.recheck_due_at.toISOString() },
      },
      ...tasks.map((t) => ({
        entityType: 'review_task' as const, entityId: t.id, claimId, action: 'task.completed', actorId, fromStatus: t.status, toStatus: 'done',
        reason: 'recheck_corrected',
      })),
    );
  }
}

/** A re-check figure as readers outside the desk see it: no ids of claims or sources they may not read. */
export function publicFigure(f: RecheckFigure): RecheckFigure {
  return { value: f.value, low: f.low, high: f.high, text: f.text, asOf: f.asOf, who: f.who ?? null };
}
