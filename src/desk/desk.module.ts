import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, join, sep } from 'node:path';

/** Where `npm run build` puts the desk (web/ → dist/web). This file runs from dist/src/desk/, or from src/desk/ under ts-jest. */
const PROJECT_ROOT = join(import.meta.dirname, '..', '..', ...(import.meta.dirname.split(sep).includes('dist') ? ['..'] : []));
export const DESK_ROOT = join(PROJECT_ROOT, 'dist', 'web');

/** Paths that belong to the server, never to the desk's client-side router (unknown ones stay problem+json 404s). */
/** The route that answers index.html for the desk's own URLs (/claims/…); see allowedMethods. */
export const DESK_FALLBACK_ROUTE = '{*desk}';

export const SERVER_PATHS = /^\/(v1|docs|docs-json|health|metrics|admin\/queues|assets)(\/|$)/;

/**
 * The desk (the editors' web app) served from the API process at `/`. Hashed files under assets/ are
 * immutable for a year; index.html is never cached, so a deploy reaches every open browser on its next load.
 * Its Content-Security-Policy comes with every answer (securityHeaders in src/app/http.ts).
 * Without a build (dist/web/index.html missing) the API runs alone.
 */
@Module({})
export class DeskModule {
  static register(root = DESK_ROOT): DynamicModule {
    if (!existsSync(join(root, 'index.html'))) return { module: DeskModule };
    return {
      module: DeskModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: root,
          renderPath: DESK_FALLBACK_ROUTE,
          exclude: SERVER_PATHS,
          serveStaticOptions: {
            index: false,
            fallthrough: true,
            setHeaders: (res: ServerResponse, path: string) => {
              if (basename(path) === 'index.html') {
                res.setHeader('Cache-Control', 'no-cache');
              } else if (path.includes(`${join(root, 'assets')}`)) {
                res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
              }
            },
          },
        }),
      ],
    };
  }
}
