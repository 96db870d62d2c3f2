import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ConfigModule } from '../config/config.module.js';
import { LoggingModule } from '../logging/logging.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ShutdownLog } from './shutdown.js';

/** What every entry point needs: config, logs, Postgres, Redis queues, audit, the webhook outbox. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    AuditModule,
    WebhooksModule,
  ],
  providers: [ShutdownLog],
})
export class CoreModule {}
