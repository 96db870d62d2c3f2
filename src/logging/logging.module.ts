import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/config.js';
import { AppLogger, createRootLogger } from './app-logger.js';

/** The process's one logger, for Nest (`app.useLogger`) and for the HTTP request log (`configureHttp`). */
@Global()
@Module({
  providers: [{ provide: AppLogger, inject: [AppConfig], useFactory: (config: AppConfig) => new AppLogger(createRootLogger(config)) }],
  exports: [AppLogger],
})
export class LoggingModule {}
