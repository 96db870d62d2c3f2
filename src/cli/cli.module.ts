import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module.js';
import { ArticlesModule } from '../articles/articles.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { FactChecksModule } from '../fact-checks/fact-checks.module.js';
import { ExtractionModule } from '../extraction/extraction.module.js';
import { RerunsModule } from '../extraction/reruns.module.js';
import { RerunRunner } from '../extraction/rerun-runner.service.js';

/** The CLI's commands use the same services as the API, without HTTP. */
@Module({ imports: [CoreModule, AuthModule, ArticlesModule, FactChecksModule, ExtractionModule, RerunsModule], providers: [RerunRunner] })
export class CliModule {}
