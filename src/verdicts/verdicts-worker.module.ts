import { Module } from '@nestjs/common';
import { MaintenanceProcessor } from './expiry.processor.js';
import { RecheckModule } from './recheck.module.js';

/** The worker side of verdicts: living verdicts' expiry job. Only the worker process imports it. */
@Module({ imports: [RecheckModule], providers: [MaintenanceProcessor] })
export class VerdictsWorkerModule {}
