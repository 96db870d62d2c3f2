import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { ClaimMatcher } from './claim-matcher.js';
import { MatchingController } from './matching.controller.js';
import { MatchingService } from './matching.service.js';

/** Claim matching (issue 5). The extraction job uses ClaimMatcher on its own (see ExtractionModule). */
@Module({
  imports: [ClaimsModule],
  controllers: [MatchingController],
  providers: [ClaimMatcher, MatchingService],
  exports: [ClaimMatcher],
})
export class MatchingModule {}
