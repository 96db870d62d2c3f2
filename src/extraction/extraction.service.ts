import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, EXTRACTED_CLAIMS, type ExtractedClaimEntry } from '../audit/audit.service.js';
import type { ClaimStatus } from '../claims/claim.entity.js';
import { AppConfig } from '../config/config.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { CLAIM_COLUMNS, claimRow } from './claim-rows.js';
import { preparedRows, rows } from '../database/sql.js';
import { ClaimMatcher, type FoundMatch } from '../matching/claim-matcher.js';
import { intervalOf } from '../matching/match-score.js';
import { ReviewService } from '../review/review.service.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.service.js';
import { ExtractionTimeoutError, ExtractorPool, type PoolResult, type PublicationTime } from './extractor-pool.js';
import { EXTRACTOR_VERSION, isSupportedLanguage, SUPPORTED_LANGUAGES, type ClaimCategory, type ExtractedClaim } from '../extractor/index.js';
import { detectLanguage, UNDETERMINED } from '../articles/language.js';
import { ClaimReconciliation, type ClaimChanges } from './claim-reconciliation.service.js';
import { planReconciliation, type StoredClaim } from './reconcile.js';
import { RecheckService } from '../verdicts/recheck.service.js';

export type ExtractionOutcome =
  | { status: 'extracted'; claims: number; queued: number; skippedSentences: number; changes: ClaimChanges }
  | { status: 'unsupported_language'; language: string }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

/** What turns an article's text into claims: the thread pool in the app; tests may pass their own. */
export interface ClaimExtractor {
  /** Rejects with ExtractionTimeoutError after `timeoutMs`. */
  extract(text: string, published: PublicationTime, timeoutMs: number): Promise<PoolResult>;
  /** Gets ready for work ahead of the first article (the pool starts its threads). */
  warm?(): void;
}

/** Claims per insert (claims, review tasks): an article with tens of thousands of figures is written in steps. */
const BATCH = 1000;
/**
 * Claims matched per round trip during extraction (ClaimMatcher.findRepeats: at most 20 published candidates a claim;
 * a news article's ~70 figures in one): at most MATCH_BATCH claims, and only as many as hold MATCH_BATCH_CHARS of text
 * between them (at least one). Batches let the extraction budget stop a freak article between them and bound the
 * parameters pg encodes at once, synchronously: each claim of a list of 50,000 figures carries the whole list (344 KB),
 * and 250 of them in one statement held /health/live for 716 ms. findRepeats ranks 25 claims between turns of the
 * event loop, so an API sharing it keeps answering (when matching searched words for each claim, 50 a batch once held
 * /health/live for 711 ms on a loaded machine).
 */
const MATCH_BATCH = 250;
const MATCH_BATCH_CHARS = 200_000;

/** Turns an article into stored claims and review tasks. Idempotent: a second run changes nothing. */
@Injectable()
export class ExtractionService {
  private readonly logger = new Logger(ExtractionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly review: ReviewService,
    private readonly outbox: WebhookOutbox,
    private readonly matcher: ClaimMatcher,
    @Inject(ExtractorPool) private readonly extractor: ClaimExtractor,
    private readonly recheck: RecheckService,
  ) {
    this.reconciliation = new ClaimReconciliation(audit, recheck);
  }

  private readonly reconciliation: ClaimReconciliation;

  /** Called by the queue worker at boot: the extractor is ready before the first article comes. */
  warmUp(): void {
    this.extractor.warm?.();
  }

