import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ArticlesModule } from '../articles/articles.module.js';
import { AuthGuard } from '../auth/auth.guard.js';
import { AuthModule } from '../auth/auth.module.js';
import { ClaimsModule } from '../claims/claims.module.js';
import { ProblemFilter } from '../common/problem.filter.js';
import { HealthModule } from '../health/health.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { ReviewModule } from '../review/review.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { VerdictsModule } from '../verdicts/verdicts.module.js';
import { CoreModule } from './core.module.js';
import { DeskModule } from '../desk/desk.module.js';
import { FactChecksModule } from '../fact-checks/fact-checks.module.js';
import { RerunsModule } from '../extraction/reruns.module.js';
import { NotesModule } from '../notes/notes.module.js';
import { PublishersModule } from '../publishers/publishers.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';

/** The HTTP API. Producers only: it enqueues jobs but runs no processors. */
@Module({
  imports: [CoreModule, AuthModule, HealthModule, ArticlesModule, ClaimsModule, ReviewModule, SourcesModule, VerdictsModule, MatchingModule, MetricsModule, FactChecksModule, RerunsModule, NotesModule, NotificationsModule, PublishersModule, DeskModule.register()],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class ApiModule {}
