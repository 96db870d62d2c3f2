import { Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type Principal } from '../auth/auth.decorators.js';
import { ListReviewTasksQuery, ReviewTaskDto } from './review.dto.js';
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
}
