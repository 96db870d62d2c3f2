import type { FastifyInstance } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { DESK_FALLBACK_ROUTE } from '../desk/desk.module.js';

const tables = new WeakMap<FastifyInstance, FindMyWay.Instance<FindMyWay.HTTPVersion.V1>>();
/** HEAD is answered for every GET route by Fastify itself: it never makes a path known on its own. */
const METHODS: HTTPMethod[] = ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'];

/**
 * Keeps a copy of the app's route table (what Nest and the plugins register, through Fastify's onRoute hook), in
 * the same router Fastify matches with, so a 405's Allow header can never disagree with the routes. Call before
 * any route is registered. The desk's fallback answers GET anywhere outside the server's paths; it does not make
 * a path known, so it is left out.
 */
export function recordRoutes(fastify: FastifyInstance): void {
  const table = FindMyWay({ ignoreTrailingSlash: true });
  tables.set(fastify, table);
  fastify.addHook('onRoute', (route) => {
    if (route.url === DESK_FALLBACK_ROUTE) return;
    for (const method of [route.method].flat()) {
      if ((METHODS as string[]).includes(method) && !table.hasRoute(method as HTTPMethod, route.url)) table.on(method as HTTPMethod, route.url, () => {});
    }
  });
}

/** The methods the app serves on `path`. Only asked on a miss, so the lookups cost nothing on the normal path. */
export function allowedMethods(fastify: FastifyInstance, path: string): string[] {
  const table = tables.get(fastify);
  return table ? METHODS.filter((method) => table.find(method, path) !== null) : [];
}
