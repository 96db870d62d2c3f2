import { AppConfig } from '../config/config.js';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIT_COLUMNS, AuditService } from '../audit/audit.service.js';
import { ReadScope } from '../auth/read-scope.js';
import { CURSOR_KEY, decodeKeyCursor, encodeKeyCursor, sqlTimestampKey, type Page } from '../common/pagination.js';
import { conflict, notFound, ProblemException } from '../common/problem.js';
import { preparedRows, rows, SqlFilter } from '../database/sql.js';
import { QueueService } from '../queue/queue.service.js';
import type { ArticleStatus } from './article.entity.js';
import type {
  ArticleDto, ArticleRevisionsDto, ArticleRevisionTextDto, ArticleSummaryDto, ClaimChangesDto, CreateArticleDto, IngestResultDto, ListArticlesQuery, RetryArticleDto,
} from './articles.dto.js';
import { detectLanguage } from './language.js';
import { normalizeUrl, textHash } from './normalize.js';
import { revisionClaims, type ClaimInRevisions } from './revision-changes.js';

const ARTICLES_CURSOR = 'ar';

/** Texts are unique across articles: a revision may not take the text another article already has. */
const textOfOtherArticle = (otherId: string | null) =>
  conflict('text_of_other_article', `This text is already the text of another article${otherId ? ` (${otherId})` : ''}; a revision must have text of its own.`,
    otherId ? { articleId: otherId } : {});

