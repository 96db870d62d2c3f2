import { Module } from '@nestjs/common';
import { RerunsController } from './reruns.controller.js';
import { RerunsService } from './reruns.service.js';

/** The API side of re-extraction runs: create and follow them. The worker's RerunRunner does the work. */
@Module({ controllers: [RerunsController], providers: [RerunsService], exports: [RerunsService] })
export class RerunsModule {}
