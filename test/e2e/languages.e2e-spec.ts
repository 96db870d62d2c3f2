import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Response } from 'supertest';
import { ARTICLE_TEXT, auth, eventually, LogCapture, resetState, TestApp } from './harness.js';

/**
 * Issue 11: an article's language is detected (or given), stored and shown; the extractor reads English only, so an
 * article in another language gets no claims and the status unsupported_language instead of guessed numbers
 * ("100.000 soldados" read as 100).
 */

// Own text, Spanish, with figures whose Spanish form the English rules misread.
const SPANISH = `El ministerio de Defensa informó el martes de que unos 100.000 soldados se han desplegado cerca de la frontera.

Según la agencia de la ONU para los refugiados, 1,5 millones de personas han tenido que dejar sus casas desde el inicio de los combates, y al menos 14.000 han muerto.`;

async function settled(t: TestApp, token: string, id: string): Promise<any> {
  return eventually(async () => {
    const res = await t.http.get(`/v1/articles/${id}`).set(auth(token)).expect(200);
    return ['extracted', 'failed', 'unsupported_language'].includes(res.body.status) ? res.body : null;
  }, 20000, `article ${id} settled`);
}

function expectProblem(res: Response, status: number, detail: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), code: expect.any(String) });
  expect(res.body.detail).toMatch(detail);
}