@Injectable()
export class ArticlesService {
  private readonly logger = new Logger(ArticlesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Stores the article (status `queued`) and then enqueues its extraction. The row is the durable
   * record that work is due: if the enqueue fails or Redis later loses the job, the worker's
   * reconciler re-enqueues it. The same url or the same text again returns the existing article.
   */
  async ingest(dto: CreateArticleDto, actorId: string | null): Promise<IngestResultDto> {
    const urlNormalized = dto.url ? normalizeUrl(dto.url) : null;
    const hash = textHash(dto.text);
    // The desk's word over the detector's: a caller who gives the language knows it.
    const detected = dto.language ? null : detectLanguage(dto.text);
    const language = dto.language ?? detected!.language;
    // One statement (atomic on its own): the article, its first revision and the audit event, or nothing when the url or
    // the text is known (ON CONFLICT: then no revision and no event either). The text goes over the wire once.
    const [inserted] = await preparedRows<{ id: string; status: ArticleStatus }>(
      this.db,
      `WITH inserted AS (
         -- The zone: the caller's, else the publisher's setting, else the configured default.
         INSERT INTO articles (url, url_normalized, title, publisher, published_at, text, text_hash, status, created_by, language, time_zone)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, $9,
                 coalesce($10, (SELECT p.time_zone FROM publishers p WHERE lower(p.name) = lower($4)), $11))
         ON CONFLICT DO NOTHING
         RETURNING id, status
       ), revision AS (
         INSERT INTO article_revisions (article_id, revision, title, text, text_hash, created_by)
         SELECT id, 1, $3, $6, $7, $8 FROM inserted
       ), audit AS (
         INSERT INTO audit_events (${AUDIT_COLUMNS.join(', ')})
         SELECT 'article', id, 'article.ingested', NULL, $8, NULL, 'queued', NULL, $12::jsonb FROM inserted
       )
       SELECT id, status FROM inserted`,
      [dto.url ?? null, urlNormalized, dto.title, dto.publisher ?? null, dto.publishedAt ?? null, dto.text, hash, actorId, language,
        dto.timeZone ?? null, this.config.DEFAULT_TIME_ZONE,
        JSON.stringify({
          url: dto.url ?? null, title: dto.title, language, revision: 1,
          languageSource: detected ? 'detected' : 'given',
          ...(detected ? { languageConfidence: Math.round(detected.confidence * 1000) / 1000 } : {}),
        })],
    );

    if (!inserted) {
      // A known url with new text is a new revision of that article; anything else already there is returned as it is.
      const revised = urlNormalized ? await this.revise(urlNormalized, hash, dto, language, actorId) : null;
      if (revised) {
        await this.queueExtraction(revised.id, true);
        return revised;
      }
      const [existing]: Array<{ id: string; status: ArticleStatus; revision: number }> = await this.db.query(
        `SELECT id, status, revision FROM articles WHERE url_normalized = $1 OR text_hash = $2 ORDER BY created_at LIMIT 1`,
        [urlNormalized, hash],
      );
      return { id: existing.id, status: existing.status, created: false, revised: false, revision: existing.revision };
    }

    await this.queueExtraction(inserted.id);
    return { id: inserted.id, status: inserted.status, created: true, revised: false, revision: 1 };
  }

  /**
   * New text under a known url: the article's next revision. Every revision's text stays in article_revisions; the
   * article row takes the new text and goes back to `queued`, and the extraction reconciles the claims (ExtractionService).
   * null when the url's article has this text already (the same text again), is an imported fact-check, or the url is not known.
   */
  private async revise(urlNormalized: string, hash: string, dto: CreateArticleDto, language: string, actorId: string | null): Promise<IngestResultDto | null> {
    try {
      return await this.db.transaction(async (tx) => {
        const [article]: Array<{ id: string; text_hash: string; revision: number; status: ArticleStatus; imported: boolean }> = await tx.query(
          `SELECT a.id, a.text_hash, a.revision, a.status,
                  EXISTS (SELECT 1 FROM claims c JOIN fact_checks f ON f.claim_id = c.id WHERE c.article_id = a.id) AS imported
             FROM articles a WHERE a.url_normalized = $1 FOR UPDATE OF a`,
          [urlNormalized],
        );
        // An imported fact-check's page stands for another publisher's review, not for text of ours: it has no revisions.
        if (!article || article.text_hash === hash || article.imported) return null;
        const [other]: Array<{ id: string }> = await tx.query(`SELECT id FROM articles WHERE text_hash = $1`, [hash]);
        if (other) throw textOfOtherArticle(other.id);
        const revision = article.revision + 1;
        await tx.query(
          `UPDATE articles SET text = $2, text_hash = $3, title = $4, publisher = coalesce($5, publisher), published_at = coalesce($6, published_at),
                  language = $7, revision = $8, status = 'queued', failure_reason = NULL, time_zone = coalesce($9, time_zone), updated_at = now()
            WHERE id = $1`,
          [article.id, dto.text, hash, dto.title, dto.publisher ?? null, dto.publishedAt ?? null, language, revision, dto.timeZone ?? null],
        );
        await tx.query(
          `INSERT INTO article_revisions (article_id, revision, title, text, text_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
          [article.id, revision, dto.title, dto.text, hash, actorId],
        );
        await this.audit.record(tx, {
          entityType: 'article', entityId: article.id, action: 'article.revised', actorId,
          fromStatus: article.status, toStatus: 'queued',
          changes: { revision, previousRevision: article.revision, title: dto.title, language },
        });
        return { id: article.id, status: 'queued' as const, created: false, revised: true, revision };
      });
    } catch (err) {
      // Another article took this text between the check and the update (articles_text_hash_key).
      if ((err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'articles_text_hash_key') {
        throw textOfOtherArticle(null);
      }
      throw err;
    }
  }

  /**
   * Sends a failed article back to extraction (after its cause is fixed: a bug, a timeout budget, a bad row), or an
   * unsupported_language one, usually with its language corrected (`language`: the detector was wrong, or the
   * extractor learnt the language since). Same path as ingestion: the row says `queued` first, then the job; the
   * failure reason and the old language stay in the audit log.
   */
  async retry(id: string, actorId: string | null, dto: RetryArticleDto = {}): Promise<ArticleDto> {
    await this.db.transaction(async (tx) => {
      const [row]: Array<{ status: ArticleStatus; failure_reason: string | null; language: string | null }> = await tx.query(
        `SELECT status, failure_reason, language FROM articles WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw notFound('article', id);
      if (row.status !== 'failed' && row.status !== 'unsupported_language') {
        throw conflict('article_not_failed', `Article ${id} is ${row.status}; only a failed or unsupported_language article can be retried.`, { currentStatus: row.status });
      }
      const language = dto.language ?? row.language;
      await tx.query(`UPDATE articles SET status = 'queued', failure_reason = NULL, language = $2, updated_at = now() WHERE id = $1`, [id, language]);
      await this.audit.record(tx, {
        entityType: 'article',
        entityId: id,
        action: 'article.retried',
        actorId,
        fromStatus: row.status,
        toStatus: 'queued',
        reason: row.failure_reason ?? (row.status === 'unsupported_language' ? 'unsupported_language' : null),
        ...(language !== row.language ? { changes: { language: { from: row.language, to: language } } } : {}),
      });
    });
    await this.queueExtraction(id, true);
    return this.get(id, ReadScope.STAFF);
  }

  /** Best effort: the row already says the work is due, so a failed enqueue is the reconciler's to repeat. */
  private async queueExtraction(articleId: string, replaceFinishedJob = false): Promise<void> {
    try {
      // A retried article's failed job still sits in Redis under the same id; ensureEnqueued replaces it.
      if (replaceFinishedJob) await this.queues.ensureEnqueued('extract-article', { articleId });
      else await this.queues.enqueue('extract-article', { articleId });
    } catch (err) {
      this.logger.warn(`enqueue failed for article ${articleId}; the reconciler will retry: ${String(err)}`);
    }
  }

  /**
   * The desk's article list, newest first, keyset-paged on (created_at, id): index articles_created_idx, or
   * articles_{status,language,publisher}_created_idx with that filter; `q` uses the title's full-text index and the url's
   * trigram index; `since` bounds the same key. claimCount and claimCounts are one subquery per row on the
   * (article_id, ordinal) key, counting the claims still in the text.
   */
  async list(query: ListArticlesQuery): Promise<Page<ArticleSummaryDto>> {
    const limit = query.limit ?? 50;
    const where = new SqlFilter();
    if (query.status) where.add('a.status = ?', query.status);
    if (query.language) where.add('a.language = ?', query.language);
    if (query.publisher) where.add('a.publisher = ?', query.publisher);
    if (query.since) where.add('a.created_at >= ?::timestamptz', query.since);
    if (query.q) {
      const words = where.param(query.q);
      where.add(`(to_tsvector('english', a.title) @@ plainto_tsquery('english', ${words}) OR a.url_normalized ILIKE ?)`, `%${escapeLike(query.q)}%`);
    }
    if (query.cursor) {
      const [at, id] = decodeKeyCursor(query.cursor, ARTICLES_CURSOR, [CURSOR_KEY.timestamp, CURSOR_KEY.uuid]);
      where.addFixed(`(a.created_at, a.id) < (${where.param(at)}::timestamptz, ${where.param(id)}::uuid)`);
    }
    const found: Array<ArticleSummaryDto & { key: string }> = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, ${sqlTimestampKey('a.created_at')} AS key
         FROM articles a CROSS JOIN LATERAL (${CLAIM_COUNTS('TRUE')}) cc
         ${where.sql} ORDER BY a.created_at DESC, a.id DESC LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ key: _key, ...article }) => article),
      nextCursor: found.length > limit ? encodeKeyCursor(ARTICLES_CURSOR, [last.key, last.id]) : null,
    };
  }

  /** Consumers see an article once one of its claims is published, and count only the claims they can read. */
  async get(id: string, scope: ReadScope): Promise<ArticleDto> {
    const [row] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, a.text,
              (SELECT r.changes FROM article_revisions r WHERE r.article_id = a.id AND r.revision = a.revision AND r.extracted_at IS NOT NULL) AS changes
         FROM articles a CROSS JOIN LATERAL (${CLAIM_COUNTS(scope.claims('c'))}) cc
        WHERE a.id = $1 AND ${scope.articles('a')}`,
      [id],
    );
    if (!row) throw notFound('article', id);
    return scope.staff ? row : { ...row, failureReason: null };
  }

  /**
   * Every revision of the article, newest first, without their texts: who sent it and when, its extraction, and what it
   * did to the claims (revisionClaims: from the claims' own revision, goneInRevision and supersedesClaimId). Desk only.
   */
  async revisions(id: string): Promise<ArticleRevisionsDto> {
    const revisions = await rows<Omit<ArticleRevisionsDto['items'][number], 'claims'> & { changes: ClaimChangesDto | null }>(
      this.db,
      `SELECT r.revision, r.title, r.created_at AS "createdAt", u.name AS "createdByName", r.extracted_at AS "extractedAt",
              r.extractor_version AS "extractorVersion", length(r.text)::int AS "textLength", r.changes
         FROM article_revisions r LEFT JOIN users u ON u.id = r.created_by
        WHERE r.article_id = $1 ORDER BY r.revision DESC`,
      [id],
    );
    if (revisions.length === 0) throw notFound('article', id);
    const claims = await rows<ClaimInRevisions>(
      this.db,
      `SELECT c.id, c.text, c.quantity_text AS "quantityText", c.category, c.status, c.revision,
              c.gone_in_revision AS "goneInRevision", c.supersedes_claim_id AS "supersedesClaimId"
         FROM claims c WHERE c.article_id = $1 ORDER BY c.start_offset, c.ordinal`,
      [id],
    );
    return { items: revisions.map((r) => ({ ...r, claims: revisionClaims(claims, r.revision) })) };
  }

  /** One revision's title and text, as ingested. */
  async revisionText(id: string, revision: number): Promise<ArticleRevisionTextDto> {
    const [row] = await rows<ArticleRevisionTextDto>(
      this.db,
      `SELECT revision, title, text, created_at AS "createdAt" FROM article_revisions WHERE article_id = $1 AND revision = $2`,
      [id, revision],
    );
    if (!row) throw new ProblemException(HttpStatus.NOT_FOUND, 'article_revision_not_found', `Article ${id} has no revision ${revision}.`);
    return row;
  }
}

/** The summary columns of `articles a`, with the counts of the lateral `cc` (CLAIM_COUNTS). */
const SUMMARY_COLUMNS = `a.id, a.url, a.title, a.publisher, a.published_at AS "publishedAt", a.status,
  a.failure_reason AS "failureReason", a.language, a.skipped_sentences AS "skippedSentences", a.extractor_version AS "extractorVersion",
  a.extracted_at AS "extractedAt", a.created_at AS "createdAt", a.revision, a.time_zone AS "timeZone",
  cc.n AS "claimCount",
  json_build_object('queued', cc.queued, 'in_review', cc.in_review, 'awaiting_approval', cc.awaiting_approval,
                    'published', cc.published, 'dismissed', cc.dismissed) AS "claimCounts"`;

/** Claims of article `a` still in its text (and readable: `visible`, a condition on `c`), by status. */
const CLAIM_COUNTS = (visible: string) => `SELECT count(*)::int AS n,
    count(*) FILTER (WHERE c.status = 'queued')::int AS queued, count(*) FILTER (WHERE c.status = 'in_review')::int AS in_review,
    count(*) FILTER (WHERE c.status = 'awaiting_approval')::int AS awaiting_approval,
    count(*) FILTER (WHERE c.status = 'published')::int AS published, count(*) FILTER (WHERE c.status = 'dismissed')::int AS dismissed
  FROM claims c WHERE c.article_id = a.id AND c.gone_in_revision IS NULL AND ${visible}`;

/** `q` as a literal inside ILIKE's pattern. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
