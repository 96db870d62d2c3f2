import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

  @Get()
  @ApiOkResponse({ type: [ReviewTaskDto] })
  list(@Query() query: ListReviewTasksQuery): Promise<ReviewTaskDto[]> {
    return this.review.list(query);
  }

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

  @Get(':id')
  @ApiOkResponse({ type: ReviewTaskDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ReviewTaskDto> {
    return this.review.get(id);
  }

  @Post(':id/renew')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewTaskDto })
  @ApiConflictResponse({ description: 'Not your lease, or it has expired.' })
  renew(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: Principal): Promise<ReviewTaskDto> {
    return this.review.renew(id, user.userId);
  }

  @Post(':id/release')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewTaskDto, description: 'Back in the queue.' })
  release(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: Principal): Promise<ReviewTaskDto> {
    return this.review.release(id, user.userId, satisfies(user.role, 'approver'));
  }

  @Post(':id/assign')
  @Roles('approver')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewTaskDto })
  assign(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignTaskDto, @CurrentUser() user: Principal): Promise<ReviewTaskDto> {
    return this.review.assign(id, dto.editor, user.userId);
  }
}
