import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Response } from 'supertest';
import { auth, resetState, TestApp } from './harness.js';

function expectProblem(res: Response, status: number, detail?: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), code: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
  if (detail) expect(res.body.detail).toMatch(detail);
}

describe('bad input gets a clear answer (problem+json)', () => {
  let t: TestApp;
  let editor: string;
  let consumer: string;

  beforeAll(async () => {
    t = await TestApp.start('api');
    await resetState(t);
    editor = await t.token('editor');
    consumer = await t.token('consumer');
  });
  afterAll(() => t.close());

  test('401 without a token, or with an unknown one', async () => {
    expectProblem(await t.http.get('/v1/claims'), 401, /bearer token/i);
    expectProblem(await t.http.get('/v1/claims').set(auth('cc_not-a-real-token')), 401, /unknown or revoked/);
  });

  test('403 for the wrong role', async () => {
    const res = await t.http.post('/v1/articles').set(auth(consumer)).send({ title: 'x', text: 'y' });
    expectProblem(res, 403, /role editor/);
    expectProblem(await t.http.post('/v1/review-tasks/lease').set(auth(consumer)), 403);
  });

  test('400 for unknown fields, wrong types and missing fields, naming them', async () => {
    expectProblem(await t.http.post('/v1/articles').set(auth(editor)).send({ title: 't', text: 'x', color: 'red' }), 400, /color should not exist/);
    expectProblem(await t.http.post('/v1/articles').set(auth(editor)).send({ title: 42, text: 'x' }), 400, /title must be a string/);
    expectProblem(await t.http.post('/v1/articles').set(auth(editor)).send({ title: 't' }), 400, /text/);
    expectProblem(await t.http.post('/v1/articles').set(auth(editor)).send({ title: 't', text: 'x', url: 'not a url' }), 400, /url/);
    expectProblem(await t.http.post('/v1/articles').set(auth(editor)).send({ title: 't', text: 'x', publishedAt: 'yesterday' }), 400, /publishedAt/);
    expectProblem(await t.http.get('/v1/claims?category=weather').set(auth(consumer)), 400, /category/);
    expectProblem(await t.http.get('/v1/claims?limit=0').set(auth(consumer)), 400, /limit/);
    expectProblem(await t.http.get('/v1/claims?sort=asc').set(auth(consumer)), 400, /sort should not exist/);
    expectProblem(await t.http.get('/v1/claims?cursor=bogus').set(auth(consumer)), 400, /cursor/);
  });

  test('400 for malformed JSON', async () => {
    const res = await t.http.post('/v1/articles').set(auth(editor)).set('Content-Type', 'application/json').send('{"title": "t", "text": ');
    expectProblem(res, 400, /Malformed JSON/);
  });

  test('413 for a body over MAX_BODY_BYTES', async () => {
    const res = await t.http.post('/v1/articles').set(auth(editor)).send({ title: 't', text: 'x'.repeat(70 * 1024) });
    expectProblem(res, 413, /exceeds the limit of 65536 bytes/);
  });

  test('404 for unknown ids and routes; 400 for ids that are not uuids', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expectProblem(await t.http.get(`/v1/articles/${missing}`).set(auth(consumer)), 404, /No article with id/);
    expectProblem(await t.http.get(`/v1/claims/${missing}`).set(auth(consumer)), 404, /No claim with id/);
    expectProblem(await t.http.get(`/v1/articles/${missing}/claims`).set(auth(consumer)), 404);
    expectProblem(await t.http.post(`/v1/claims/${missing}/sources`).set(auth(editor)).send({ url: 'https://a.example/x', title: 'x' }), 404);
    expectProblem(await t.http.get('/v1/articles/42').set(auth(consumer)), 400, /uuid/);
    expectProblem(await t.http.get('/v1/nowhere').set(auth(consumer)), 404);
  });

  test('errors carry the request id', async () => {
    const res = await t.http.get('/v1/claims').set('X-Request-Id', 'req-12345');
    expect(res.body.requestId).toBe('req-12345');
    expect(res.headers['x-request-id']).toBe('req-12345');
  });
});
