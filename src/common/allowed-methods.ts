import type { Application } from 'express';

import { DESK_FALLBACK_ROUTE } from '../desk/desk.module.js';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
  match(path: string): unknown;
}

/**
 * The methods the app serves on `path`, read from Express's own route table (what Nest registered),
 * so a 405's Allow header can never disagree with the routes. Only asked on a miss, so the scan costs nothing
 * on the normal path.
 */
export function allowedMethods(app: Application, path: string): string[] {
  const stack = (app as Application & { router?: { stack: RouteLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    // The desk's fallback answers GET anywhere outside the server's paths; it does not make a path known.
    if (!layer.route || layer.route.path === DESK_FALLBACK_ROUTE || !layer.match(path)) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') methods.add(method.toUpperCase());
  }
  return [...methods].sort();
}
