import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { satisfies } from '../auth/auth.guard.js';
import { AssignTaskDto, ListReviewTasksQuery, ReviewTaskDto } from './review.dto.js';
import { ReviewService } from './review.service.js';

@ApiTags('review')
@ApiBearerAuth()
@Roles('editor')
@Controller('v1/review-tasks')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @ApiOperation({ operationId: 'listReviewTasks', summary: 'List review tasks, highest priority first' })
  @Get()
  @ApiOkResponse({ type: [ReviewTaskDto] })
  list(@Query() query: ListReviewTasksQuery): Promise<ReviewTaskDto[]> {
    return this.review.list(query);
  }

  @ApiOperation({ operationId: 'leaseReviewTask', summary: 'Lease the next review task' })
  @Post('lease')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewTaskDto, description: 'The task, leased to you until leaseExpiresAt.' })
  @ApiNoContentResponse({ description: 'No open task.' })
  async lease(@CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response): Promise<ReviewTaskDto | undefined> {
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
