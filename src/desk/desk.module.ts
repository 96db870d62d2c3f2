import { Inject, Module, NotFoundException, Optional, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';

/** Where `npm run build` puts the desk (web/ → dist/web). This file runs from dist/src/desk/, or from src/desk/ under ts-jest. */
const PROJECT_ROOT = join(import.meta.dirname, '..', '..', ...(import.meta.dirname.split(sep).includes('dist') ? ['..'] : []));
export const DESK_ROOT = join(PROJECT_ROOT, 'dist', 'web');

/** The route that answers index.html for the desk's own URLs (/claims/…); see allowedMethods. */
export const DESK_FALLBACK_ROUTE = '/*';

/** Paths that belong to the server, never to the desk's client-side router (unknown ones stay problem+json 404s). */
export const SERVER_PATHS = /^\/(v1|docs|docs-json|health|metrics|admin\/queues|assets)(\/|$)/;

const DESK_ROOT_TOKEN = Symbol('desk root');

/**
 * The desk (the editors' web app) served from the API process at `/`. Hashed files under assets/ are
 * immutable for a year; index.html is never cached, so a deploy reaches every open browser on its next load.
 * Its Content-Security-Policy comes with every answer (securityHeaders in src/app/http.ts).
 * Without a build (dist/web/index.html missing) the API runs alone.
 */
@Module({})
export class DeskModule implements OnModuleInit {
  static register(root = DESK_ROOT): DynamicModule {
    if (!existsSync(join(root, 'index.html'))) return { module: DeskModule };
    return { module: DeskModule, providers: [{ provide: DESK_ROOT_TOKEN, useValue: root }] };
  }

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Optional() @Inject(DESK_ROOT_TOKEN) private readonly root?: string,
  ) {}

  onModuleInit(): void {
    // An application context without HTTP (a worker, the CLI) has no adapter.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    // Not awaited: Fastify loads it on ready(), once Nest has installed its error handler (which routes take
    // when they load; awaiting here would load Nest's routes early, with Fastify's default handler).
    if (this.root && fastify) void fastify.register(serveDesk(this.root));
  }
}

/**
 * The files of the build, one route each (wildcard: false, so no route of its own catches unknown paths), and
 * index.html for any other GET outside the server's paths (the desk's client-side routes).
 */
function serveDesk(root: string) {
  const cacheControl = (reply: FastifyReply, path: string) => {
    if (basename(path) === 'index.html') reply.header('Cache-Control', 'no-cache');
    else if (path.startsWith(join(root, 'assets'))) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
  };
  return async (fastify: FastifyInstance) => {
    await fastify.register(fastifyStatic, { root, wildcard: false, index: false, setHeaders: cacheControl });
    const index = join(root, 'index.html');
    fastify.get(DESK_FALLBACK_ROUTE, async (req, reply) => {
      const path = req.url.split('?')[0];
      // The same answer as for a path no route matched (Nest's not-found handler): a problem+json 404.
      if (SERVER_PATHS.test(path)) throw new NotFoundException(`Cannot ${req.method} ${req.url}`);
      cacheControl(reply, index);
      return reply.type('text/html; charset=utf-8').send(await readFile(index));
    });
  };
}
