import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AUDIT_COLUMNS, AuditService } from '../audit/audit.service.js';
import { assertTransition } from '../claims/claim-state.js';
import type { ReadScope } from '../auth/read-scope.js';
import type { ClaimStatus } from '../claims/claim.entity.js';
import { PUBLICATION_JSON } from '../claims/claim.view.js';
import { conflict, notFound, ProblemException, unprocessable } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { rows } from '../database/sql.js';
import { ReviewService } from '../review/review.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.service.js';
import type { CorrectionDto, CreateVerdictDto, PublicationDto, PublicationViewDto, UpdatePublicationDto, VerdictDto } from './verdicts.dto.js';
import type { Rating } from './verdict.entity.js';
import { describeFigure, lastRecheckView, recheckView, type RecheckFigure, type RecheckReason } from './living-verdicts.js';
import type { ConfirmRecheckDto } from './recheck.dto.js';
import { RecheckService } from './recheck.service.js';

const VERDICT_COLUMNS = `id, claim_id AS "claimId", version, rating, summary, source_ids AS "sourceIds", status,
  author_id AS "authorId", (SELECT vu.name FROM users vu WHERE vu.id = author_id) AS "authorName",
  approved_by AS "approvedBy", (SELECT vu.name FROM users vu WHERE vu.id = approved_by) AS "approvedByName", rejection_reason AS "rejectionReason",
  correction_reason AS "correctionReason", corrects_verdict_id AS "correctsVerdictId",
  published_at AS "publishedAt", created_at AS "createdAt", ${PUBLICATION_JSON('')} AS publication, claim_reviewed AS "claimReviewed",
  CASE WHEN recheck_due_at IS NULL THEN NULL ELSE json_build_object('due', true,
    'since', to_char(recheck_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'reason', recheck_reason, 'figure', recheck_figure) END AS recheck,
  review_by AS "reviewBy", last_recheck AS "lastRecheck", basis`;

/** Any constant; it names the lock that orders verdict publication (feed positions). */
const FEED_LOCK = 7_243_001;

/**
 * A rating is a claim about evidence: every rating but `unverifiable` (which says there is none to be had) must
 * cite at least one source. Checked on the way in and again in publish(), so no path publishes an unsourced rating.
 */
function requireEvidence(rating: Rating, sourceIds: readonly string[]): void {
  if (rating === 'unverifiable' || sourceIds.length > 0) return;
  throw unprocessable(
    'sources_required',
    `A verdict rated ${rating} must cite at least one source: attach it (POST /v1/claims/:id/sources) and list it in sourceIds. Only unverifiable may cite none.`,
    { rating },
  );
}

/** Who on the desk wrote or approved a verdict is internal; the publisher stands behind it. */
function publicVerdict(verdict: VerdictDto): VerdictDto {
  return {
    ...verdict, authorId: null, authorName: null, approvedBy: null, approvedByName: null,
    recheck: verdict.recheck ? recheckView(verdict.recheck.since, verdict.recheck.reason, (verdict.recheck.figure ?? null) as RecheckFigure | null, false) : verdict.recheck,
    lastRecheck: verdict.lastRecheck ? lastRecheckView(verdict.lastRecheck, false) : verdict.lastRecheck,
  };
}

/** The four publication columns of an insert or update, from the body (null: none). */
function publicationColumns(p: PublicationDto | PublicationViewDto | null | undefined): [string | null, string | null, string | null, string | null] {
  if (!p) return [null, null, null, null];
  return [p.url, p.headline.trim(), p.language, p.imageUrl ?? null];
}

/** What the verdict.proposed / verdict.published audit event records. */
function verdictChanges(
  dto: CreateVerdictDto, verdict: { version: number | undefined; publication: PublicationViewDto | null; claimReviewed: string | null }, sourceIds: string[],
): Record<string, unknown> {
  return {
    rating: dto.rating, summary: dto.summary, ...(verdict.version === undefined ? {} : { version: verdict.version }), sourceIds,
    ...(verdict.publication ? { publication: verdict.publication } : {}), ...(verdict.claimReviewed ? { claimReviewed: verdict.claimReviewed } : {}),
  };
}

