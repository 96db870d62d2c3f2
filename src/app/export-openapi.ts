import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFile } from 'node:fs/promises';
import { AppConfig } from '../config/config.js';
import { ApiModule } from './api.module.js';
import { buildOpenApiDocument } from './openapi.js';

/**
 * Writes the OpenAPI document to the file named on the command line, without Postgres or Redis:
 * Nest's preview mode builds the module graph (controllers, DTO metadata) but runs no provider, so
 * the web build can generate its typed client from the API as it is in this checkout.
 */
const [target] = process.argv.slice(2);
if (!target) {
  console.error('usage: node dist/src/app/export-openapi.js FILE');
  process.exit(2);
}
const app = await NestFactory.create(ApiModule, { preview: true, logger: false });
const doc = buildOpenApiDocument(app, Object.assign(new AppConfig(), { PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? new AppConfig().PUBLIC_BASE_URL }));
await writeFile(target, JSON.stringify(doc, null, 2));
await app.close();