  async extractArticle(articleId: string): Promise<ExtractionOutcome> {
    // Mark the work as started, only if it is still due. Anything else (extracted, failed, gone) is a no-op.
    const [article] = await preparedRows<{ text: string; published_at: Date | null; time_zone: string; language: string | null; revision: number }>(
      this.db,
      `UPDATE articles SET status = 'extracting', updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'extracting')
        RETURNING text, published_at, time_zone, language, revision`,
      [articleId],
    );
    if (!article) return { status: 'skipped', reason: 'article is not waiting for extraction' };

    // Articles from before language detection (NULL) are detected now, once.
    const language = article.language ?? detectLanguage(article.text).language;
    if (article.language === null) await this.db.query(`UPDATE articles SET language = $2 WHERE id = $1 AND language IS NULL`, [articleId, language]);
    // The rules read English number forms and vocabulary: on another language they would guess ("100.000 soldados" read
    // as 100), so such an article gets no claims. An undetermined language ('und': a text too short to tell) is extracted.
    if (language !== UNDETERMINED && !isSupportedLanguage(language)) return this.markUnsupportedLanguage(articleId, language);

    // The article's budget covers both the extraction (its thread is stopped at the deadline) and storing what came
    // out (tens of thousands of claims take long to index): past it the article fails, for good, with extraction_timeout.
    const budget = new Budget(this.config.EXTRACTION_TIMEOUT_MS);
    try {
      return await this.extractAndStore(articleId, article, budget);
    } catch (err) {
      const timeout = err instanceof ExtractionTimeoutError ? err : isStatementTimeout(err) ? budget.exceeded('storing the claims') : null;
      if (!timeout) throw err;
      // A timeout is final: the same text would time out again, so the job ends here instead of retrying.
      await this.markFailed(articleId, `${timeout.code}: ${timeout.message}; not retried, the same text would time out again`);
      return { status: 'failed', reason: timeout.code };
    }
  }