describe('article languages (API and the real worker)', () => {
  let t: TestApp;
  let editor: string;
  const logs = new LogCapture();

  beforeAll(async () => {
    t = await TestApp.start('api+worker', { LOG_LEVEL: 'info' }, { logs });
    await resetState(t);
    editor = await t.token('editor');
  });
  afterAll(() => t.close());

  const ingest = async (body: Record<string, unknown>) => (await t.http.post('/v1/articles').set(auth(editor)).send(body).expect(202)).body.id as string;
  const claimsOf = async (id: string) => (await t.http.get(`/v1/articles/${id}/claims`).set(auth(editor)).expect(200)).body as any[];

  test('an English article is detected as en and extracted as before', async () => {
    const id = await ingest({ title: 'Border', text: ARTICLE_TEXT, publishedAt: '2026-11-25T09:00:00Z' });
    const article = await settled(t, editor, id);
    expect(article).toMatchObject({ status: 'extracted', language: 'en', skippedSentences: 0 });
    const claims = await claimsOf(id);
    expect(claims.find((c) => c.category === 'troop_count')?.quantity).toMatchObject({ value: 100000 });
    expect(article.claimCount).toBe(claims.length);
  });

  test('a Spanish article is detected as es and marked unsupported_language, with no claims (no "100")', async () => {
    const id = await ingest({ title: 'Frontera', text: SPANISH, publishedAt: '2026-11-25T09:00:00Z' });
    const article = await settled(t, editor, id);
    expect(article).toMatchObject({ status: 'unsupported_language', language: 'es', claimCount: 0, failureReason: null });
    expect(await claimsOf(id)).toEqual([]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE article_id = $1`, [id])).toEqual([{ n: 0 }]);
    // A structured line for operators, and the audit trail.
    const line = await eventually(async () => logs.lines.find((l) => l.articleId === id && l.outcome === 'unsupported_language'), 5000, 'log line');
    expect(line).toMatchObject({ language: 'es', supportedLanguages: ['en'], msg: expect.stringContaining('language es is not supported') });
    const [audit] = await t.db.query(`SELECT to_status, changes FROM audit_events WHERE entity_id = $1 AND action = 'article.unsupported_language'`, [id]);
    expect(audit).toMatchObject({ to_status: 'unsupported_language', changes: { language: 'es' } });
    // The list filters by language and by the new status.
    const es = (await t.http.get('/v1/articles').query({ language: 'es' }).set(auth(editor)).expect(200)).body.items;
    expect(es.map((a: any) => a.id)).toEqual([id]);
    expect(es[0]).toMatchObject({ language: 'es', status: 'unsupported_language' });
    const unsupported = (await t.http.get('/v1/articles').query({ status: 'unsupported_language' }).set(auth(editor)).expect(200)).body.items;
    expect(unsupported.map((a: any) => a.id)).toEqual([id]);
    const en = (await t.http.get('/v1/articles').query({ language: 'en' }).set(auth(editor)).expect(200)).body.items;
    expect(en.map((a: any) => a.id)).not.toContain(id);
  });

  test('a language given at ingest overrides detection: Spanish text given as en is extracted', async () => {
    const text = SPANISH.replace('martes', 'miércoles');
    const id = await ingest({ title: 'Frontera (en)', text, language: 'en', publishedAt: '2026-11-25T09:00:00Z' });
    const article = await settled(t, editor, id);
    expect(article).toMatchObject({ status: 'extracted', language: 'en' });
    const [audit] = await t.db.query(`SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'article.ingested'`, [id]);
    expect(audit.changes).toMatchObject({ language: 'en', languageSource: 'given' });
  });

  test('an English article given as es is not extracted; retried with language en it is', async () => {
    const text = ARTICLE_TEXT.replace('Tuesday', 'Wednesday');
    const id = await ingest({ title: 'Border (es)', text, language: 'es', publishedAt: '2026-11-25T09:00:00Z' });
    expect(await settled(t, editor, id)).toMatchObject({ status: 'unsupported_language', language: 'es', claimCount: 0 });

    const retried = (await t.http.post(`/v1/articles/${id}/retry`).set(auth(editor)).send({ language: 'en' }).expect(200)).body;
    expect(retried).toMatchObject({ language: 'en' });
    const article = await settled(t, editor, id);
    expect(article).toMatchObject({ status: 'extracted', language: 'en' });
    expect(article.claimCount).toBeGreaterThanOrEqual(3);
    const [audit] = await t.db.query(`SELECT from_status, changes FROM audit_events WHERE entity_id = $1 AND action = 'article.retried'`, [id]);
    expect(audit).toMatchObject({ from_status: 'unsupported_language', changes: { language: { from: 'es', to: 'en' } } });
    // Extracted now: nothing left to retry.
    expectProblem(await t.http.post(`/v1/articles/${id}/retry`).set(auth(editor)).send({}), 409, /only a failed or unsupported_language article/);
  });

  test('an article from before detection (language NULL) is detected on its next extraction', async () => {
    const id = await ingest({ title: 'Old', text: SPANISH.replace('martes', 'jueves'), language: 'en', publishedAt: '2026-11-25T09:00:00Z' });
    await settled(t, editor, id);
    // as an old row: failed, language unknown
    await t.db.query(`UPDATE articles SET status = 'failed', language = NULL WHERE id = $1`, [id]);
    await t.db.query(`DELETE FROM claims WHERE article_id = $1`, [id]);
    await t.http.post(`/v1/articles/${id}/retry`).set(auth(editor)).expect(200);
    expect(await settled(t, editor, id)).toMatchObject({ status: 'unsupported_language', language: 'es' });
  });

  test('a bad language code is a 400 problem+json naming the field', async () => {
    for (const language of ['spanish', 'ES', 'xx', 'und', 7]) {
      expectProblem(await t.http.post('/v1/articles').set(auth(editor)).send({ title: 't', text: 'Some text.', language }), 400, /language must be an ISO 639-1 code/);
    }
    expectProblem(await t.http.get('/v1/articles').query({ language: 'english' }).set(auth(editor)), 400, /language must be an ISO 639-1 code/);
    const [any] = (await t.http.get('/v1/articles').set(auth(editor)).expect(200)).body.items;
    expectProblem(await t.http.post(`/v1/articles/${any.id}/retry`).set(auth(editor)).send({ language: 'e' }), 400, /language must be an ISO 639-1 code/);
  });
});
