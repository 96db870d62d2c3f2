import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module.js';
import { ExtractionModule } from './extraction.module.js';
import { ExtractionProcessor } from './extraction.processor.js';
import { ReconcilerService } from './reconciler.service.js';

/** The worker side of extraction: the queue processor and the reconciler. Only the worker process imports it. */
@Module({
  imports: [ExtractionModule, ReviewModule],
  providers: [ExtractionProcessor, ReconcilerService],
  exports: [ReconcilerService],
})
export class ExtractionWorkerModule {}