  private async extractAndStore(articleId: string, article: { text: string; published_at: Date | null; time_zone: string; revision: number }, budget: Budget): Promise<ExtractionOutcome> {
    const { claims: extracted, skipped, waitedMs } = await this.extractor.extract(article.text, { publishedAt: article.published_at, timeZone: article.time_zone }, budget.remaining());
    // Waiting for a thread (another job's article in it: fewer threads than jobs) is not this article's time.
    budget.extend(waitedMs ?? 0);
    // A sentence the extractor could not analyse is skipped, not the article; logged for whoever fixes the rule.
    for (const s of skipped) {
      this.logger.warn({
        msg: `article ${articleId}: sentence ${s.index} skipped, the extractor threw: ${s.error}; rules fired before: ${s.rules.join(', ') || 'none'}`,
        articleId, sentenceIndex: s.index, start: s.start, end: s.end, error: s.error, rules: s.rules, reproduced: s.reproduced,
      });
    }

    const result = await this.db.transaction(async (tx) => {
      // The row lock serialises concurrent runs of the same job; the second one sees `extracted` and stops. A new
      // revision ingested while this one was being extracted makes this run stale: the next job extracts it.
      // No statement after this one may outlive the budget (SET LOCAL, in the same round trip); between the batches below
      // the budget is checked too.
      const [current] = await preparedRows<{ status: string; revision: number }>(
        tx,
        `SELECT status, revision, set_config('statement_timeout', $2, true) FROM articles WHERE id = $1 FOR UPDATE`,
        [articleId, String(budget.remaining())],
      );
      if (!current || current.status !== 'extracting' || current.revision !== article.revision) {
        const state = !current ? 'gone' : current.revision !== article.revision ? `at revision ${current.revision} now` : current.status;
        return { outcome: { status: 'skipped', reason: `article is ${state}` } as const, deliveries: [] };
      }

      // The claims of earlier revisions (or of an earlier extraction of this one) still in the text, matched to the
      // fresh ones: unchanged ones keep their id, status, sources and verdict (see planReconciliation).
      const { stored, next } = await this.reconciliation.storedClaims(tx, articleId);
      const plan = planReconciliation(stored, extracted, article.text);

      const threshold = this.config.CHECKWORTHINESS_THRESHOLD;
      // A claim that replaces one an editor worked on is reviewed again, whatever its score.
      const statusOf = (c: ExtractedClaim, supersedes: StoredClaim | null): ClaimStatus =>
        (c.checkworthiness >= threshold || supersedes?.worked ? 'queued' : 'dismissed');
      const fresh = [
        ...plan.added.map((i) => ({ i, supersedes: null as StoredClaim | null })),
        ...plan.superseded.map((s) => ({ i: s.fresh, supersedes: s.stored })),
      ].sort((a, b) => a.i - b.i);
      const inserted: Array<{ id: string; ordinal: number; status: ClaimStatus; checkworthiness: number; category: ClaimCategory; terms: string[] }> = [];
      for (let i = 0; i < fresh.length; i += BATCH) {
        budget.check('storing the claims');
        inserted.push(...await bulkInsert<(typeof inserted)[number]>(
          tx,
          'claims',
          [...CLAIM_COLUMNS, 'revision', 'supersedes_claim_id'],
          fresh.slice(i, i + BATCH).map((n, k) => {
            const c = extracted[n.i];
            const status = statusOf(c, n.supersedes);
            return [...claimRow(articleId, next + i + k, c, status, status === 'dismissed' ? 'low_checkworthiness' : null), article.revision, n.supersedes?.id ?? null];
          }),
          // (its words as the insert's trigger stored them: matching compares them below)
          'ON CONFLICT (article_id, ordinal) DO NOTHING RETURNING id, ordinal, status, checkworthiness, category, array_to_json(tsvector_to_array(match_terms)) AS terms',
        ));
      }
      /** The fresh claim (index in `extracted`) an inserted row holds, and the stored claim it supersedes. */
      const sourceOf = (ordinal: number) => fresh[ordinal - next];

      const queued = inserted.filter((c) => c.status === 'queued');
      for (let i = 0; i < queued.length; i += BATCH) {
        budget.check('storing the claims');
        await this.review.createTasks(tx, queued.slice(i, i + BATCH).map((c) => ({ claimId: c.id, checkworthiness: c.checkworthiness, category: c.category })));
      }

      budget.check('reconciling the claims');
      const recheckDeliveries = await this.reconciliation.apply(
        tx, articleId, article.revision, plan, extracted, inserted.map((c) => ({ id: c.id, supersedes: sourceOf(c.ordinal).supersedes })), article.published_at,
      );

      // Claim matching: a new claim with a number that repeats a published claim of another article (its figure, or
      // the figure in its text) is linked to it (`suggested`); the editor sees that verdict as a suggestion and
      // confirms or unlinks it.
      const numeric = inserted.filter((c) => intervalOf(extracted[sourceOf(c.ordinal).i].quantity) !== null);
      // (in batches: one query for the tens of thousands of figures of a freak article would hold the event loop while
      // pg encodes its parameters)
      const found: FoundMatch[] = [];
      for (let i = 0, end = 0; i < numeric.length; i = end) {
        budget.check('matching the claims');
        let chars = 0;
        for (end = i; end < numeric.length && end - i < MATCH_BATCH; end++) {
          chars += extracted[sourceOf(numeric[end].ordinal).i].text.length;
          if (end > i && chars > MATCH_BATCH_CHARS) break;
        }
        const batch = numeric.slice(i, end);
        const matches = await this.matcher.findRepeats(
          batch.map((c) => {
            const e = extracted[sourceOf(c.ordinal).i];
            return { ...e, id: c.id, terms: c.terms, speaker: e.attribution?.speaker ?? null, publishedAt: article.published_at?.toISOString() ?? null };
          }),
          articleId,
          tx,
        );
        for (const m of matches) found.push({ ...m, query: m.query + i });
      }
      // Living verdicts: a new figure of the same quantity outside a published verdict's band on another article makes
      // that verdict due for a re-check (RecheckService.onExtractedClaims: one indexed query per 500 claims).
      budget.check('checking published verdicts');
      const articleDate = article.published_at?.toISOString().slice(0, 10) ?? null;
      recheckDeliveries.push(...await this.recheck.onExtractedClaims(tx, articleId, numeric.map((c) => {
        const e = extracted[sourceOf(c.ordinal).i];
        return {
          id: c.id, category: e.category, unit: e.quantity?.unit ?? null, location: e.location, subject: e.subject,
          value: e.quantity?.value ?? null, low: e.quantity?.low ?? null, high: e.quantity?.high ?? null, text: e.quantity?.text ?? null,
          speaker: e.attribution?.speaker ?? null, date: e.timeRef?.date ?? e.timeRef?.to ?? articleDate,
        };
      })));
      const links = new Map<string, FoundMatch>();
      for (const m of found) if (!links.has(numeric[m.query].id)) links.set(numeric[m.query].id, m); // best first

      const changes = {
        revision: article.revision,
        kept: plan.kept.length, added: plan.added.length, superseded: plan.superseded.length, gone: plan.gone.length,
      };
      // The links, the revision and the article in one statement; it hands back the links written.
      const linked = new Set((await preparedRows<{ id: string }>(
        tx,
        `WITH links AS (
           UPDATE claims c SET matched_claim_id = l.matched, match_score = l.score, match_status = 'suggested'
             FROM unnest($6::uuid[], $7::uuid[], $8::real[]) AS l(id, matched, score)
            -- (still published: the worker's published figures may lag a publication withdrawn a moment ago)
            WHERE c.id = l.id AND EXISTS (SELECT 1 FROM claims m WHERE m.id = l.matched AND m.status = 'published')
           RETURNING c.id
         ), revision AS (
           UPDATE article_revisions SET extracted_at = now(), extractor_version = $2, changes = $5 WHERE article_id = $1 AND revision = $4
         ), article AS (
           UPDATE articles SET status = 'extracted', extracted_at = now(), extractor_version = $2, failure_reason = NULL,
                  skipped_sentences = $3, updated_at = now()
            WHERE id = $1
         )
         SELECT id FROM links`,
        [articleId, EXTRACTOR_VERSION, skipped.length, article.revision, JSON.stringify(changes),
          [...links.keys()], [...links.values()].map((m) => m.claimId), [...links.values()].map((m) => m.score)],
      )).map((r) => r.id));
      // One audit event for the extraction, naming every claim it stored with what the extractor read (so that editors'
      // corrections never hide what the machine read); a claim's history shows its part as claim.extracted
      // (AuditService.claimHistory derives it), instead of one row per claim.
      await this.audit.record(
        tx,
        {
          entityType: 'article',
          entityId: articleId,
          action: 'article.extracted',
          fromStatus: 'extracting',
          toStatus: 'extracted',
          changes: {
            claims: inserted.length, queued: queued.length, extractorVersion: EXTRACTOR_VERSION, ...changes,
            ...(skipped.length > 0 ? { skippedSentences: skipped.map((s) => ({ index: s.index, start: s.start, end: s.end, error: s.error, rules: s.rules })) } : {}),
            [EXTRACTED_CLAIMS]: inserted.map((c): ExtractedClaimEntry => {
              const source = sourceOf(c.ordinal);
              return {
                id: c.id, ordinal: c.ordinal, status: c.status, ...(c.status === 'dismissed' ? { reason: 'low_checkworthiness' } : {}),
                extracted: extractedFields(extracted[source.i]),
                ...(source.supersedes ? { supersedesClaimId: source.supersedes.id } : {}),
              };
            }),
          },
        },
        // (after it: a claim's history lists its extraction, then the match it was given)
        ...[...links].filter(([id]) => linked.has(id)).map(([id, m]) => ({
          entityType: 'claim' as const,
          entityId: id,
          action: 'claim.match_suggested',
          changes: { match: { claimId: m.claimId, score: m.score, reasons: m.reasons } },
        })),
      );
      const deliveries = await this.outbox.emit(tx, 'article.extracted', {
        article: { id: articleId, claims: inserted.length, queued: queued.length, extractorVersion: EXTRACTOR_VERSION, ...changes },
      });
      return {
        outcome: { status: 'extracted', claims: inserted.length, queued: queued.length, skippedSentences: skipped.length, changes } as const,
        deliveries: [...recheckDeliveries, ...deliveries],
      };
    });
    await this.outbox.dispatch(result.deliveries);
    return result.outcome;
  }

