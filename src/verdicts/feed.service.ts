import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClaimReview, WithContext } from 'schema-dts';
import { DataSource } from 'typeorm';
import { ReadScope } from '../auth/read-scope.js';
import { citedSources, CLAIM_SELECT, PUBLICATION_JSON, toClaimDto, type ClaimRow } from '../claims/claim.view.js';
import type { PublicationViewDto } from '../claims/claims.dto.js';
import { decodeCursor, encodeCursor } from '../common/pagination.js';
import { notFound, ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { rows, SqlFilter } from '../database/sql.js';
import { SourcesService } from '../sources/sources.service.js';
import { buildClaimReview } from './claim-review.js';
import { isFeedPosition, type FeedQuery, type VerdictFeedDto, type VerdictFeedItemDto, type VerdictFeedQuery } from './feed.dto.js';
import type { Rating } from './verdict.entity.js';
import { recheckView, type RecheckFigure } from './living-verdicts.js';

type FeedRow = ClaimRow & {
  fv_id: string; fv_version: number; fv_rating: Rating; fv_summary: string; fv_source_ids: string[]; fv_published_at: Date;
  fv_status: string; fv_correction_reason: string | null; fv_corrects: string | null; fv_feed_seq: string;
  first_published_at: Date; article_url: string | null; article_title: string; article_publisher: string | null; article_published_at: Date | null;
  article_language: string | null; fv_publication: PublicationViewDto | null; fv_claim_reviewed: string | null;
  fv_recheck_due_at: Date | null; fv_recheck_reason: string | null; fv_recheck_figure: RecheckFigure | null;
};

const FEED_SELECT = `${CLAIM_SELECT},
  fv.id AS fv_id, fv.version AS fv_version, fv.rating AS fv_rating, fv.summary AS fv_summary, fv.source_ids AS fv_source_ids,
  fv.published_at AS fv_published_at, fv.status AS fv_status, fv.correction_reason AS fv_correction_reason,
  fv.corrects_verdict_id AS fv_corrects, fv.feed_seq AS fv_feed_seq,
  ${PUBLICATION_JSON('fv.')} AS fv_publication, fv.claim_reviewed AS fv_claim_reviewed,
  fv.recheck_due_at AS fv_recheck_due_at, fv.recheck_reason AS fv_recheck_reason, fv.recheck_figure AS fv_recheck_figure,
  (SELECT min(published_at) FROM verdicts f WHERE f.claim_id = fv.claim_id AND f.feed_seq IS NOT NULL) AS first_published_at,
  a.url AS article_url, a.title AS article_title, a.publisher AS article_publisher, a.published_at AS article_published_at, a.language AS article_language`;
const FEED_FROM = `verdicts fv
  JOIN (claims c LEFT JOIN verdicts v ON v.claim_id = c.id AND v.status = 'published') ON c.id = fv.claim_id
  JOIN articles a ON a.id = c.article_id`;

const DEFAULT_LIMIT = 50;
/** The sitemaps.org limit for one file. */
const SITEMAP_MAX_URLS = 50_000;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text for an XML element: the five special characters as entities (sitemaps.org asks for entity-escaped urls). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/** The feeds are the published record whoever reads them: the public scope, as consumers get it. */
const FEED_SCOPE = ReadScope.PUBLIC;

/** Published verdicts for consumers: a pollable feed (positions follow commit order) and ClaimReview. */
@Injectable()
export class FeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: SourcesService,
    private readonly config: AppConfig,
  ) {}

  /** Newest first. Every published version appears once, corrections included (`current` says which one stands). */
  async verdicts(query: VerdictFeedQuery): Promise<VerdictFeedDto> {
    const { rows: found, nextCursor, since } = await this.page(query, { currentOnly: false, rating: query.rating, category: query.category, q: query.q });
    const sources = await this.sources.listForClaims(found.map((r) => r.id));
    const items: VerdictFeedItemDto[] = found.map((r) => ({
      verdict: {
        id: r.fv_id, version: r.fv_version, rating: r.fv_rating, summary: r.fv_summary, sourceIds: r.fv_source_ids,
        publishedAt: r.fv_published_at.toISOString(), current: r.fv_status === 'published', corrected: r.fv_corrects !== null,
        correctionReason: r.fv_correction_reason, position: r.fv_feed_seq, publication: r.fv_publication, claimReviewed: r.fv_claim_reviewed,
        // Only the current version can be due; readers see why and the new figure (no desk ids).
        recheck: r.fv_status === 'published' ? recheckView(r.fv_recheck_due_at, r.fv_recheck_reason, r.fv_recheck_figure, false) : null,
      },
      claim: toClaimDto(r),
      articleUrl: r.article_url,
      sources: citedSources(sources.filter((s) => s.claimId === r.id), r.fv_source_ids),
    }));
    return { items, nextCursor, since };
  }

  /** Current verdicts as ClaimReview, newest first. */
  async claimReviews(query: FeedQuery): Promise<{ items: WithContext<ClaimReview>[]; nextCursor: string | null; since: string }> {
    const { rows: found, nextCursor, since } = await this.page(query, { currentOnly: true });
    const sources = await this.sources.listForClaims(found.map((r) => r.id));
    return { items: found.map((r) => this.toClaimReview(r, sources.filter((s) => s.claimId === r.id))), nextCursor, since };
  }

  async claimReview(claimId: string): Promise<WithContext<ClaimReview>> {
    const [row] = await rows<FeedRow>(
      this.db,
      `SELECT ${FEED_SELECT} FROM ${FEED_FROM} WHERE fv.claim_id = $1 AND fv.status = 'published' AND ${FEED_SCOPE.claims('c')}`,
      [claimId],
    );
    if (!row) throw notFound('published_verdict', claimId);
    return this.toClaimReview(row, await this.sources.listForClaim(claimId));
  }

  /**
   * The sitemap of published fact-check articles (sitemaps.org 0.9): one <url> per distinct publication url of a
   * current published verdict the public may read, lastmod the latest publication or change of its verdicts. A
   * sitemap holds at most 50,000 urls: the most recently changed ones.
   */
  async sitemap(): Promise<string> {
    const found = await rows<{ url: string; lastmod: Date }>(
      this.db,
      `SELECT v.publication_url AS url, max(greatest(v.published_at, coalesce(v.publication_updated_at, v.published_at))) AS lastmod
         FROM verdicts v JOIN claims c ON c.id = v.claim_id
        WHERE v.status = 'published' AND v.publication_url IS NOT NULL AND ${FEED_SCOPE.verdicts('v')} AND ${FEED_SCOPE.claims('c')}
        GROUP BY v.publication_url ORDER BY lastmod DESC, url LIMIT ${SITEMAP_MAX_URLS}`,
    );
    const entries = found.map((r) => `  <url><loc>${escapeXml(r.url)}</loc><lastmod>${r.lastmod.toISOString()}</lastmod></url>`);
    return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</urlset>', ''].join('\n');
  }

  private toClaimReview(r: FeedRow, sources: Awaited<ReturnType<SourcesService['listForClaim']>>): WithContext<ClaimReview> {
    return buildClaimReview({
      claim: toClaimDto(r),
      article: {
        url: r.article_url, title: r.article_title, publisher: r.article_publisher,
        publishedAt: r.article_published_at?.toISOString() ?? null, language: r.article_language,
      },
      verdict: {
        rating: r.fv_rating, summary: r.fv_summary, publishedAt: r.fv_published_at.toISOString(),
        firstPublishedAt: r.first_published_at.toISOString(), corrected: r.fv_corrects !== null,
        publication: r.fv_publication, claimReviewed: r.fv_claim_reviewed,
      },
      sources: citedSources(sources, r.fv_source_ids),
      publicBaseUrl: this.config.PUBLIC_BASE_URL,
      publisherName: this.config.PUBLISHER_NAME,
    });
  }

  /** Keyset pagination on the feed position (index verdicts_feed_seq_key). */
  private async page(query: FeedQuery, filter: { currentOnly: boolean; rating?: Rating; category?: string; q?: string }) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const where = new SqlFilter('fv.feed_seq IS NOT NULL', FEED_SCOPE.verdicts('fv'), FEED_SCOPE.claims('c'));
    if (filter.currentOnly) where.addFixed(`fv.status = 'published'`);
    if (query.since) {
      if (isFeedPosition(query.since)) {
        await this.assertPositionReached(query.since);
        where.add('fv.feed_seq > ?', query.since);
      } else {
        where.add('fv.published_at > ?::timestamptz', query.since);
      }
    }
    if (query.cursor) where.add('fv.feed_seq < ?', decodeCursor(query.cursor));
    if (filter.rating) where.add('fv.rating = ?', filter.rating);
    if (filter.category) where.add('c.category = ?', filter.category);
    if (filter.q) where.add(`c.search @@ websearch_to_tsquery('english', ?)`, filter.q);
    const found = await rows<FeedRow>(
      this.db,
      `SELECT ${FEED_SELECT} FROM ${FEED_FROM} ${where.sql} ORDER BY fv.feed_seq DESC LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const page = found.slice(0, limit);
    const nextCursor = found.length > limit ? encodeCursor(page[page.length - 1].fv_feed_seq) : null;
    // The newest position the caller has now seen; on a later page (cursor) the first page already told them.
    const newest = page[0]?.fv_feed_seq ?? (await this.positionAt(query.since));
    return { rows: page, nextCursor, since: query.cursor ? (query.since ?? '0') : newest };
  }

  /**
   * A position past the newest one was never handed out: the poller has a wrong value (another feed's, another
   * deployment's, a typo), and polling from it would skip every item up to there without a word. One index lookup.
   */
  private async assertPositionReached(since: string): Promise<void> {
    const [{ newest }] = await rows<{ newest: string }>(
      this.db,
      `SELECT coalesce(max(feed_seq), 0)::text AS newest FROM verdicts WHERE feed_seq IS NOT NULL`,
    );
    if (BigInt(since) > BigInt(newest)) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'since_ahead_of_feed',
        `since=${since} is past the newest feed position (${newest}); poll with the since of a previous response, or 0 to start over.`,
        { newestPosition: newest },
      );
    }
  }

  /**
   * The feed position a `since` stands for when the page is empty: itself for a token; for a time, the
   * last position published by then (so the next poll with it does not replay the whole feed).
   */
  private async positionAt(since: string | undefined): Promise<string> {
    if (!since) return '0';
    if (isFeedPosition(since)) return since;
    const [row] = await rows<{ seq: string }>(
      this.db,
      `SELECT coalesce(max(feed_seq), 0)::text AS seq FROM verdicts WHERE feed_seq IS NOT NULL AND published_at <= $1::timestamptz`,
      [since],
    );
    return row.seq;
  }
}
