import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './config.js';

/** Provides the validated AppConfig as an injectable singleton: `constructor(private config: AppConfig)`. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => loadConfig() }],
  exports: [AppConfig],
})
export class ConfigModule {}
