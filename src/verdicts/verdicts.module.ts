import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { FeedController } from './feed.controller.js';
import { FeedService } from './feed.service.js';
import { VerdictsController } from './verdicts.controller.js';
import { VerdictsService } from './verdicts.service.js';

@Module({
  imports: [ReviewModule, SourcesModule],
  controllers: [FeedController, VerdictsController],
  providers: [VerdictsService, FeedService],
})
export class VerdictsModule {}
