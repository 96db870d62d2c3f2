import { Module } from '@nestjs/common';
import { ReviewController } from './review.controller.js';
import { ReviewEventsService } from './review-events.service.js';
import { ReviewService } from './review.service.js';

@Module({
  controllers: [ReviewController],
  providers: [ReviewService, ReviewEventsService],
  exports: [ReviewService],
})
export class ReviewModule {}