function publicationView(p: PublicationDto | PublicationViewDto | null | undefined): PublicationViewDto | null {
  const [url, headline, language, imageUrl] = publicationColumns(p);
  return url === null ? null : { url, headline: headline!, language: language!, imageUrl };
}

@Injectable()
export class VerdictsService {
  private readonly logger = new Logger(VerdictsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly review: ReviewService,
    private readonly config: AppConfig,
    private readonly outbox: WebhookOutbox,
    private readonly notifications: NotificationsService,
    private readonly recheck: RecheckService,
  ) {}

  /** Staff see every verdict; consumers published versions of published claims, and anything else is a plain 404 to them. */
  async get(id: string, scope: ReadScope): Promise<VerdictDto> {
    const [verdict] = await rows<VerdictDto>(
      this.db,
      `SELECT ${VERDICT_COLUMNS} FROM verdicts v WHERE v.id = $1 AND ${scope.verdicts('v')}
          AND EXISTS (SELECT 1 FROM claims c WHERE c.id = v.claim_id AND ${scope.claims('c')})`,
      [id],
    );
    if (!verdict) throw notFound('verdict', id);
    return scope.staff ? verdict : publicVerdict(verdict);
  }

  /**
   * The lease holder's verdict. With REQUIRE_APPROVAL it waits for an approver (claim
   * `awaiting_approval`); without, it is published at once. Either way the review task is done.
   */
  async propose(claimId: string, dto: CreateVerdictDto, userId: string): Promise<VerdictDto> {
    const publish = !this.config.REQUIRE_APPROVAL;
    return this.db.transaction(async (tx): Promise<{ verdict: VerdictDto; deliveries: string[] }> => {
      // The task lock first (lock order: task, claim, then the feed lock inside publish()). A claim with a task exists;
      // without one, an unknown claim is 404 rather than 409.
      const task = await this.review.lockOpenTasks(tx, claimId);
      if (!task && (await tx.query(`SELECT 1 FROM claims WHERE id = $1`, [claimId])).length === 0) throw notFound('claim', claimId);
      this.review.checkLease(task, userId);
      if (task!.kind === 'recheck') {
        throw conflict('recheck_task', 'This is a re-check of the published verdict: confirm it (POST /v1/verdicts/:id/recheck) or correct it (POST /v1/claims/:id/corrections).');
      }
      const sourceIds = await this.checkSources(tx, claimId, dto.sourceIds);
      requireEvidence(dto.rating, sourceIds);
      if (!publish) return { verdict: await this.proposeForApproval(tx, claimId, task!.id, dto, sourceIds, userId), deliveries: [] };

      let [verdict] = await rows<VerdictDto>(
        tx,
        `INSERT INTO verdicts (claim_id, version, rating, summary, source_ids, status, author_id,
                               publication_url, publication_headline, publication_language, publication_image_url, claim_reviewed, review_by)
         VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM verdicts WHERE claim_id = $1), $2, $3, $4, 'proposed', $5, $6, $7, $8, $9, $10, $11)
         RETURNING ${VERDICT_COLUMNS}`,
        [claimId, dto.rating, dto.summary, sourceIds, userId, ...publicationColumns(dto.publication), dto.claimReviewed?.trim() ?? null, dto.reviewBy ?? null],
      );
      await tx.query(`UPDATE review_tasks SET status = 'done', completed_at = now(), updated_at = now() WHERE id = $1`, [task!.id]);
      await this.review.moveClaim(tx, claimId, 'published', userId, 'claim.published');
      let deliveries: string[] = [];
      ({ verdict, deliveries } = await this.publish(tx, verdict.id, null, 'verdict.published'));
      await this.audit.record(
        tx,
        { entityType: 'review_task', entityId: task!.id, claimId, action: 'task.completed', actorId: userId, fromStatus: 'leased', toStatus: 'done' },
        { entityType: 'verdict', entityId: verdict.id, claimId, actorId: userId, action: 'verdict.published', toStatus: verdict.status, changes: verdictChanges(dto, verdict, sourceIds) },
      );
      return { verdict, deliveries };
    }).then(async ({ verdict, deliveries }) => {
      await this.announce(verdict, deliveries);
      return verdict;
    });
  }

