import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { ClaimMatcher } from './claim-matcher.js';
import { MatchingController } from './matching.controller.js';
import { MatchIndex } from './match-index.js';
import { MatchingService } from './matching.service.js';
import { TermWeights } from './term-weights.js';

/** Claim matching (issues 5 and 12). The extraction job uses ClaimMatcher on its own (see ExtractionModule). */
@Module({
  imports: [ClaimsModule],
  controllers: [MatchingController],
  providers: [ClaimMatcher, MatchingService, TermWeights, MatchIndex],
  exports: [ClaimMatcher, TermWeights, MatchIndex],
})
export class MatchingModule {}
