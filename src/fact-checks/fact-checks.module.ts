import { Module } from '@nestjs/common';
import { FactChecksController } from './fact-checks.controller.js';
import { FactChecksService } from './fact-checks.service.js';

/** Import of other publishers' fact-checks (issue 12): POST /v1/fact-checks/import and `cli import-claimreview`. */
@Module({ controllers: [FactChecksController], providers: [FactChecksService], exports: [FactChecksService] })
export class FactChecksModule {}
