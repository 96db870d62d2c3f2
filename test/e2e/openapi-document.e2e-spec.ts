import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestApp } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; [k: string]: unknown };
interface Operation {
  operationId?: string;
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown; examples?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Schema }> }>;
}
interface Doc {
  security?: unknown;
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * The OpenAPI document is something to generate clients from: every operation summarised, every error
 * documented as problem+json, public routes marked as such, and `redocly lint` (recommended rules,
 * redocly.yaml) finds no error.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) => METHODS.flatMap((method) => (item[method] ? [{ path, method, op: item[method]! }] : [])));

  beforeAll(async () => {
    t = await TestApp.start('api');
    doc = (await t.http.get('/docs-json').expect(200)).body as Doc;
  });
  afterAll(() => t.close());

  test('redocly lint (recommended rules, redocly.yaml) reports no error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimcheck-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(doc, null, 2));
      const run = promisify(execFile);
      const result = await run(join(ROOT, 'node_modules', '.bin', 'redocly'), ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'summary'], {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      }).catch((err: { stdout?: string; stderr?: string }) => {
        throw new Error(`redocly lint found errors:\n${err.stdout}\n${err.stderr}`);
      });
      // Warnings may stay; they are printed so they are seen.
      const warnings = `${result.stdout}\n${result.stderr}`.split('\n').filter((l) => /^\s*warning\s/.test(l));
      if (warnings.length) console.log(`redocly lint warnings:\n${warnings.join('\n')}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('every operation has a summary and an operation id without the controller name; ids are unique', () => {
    const ids = operations().map(({ path, method, op }) => {
      expect({ path, method, summary: typeof op.summary === 'string' && op.summary.length > 0 }).toEqual({ path, method, summary: true });
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.operationId).not.toMatch(/Controller/);
      return op.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
    const byRoute = Object.fromEntries(operations().map(({ path, method, op }) => [`${method.toUpperCase()} ${path}`, op.operationId]));
    expect(byRoute).toMatchObject({
      'POST /v1/claims/{id}/verdict': 'proposeVerdict',
      'POST /v1/articles': 'ingestArticle',
      'GET /v1/claims/{id}': 'getClaim',
      'GET /v1/verdicts': 'listVerdicts',
    });
  });

  test('every 4xx/5xx answer is a Problem (application/problem+json); each operation lists its errors', () => {
    const problem = doc.components.schemas.Problem;
    expect(problem?.properties).toEqual(expect.objectContaining({ type: expect.anything(), title: expect.anything(), status: expect.anything(), detail: expect.anything(), code: expect.anything() }));
    for (const { path, method, op } of operations()) {
      const statuses = Object.keys(op.responses);
      const errors = statuses.filter((s) => Number(s) >= 400);
      // Only a public route without input (health) has no 4xx to give.
      const takesInput = Boolean(op.security?.length || op.requestBody || op.parameters?.length);
      expect({ path, method, has4xx: errors.some((s) => s.startsWith('4')), has500: statuses.includes('500') }).toEqual({ path, method, has4xx: takesInput, has500: true });
      for (const status of errors) {
        const content = op.responses[status].content ?? {};
        expect({ path, method, status, types: Object.keys(content) }).toEqual({ path, method, status, types: ['application/problem+json'] });
        expect(content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
      }
      if (op.security?.length) expect({ path, method, statuses }).toEqual({ path, method, statuses: expect.arrayContaining(['401', '403']) });
      if (path.includes('{')) expect({ path, method, statuses }).toEqual({ path, method, statuses: expect.arrayContaining(['404']) });
      if (op.requestBody) expect({ path, method, statuses }).toEqual({ path, method, statuses: expect.arrayContaining(['400', '413']) });
    }
  });

  test('public routes say security: [], every other route needs the bearer token or the desk session; the session routes the session', () => {
    // The sitemap is for crawlers, which send no token: it names only pages already public (issue 13).
    const publicRoutes = ['/v1/auth/sign-in', '/v1/claim-reviews/sitemap.xml'];
    const sessionRoutes = ['/v1/auth/session', '/v1/auth/sign-out', '/v1/auth/password'];
    for (const { path, method, op } of operations()) {
      const expected =
        path.startsWith('/health') || publicRoutes.includes(path) ? [] : sessionRoutes.includes(path) ? [{ session: [] }] : [{ bearer: [] }, { session: [] }];
      expect({ path, method, security: op.security }).toEqual({ path, method, security: expected });
    }
    expect((doc as unknown as { components: { securitySchemes: Record<string, unknown> } }).components.securitySchemes.session).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'claimcheck_session',
    });
  });

  test('request bodies carry an example; ClaimReview and health have real schemas', () => {
    for (const { path, method, op } of operations()) {
      if (!op.requestBody) continue;
      const json = op.requestBody.content['application/json'];
      expect({ path, method, example: json.example !== undefined || json.examples !== undefined }).toEqual({ path, method, example: true });
    }
    const resolve = (s: Schema | undefined): Schema => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s ?? {});
    const claimReview = resolve(doc.paths['/v1/claims/{id}/claim-review'].get!.responses['200'].content!['application/ld+json'].schema);
    expect(Object.keys(claimReview.properties ?? {})).toEqual(
      expect.arrayContaining(['@context', '@type', 'url', 'claimReviewed', 'author', 'datePublished', 'reviewRating', 'itemReviewed']),
    );
    expect(Object.keys(resolve(claimReview.properties!.reviewRating).properties ?? {})).toEqual(expect.arrayContaining(['ratingValue', 'bestRating', 'worstRating', 'alternateName']));
    const bulk = resolve(doc.paths['/v1/claim-reviews'].get!.responses['200'].content!['application/json'].schema);
    expect(resolve(bulk.properties!.items.items)).toEqual(claimReview);

    const ready = doc.paths['/health'].get!;
    expect(Object.keys(resolve(ready.responses['200'].content!['application/json'].schema).properties ?? {})).toEqual(expect.arrayContaining(['status', 'info', 'error', 'details']));
    expect(ready.responses['503'].content!['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(Object.keys(resolve(doc.paths['/health/live'].get!.responses['200'].content!['application/json'].schema).properties ?? {})).toEqual(['status']);
  });

  test('a failed readiness check is a problem+json 503 naming what failed', async () => {
    // A Redis nobody listens on: the readiness check must fail on it, and say so.
    const down = await TestApp.start('api', { REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await down.http.get('/health').expect(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 503, code: 'not_ready' });
      expect(res.body.detail).toMatch(/redis/);
      expect(res.body.checks.error).toHaveProperty('redis');
    } finally {
      await down.close();
    }
  }, 30_000);
});
