import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module.js';
import { ExtractionService } from './extraction.service.js';

@Module({ imports: [ReviewModule], providers: [ExtractionService], exports: [ExtractionService] })
export class ExtractionModule {}
