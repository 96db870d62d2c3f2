import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CallerScope, ReadScope } from '../auth/read-scope.js';
import { ClaimDetailDto } from '../claims/claims.dto.js';
import { ClaimsService } from '../claims/claims.service.js';
import { ClaimMatchesDto, MatchClaimsDto } from './matching.dto.js';
import { MatchingService } from './matching.service.js';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1/claims')
export class MatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly claims: ClaimsService,
  ) {}

  @ApiOperation({ operationId: 'matchClaims', summary: 'Find earlier claims that state the same thing as a text' })
  @Post('match')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ClaimMatchesDto, description: 'Earlier claims that state the same thing: same category, overlapping quantity, similar actor and text.' })
  match(@Body() dto: MatchClaimsDto, @CallerScope() scope: ReadScope): Promise<ClaimMatchesDto> {
    return this.matching.match(dto, scope);
  }

  @ApiOperation({ operationId: 'confirmMatch', summary: 'Confirm the match suggested at extraction' })
  @Post(':id/match/confirm')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ClaimDetailDto })
  @ApiConflictResponse({ description: 'The claim has no suggested match.' })
  async confirm(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: Principal): Promise<ClaimDetailDto> {
    await this.matching.decide(id, 'confirm', user.userId);
    return this.claims.get(id, ReadScope.STAFF);
  }

  @ApiOperation({ operationId: 'unlinkMatch', summary: 'Unlink the match suggested at extraction' })
  @Post(':id/match/unlink')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ClaimDetailDto })
  @ApiConflictResponse({ description: 'The claim has no suggested (or confirmed) match.' })
  async unlink(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: Principal): Promise<ClaimDetailDto> {
    await this.matching.decide(id, 'unlink', user.userId);
    return this.claims.get(id, ReadScope.STAFF);
  }
}
