import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { AuditEventPageDto, ListAuditEventsQuery } from './audit.dto.js';
import { AuditService } from './audit.service.js';

/** The whole audit log for admins (tokens, webhooks, and everything a claim history shows). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ApiOperation({ operationId: 'listAuditEvents', summary: 'List audit events, newest first' })
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: AuditEventPageDto, description: 'Newest first, filtered by entity and/or action.' })
  list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    return this.audit.list(query);
  }
}
