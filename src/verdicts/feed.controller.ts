import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import type { ClaimReview, WithContext } from 'schema-dts';
import { ClaimReviewDto, ClaimReviewPageDto } from './claim-review.dto.js';
import { FeedQuery, VerdictFeedDto, VerdictFeedQuery } from './feed.dto.js';
import { FeedService } from './feed.service.js';

/** What API consumers read. Any role; only published verdicts ever appear. */
@ApiTags('feeds')
@ApiBearerAuth()
@Controller('v1')
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @ApiOperation({ operationId: 'listVerdicts', summary: 'The verdict feed: published verdicts, newest first' })
  @Get('verdicts')
  @ApiOkResponse({ type: VerdictFeedDto, description: 'Published verdicts, newest first. Poll with ?since=<since of the last response>.' })
  verdicts(@Query() query: VerdictFeedQuery): Promise<VerdictFeedDto> {
    return this.feed.verdicts(query);
  }

  @ApiOperation({ operationId: 'getClaimReview', summary: "Get a claim's current verdict as schema.org ClaimReview" })
  @Get('claims/:id/claim-review')
  @Header('Content-Type', 'application/ld+json; charset=utf-8')
  @ApiProduces('application/ld+json')
  @ApiOkResponse({ description: 'schema.org ClaimReview of the current published verdict; 404 before publication.', type: ClaimReviewDto })
  claimReview(@Param('id', ParseUUIDPipe) id: string): Promise<WithContext<ClaimReview>> {
    return this.feed.claimReview(id);
  }

  @ApiOperation({ operationId: 'getClaimReviewSitemap', summary: 'Sitemap of the published fact-check articles, for crawlers' })
  @Get('claim-reviews/sitemap.xml')
  @Public()
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOkResponse({
    description:
      'sitemaps.org 0.9 urlset: the publication url of every current published verdict that has one, once, with lastmod (its publication or ' +
      'the last change of its publication). No token: it lists only addresses already public on the newsroom\'s site.',
    schema: { type: 'string', example: '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url><loc>https://news.example.org/fact-checks/border-troops</loc><lastmod>2026-12-01T10:00:00.000Z</lastmod></url>\n</urlset>' },
  })
  sitemap(): Promise<string> {
    return this.feed.sitemap();
  }

  @ApiOperation({ operationId: 'listClaimReviews', summary: 'List current verdicts as schema.org ClaimReview' })
  @Get('claim-reviews')
  @ApiOkResponse({ description: 'Current verdicts as ClaimReview, newest first; poll with ?since=.', type: ClaimReviewPageDto })
  claimReviews(@Query() query: FeedQuery) {
    return this.feed.claimReviews(query);
  }
}
