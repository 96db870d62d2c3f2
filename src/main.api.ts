import 'reflect-metadata';
import { exitCleanlyOnSignals } from './app/shutdown.js';
import { ApiModule } from './app/api.module.js';
import { configureHttp, createHttpApp, listenOnAllInterfaces } from './app/http.js';
import { AppConfig } from './config/config.js';
import { AppLogger } from './logging/app-logger.js';

/** HTTP API only. Run `npm run migrate` first (npm start does both). */
const app = await createHttpApp(ApiModule);
await configureHttp(app);
exitCleanlyOnSignals(app);
await listenOnAllInterfaces(app, app.get(AppConfig).PORT);
app.get(AppLogger).log(`API listening on ${await app.getUrl()}`, 'Bootstrap');
