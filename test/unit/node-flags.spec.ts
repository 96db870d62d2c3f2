/**
 * The service's Node flags are set in three places (package.json's start scripts, the image's NODE_OPTIONS) and read
 * by the hot-path benchmark from the first: they must agree, or the bench measures another runtime than the one shipped.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shippedNodeFlags } from '../../bench/hot-paths/processes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;

describe('the Node flags the service ships with', () => {
  const flags = shippedNodeFlags(scripts.start);

  it('are read from the start script, a larger young generation among them', () => {
    expect(flags).toContain('--max-semi-space-size=64');
  });

  it('are the same for the API and worker entry points', () => {
    expect(scripts['start:api']).toBe(`node ${flags.join(' ')} dist/src/main.api.js`);
    expect(scripts['start:worker']).toBe(`node ${flags.join(' ')} dist/src/main.worker.js`);
  });

  it("are the image's NODE_OPTIONS (compose runs node with the entry point only)", () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(new RegExp(`^ENV NODE_OPTIONS=${flags.join(' ')}$`, 'm'));
  });

  it('refuse a start script that does not run the service', () => {
    expect(() => shippedNodeFlags('node dist/bench/run.js')).toThrow(/does not run node dist\/src\/main\.js/);
    expect(shippedNodeFlags('npm run migrate && node dist/src/main.js')).toEqual([]);
  });
});
