import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { detectLanguage, isLanguageCode } from '../articles/language.js';
import { textHash } from '../articles/normalize.js';
import { AuditService, type AuditRecord } from '../audit/audit.service.js';
import { concurrentUpdate } from '../common/problem.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { rows } from '../database/sql.js';
import { CLAIM_COLUMNS, claimRow } from '../extraction/claim-rows.js';
import { EXTRACTOR_VERSION, extractClaims, isSupportedLanguage, type ExtractedClaim } from '../extractor/index.js';
import { parseClaimReviews, type FactCheckRecord, type ImportIssue } from './claim-review-parser.js';
import type { FactCheckImportReportDto, ImportedFactCheckDto } from './fact-checks.dto.js';

/** An imported claim's status reason: readers and the desk can tell it from our own published claims. */
export const IMPORTED_STATUS_REASON = 'imported_fact_check';

/** Article titles cut from claimReviewed stop at about this many characters (at a word boundary). */
const TITLE_LENGTH = 160;
/** Records extracted between two yields to the event loop (an import of thousands must not stall other requests). */
const EXTRACTION_SLICE = 200;
/** Rows per audit insert call (the events of a large import are written in steps). */
const AUDIT_BATCH = 1000;

const ARTICLE_COLUMNS = [
  'url', 'url_normalized', 'title', 'publisher', 'published_at', 'text', 'text_hash', 'status', 'created_by', 'language',
  'extractor_version', 'extracted_at',
] as const;

const FACT_CHECK_COLUMNS = [
  'claim_id', 'url', 'url_normalized', 'claim_reviewed', 'rating_name', 'rating_value', 'best_rating', 'worst_rating',
  'author_name', 'claimant', 'claim_date', 'date_published', 'language', 'raw', 'imported_by',
] as const;

export interface ImportOptions {
  dryRun?: boolean;
  /** Who imports (the admin's user id); null from the CLI. */
  actorId: string | null;
}

/**
 * Imports published fact-checks of other publishers (ClaimReview JSON-LD). Each becomes an article standing for the
 * review page (status `extracted`: never queued for extraction), one published claim (its figure fields read by the
 * extractor from claimReviewed) and a fact_checks row with the rating. No verdict of ours: our feeds and ClaimReview
 * output leave it out; claim matching finds it like any published claim.
 */