  /**
   * The verdict waits for an approver: one statement inserts it, finishes the task, moves the claim in_review →
   * awaiting_approval and writes the three audit events (claim, task, verdict, in that order), inside the caller's
   * transaction with the task locked. A claim not in_review (the state machine allows awaiting_approval from there
   * only) is 409 illegal_transition, and the transaction rolls back.
   */
  private async proposeForApproval(tx: EntityManager, claimId: string, taskId: string, dto: CreateVerdictDto, sourceIds: string[], userId: string): Promise<VerdictDto> {
    const [row] = await rows<VerdictDto & { moved_claim: string | null; current_status: ClaimStatus }>(
      tx,
      `WITH moved AS (
         UPDATE claims SET status = 'awaiting_approval', status_reason = NULL, version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'in_review'
         RETURNING id AS moved_id
       ), inserted AS (
         INSERT INTO verdicts (claim_id, version, rating, summary, source_ids, status, author_id,
                               publication_url, publication_headline, publication_language, publication_image_url, claim_reviewed)
         SELECT $1::uuid, (SELECT coalesce(max(version), 0) + 1 FROM verdicts WHERE claim_id = $1), $2::text, $3::text, $4::uuid[], 'proposed',
                $5::uuid, $6::text, $7::text, $8::text, $9::text, $10::text
           FROM moved
         RETURNING *
       ), done AS (
         UPDATE review_tasks SET status = 'done', completed_at = now(), updated_at = now() WHERE id = $11::uuid AND EXISTS (SELECT 1 FROM moved)
       ), audit AS (
         INSERT INTO audit_events (${AUDIT_COLUMNS.join(', ')})
         SELECT e.* FROM inserted v CROSS JOIN LATERAL (VALUES
           ('claim', $1::uuid, 'claim.verdict_proposed', $1::uuid, $5::uuid, 'in_review', 'awaiting_approval', NULL::text, NULL::jsonb),
           ('review_task', $11::uuid, 'task.completed', $1::uuid, $5::uuid, 'leased', 'done', NULL::text, NULL::jsonb),
           ('verdict', v.id, 'verdict.proposed', $1::uuid, $5::uuid, NULL::text, v.status,  NULL::text,
            $12::jsonb || jsonb_build_object('version', v.version))) AS e
       )
       -- (the claim's status as it was: this statement's snapshot does not see its own update)
       SELECT (SELECT c.status FROM claims c WHERE c.id = $1) AS current_status, m.moved_id AS moved_claim, ${VERDICT_COLUMNS}
         FROM (SELECT 1) AS one LEFT JOIN moved m ON true LEFT JOIN inserted v ON true`,
      [claimId, dto.rating, dto.summary, sourceIds, userId, ...publicationColumns(dto.publication), dto.claimReviewed?.trim() ?? null, taskId,
        JSON.stringify(verdictChanges(dto, { version: undefined, publication: publicationView(dto.publication), claimReviewed: dto.claimReviewed?.trim() ?? null }, sourceIds))],
    );
    if (!row.moved_claim) {
      assertTransition(row.current_status, 'awaiting_approval');
      throw new Error(`claim ${claimId} is ${row.current_status} and was not moved`); // (in_review is the only way; unreachable)
    }
    const { moved_claim: _moved, current_status: _status, ...verdict } = row;
    return verdict;
  }

