import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { ApprovalsService } from './approvals.service.js';
import { ApprovalPageDto, ListApprovalsQuery } from './verdicts.dto.js';

@ApiTags('verdicts')
@ApiBearerAuth()
@Roles('approver')
@Controller('v1/approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @ApiOperation({ operationId: 'listApprovals', summary: 'List verdicts and corrections waiting for approval, oldest first' })
  @Get()
  @ApiOkResponse({ type: ApprovalPageDto, description: 'Approve or reject each with POST /v1/verdicts/:id/approve or /reject.' })
  list(@Query() query: ListApprovalsQuery): Promise<ApprovalPageDto> {
    return this.approvals.list(query);
  }
}