  /** Final, like extracted: no claims, until someone corrects the language and retries (POST /v1/articles/{id}/retry). */
  private async markUnsupportedLanguage(articleId: string, language: string): Promise<ExtractionOutcome> {
    const outcome = await this.db.transaction(async (tx) => {
      const updated = await rows(
        tx,
        `UPDATE articles SET status = 'unsupported_language', extracted_at = now(), extractor_version = $2, failure_reason = NULL,
                skipped_sentences = 0, updated_at = now()
          WHERE id = $1 AND status = 'extracting' RETURNING id`,
        [articleId, EXTRACTOR_VERSION],
      );
      if (updated.length === 0) return { status: 'skipped', reason: 'article is no longer extracting' } as const;
      await this.audit.record(tx, {
        entityType: 'article', entityId: articleId, action: 'article.unsupported_language',
        fromStatus: 'extracting', toStatus: 'unsupported_language', reason: 'unsupported_language',
        changes: { language, supportedLanguages: SUPPORTED_LANGUAGES, extractorVersion: EXTRACTOR_VERSION },
      });
      return { status: 'unsupported_language', language } as const;
    });
    if (outcome.status === 'unsupported_language') {
      this.logger.log({
        msg: `article ${articleId} not extracted: language ${language} is not supported (supported: ${SUPPORTED_LANGUAGES.join(', ')})`,
        articleId, language, outcome: 'unsupported_language', supportedLanguages: SUPPORTED_LANGUAGES,
      });
    }
    return outcome;
  }