  /** An approver other than the author publishes a proposed verdict, or a proposed correction. */
  async approve(verdictId: string, approverId: string): Promise<VerdictDto> {
    const { verdict, deliveries } = await this.db.transaction(async (tx) => {
      const proposed = await this.lockProposed(tx, verdictId);
      if (proposed.authorId === approverId) {
        throw new ProblemException(HttpStatus.FORBIDDEN, 'author_cannot_approve', 'A verdict needs a second pair of eyes: its author cannot approve it.');
      }
      if (proposed.correctsVerdictId) return this.publishCorrection(tx, proposed, approverId);
      await this.review.moveClaim(tx, proposed.claimId, 'published', approverId, 'claim.published');
      const published = await this.publish(tx, verdictId, approverId, 'verdict.published');
      await this.audit.record(tx, {
        entityType: 'verdict', entityId: verdictId, claimId: proposed.claimId, action: 'verdict.approved', actorId: approverId,
        fromStatus: 'proposed', toStatus: 'published',
      });
      return published;
    });
    await this.announce(verdict, deliveries);
    return verdict;
  }

  /** Back to the author: the claim returns to `in_review` and the author holds the task again. */
  async reject(verdictId: string, reason: string, approverId: string): Promise<VerdictDto> {
    const { rejected, deliveries } = await this.db.transaction(async (tx) => {
      const verdict = await this.lockProposed(tx, verdictId);
      // The author learns it on the desk (and the newsroom's system through the editor.notified webhook).
      const deliveries = verdict.authorId
        ? await this.notifications.notify(tx, {
          userIds: [verdict.authorId], kind: 'verdict_rejected', claimId: verdict.claimId, actorId: approverId, verdictId, message: reason,
        })
        : [];
      const [rejected] = await rows<VerdictDto>(
        tx,
        `UPDATE verdicts SET status = 'rejected', rejection_reason = $2 WHERE id = $1 RETURNING ${VERDICT_COLUMNS}`,
        [verdictId, reason],
      );
      if (verdict.correctsVerdictId) {
        // A rejected correction: the published verdict stands, the claim stays published, no task is involved.
        await this.audit.record(tx, {
          entityType: 'verdict', entityId: verdictId, claimId: verdict.claimId, action: 'verdict.correction_rejected', actorId: approverId,
          fromStatus: 'proposed', toStatus: 'rejected', reason,
        });
        return { rejected, deliveries };
      }
      const [task] = await rows<{ id: string }>(
        tx,
        `UPDATE review_tasks SET status = 'leased', leased_by = $2, assigned_to = $2, completed_at = NULL,
                lease_expires_at = now() + make_interval(secs => $3), updated_at = now()
          WHERE id = (SELECT id FROM review_tasks WHERE claim_id = $1 AND status = 'done' ORDER BY completed_at DESC LIMIT 1)
          RETURNING id`,
        [verdict.claimId, verdict.authorId, this.config.REVIEW_LEASE_SECONDS],
      );
      await this.review.moveClaim(tx, verdict.claimId, 'in_review', approverId, 'claim.verdict_rejected', reason);
      await this.audit.record(
        tx,
        {
          entityType: 'verdict', entityId: verdictId, claimId: verdict.claimId, action: 'verdict.rejected', actorId: approverId,
          fromStatus: 'proposed', toStatus: 'rejected', reason,
        },
        ...(task ? [{
          entityType: 'review_task' as const, entityId: task.id, claimId: verdict.claimId, action: 'task.returned', actorId: approverId,
          fromStatus: 'done', toStatus: 'leased', changes: { leasedTo: verdict.authorId },
        }] : []),
      );
      return { rejected, deliveries };
    });
    await this.notifications.dispatch(deliveries);
    return rejected;
  }

