import { Module } from '@nestjs/common';
import { SourcesController } from './sources.controller.js';
import { SourcesService } from './sources.service.js';
import { RecheckModule } from '../verdicts/recheck.module.js';

@Module({ imports: [RecheckModule], controllers: [SourcesController], providers: [SourcesService], exports: [SourcesService] })
export class SourcesModule {}
