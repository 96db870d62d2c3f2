import 'reflect-metadata';
import { exitCleanlyOnSignals } from './app/shutdown.js';
import { NestFactory } from '@nestjs/core';
import { AppLogger } from './logging/app-logger.js';
import { workerReadyMessage, WorkerModule } from './app/worker.module.js';
import { AppConfig } from './config/config.js';

/** Queue worker only: no HTTP. SIGTERM lets active jobs finish, then closes connections. */
const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
app.useLogger(app.get(AppLogger));
exitCleanlyOnSignals(app);
await app.init();
app.get(AppLogger).log(workerReadyMessage(app.get(AppConfig)), 'Bootstrap');