  /**
   * An approver replaces the published verdict with a new version; readers see that and why. With
   * REQUIRE_CORRECTION_APPROVAL the new version is proposed and waits for another approver (approve/reject, as a
   * verdict does); readers keep the published verdict meanwhile. Without, it is published at once.
   */
  async correct(claimId: string, dto: CorrectionDto, approverId: string): Promise<VerdictDto> {
    const { verdict, deliveries } = await this.db.transaction(async (tx) => {
      // The claim lock serializes corrections: a second one waits, then corrects the version the first published.
      const [claim] = await rows<{ status: ClaimStatus }>(tx, `SELECT status FROM claims WHERE id = $1 FOR UPDATE`, [claimId]);
      if (!claim) throw notFound('claim', claimId);
      const [current] = await rows<{ id: string; source_ids: string[]; publication: PublicationViewDto | null; claim_reviewed: string | null }>(
        tx,
        `SELECT id, source_ids, ${PUBLICATION_JSON('')} AS publication, claim_reviewed FROM verdicts WHERE claim_id = $1 AND status = 'published' FOR UPDATE`,
        [claimId],
      );
      if (!current) {
        throw conflict('not_published', `Only a published verdict can be corrected; the claim is ${claim.status}.`, { currentStatus: claim.status });
      }
      const [pending] = await rows<{ id: string }>(tx, `SELECT id FROM verdicts WHERE claim_id = $1 AND status = 'proposed'`, [claimId]);
      if (pending) {
        throw conflict('correction_pending', `A correction of this verdict (${pending.id}) already waits for approval: approve or reject it first.`, {
          pendingVerdictId: pending.id,
        });
      }
      const sourceIds = dto.sourceIds ? await this.checkSources(tx, claimId, dto.sourceIds) : current.source_ids;
      requireEvidence(dto.rating, sourceIds);
      const [draft] = await rows<VerdictDto>(
        tx,
        `INSERT INTO verdicts (claim_id, version, rating, summary, source_ids, status, author_id, correction_reason, corrects_verdict_id,
                               publication_url, publication_headline, publication_language, publication_image_url, claim_reviewed)
         VALUES ($1, (SELECT max(version) + 1 FROM verdicts WHERE claim_id = $1), $2, $3, $4, 'proposed', $5, $6, $7, $8, $9, $10, $11, $12)
         RETURNING ${VERDICT_COLUMNS}`,
        // The article of the fact-check usually stays the same through a correction: it is carried over unless given.
        [claimId, dto.rating, dto.summary, sourceIds, approverId, dto.reason, current.id,
          ...publicationColumns(dto.publication ?? current.publication), dto.claimReviewed?.trim() ?? current.claim_reviewed],
      );
      if (this.config.REQUIRE_CORRECTION_APPROVAL) {
        await this.audit.record(tx, {
          entityType: 'verdict', entityId: draft.id, claimId, action: 'verdict.correction_proposed', actorId: approverId, toStatus: 'proposed',
          reason: dto.reason, changes: { correctsVerdictId: current.id, rating: dto.rating, summary: dto.summary, version: draft.version, sourceIds },
        });
        return { verdict: draft, deliveries: [] };
      }
      await this.review.moveClaim(tx, claimId, 'published', approverId, 'claim.corrected', dto.reason);
      const published = await this.publish(tx, draft.id, approverId, 'verdict.corrected');
      await this.audit.record(tx, {
        entityType: 'verdict', entityId: draft.id, claimId, action: 'verdict.corrected', actorId: approverId, toStatus: 'published',
        reason: dto.reason, changes: { correctsVerdictId: current.id, rating: dto.rating, summary: dto.summary, version: published.verdict.version },
      });
      return published;
    });
    await this.announce(verdict, deliveries);
    return verdict;
  }

