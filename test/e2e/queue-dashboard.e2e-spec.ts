import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth, resetState, TestApp } from './harness.js';

/** The paths of the assets a page loads from this site (scripts, styles, icons), resolved as a browser does (<base href>). */
function assetsOf(html: string): string[] {
  const base = new URL(/<base href="([^"]*)"/.exec(html)?.[1] ?? '/', 'http://api.test');
  return [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)]
    .map((m) => new URL(m[1], base))
    .filter((u) => u.host === 'api.test')
    .map((u) => u.pathname);
}

const basic = (token: string) => ({ Authorization: `Basic ${Buffer.from(`admin:${token}`).toString('base64')}` });

describe('the queue dashboard (Bull Board) at /admin/queues', () => {
  let t: TestApp;
  let admin: string;
  let editor: string;

  beforeAll(async () => {
    t = await TestApp.start('api');
    await resetState(t);
    admin = await t.token('admin', 'board-admin');
    editor = await t.token('editor', 'board-editor');
  });
  afterAll(() => t.close());

  test('an admin gets the page, its assets and its API (bearer, or Basic with the token as password for browsers)', async () => {
    const page = await t.http.get('/admin/queues').set(auth(admin)).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const assets = assetsOf(page.text);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.startsWith('/admin/queues/')).toBe(true);
      const res = await t.http.get(asset).set(basic(admin));
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
    }
    const api = await t.http.get('/admin/queues/api/queues').set(basic(admin)).expect(200);
    expect((api.body.queues as Array<{ name: string }>).map((q) => q.name).sort()).toEqual(['extraction', 'maintenance', 'webhooks']);
  });

  test('an editor gets 403, no token 401 (with a Basic challenge for browsers), both problem+json', async () => {
    const forbidden = await t.http.get('/admin/queues').set(auth(editor)).expect(403);
    expect(forbidden.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(forbidden.body).toMatchObject({ status: 403, code: 'forbidden' });

    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/js/nope.js']) {
      const res = await t.http.get(path).expect(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Basic realm=/);
      expect(res.body).toMatchObject({ status: 401, code: 'unauthorized', instance: path });
    }
    await t.http.get('/admin/queues').set(auth('not-a-token')).expect(401);
  });

  test('a change sent from another site is refused (browsers resend Basic credentials on their own)', async () => {
    const res = await t.http.put('/admin/queues/api/queues/pause').set(basic(admin)).set('Origin', 'https://evil.example').send({}).expect(403);
    expect(res.body.code).toBe('cross_site_request');
  });
});
