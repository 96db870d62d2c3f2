import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a browser downloads to show the first screen: the entry script index.html loads, every chunk it
 * imports statically (Vite lists them as <link rel="modulepreload">) and the stylesheet. Lazy screens
 * (claim workspace, approvals, ingest, admin) load later and are not counted.
 */
export function firstScreenBundle(webRoot: string): { jsGzipBytes: number; cssGzipBytes: number; files: string[] } {
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map((m) => m[1]);
  const gz = (file: string) => gzipSync(readFileSync(join(webRoot, file)), { level: 9 }).length;
  return {
    jsGzipBytes: scripts.reduce((n, f) => n + gz(f), 0),
    cssGzipBytes: styles.reduce((n, f) => n + gz(f), 0),
    files: [...scripts, ...styles],
  };
}
