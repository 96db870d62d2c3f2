import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/config.js';
import { producerConnection, QueueName } from './queues.js';
import { QueueService } from './queue.service.js';

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      // Queues only produce (workers open their own connections, src/queue/job-worker.ts): fail fast without Redis.
      useFactory: (config: AppConfig) => ({ connection: producerConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX }),
    }),
    ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [QueueService],
  exports: [QueueService, BullModule],
})
export class QueueModule {}
