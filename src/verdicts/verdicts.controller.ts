import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CallerScope, ReadScope } from '../auth/read-scope.js';
import { CorrectionDto, CreateVerdictDto, RejectVerdictDto, UpdatePublicationDto, VerdictDto } from './verdicts.dto.js';
import { VerdictsService } from './verdicts.service.js';
import { ConfirmRecheckDto } from './recheck.dto.js';

@ApiTags('verdicts')
@ApiBearerAuth()
@Controller('v1')
export class VerdictsController {
  constructor(private readonly verdicts: VerdictsService) {}

  @ApiOperation({ operationId: 'proposeVerdict', summary: 'Propose a verdict on the claim you hold the lease on' })
  @Post('claims/:id/verdict')
  @Roles('editor')
  @ApiCreatedResponse({ type: VerdictDto, description: 'Proposed (claim awaiting_approval), or published when REQUIRE_APPROVAL=false.' })
  @ApiConflictResponse({ description: 'The claim\'s task is not leased to you (or the lease expired).' })
  propose(@Param('id', ParseUUIDPipe) claimId: string, @Body() dto: CreateVerdictDto, @CurrentUser() user: Principal): Promise<VerdictDto> {
    return this.verdicts.propose(claimId, dto, user.userId);
  }

  @ApiOperation({ operationId: 'getVerdict', summary: 'Get a verdict' })
  @Get('verdicts/:id')
  @ApiOkResponse({ type: VerdictDto, description: 'Consumers see published verdicts only; drafts are 404 to them.' })
  get(@Param('id', ParseUUIDPipe) id: string, @CallerScope() scope: ReadScope): Promise<VerdictDto> {
    return this.verdicts.get(id, scope);
  }

  @ApiOperation({ operationId: 'updateVerdictPublication', summary: 'Set or change the publication, short claim and review date of a published verdict (no new version)' })
  @Patch('verdicts/:id')
  @Roles('approver')
  @ApiOkResponse({ type: VerdictDto, description: 'The verdict, same version; audited as verdict.publication_updated (unless nothing changed).' })
  @ApiForbiddenResponse({ description: 'Not an approver.' })
  @ApiConflictResponse({ description: 'The verdict is not the published one (verdict_not_published: proposed, rejected or superseded).' })
  @ApiUnprocessableEntityResponse({ description: 'Neither publication, claimReviewed nor reviewBy was sent (nothing_to_update).' })
  updatePublication(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePublicationDto, @CurrentUser() user: Principal): Promise<VerdictDto> {
    return this.verdicts.updatePublication(id, dto, user.userId);
  }

  @ApiOperation({ operationId: 'approveVerdict', summary: 'Approve and publish a proposed verdict' })
  @Post('verdicts/:id/approve')
  @Roles('approver')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: VerdictDto })
  @ApiForbiddenResponse({ description: 'Not an approver, or the verdict\'s own author.' })
  approve(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: Principal): Promise<VerdictDto> {
    return this.verdicts.approve(id, user.userId);
  }

  @ApiOperation({ operationId: 'rejectVerdict', summary: 'Reject a proposed verdict, back to its editor' })
  @Post('verdicts/:id/reject')
  @Roles('approver')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: VerdictDto })
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectVerdictDto, @CurrentUser() user: Principal): Promise<VerdictDto> {
    return this.verdicts.reject(id, dto.reason, user.userId);
  }

  @ApiOperation({ operationId: 'confirmRecheck', summary: 'Resolve a re-check by confirming the published verdict against the new figure' })
  @Post('verdicts/:id/recheck')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: VerdictDto,
    description: 'The verdict, re-check cleared, with lastRecheck ("re-checked on … against …"); its re-check task is finished; audited verdict.recheck_confirmed.',
  })
  @ApiConflictResponse({ description: 'Not due for a re-check, or not the published version (recheck_not_due); another editor holds the re-check task (lease_held).' })
  @ApiUnprocessableEntityResponse({ description: 'sourceIds names sources not attached to the claim (unknown_sources).' })
  confirmRecheck(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ConfirmRecheckDto, @CurrentUser() user: Principal): Promise<VerdictDto> {
    return this.verdicts.confirmRecheck(id, dto, user.userId);
  }

  @ApiOperation({ operationId: 'correctVerdict', summary: 'Correct a published verdict with a new version' })
  @Post('claims/:id/corrections')
  @Roles('approver')
  @ApiCreatedResponse({
    type: VerdictDto,
    description: 'The new version: proposed, waiting for another approver (approve or reject it like a verdict); published at once when REQUIRE_CORRECTION_APPROVAL=false.',
  })
  @ApiConflictResponse({ description: 'Nothing published to correct, or a correction already waits for approval (correction_pending).' })
  correct(@Param('id', ParseUUIDPipe) claimId: string, @Body() dto: CorrectionDto, @CurrentUser() user: Principal): Promise<VerdictDto> {
    return this.verdicts.correct(claimId, dto, user.userId);
  }
}
