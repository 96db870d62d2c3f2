import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClaimDetailDto, ClaimDto, ClaimPageDto, ListClaimsQuery } from './claims.dto.js';
import { ClaimsService } from './claims.service.js';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get('claims')
  @ApiOkResponse({ type: ClaimPageDto })
  list(@Query() query: ListClaimsQuery): Promise<ClaimPageDto> {
    return this.claims.list(query);
  }

  @Get('claims/:id')
  @ApiOkResponse({ type: ClaimDetailDto, description: 'The claim with its sources and current verdict.' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ClaimDetailDto> {
    return this.claims.get(id);
  }

  @Get('articles/:id/claims')
  @ApiOkResponse({ type: [ClaimDto] })
  byArticle(@Param('id', ParseUUIDPipe) id: string): Promise<ClaimDto[]> {
    return this.claims.listByArticle(id);
  }
}
