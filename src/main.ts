import 'reflect-metadata';
import { exitCleanlyOnSignals } from './app/shutdown.js';
import { AppModule } from './app/app.module.js';
import { configureHttp, createHttpApp, listenOnAllInterfaces } from './app/http.js';
import { workerReadyMessage } from './app/worker.module.js';
import { AppConfig } from './config/config.js';
import { AppLogger } from './logging/app-logger.js';

/** API and worker in one process (single machine). */
const app = await createHttpApp(AppModule);
await configureHttp(app);
exitCleanlyOnSignals(app);
await listenOnAllInterfaces(app, app.get(AppConfig).PORT);
app.get(AppLogger).log(`API listening on ${await app.getUrl()}`, 'Bootstrap');
app.get(AppLogger).log(workerReadyMessage(app.get(AppConfig)), 'Bootstrap');
