import 'reflect-metadata';
import { exitCleanlyOnSignals } from './app/shutdown.js';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app/app.module.js';
import { configureHttp, NEST_OPTIONS } from './app/http.js';
import { AppConfig } from './config/config.js';

/** API and worker in one process (single machine). */
const app = await NestFactory.create<NestExpressApplication>(AppModule, NEST_OPTIONS);
configureHttp(app);
exitCleanlyOnSignals(app);
await app.listen(app.get(AppConfig).PORT);
