import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/config.js';
import { AppLogger, createRootLogger, LOG_DESTINATION, type LogDestination } from './app-logger.js';

/** The process's one logger, for Nest (`app.useLogger`) and for the HTTP request log (`configureHttp`). */
@Global()
@Module({
  providers: [
    {
      provide: AppLogger,
      // The destination is only ever provided by tests (a stream they read); the process writes to stdout.
      inject: [AppConfig, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: LogDestination) => new AppLogger(createRootLogger(config, destination)),
    },
  ],
  exports: [AppLogger],
})
export class LoggingModule {}
