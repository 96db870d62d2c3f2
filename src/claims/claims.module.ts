import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { ClaimEditingService } from './claim-editing.service.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsService } from './claims.service.js';
import { ManualClaimsService } from './manual-claims.service.js';
import { TimelineService } from './timeline.service.js';

@Module({
  imports: [ReviewModule, SourcesModule],
  controllers: [ClaimsController],
  providers: [ClaimsService, ClaimEditingService, ManualClaimsService, TimelineService],
  exports: [ClaimsService],
})
export class ClaimsModule {}