@Injectable()
export class FactChecksService {
  private readonly logger = new Logger(FactChecksService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Reads the document, checks every record, skips urls already stored (or repeated in the document) and stores the
   * rest in one transaction: all of them or, if the insert fails, none. Throws NotJsonError for a document that is not
   * JSON at all; a lost race with another import of the same url is a 409 concurrent_update (nothing stored).
   */
  async import(document: string, options: ImportOptions): Promise<FactCheckImportReportDto> {
    const parsed = parseClaimReviews(document);
    const skipped: ImportIssue[] = [];

    // The first record with a url wins; a later one with the same url (normalised) is skipped.
    const firstOf = new Map<string, FactCheckRecord>();
    const unique: FactCheckRecord[] = [];
    for (const r of parsed.found) {
      const first = firstOf.get(r.urlNormalized);
      if (first) {
        skipped.push(issue(r, 'duplicate_url', `repeats the url of the record at position ${first.position}${first.path === '$' ? '' : ` ${first.path}`} in this document`));
      } else {
        firstOf.set(r.urlNormalized, r);
        unique.push(r);
      }
    }

    const stored = await this.storedUrls(unique.map((r) => r.urlNormalized));
    const fresh: FactCheckRecord[] = [];
    for (const r of unique) {
      const found = stored.get(r.urlNormalized);
      if (found) skipped.push(issue(r, 'duplicate_url', found));
      else fresh.push(r);
    }

    const report = (factChecks: ImportedFactCheckDto[], imported: number): FactCheckImportReportDto => ({
      format: parsed.format,
      dryRun: options.dryRun === true,
      records: parsed.records,
      imported,
      importable: fresh.length,
      factChecks,
      skipped: byPosition(skipped),
      invalid: byPosition(parsed.invalid),
    });

    if (options.dryRun || fresh.length === 0) {
      return report(fresh.map((r) => ({ id: null, claimId: null, articleId: null, url: r.url, position: r.position, path: r.path })), 0);
    }

    const claims: ExtractedClaim[] = [];
    for (let i = 0; i < fresh.length; i++) {
      if (i > 0 && i % EXTRACTION_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      claims.push(importedClaim(fresh[i]));
    }

    let created: ImportedFactCheckDto[];
    try {
      created = await this.store(fresh, claims, options.actorId);
    } catch (err) {
      // Another import (or an ingest) stored one of these urls since they were checked: nothing was stored; sent again,
      // the request skips that url.
      if ((err as { code?: string }).code === '23505') throw concurrentUpdate();
      throw err;
    }
    this.logger.log({ msg: `imported ${created.length} fact-checks (${skipped.length} skipped, ${parsed.invalid.length} invalid)`, actorId: options.actorId });
    return report(created, created.length);
  }

  /** Review urls already stored, as a fact-check or as an article, with what is there. */
  private async storedUrls(urls: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (urls.length === 0) return out;
    const factChecks = await rows<{ url_normalized: string; id: string; claim_id: string }>(
      this.db,
      `SELECT url_normalized, id, claim_id FROM fact_checks WHERE url_normalized = ANY($1)`,
      [urls],
    );
    for (const f of factChecks) out.set(f.url_normalized, `already imported (fact-check ${f.id}, claim ${f.claim_id})`);
    const articles = await rows<{ url_normalized: string; id: string }>(
      this.db,
      `SELECT url_normalized, id FROM articles WHERE url_normalized = ANY($1)`,
      [urls],
    );
    for (const a of articles) if (!out.has(a.url_normalized)) out.set(a.url_normalized, `an article with this url is already stored (article ${a.id})`);
    return out;
  }

  /** One INSERT per table (in statements of at most 1000 rows), all in one transaction. */
  private async store(records: FactCheckRecord[], claims: ExtractedClaim[], actorId: string | null): Promise<ImportedFactCheckDto[]> {
    return this.db.transaction(async (tx) => {
      const now = new Date();
      const articles = await bulkInsert<{ id: string; url_normalized: string }>(
        tx,
        'articles',
        ARTICLE_COLUMNS,
        records.map((r) => [
          r.url, r.urlNormalized, articleTitle(r), r.authorName, r.claimDate ?? r.datePublished, r.claimReviewed,
          // The article stands for the review page, whose text we do not have: its hash is the url's, so two reviews of
          // the same claim text (by two publishers) are two articles, and a later article with that text is not taken for one.
          textHash(`claimreview import ${r.urlNormalized}`),
          'extracted', actorId, articleLanguage(r), EXTRACTOR_VERSION, now,
        ]),
        'RETURNING id, url_normalized',
      );
      const articleOf = new Map(articles.map((a) => [a.url_normalized, a.id]));
      const articleIds = records.map((r) => articleOf.get(r.urlNormalized)!);

      const inserted = await bulkInsert<{ id: string; article_id: string }>(
        tx,
        'claims',
        CLAIM_COLUMNS,
        records.map((_r, i) => claimRow(articleIds[i], 0, claims[i], 'published', IMPORTED_STATUS_REASON)),
        'RETURNING id, article_id',
      );
      const claimOf = new Map(inserted.map((c) => [c.article_id, c.id]));
      const claimIds = articleIds.map((id) => claimOf.get(id)!);

      const factChecks = await bulkInsert<{ id: string; claim_id: string }>(
        tx,
        'fact_checks',
        FACT_CHECK_COLUMNS,
        records.map((r, i) => [
          claimIds[i], r.url, r.urlNormalized, r.claimReviewed, r.ratingName, r.ratingValue, r.bestRating, r.worstRating,
          r.authorName, r.claimant, r.claimDate, r.datePublished, r.language, JSON.stringify(r.raw), actorId,
        ]),
        'RETURNING id, claim_id',
      );
      const factCheckOf = new Map(factChecks.map((f) => [f.claim_id, f.id]));

      const events: AuditRecord[] = records.flatMap((r, i) => [
        {
          entityType: 'article' as const, entityId: articleIds[i], action: 'article.imported', actorId, toStatus: 'extracted',
          changes: { url: r.url, factCheckId: factCheckOf.get(claimIds[i]) },
        },
        {
          entityType: 'claim' as const, entityId: claimIds[i], action: 'claim.imported', actorId, toStatus: 'published', reason: IMPORTED_STATUS_REASON,
          changes: {
            factCheck: { id: factCheckOf.get(claimIds[i]), url: r.url, ratingName: r.ratingName, ratingValue: r.ratingValue, author: r.authorName },
            extracted: { category: claims[i].category, quantity: claims[i].quantity, subject: claims[i].subject, location: claims[i].location, timeRef: claims[i].timeRef },
          },
        },
      ]);
      for (let i = 0; i < events.length; i += AUDIT_BATCH) await this.audit.record(tx, ...events.slice(i, i + AUDIT_BATCH));

      return records.map((r, i) => ({
        id: factCheckOf.get(claimIds[i])!, claimId: claimIds[i], articleId: articleIds[i], url: r.url, position: r.position, path: r.path,
      }));
    });
  }
}

/**
 * The imported claim: the whole claimReviewed (span 0..length), published, with the figure fields of the most
 * check-worthy figure claim the extractor finds in it (the first among equals); without one, a statement with no
 * quantity. The speaker is the claimant when the record names one.
 */
export function importedClaim(r: FactCheckRecord): ExtractedClaim {
  const text = r.claimReviewed;
  const extracted = readable(r) ? safeExtract(text, r.claimDate ?? r.datePublished) : [];
  const figures = extracted.filter((c) => c.quantity !== null);
  const best = figures.reduce<ExtractedClaim | null>((a, c) => (a === null || c.checkworthiness > a.checkworthiness ? c : a), null);
  const speaker = r.claimant ?? best?.attribution?.speaker ?? null;
  return {
    text,
    start: 0,
    end: text.length,
    category: best?.category ?? 'statement',
    quantity: best?.quantity ?? null,
    subject: best?.subject ?? null,
    location: best?.location ?? null,
    timeRef: best?.timeRef ?? null,
    attribution: speaker === null ? null : { speaker, role: best?.attribution?.speaker === speaker ? best.attribution.role : null },
    // A fact-checker found it worth checking and published a review: check-worthy by definition.
    checkworthiness: 1,
    checkworthinessReasons: ['imported_fact_check', ...(best?.checkworthinessReasons ?? [])],
  };
}

/** The extractor reads English: a claim in another language is stored as a statement rather than misread. */
function readable(r: FactCheckRecord): boolean {
  const language = r.language !== null && isLanguageCode(r.language) ? r.language : detectLanguage(r.claimReviewed).language;
  return language === 'und' || isSupportedLanguage(language);
}

function safeExtract(text: string, publishedAt: Date | null): ExtractedClaim[] {
  // A sentence the extractor throws on is skipped, as in extraction; the claim is still imported.
  return extractClaims(text, { publishedAt: publishedAt ?? undefined, onSentenceError: () => undefined });
}

function articleLanguage(r: FactCheckRecord): string {
  return r.language !== null && isLanguageCode(r.language) ? r.language : detectLanguage(r.claimReviewed).language;
}

/** The review's headline or name if it has one; else claimReviewed, cut at a word boundary. */
export function articleTitle(r: Pick<FactCheckRecord, 'headline' | 'claimReviewed'>): string {
  const title = (r.headline ?? r.claimReviewed).replace(/\s+/g, ' ').trim();
  if (title.length <= TITLE_LENGTH) return title;
  const cut = title.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

function issue(r: FactCheckRecord, reason: ImportIssue['reason'], detail: string): ImportIssue {
  return { position: r.position, path: r.path, url: r.url, reason, detail };
}

function byPosition(issues: ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => a.position - b.position);
}
