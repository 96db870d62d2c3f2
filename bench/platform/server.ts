/**
 * The platform bench's target (issue 14: "consider @nestjs/platform-fastify"): a minimal Nest app with one route,
 * GET /v1/claims/:id, doing the floor's work (bench/floor/claim-read.ts: token lookup, claim, sources, ETag), on the
 * platform named by PLATFORM (express | fastify). The same app on both, so the difference is the platform's alone.
 *
 * Env: DATABASE_URL, PORT, PLATFORM, FLOOR_POOL (pg pool, default 10 as the service).
 */
import 'reflect-metadata';
import { Controller, Get, Headers, HttpException, Module, Param, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import pg from 'pg';
import { authenticate, HttpError, readClaim } from '../floor/claim-read.js';

const env = process.env;
const platform = env.PLATFORM === 'fastify' ? 'fastify' : 'express';
pg.types.setTypeParser(20, (v) => v); // bigint as text, as the service reads seq
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: Number(env.FLOOR_POOL ?? 10) });

@Controller()
class ClaimReadController {
  @Get('v1/claims/:id')
  async read(@Headers('authorization') authorization: string | undefined, @Param('id') id: string, @Res({ passthrough: true }) res: { header(name: string, value: string): unknown }) {
    try {
      const { etag, body } = await readClaim(pool, await authenticate(pool, authorization), id);
      res.header('ETag', etag); // (express's res.header and fastify's reply.header alike)
      return body;
    } catch (err) {
      if (err instanceof HttpError) throw new HttpException({ status: err.status, code: err.code }, err.status);
      throw err;
    }
  }

  @Get('health')
  health() {
    return { status: 'ok' };
  }
}

@Module({ controllers: [ClaimReadController] })
class PlatformBenchModule {}

const app = await NestFactory.create(PlatformBenchModule, platform === 'fastify' ? new FastifyAdapter() : new ExpressAdapter(), { logger: false });
await app.listen(Number(env.PORT ?? 0), '127.0.0.1');
console.log(`listening ${platform}`);

async function shutdown(): Promise<void> {
  await app.close();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
