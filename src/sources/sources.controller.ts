import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { SourceDto } from '../claims/claims.dto.js';
import { CreateSourceDto } from './sources.dto.js';
import { SourcesService } from './sources.service.js';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('v1/claims/:id/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Post()
  @Roles('editor')
  @ApiCreatedResponse({ type: SourceDto })
  add(@Param('id', ParseUUIDPipe) claimId: string, @Body() dto: CreateSourceDto, @CurrentUser() user: Principal): Promise<SourceDto> {
    return this.sources.add(claimId, dto, user.userId);
  }
}
