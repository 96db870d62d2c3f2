import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { CreateRerunDto, ListRerunsQuery, RerunDto, RerunListDto } from './reruns.dto.js';
import { RerunsService } from './reruns.service.js';

@ApiTags('extraction')
@ApiBearerAuth()
@Controller('v1/extraction/reruns')
export class RerunsController {
  constructor(private readonly reruns: RerunsService) {}

  @ApiOperation({
    operationId: 'startExtractionRerun',
    summary: 'Re-extract many articles in the background (after an extractor upgrade); claims are reconciled as for a new revision',
  })
  @Post()
  @Roles('admin')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: RerunDto, description: 'The run, with the articles it selected (`total`); follow it at the Location. 409 rerun_running while another run has not finished.' })
  async create(@Body() dto: CreateRerunDto, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: FastifyReply): Promise<RerunDto> {
    const run = await this.reruns.create(dto, user.userId);
    res.header('Location', `/v1/extraction/reruns/${run.id}`);
    return run;
  }

  @ApiOperation({ operationId: 'listExtractionReruns', summary: 'The latest re-extraction runs, newest first, with their progress' })
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: RerunListDto })
  async list(@Query() query: ListRerunsQuery): Promise<RerunListDto> {
    return { items: await this.reruns.list(query.limit ?? 20) };
  }

  @ApiOperation({ operationId: 'getExtractionRerun', summary: 'A re-extraction run and its progress (done, failed, rate, ETA)' })
  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: RerunDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<RerunDto> {
    return this.reruns.get(id);
  }
}
