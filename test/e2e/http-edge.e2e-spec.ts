import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Response } from 'supertest';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { ARTICLE_TEXT, auth, resetState, TestApp } from './harness.js';

/** Input that outside testers sent: NUL characters, absurd nesting, prototype keys, wrong media types and methods. */

function expectProblem(res: Response, status: number, detail?: RegExp) {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { status, code: expect.any(String), detail: expect.any(String) } });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (detail) expect(res.body.detail).toMatch(detail);
}

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('hostile and careless input gets 4xx, never 500', () => {
  let t: TestApp;
  let editor: string;
  let admin: string;
  let claimId: string;

  beforeAll(async () => {
    t = await TestApp.start('api');
    await resetState(t);
    editor = await t.token('editor');
    admin = await t.token('admin');
    claimId = (await t.seed(editor, ARTICLE_TEXT))[0].id;
  });
  afterAll(() => t.close());

  test('a NUL character in any body string or query value is a 400 naming the field', async () => {
    const article = { title: 'Border', text: 'Officials said 300 people left.', publisher: 'Example', url: 'https://news.example.org/a' };
    for (const field of ['title', 'text', 'publisher', 'url'] as const) {
      const res = await t.http.post('/v1/articles').set(auth(editor)).send({ ...article, [field]: `${article[field]}\u0000x` });
      expectProblem(res, 400, new RegExp(`^${field} must not contain NUL characters`));
    }
    const source = { url: 'https://stats.example.gov/x', title: 'Official figures', excerpt: 'About 100,000.' };
    expectProblem(await t.http.post(`/v1/claims/${claimId}/sources`).set(auth(editor)).send({ ...source, title: 'a\u0000' }), 400, /^title must not contain NUL/);
    expectProblem(await t.http.post(`/v1/claims/${claimId}/sources`).set(auth(editor)).send({ ...source, excerpt: '\u0000' }), 400, /^excerpt must not contain NUL/);
    // Nested and in arrays: the path says where.
    expectProblem(
      await t.http.post(`/v1/claims/${claimId}/sources`).set(auth(editor)).send({ ...source, figure: { value: 1, asOf: '2026-11-25\u0000' } }),
      400,
      /^figure\.asOf must not contain NUL/,
    );
    expectProblem(
      await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(editor)).send({ rating: 'true', summary: 'ok', sourceIds: [MISSING, 'x\u0000'] }),
      400,
      /^sourceIds\[1\] must not contain NUL/,
    );
    expectProblem(await t.http.post('/v1/claims/match').set(auth(editor)).send({ text: '100,000 troops\u0000' }), 400, /^text must not contain NUL/);
    expectProblem(await t.http.get('/v1/claims?q=troops%00').set(auth(editor)), 400, /^q must not contain NUL/);
    expectProblem(await t.http.get('/v1/verdicts?q=%00').set(auth(editor)), 400, /^q must not contain NUL/);
    // Nothing was stored.
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM articles WHERE title LIKE 'Border%'`);
    expect(n).toBe(0);
  });

  test('JSON nested deeper than the limit is a 400 at parse time', async () => {
    const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    for (const body of [`{"title":"t","text":"x","extra":${deep(10000)}}`, '['.repeat(10000) + ']'.repeat(10000)]) {
      const res = await t.http.post('/v1/articles').set(auth(editor)).set('Content-Type', 'application/json').send(body);
      expectProblem(res, 400, /^body nested deeper than \d+ levels/);
      expect(res.body.code).toBe('body_too_deep');
    }
    // Brackets and escaped quotes inside strings are text, not nesting.
    const text = 'Officials said 300 people left. He wrote "\\" [' + '[{"\\"'.repeat(5000);
    await t.http.post('/v1/articles').set(auth(editor)).send({ title: 'Brackets', text }).expect(202);
  });

  test('__proto__, constructor and prototype keys are refused like any unknown key, at any depth', async () => {
    const send = (raw: string) => t.http.post('/v1/articles').set(auth(editor)).set('Content-Type', 'application/json').send(raw);
    expectProblem(await send('{"title":"t","text":"x","__proto__":{"isAdmin":true}}'), 400, /__proto__ should not exist/);
    expectProblem(await send('{"title":"t","text":"x","constructor":{"prototype":{}}}'), 400, /constructor should not exist/);
    const nested = await t.http.post(`/v1/claims/${claimId}/sources`).set(auth(editor)).set('Content-Type', 'application/json')
      .send('{"url":"https://a.example/x","title":"x","figure":{"value":1,"__proto__":{"x":1}}}');
    expectProblem(nested, 400, /figure\.__proto__ should not exist/);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM articles WHERE title = 't'`);
    expect(n).toBe(0);
  });

  test('routes that take no body refuse a body with fields, naming them (every such route)', async () => {
    expectProblem(await t.http.post('/v1/review-tasks/lease').set(auth(editor)).send({ priority: 'high' }), 400, /^priority should not exist/);
    expectProblem(await t.http.post(`/v1/verdicts/${MISSING}/approve`).set(auth(admin)).send({ force: true, note: 'x' }), 400, /force should not exist.*note should not exist/);
    // An empty JSON object is no body at all.
    await t.http.post('/v1/review-tasks/lease').set(auth(editor)).send({}).expect((r) => expect([200, 204]).toContain(r.status));

    // Every registered route, whatever it takes: an unknown field is a 400 that names it. The desk's session routes
    // take the session cookie (and its CSRF token), not a token.
    const desk = await t.deskSession('admin');
    const routes = registeredRoutes(t).filter((r) => r.method !== 'get');
    expect(routes.length).toBeGreaterThan(15);
    for (const { method, path } of routes) {
      const url = path.replace(/:\w+/g, MISSING);
      const credentials = /^\/v1\/auth\/(session|sign-out|password)$/.test(path) ? desk.headers : auth(admin);
      const res = await t.http[method as 'post'](url).set(credentials).send({ zzUnknownField: 1 });
      expect({ route: `${method} ${path}`, status: res.status, detail: res.body.detail }).toEqual({
        route: `${method} ${path}`,
        status: 400,
        detail: expect.stringMatching(/zzUnknownField should not exist/),
      });
    }
  });

  test('a JSON route sent a form, or no Content-Type, answers 415', async () => {
    const form = await t.http.post('/v1/articles').set(auth(editor)).type('form').send('title=t&text=x');
    expectProblem(form, 415, /application\/json/);
    expect(form.body.code).toBe('unsupported_media_type');
    const bare = await t.http.post('/v1/articles').set(auth(editor)).set('Content-Type', '').send('title=t');
    expectProblem(bare, 415, /application\/json/);
    expectProblem(await t.http.post('/v1/articles').set(auth(editor)), 415);
    // Declared JSON without a body: the DTO says what is missing.
    expectProblem(await t.http.post('/v1/articles').set(auth(editor)).set('Content-Type', 'application/json'), 400, /title/);
    expectProblem(await t.http.patch(`/v1/claims/${claimId}`).set(auth(editor)).type('text').send('{"version":1}'), 415);
    // application/*+json and a charset are JSON.
    await t.http.post('/v1/claims/match').set(auth(editor)).set('Content-Type', 'application/merge-patch+json; charset=utf-8').send('{"text":"troops"}').expect(200);
    // A charset that cannot be decoded is a 415 too, not a 403 from the parser's verify step.
    const utf32 = await t.http.post('/v1/claims/match').set(auth(editor)).set('Content-Type', 'application/json; charset=utf-32').send('{"text":"troops"}');
    expectProblem(utf32, 415, /charset/i);
    // Authentication still comes first.
    expectProblem(await t.http.post('/v1/articles').type('form').send('title=t'), 401);
    // A compressed body is read (gzip, deflate, br); another encoding is a 415, a body that does not inflate a 400.
    const match = (body: Buffer, encoding: string) =>
      t.http.post('/v1/claims/match').set(auth(editor)).set('Content-Type', 'application/json').set('Content-Encoding', encoding)
        // The bytes as they are (superagent would otherwise serialise a Buffer as JSON, for a JSON Content-Type).
        .serialize((bytes) => bytes).send(body);
    const json = Buffer.from('{"text":"troops"}');
    for (const [encoding, compress] of [['gzip', gzipSync], ['deflate', deflateSync], ['br', brotliCompressSync]] as const) {
      expect({ encoding, status: (await match(compress(json), encoding)).status }).toEqual({ encoding, status: 200 });
    }
    expectProblem(await match(json, 'compress'), 415, /encoding/);
    expectProblem(await match(json, 'gzip'), 400);
  });

  test('a known path with another method is a 405 with Allow; unknown paths stay 404', async () => {
    const res = await t.http.delete('/v1/articles').set(auth(admin));
    expectProblem(res, 405, /DELETE/);
    expect(res.body.code).toBe('method_not_allowed');
    // Built from the registered routes (POST today; GET too once articles can be listed).
    expect(res.headers.allow).toMatch(/^(GET, )?POST$/);
    const claims = await t.http.put(`/v1/claims/${claimId}`).set(auth(admin));
    expectProblem(claims, 405);
    expect(claims.headers.allow).toBe('GET, PATCH');
    const webhooks = await t.http.patch('/v1/webhooks').set(auth(admin)).send({});
    expect([webhooks.status, webhooks.headers.allow]).toEqual([405, 'GET, POST']);
    expectProblem(await t.http.delete('/v1/nowhere').set(auth(admin)), 404);
    expectProblem(await t.http.get(`/v1/articles/${claimId}/nothing`).set(auth(admin)), 404);
    // A path parameter that does not decode, or a very long one, is the client's error, in the same form.
    expectProblem(await t.http.get('/v1/claims/%zz').set(auth(admin)), 400);
    expectProblem(await t.http.get(`/v1/claims/${'a'.repeat(300)}`).set(auth(admin)), 400);
    // A handler's own 404 stays a 404.
    expectProblem(await t.http.get(`/v1/articles/${MISSING}`).set(auth(admin)), 404, /No article/);
  });

  test('every 401 carries WWW-Authenticate: Bearer, with error="invalid_token" for a bad token', async () => {
    const none = await t.http.get('/v1/claims');
    expectProblem(none, 401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="claimcheck"');
    const basic = await t.http.get('/v1/claims').set('Authorization', 'Basic YTpi');
    expect([basic.status, basic.headers['www-authenticate']]).toEqual([401, 'Bearer realm="claimcheck"']);
    const bad = await t.http.get('/v1/claims').set(auth('cc_not-a-real-token'));
    expectProblem(bad, 401);
    expect(bad.headers['www-authenticate']).toMatch(/^Bearer realm="claimcheck", error="invalid_token", error_description="[^"]+"$/);
    // Not on other answers.
    expect((await t.http.get('/v1/claims').set(auth(editor)).expect(200)).headers['www-authenticate']).toBeUndefined();
  });
});

/**
 * Every route the app serves (method, path), as registered by Nest: read from Fastify's printed route tree, where a
 * line is a segment under the line above it one level (4 characters) less indented, with its methods in brackets.
 */
function registeredRoutes(t: TestApp): Array<{ method: string; path: string }> {
  const tree = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const segments: string[] = [];
  return tree.split('\n').flatMap((line) => {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) return [];
    const depth = match[1].length / 4;
    segments.length = depth;
    segments.push(match[2]);
    const path = segments.join('');
    return match[3] && path.startsWith('/v1/')
      ? match[3].split(', ').filter((m) => m !== 'HEAD').map((method) => ({ method: method.toLowerCase(), path }))
      : [];
  });
}
