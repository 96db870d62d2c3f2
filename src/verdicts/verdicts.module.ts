import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module.js';
import { VerdictsController } from './verdicts.controller.js';
import { VerdictsService } from './verdicts.service.js';

@Module({ imports: [ReviewModule], controllers: [VerdictsController], providers: [VerdictsService] })
export class VerdictsModule {}