  /**
   * An approver sets or changes the publication (and the short claim) of the published verdict in place: no new
   * version, no feed position, no webhook; audited with what it was and what it became. Unchanged values write nothing.
   */
  async updatePublication(verdictId: string, dto: UpdatePublicationDto, approverId: string): Promise<VerdictDto> {
    if (dto.publication === undefined && dto.claimReviewed === undefined && dto.reviewBy === undefined) {
      throw unprocessable('nothing_to_update', 'Send publication, claimReviewed, reviewBy or some of them.');
    }
    return this.db.transaction(async (tx) => {
      const [verdict] = await rows<VerdictDto>(tx, `SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE id = $1 FOR UPDATE`, [verdictId]);
      if (!verdict) throw notFound('verdict', verdictId);
      if (verdict.status !== 'published') {
        const hint = verdict.status === 'superseded'
          ? 'a later version replaced it: change the current one'
          : verdict.status === 'proposed' ? 'set the publication when proposing, or once it is published' : 'it was never published';
        throw conflict('verdict_not_published', `This verdict is ${verdict.status}, not published; ${hint}.`, { currentStatus: verdict.status });
      }
      const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);
      const before = { publication: verdict.publication, claimReviewed: verdict.claimReviewed, reviewBy: iso(verdict.reviewBy) };
      const after = {
        publication: dto.publication !== undefined ? publicationView(dto.publication) : verdict.publication,
        // null takes it back: no publication (out of the sitemap, no ClaimReview url), or the claim's sentence.
        claimReviewed: dto.claimReviewed !== undefined ? (dto.claimReviewed?.trim() ?? null) : verdict.claimReviewed,
        reviewBy: dto.reviewBy !== undefined ? iso(dto.reviewBy) : before.reviewBy,
      };
      if (JSON.stringify(before) === JSON.stringify(after)) return verdict;
      const [updated] = await rows<VerdictDto>(
        tx,
        `UPDATE verdicts SET publication_url = $2, publication_headline = $3, publication_language = $4, publication_image_url = $5,
                claim_reviewed = $6, review_by = $7,
                publication_updated_at = CASE WHEN $8 THEN now() ELSE publication_updated_at END
          WHERE id = $1 RETURNING ${VERDICT_COLUMNS}`,
        [verdictId, ...publicationColumns(after.publication), after.claimReviewed, after.reviewBy,
          JSON.stringify([before.publication, before.claimReviewed]) !== JSON.stringify([after.publication, after.claimReviewed])],
      );
      // The audit convention: each changed field as {from, to}.
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['publication', 'claimReviewed', 'reviewBy'] as const) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
      }
      await this.audit.record(tx, {
        entityType: 'verdict', entityId: verdictId, claimId: verdict.claimId, action: 'verdict.publication_updated', actorId: approverId,
        fromStatus: 'published', toStatus: 'published', changes,
      });
      return updated;
    });
  }

  /**
   * Resolves a re-check by confirming the published verdict: it stands against the new figure. Records "re-checked on
   * <date> against <figures>" (lastRecheck), clears the re-check, finishes the re-check task, adds the figures to the
   * verdict's basis (so the same figure does not make it due again) and sets the next review date. Audited
   * `verdict.recheck_confirmed`. 409 recheck_not_due when it is not due; lease_held while another editor holds the task.
   */
  async confirmRecheck(verdictId: string, dto: ConfirmRecheckDto, userId: string): Promise<VerdictDto> {
    return this.db.transaction(async (tx) => {
      // Lock order: task, claim, verdict (as elsewhere).
      const [claimRow] = await rows<{ claim_id: string }>(tx, `SELECT claim_id FROM verdicts WHERE id = $1`, [verdictId]);
      if (!claimRow) throw notFound('verdict', verdictId);
      const task = await this.review.lockOpenTasks(tx, claimRow.claim_id);
      if (task && task.status === 'leased' && !task.expired && task.leased_by !== userId) {
        const [holder] = await rows<{ name: string }>(tx, `SELECT name FROM users WHERE id = $1`, [task.leased_by]);
        throw conflict('lease_held', `${holder?.name ?? 'Another editor'} is working on this re-check.`, { leasedBy: task.leased_by, leasedByName: holder?.name ?? null });
      }
      const [verdict] = await rows<{
        id: string; claim_id: string; status: string; recheck_due_at: Date | null; recheck_reason: RecheckReason | null; recheck_figure: RecheckFigure | null;
        basis: { confirmed?: RecheckFigure[] } | null; category: string;
      }>(
        tx,
        `SELECT v.id, v.claim_id, v.status, v.recheck_due_at, v.recheck_reason, v.recheck_figure, v.basis, c.category
           FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE v.id = $1 FOR UPDATE OF v`,
        [verdictId],
      );
      if (verdict.status !== 'published' || !verdict.recheck_due_at) {
        throw conflict('recheck_not_due', verdict.status !== 'published'
          ? `This verdict is ${verdict.status}; only the published one is re-checked.`
          : 'This verdict is not due for a re-check.', { currentStatus: verdict.status });
      }
      const extraIds = dto.sourceIds ? await this.checkSources(tx, verdict.claim_id, dto.sourceIds) : [];
      const extra = await rows<RecheckFigure & { title: string }>(
        tx,
        `SELECT figure_value AS value, figure_low AS low, figure_high AS high, NULL AS text, to_char(figure_as_of, 'YYYY-MM-DD') AS "asOf",
                id AS "sourceId", coalesce(publisher, title) AS who, title
           FROM sources WHERE id = ANY($1::uuid[]) AND coalesce(figure_value, figure_low, figure_high) IS NOT NULL`,
        [extraIds],
      );
      const figures: RecheckFigure[] = [...(verdict.recheck_figure ? [verdict.recheck_figure] : []), ...extra.map(({ title: _t, ...f }) => f)];
      const [me] = await rows<{ name: string }>(tx, `SELECT name FROM users WHERE id = $1`, [userId]);
      const today = new Date().toISOString().slice(0, 10);
      const text = `Re-checked on ${today} against ${figures.length > 0 ? figures.map(describeFigure).join('; ') : 'its sources (the review date had passed)'}.`;
      const last = { at: new Date().toISOString(), byName: me?.name ?? null, note: dto.note, text, reason: verdict.recheck_reason! };
      // The confirmed figures join the basis; the source ids the confirmation cites join the verdict's.
      await tx.query(
        `UPDATE verdicts SET recheck_due_at = NULL, recheck_reason = NULL, recheck_figure = NULL, last_recheck = $2, review_by = NULL,
                source_ids = ARRAY(SELECT DISTINCT unnest(source_ids || $3::uuid[]))
          WHERE id = $1`,
        [verdictId, JSON.stringify(last), extraIds],
      );
      const basis = await this.recheck.snapshot(tx, verdictId, [...(verdict.basis?.confirmed ?? []), ...figures]);
      if (dto.reviewBy) await tx.query(`UPDATE verdicts SET review_by = $2 WHERE id = $1`, [verdictId, dto.reviewBy]);
      if (task) {
        await tx.query(`UPDATE review_tasks SET status = 'done', completed_at = now(), leased_by = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`, [task.id]);
      }
      await this.audit.record(
        tx,
        {
          entityType: 'verdict', entityId: verdictId, claimId: verdict.claim_id, action: 'verdict.recheck_confirmed', actorId: userId,
          fromStatus: 'published', toStatus: 'published', reason: verdict.recheck_reason,
          changes: { note: dto.note, text, figures, sourceIds: extraIds, band: basis.band, dueSince: verdict.recheck_due_at.toISOString() },
        },
        ...(task ? [{
          entityType: 'review_task' as const, entityId: task.id, claimId: verdict.claim_id, action: 'task.completed', actorId: userId,
          fromStatus: task.status, toStatus: 'done', reason: 'recheck_confirmed',
        }] : []),
      );
      const [updated] = await rows<VerdictDto>(tx, `SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE id = $1`, [verdictId]);
      return updated;
    });
  }

  /**
   * After the commit, never inside the transaction (a rolled-back publication must not be logged or sent):
   * one log line per publication (corrections too), then the webhook deliveries go out.
   */
  private async announce(verdict: VerdictDto, deliveries: string[]): Promise<void> {
    if (verdict.status === 'published') {
      this.logger.log(
        {
          verdictId: verdict.id, claimId: verdict.claimId, version: verdict.version, rating: verdict.rating,
          correctsVerdictId: verdict.correctsVerdictId, approvedBy: verdict.approvedBy, webhookDeliveries: deliveries.length,
        },
        'verdict published',
      );
    }
    await this.outbox.dispatch(deliveries);
  }

  /**
   * Makes a verdict the claim's current one: the previous one is superseded, the verdict gets the
   * next feed position and a webhook event is written to the outbox, all in the caller's transaction.
   * The advisory lock makes feed positions follow commit order, so a poller of ?since= never skips one.
   */
  private async publish(tx: EntityManager, verdictId: string, approverId: string | null, event: 'verdict.published' | 'verdict.corrected') {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [FEED_LOCK]);
    const [{ claim_id: claimId, rating, source_ids: sourceIds }] = await rows<{ claim_id: string; rating: Rating; source_ids: string[] }>(
      tx, `SELECT claim_id, rating, source_ids FROM verdicts WHERE id = $1`, [verdictId],
    );
    requireEvidence(rating, sourceIds);
    // A correction replaces a verdict that may be due for a re-check: that re-check is resolved by it (audited).
    const [previous] = await rows<{ id: string }>(tx, `SELECT id FROM verdicts WHERE claim_id = $1 AND status = 'published'`, [claimId]);
    if (previous) await this.recheck.resolveByCorrection(tx, claimId, previous.id, verdictId, approverId);
    await tx.query(`UPDATE verdicts SET status = 'superseded' WHERE claim_id = $1 AND status = 'published'`, [claimId]);
    await tx.query(
      `UPDATE verdicts SET status = 'published', approved_by = coalesce($2, approved_by), published_at = now(),
              feed_seq = nextval('verdicts_feed_seq')
        WHERE id = $1`,
      [verdictId, approverId],
    );
    // What it rests on, as published: the claim's figure, its sources' figures and dates, the band; and its review date.
    await this.recheck.snapshot(tx, verdictId);
    const [verdict] = await rows<VerdictDto>(tx, `SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE id = $1`, [verdictId]);
    const [claim] = await rows(
      tx,
      `SELECT c.id, c.text, c.category, c.quantity_text AS "quantityText", a.id AS "articleId", a.url AS "articleUrl"
         FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = $1`,
      [claimId],
    );
    // Receivers are outside the desk: the payload carries the public verdict, without who wrote or approved it.
    const deliveries = await this.outbox.emit(tx, event, { verdict: publicVerdict(verdict), claim });
    return { verdict, deliveries };
  }

  /** The second approver publishes a proposed correction, if the verdict it corrects is still the current one. */
  private async publishCorrection(tx: EntityManager, proposed: VerdictDto, approverId: string) {
    const [current] = await rows<{ id: string }>(tx, `SELECT id FROM verdicts WHERE claim_id = $1 AND status = 'published'`, [proposed.claimId]);
    if (current?.id !== proposed.correctsVerdictId) {
      throw conflict('correction_stale', `This correction was written against verdict ${proposed.correctsVerdictId}, which is no longer the published one; reject it and correct the current one.`);
    }
    await this.review.moveClaim(tx, proposed.claimId, 'published', approverId, 'claim.corrected', proposed.correctionReason);
    const published = await this.publish(tx, proposed.id, approverId, 'verdict.corrected');
    await this.audit.record(tx, {
      entityType: 'verdict', entityId: proposed.id, claimId: proposed.claimId, action: 'verdict.correction_approved', actorId: approverId,
      fromStatus: 'proposed', toStatus: 'published', reason: proposed.correctionReason,
      changes: { correctsVerdictId: proposed.correctsVerdictId, version: proposed.version },
    });
    return published;
  }

  private async lockProposed(tx: EntityManager, verdictId: string): Promise<VerdictDto> {
    const [verdict] = await rows<VerdictDto>(tx, `SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE id = $1 FOR UPDATE`, [verdictId]);
    if (!verdict) throw notFound('verdict', verdictId);
    if (verdict.status !== 'proposed') {
      throw conflict('verdict_not_proposed', `This verdict is ${verdict.status}, not waiting for approval.`, { currentStatus: verdict.status });
    }
    return verdict;
  }

  private async checkSources(tx: EntityManager, claimId: string, ids: string[]): Promise<string[]> {
    const sourceIds = [...new Set(ids)];
    if (sourceIds.length === 0) return sourceIds;
    const known = await rows<{ id: string }>(tx, `SELECT id FROM sources WHERE claim_id = $1 AND id = ANY($2::uuid[])`, [claimId, sourceIds]);
    const missing = sourceIds.filter((id) => !known.some((k) => k.id === id));
    if (missing.length > 0) {
      throw unprocessable('unknown_sources', `These sources are not attached to claim ${claimId}: ${missing.join(', ')}.`, { missing });
    }
    return sourceIds;
  }
}
