import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module.js';
import { ExtractionModule } from './extraction.module.js';
import { ExtractionProcessor } from './extraction.processor.js';
import { ReconcilerService } from './reconciler.service.js';
import { RerunRunner } from './rerun-runner.service.js';
import { RerunsService } from './reruns.service.js';

/** The worker side of extraction: the queue processor and the reconciler. Only the worker process imports it. */
@Module({
  imports: [ExtractionModule, ReviewModule],
  providers: [ExtractionProcessor, ReconcilerService, RerunRunner, RerunsService],
  exports: [ReconcilerService],
})
export class ExtractionWorkerModule {}
