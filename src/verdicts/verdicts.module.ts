import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ReviewModule } from '../review/review.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { ApprovalsController } from './approvals.controller.js';
import { ApprovalsService } from './approvals.service.js';
import { FeedController } from './feed.controller.js';
import { FeedService } from './feed.service.js';
import { VerdictsController } from './verdicts.controller.js';
import { VerdictsService } from './verdicts.service.js';
import { RecheckModule } from './recheck.module.js';

@Module({
  imports: [ReviewModule, SourcesModule, NotificationsModule, RecheckModule],
  controllers: [FeedController, VerdictsController, ApprovalsController],
  providers: [VerdictsService, FeedService, ApprovalsService],
})
export class VerdictsModule {}
