import 'reflect-metadata';
import { exitCleanlyOnSignals } from './app/shutdown.js';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './app/api.module.js';
import { configureHttp, NEST_OPTIONS } from './app/http.js';
import { AppConfig } from './config/config.js';
import { AppLogger } from './logging/app-logger.js';

/** HTTP API only. Run `npm run migrate` first (npm start does both). */
const app = await NestFactory.create<NestExpressApplication>(ApiModule, NEST_OPTIONS);
configureHttp(app);
exitCleanlyOnSignals(app);
await app.listen(app.get(AppConfig).PORT);
app.get(AppLogger).log(`API listening on ${await app.getUrl()}`, 'Bootstrap');
