import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module.js';
import { ClaimMatcher } from '../matching/claim-matcher.js';
import { TermWeights } from '../matching/term-weights.js';
import { PublishedFigureIndex } from '../matching/published-figure-index.js';
import { ExtractorPool } from './extractor-pool.js';
import { ExtractionService } from './extraction.service.js';
import { RecheckModule } from '../verdicts/recheck.module.js';

@Module({ imports: [ReviewModule, RecheckModule], providers: [ExtractionService, ClaimMatcher, TermWeights, PublishedFigureIndex, ExtractorPool], exports: [ExtractionService] })
export class ExtractionModule {}
