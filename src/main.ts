import 'reflect-metadata';
import { exitCleanlyOnSignals } from './app/shutdown.js';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app/app.module.js';
import { configureHttp, NEST_OPTIONS } from './app/http.js';
import { workerReadyMessage } from './app/worker.module.js';
import { AppConfig } from './config/config.js';
import { AppLogger } from './logging/app-logger.js';

/** API and worker in one process (single machine). */
const app = await NestFactory.create<NestExpressApplication>(AppModule, NEST_OPTIONS);
configureHttp(app);
exitCleanlyOnSignals(app);
await app.listen(app.get(AppConfig).PORT);
app.get(AppLogger).log(`API listening on ${await app.getUrl()}`, 'Bootstrap');
app.get(AppLogger).log(workerReadyMessage(app.get(AppConfig)), 'Bootstrap');
