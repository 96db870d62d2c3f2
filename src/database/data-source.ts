import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { dataSourceOptions } from './options.js';

/** For the TypeORM CLI only, e.g. `npx typeorm migration:generate -d dist/src/database/data-source.js migrations/Name`. */
export default new DataSource(dataSourceOptions(loadConfig().DATABASE_URL));
