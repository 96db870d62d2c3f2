import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '../audit/audit.module.js';
import { AppConfig } from '../config/config.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ShutdownLog } from './shutdown.js';

/** What every entry point needs: config, logs, Postgres, Redis queues, audit, the webhook outbox. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          genReqId: (req, res) => {
            const incoming = req.headers['x-request-id'];
            const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
            res.setHeader('X-Request-Id', id);
            return id;
          },
        },
      }),
    }),
    DatabaseModule,
    QueueModule,
    AuditModule,
    WebhooksModule,
  ],
  providers: [ShutdownLog],
})
export class CoreModule {}