  /** After the last retry: the article is marked failed with the reason, for an operator to see. */
  async markFailed(articleId: string, reason: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const updated = await rows(
        tx,
        `UPDATE articles SET status = 'failed', failure_reason = $2, updated_at = now()
          WHERE id = $1 AND status IN ('queued', 'extracting') RETURNING id`,
        [articleId, reason.slice(0, 2000)],
      );
      if (updated.length > 0) {
        await this.audit.record(tx, { entityType: 'article', entityId: articleId, action: 'article.failed', toStatus: 'failed', reason });
      }
    });
    this.logger.error(`extraction of article ${articleId} failed for good: ${reason}`);
  }
}

/** An article's time budget (EXTRACTION_TIMEOUT_MS), from the start of its extraction to the commit of its claims. */
class Budget {
  private deadline: number;

  constructor(readonly ms: number) {
    this.deadline = Date.now() + ms;
  }

  /** Moves the deadline on by time that was not the article's own. */
  extend(ms: number): void {
    this.deadline += Math.max(0, ms);
  }

  /** Milliseconds left, at least 1 (0 would mean "no limit" to Postgres and to the pool). */
  remaining(): number {
    return Math.max(1, this.deadline - Date.now());
  }

  exceeded(stage: string): ExtractionTimeoutError {
    return new ExtractionTimeoutError(this.ms, stage);
  }

  check(stage: string): void {
    if (Date.now() >= this.deadline) throw this.exceeded(stage);
  }
}

/** Postgres cancelled a statement at statement_timeout (SQLSTATE 57014 with that message). */
function isStatementTimeout(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '57014' && /statement timeout/.test(e.message ?? '');
}

/** The editable fields as the extractor produced them. */
export function extractedFields(c: ExtractedClaim) {
  return {
    category: c.category,
    quantity: c.quantity,
    subject: c.subject,
    location: c.location,
    speaker: c.attribution?.speaker ?? null,
    speakerRole: c.attribution?.role ?? null,
    timeRef: c.timeRef,
  };
}
