import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ARTICLE_TEXT, auth, resetState, startExtractionOnly, TestApp } from './harness.js';

/** Review tasks under contention, against the real Postgres. The worker is not running: extraction is driven directly. */
describe('review leases and verdict ownership', () => {
  let t: TestApp;
  const editors: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start('api');
    await resetState(t);
    for (let i = 0; i < 8; i++) editors.push(await t.token('editor', `editor-${i}`));
    // Two articles' worth of claims, so there are several tasks.
    const ctx = await startExtractionOnly();
    for (const [i, text] of [ARTICLE_TEXT, ARTICLE_TEXT.replace(/Russia/g, 'The army').replace('100,000', '45,000')].entries()) {
      const res = await t.http.post('/v1/articles').set(auth(editors[0])).send({ title: `a${i}`, text }).expect(202);
      await ctx.extraction.extractArticle(res.body.id);
    }
    await ctx.close();
  });
  afterAll(() => t.close());

  test('concurrent leases never hand out the same task twice, then 204 when none is left', async () => {
    const [{ n: open }] = await t.db.query(`SELECT count(*)::int AS n FROM review_tasks WHERE status = 'open'`);
    expect(open).toBeGreaterThanOrEqual(4);
    const leased: string[] = [];
    // Waves of 8 simultaneous requests until the queue is empty.
    for (let wave = 0; wave < 10 && leased.length < open; wave++) {
      const responses = await Promise.all(editors.map((e) => t.http.post('/v1/review-tasks/lease').set(auth(e))));
      for (const r of responses) {
        expect([200, 204]).toContain(r.status);
        if (r.status === 200) leased.push(r.body.id);
      }
    }
    expect(leased).toHaveLength(open);
    expect(new Set(leased).size).toBe(open);
    await t.http.post('/v1/review-tasks/lease').set(auth(editors[0])).expect(204);
    const [{ n: stillOpen }] = await t.db.query(`SELECT count(*)::int AS n FROM review_tasks WHERE status = 'open'`);
    expect(stillOpen).toBe(0);
  });

  test('8 editors leasing on their own until the queue is empty: every task exactly once, to the editor who got it, audited once', async () => {
    // More work: eight more articles' claims (fresh figures, so no text repeats).
    const ctx = await startExtractionOnly();
    for (let i = 0; i < 8; i++) {
      const text = ARTICLE_TEXT.replace('100,000', `${101 + i},000`).replace('14,000', `${15 + i},000`).replace('1.5 million', `${2 + i}.5 million`);
      const res = await t.http.post('/v1/articles').set(auth(editors[0])).send({ title: `wave ${i}`, text }).expect(202);
      await ctx.extraction.extractArticle(res.body.id);
    }
    await ctx.close();
    const open: Array<{ id: string }> = await t.db.query(`SELECT id FROM review_tasks WHERE status = 'open' ORDER BY id`);
    expect(open.length).toBeGreaterThanOrEqual(16);

    const got: Array<{ id: string; editor: number; claimId: string }> = [];
    await Promise.all(editors.map(async (e, editor) => {
      for (;;) {
        const r = await t.http.post('/v1/review-tasks/lease').set(auth(e));
        if (r.status === 204) return;
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ status: 'leased', leasedByName: `editor-${editor}`, claim: { status: 'in_review' } });
        got.push({ id: r.body.id, editor, claimId: r.body.claimId });
      }
    }));
    // The ids, not the counts: each open task handed out once, and nothing else.
    expect(got.map((g) => g.id).sort()).toEqual(open.map((o) => o.id).sort());
    const stored: Array<{ id: string; holder: string; claim_status: string; leases: number }> = await t.db.query(
      `SELECT t.id, u.name AS holder, c.status AS claim_status,
              (SELECT count(*)::int FROM audit_events e WHERE e.entity_id = t.id AND e.action = 'task.leased' AND e.actor_id = t.leased_by) AS leases
         FROM review_tasks t JOIN users u ON u.id = t.leased_by JOIN claims c ON c.id = t.claim_id WHERE t.id = ANY($1::uuid[])`,
      [open.map((o) => o.id)],
    );
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const g of got) {
      expect(byId.get(g.id)).toMatchObject({ holder: `editor-${g.editor}`, claim_status: 'in_review', leases: 1 });
    }
    const claimEvents: Array<{ n: number }> = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'claim.leased' AND entity_id = ANY($1::uuid[])`, [got.map((g) => g.claimId)],
    );
    expect(claimEvents[0].n).toBe(got.length);
  });

  test('a verdict on a task leased by someone else is 409; unknown sources 422; the holder succeeds', async () => {
    const [task] = await t.db.query(
      `SELECT t.id, t.claim_id, u.name FROM review_tasks t JOIN users u ON u.id = t.leased_by WHERE t.status = 'leased' LIMIT 1`,
    );
    const holder = editors[Number(task.name.split('-')[1])];
    const other = editors.find((e) => e !== holder)!;
    const body = { rating: 'unverifiable', summary: 'No source gives a figure.', sourceIds: [] };

    const stolen = await t.http.post(`/v1/claims/${task.claim_id}/verdict`).set(auth(other)).send(body).expect(409);
    expect(stolen.body.code).toBe('lease_held_by_other');

    const bogus = await t.http
      .post(`/v1/claims/${task.claim_id}/verdict`)
      .set(auth(holder))
      .send({ ...body, sourceIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(422);
    expect(bogus.body.code).toBe('unknown_sources');

    await t.http.post(`/v1/claims/${task.claim_id}/verdict`).set(auth(holder)).send(body).expect(201);
    // The task is done: a second verdict has no lease to stand on.
    const again = await t.http.post(`/v1/claims/${task.claim_id}/verdict`).set(auth(holder)).send(body).expect(409);
    expect(again.body.code).toBe('lease_required');
  });

  test('an expired lease returns the task to the queue and the old holder gets 409', async () => {
    const [task] = await t.db.query(
      `SELECT t.id, t.claim_id, u.name FROM review_tasks t JOIN users u ON u.id = t.leased_by WHERE t.status = 'leased' LIMIT 1`,
    );
    const holder = editors[Number(task.name.split('-')[1])];
    await t.db.query(`UPDATE review_tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [task.id]);

    const late = await t.http.post(`/v1/claims/${task.claim_id}/verdict`).set(auth(holder)).send({ rating: 'unverifiable', summary: 's', sourceIds: [] });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('lease_expired');

    const newHolder = editors.find((e) => e !== holder)!;
    const relet = await t.http.post('/v1/review-tasks/lease').set(auth(newHolder)).expect(200);
    expect(relet.body.id).toBe(task.id);
    const old = await t.http.post(`/v1/claims/${task.claim_id}/verdict`).set(auth(holder)).send({ rating: 'unverifiable', summary: 's', sourceIds: [] });
    expect(old.status).toBe(409);
    expect(old.body.code).toBe('lease_held_by_other');
    const actions = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [task.id]);
    expect(actions.map((a: any) => a.action)).toEqual(['task.leased', 'task.lease_expired', 'task.leased']);
  });
});
