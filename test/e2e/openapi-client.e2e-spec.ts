import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ARTICLE_TEXT, resetState, TestApp } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GENERATED = join(ROOT, 'test', '.generated');

/**
 * The OpenAPI document is the contract: generate a typed client from /docs-json with a standard
 * generator (@hey-api/openapi-ts), type-check the consumer path against it with tsc, then run it.
 */
describe('a typed client generated from the OpenAPI document', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await TestApp.start('api+worker');
    await resetState(t);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  test('generates, type-checks and runs the consumer path', async () => {
    const doc = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\./);
    await rm(GENERATED, { recursive: true, force: true });
    await mkdir(GENERATED, { recursive: true });
    await writeFile(join(GENERATED, 'openapi.json'), JSON.stringify(doc));

    const { createClient } = await import('@hey-api/openapi-ts');
    await createClient({ input: join(GENERATED, 'openapi.json'), output: join(GENERATED, 'client'), logs: { level: 'silent' } });

    // Compile-time check: the consumer code against the generated types.
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'test', 'openapi', 'tsconfig.json')], { cwd: ROOT })
      .catch((err: { stdout?: string }) => {
        throw new Error(`the consumer path does not type-check against the generated client:\n${err.stdout}`);
      });

    // A non-literal specifier keeps the root type-check away from code that needs the generated client.
    const consumerModule = '../openapi/consumer-path.js';
    const { consumerPath } = (await import(consumerModule)) as {
      consumerPath: (url: string, tokens: Record<string, string>, text: string) => Promise<{
        claim: { id: string; status: string; verdict: { rating: string } | null };
        feed: { items: Array<{ claim: { id: string } }> };
        claimReviewType: unknown;
        searchHits: number;
      }>;
    };
    const tokens = { editor: await t.token('editor', 'gen-ed'), approver: await t.token('approver', 'gen-ap'), consumer: await t.token('consumer', 'gen-cs') };
    const result = await consumerPath(baseUrl, tokens, ARTICLE_TEXT);
    expect(result.claim.status).toBe('published');
    expect(result.claim.verdict?.rating).toBe('true');
    expect(result.feed.items.map((i) => i.claim.id)).toContain(result.claim.id);
    expect(result.claimReviewType).toBe('ClaimReview');
    expect(result.searchHits).toBeGreaterThan(0);
  }, 120_000);
});
