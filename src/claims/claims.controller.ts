import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AuditEventDto } from '../audit/audit.dto.js';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CallerScope, ReadScope } from '../auth/read-scope.js';
import { ClaimEditingService } from './claim-editing.service.js';
import { AddClaimDto, ArticleClaimsQuery, ClaimDetailDto, ClaimDto, ClaimPageDto, ListClaimsQuery, TriageDto, UpdateClaimDto } from './claims.dto.js';
import { ClaimsService } from './claims.service.js';
import { ManualClaimsService } from './manual-claims.service.js';
import { TimelineDto } from './timeline.dto.js';
import { TimelineService } from './timeline.service.js';
import { ReviewTaskDto } from '../review/review.dto.js';
import { ReviewService } from '../review/review.service.js';

/**
 * Staff: `"<version>-<hash of the body>"`: the hash changes with anything shown (a new source, a verdict),
 * the version prefix is what PATCH If-Match checks. Readers: the hash alone (they see no version).
 *
 * A hash of what is shown rather than of stored versions: the body joins rows the claim does not own (its sources,
 * the matched claim's verdict, imported fact-checks, the task), and the claim's version moves with desk actions
 * readers must not be able to infer (a reader's ETag stays put when uncited evidence is added). The body is
 * serialised once, here, and sent as it is (Fastify does not serialise a string again); the hash of a few kB costs
 * microseconds. @fastify/etag (configureHttp) answers 304 when If-None-Match matches.
 */
function claimEtag(res: FastifyReply, claim: ClaimDetailDto, body = JSON.stringify(claim)): string {
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 16);
  res.header('ETag', claim.version === undefined ? `"${hash}"` : `"${claim.version}-${hash}"`);
  return body;
}

function withClaimEtag(res: FastifyReply, claim: ClaimDetailDto): ClaimDetailDto {
  claimEtag(res, claim);
  return claim;
}

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly editing: ClaimEditingService,
    private readonly review: ReviewService,
    private readonly manual: ManualClaimsService,
    private readonly timelines: TimelineService,
  ) {}

  @ApiOperation({ operationId: 'listClaims', summary: 'Search and list claims, newest first' })
  @Get('claims')
  @ApiOkResponse({ type: ClaimPageDto })
  list(@Query() query: ListClaimsQuery, @CallerScope() scope: ReadScope): Promise<ClaimPageDto> {
    return this.claims.list(query, scope);
  }

  @ApiOperation({ operationId: 'getClaim', summary: 'Get a claim with its sources and current verdict' })
  @Get('claims/:id')
  @ApiOkResponse({
    type: ClaimDetailDto,
    description: 'The claim with its sources and current verdict. The ETag starts with the claim version, so it can go back as If-Match on PATCH.',
  })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CallerScope() scope: ReadScope,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const claim = await this.claims.get(id, scope);
    // The JSON text itself, so it is serialised once (see claimEtag).
    res.type('application/json');
    return claimEtag(res, claim);
  }

  @ApiOperation({ operationId: 'updateClaim', summary: "Correct a claim's extracted fields" })
  @Patch('claims/:id')
  @Roles('editor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you read, e.g. "3" (or send version in the body).' })
  @ApiOkResponse({ type: ClaimDetailDto })
  @ApiConflictResponse({ description: 'Stale version, or the claim is published.' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateClaimDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ClaimDetailDto> {
    await this.editing.update(id, dto, ifMatch, user.userId);
    return withClaimEtag(res, await this.claims.get(id, ReadScope.STAFF));
  }

  @ApiOperation({ operationId: 'triageClaim', summary: 'Dismiss a claim, or queue it for review' })
  @Post('claims/:id/triage')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ClaimDetailDto })
  @ApiConflictResponse({ description: 'Illegal transition (e.g. dismissing a claim under review).' })
  async triage(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TriageDto, @CurrentUser() user: Principal): Promise<ClaimDetailDto> {
    await this.editing.triage(id, dto, user.userId);
    return this.claims.get(id, ReadScope.STAFF);
  }

  @ApiOperation({ operationId: 'leaseClaim', summary: "Lease this claim's review task" })
  @Post('claims/:id/lease')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewTaskDto, description: 'Leased to you until leaseExpiresAt (renewed if you already held it); the claim is in_review.' })
  @ApiConflictResponse({
    description: 'lease_held (someone else holds it: leasedBy, leasedByName, leaseExpiresAt), task_assigned_to_other, or no_open_task (dismissed, awaiting approval, published ...).',
  })
  lease(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: Principal): Promise<ReviewTaskDto> {
    return this.review.leaseClaim(id, user.userId);
  }

  @ApiOperation({ operationId: 'getClaimHistory', summary: 'Get the audit trail of a claim' })
  @Get('claims/:id/history')
  @Roles('editor')
  @ApiOkResponse({ type: [AuditEventDto], description: 'Every change to the claim, its task, sources and verdicts, oldest first.' })
  history(@Param('id', ParseUUIDPipe) id: string): Promise<AuditEventDto[]> {
    return this.claims.history(id);
  }

  @ApiOperation({ operationId: 'getClaimTimeline', summary: "A figure's history: matched claims, claims of the same quantity and source figures, by date" })
  @Get('claims/:id/timeline')
  @Roles('editor')
  @ApiOkResponse({ type: TimelineDto })
  timeline(@Param('id', ParseUUIDPipe) id: string): Promise<TimelineDto> {
    return this.timelines.timeline(id);
  }

  @ApiOperation({ operationId: 'addArticleClaim', summary: 'Add a claim the extractor missed, by its span in the article' })
  @Post('articles/:id/claims')
  @Roles('editor')
  @ApiCreatedResponse({ type: ClaimDetailDto, description: 'Queued for review like any extracted claim; fields left out are read from the span by the extractor.' })
  @ApiConflictResponse({ description: 'article_not_extracted (still queued or extracting, failed, another language), or claim_exists (a claim with this exact span).' })
  @ApiUnprocessableEntityResponse({ description: 'span_out_of_range, empty_span, quantity_not_in_span.' })
  async addClaim(
    @Param('id', ParseUUIDPipe) articleId: string,
    @Body() dto: AddClaimDto,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ClaimDetailDto> {
    const id = await this.manual.add(articleId, dto, user.userId);
    res.header('Location', `/v1/claims/${id}`);
    return withClaimEtag(res, await this.claims.get(id, ReadScope.STAFF));
  }

  @ApiOperation({ operationId: 'listArticleClaims', summary: "List an article's claims in reading order" })
  @Get('articles/:id/claims')
  @ApiOkResponse({ type: [ClaimDto] })
  byArticle(@Param('id', ParseUUIDPipe) id: string, @Query() query: ArticleClaimsQuery, @CallerScope() scope: ReadScope): Promise<ClaimDto[]> {
    return this.claims.listByArticle(id, scope, query.includeGone === true);
  }
}
