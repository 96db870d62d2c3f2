import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Desk } from './desk.js';

describe('the desk is served by the API process', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await Desk.start();
  });
  afterAll(() => desk.close());

  test('index.html is never cached and carries a CSP without inline scripts; hashed assets are immutable', async () => {
    const index = await fetch(`${desk.baseUrl}/claims/some-deep-link`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const js = await fetch(`${desk.baseUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  test('server paths stay the API: unknown /v1 and /assets paths are problem+json 404s, not the app', async () => {
    for (const path of ['/v1/no-such-route', '/assets/no-such-file.js']) {
      const res = await fetch(`${desk.baseUrl}${path}`);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 404, expect.stringContaining('application/problem+json')]);
    }
  });
});
