import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, Res, Sse, type MessageEvent } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags, getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { satisfies, type StillAuthorized } from '../auth/auth.guard.js';
import { AssignTaskDto, ListReviewTasksQuery, ReviewQueueQuery, ReviewTaskDto, ReviewTaskEventDto, ReviewTaskPageDto } from './review.dto.js';
import { ReviewEventsService } from './review-events.service.js';
import { ReviewService } from './review.service.js';

@ApiTags('review')
@ApiBearerAuth()
@Roles('editor')
@Controller('v1/review-tasks')
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly events: ReviewEventsService,
  ) {}

  @ApiOperation({ operationId: 'listReviewTasks', summary: 'List review tasks, highest priority first' })
  @Get()
  @ApiOkResponse({ type: [ReviewTaskDto], description: 'The first page of the queue (see GET /v1/review-tasks/queue for the next ones).' })
  list(@Query() query: ListReviewTasksQuery, @CurrentUser() user: Principal): Promise<ReviewTaskDto[]> {
    return this.review.list(query, user.userId);
  }

  @ApiOperation({ operationId: 'listReviewQueue', summary: 'Page through review tasks, highest priority first' })
  @Get('queue')
  @ApiOkResponse({ type: ReviewTaskPageDto, description: 'Keyset-paged on (rank, id): send nextCursor back as cursor, with the same filters.' })
  queue(@Query() query: ReviewQueueQuery, @CurrentUser() user: Principal): Promise<ReviewTaskPageDto> {
    return this.review.page(query, user.userId);
  }

  @ApiOperation({ operationId: 'streamReviewTaskEvents', summary: 'Follow review task changes as server-sent events' })
  @Sse('events')
  @ApiProduces('text/event-stream')
  @ApiExtraModels(ReviewTaskEventDto)
  @ApiOkResponse({
    description:
      'text/event-stream: `ready` once the stream is live (load the queue then), an event `task` (data: a ReviewTaskEventDto as JSON) whenever a task is created, leased, released, returned, ' +
      'finished, cancelled, assigned or reopened (a finished task opened again as a re-check); `resync` when events may have been missed (reload); a comment line as heartbeat. ' +
      'The credential is checked again before each heartbeat: the stream ends once the session or token no longer authenticates (signed out, expired, revoked).',
    content: { 'text/event-stream': { schema: { $ref: getSchemaPath(ReviewTaskEventDto) } } },
  })
  @ApiServiceUnavailableResponse({ description: 'The server is shutting down (code shutting_down; Retry-After): reconnect.' })
  stream(@Req() req: FastifyRequest & { stillAuthorized?: StillAuthorized }): Promise<Observable<MessageEvent>> {
    return this.events.subscribe(req.stillAuthorized);
  }

  @ApiOperation({ operationId: 'leaseReviewTask', summary: 'Lease the next review task' })
  @Post('lease')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewTaskDto, description: 'The task, leased to you until leaseExpiresAt.' })
  @ApiNoContentResponse({ description: 'No open task.' })
  async lease(@CurrentUser() user: Principal, @Res({ passthrough: true }) res: FastifyReply): Promise<ReviewTaskDto | undefined> {
    const task = await this.review.leaseNext(user.userId);
    if (!task) {
      res.status(HttpStatus.NO_CONTENT);
      return undefined;
    }
    return task;
  }

  @ApiOperation({ operationId: 'getReviewTask', summary: 'Get a review task' })
  @Get(':id')
  @ApiOkResponse({ type: ReviewTaskDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ReviewTaskDto> {
    return this.review.get(id);
  }

  @ApiOperation({ operationId: 'renewLease', summary: 'Extend your lease on a review task' })
  @Post(':id/renew')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewTaskDto })
  @ApiConflictResponse({ description: 'Not your lease, or it has expired.' })
  renew(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: Principal): Promise<ReviewTaskDto> {
    return this.review.renew(id, user.userId);
  }

  @ApiOperation({ operationId: 'releaseLease', summary: 'Give a leased review task back to the queue' })
  @Post(':id/release')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewTaskDto, description: 'Back in the queue.' })
  release(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: Principal): Promise<ReviewTaskDto> {
    return this.review.release(id, user.userId, satisfies(user.role, 'approver'));
  }

  @ApiOperation({ operationId: 'assignReviewTask', summary: 'Assign a review task to an editor' })
  @Post(':id/assign')
  @Roles('approver')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewTaskDto })
  assign(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignTaskDto, @CurrentUser() user: Principal): Promise<ReviewTaskDto> {
    return this.review.assign(id, dto.editor, user.userId);
  }
}
