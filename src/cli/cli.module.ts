import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module.js';
import { ArticlesModule } from '../articles/articles.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { FactChecksModule } from '../fact-checks/fact-checks.module.js';

/** The CLI's commands use the same services as the API, without HTTP. */
@Module({ imports: [CoreModule, AuthModule, ArticlesModule, FactChecksModule] })
export class CliModule {}
