import { Module } from '@nestjs/common';
import { ApiModule } from './api.module.js';
import { WorkerModule } from './worker.module.js';

/** API and worker in one process, for a single machine (`npm start`). */
@Module({ imports: [ApiModule, WorkerModule] })
export class AppModule {}
