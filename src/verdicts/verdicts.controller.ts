import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CreateVerdictDto, VerdictDto } from './verdicts.dto.js';
import { VerdictsService } from './verdicts.service.js';

@ApiTags('verdicts')
@ApiBearerAuth()
@Controller('v1')
export class VerdictsController {
  constructor(private readonly verdicts: VerdictsService) {}

  @Post('claims/:id/verdict')
  @Roles('editor')
  @ApiCreatedResponse({ type: VerdictDto })
  @ApiConflictResponse({ description: 'The claim\'s task is not leased to you (or the lease expired).' })
  give(@Param('id', ParseUUIDPipe) claimId: string, @Body() dto: CreateVerdictDto, @CurrentUser() user: Principal): Promise<VerdictDto> {
    return this.verdicts.give(claimId, dto, user.userId);
  }
}
