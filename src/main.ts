import 'reflect-metadata';
import { exitCleanlyOnSignals } from './app/shutdown.js';
import { AppModule } from './app/app.module.js';
import { configureHttp, createHttpApp } from './app/http.js';
import { workerReadyMessage } from './app/worker.module.js';
import { AppConfig } from './config/config.js';
import { AppLogger } from './logging/app-logger.js';

/** API and worker in one process (single machine). */
const app = await createHttpApp(AppModule);
await configureHttp(app);
exitCleanlyOnSignals(app);
// All interfaces, as Express listened by default (Fastify's default is localhost only).
await app.listen(app.get(AppConfig).PORT, '0.0.0.0');
app.get(AppLogger).log(`API listening on ${await app.getUrl()}`, 'Bootstrap');
app.get(AppLogger).log(workerReadyMessage(app.get(AppConfig)), 'Bootstrap');
