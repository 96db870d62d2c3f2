import 'reflect-metadata';
import { exitCleanlyOnSignals } from './app/shutdown.js';
import { ApiModule } from './app/api.module.js';
import { configureHttp, createHttpApp } from './app/http.js';
import { AppConfig } from './config/config.js';
import { AppLogger } from './logging/app-logger.js';

/** HTTP API only. Run `npm run migrate` first (npm start does both). */
const app = await createHttpApp(ApiModule);
await configureHttp(app);
exitCleanlyOnSignals(app);
// All interfaces, as Express listened by default (Fastify's default is localhost only).
await app.listen(app.get(AppConfig).PORT, '0.0.0.0');
app.get(AppLogger).log(`API listening on ${await app.getUrl()}`, 'Bootstrap');
