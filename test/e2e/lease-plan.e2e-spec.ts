import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ARTICLE_TEXT, auth, resetState, startExtractionOnly, TestApp } from './harness.js';

/**
 * The lease statement is a named prepared statement (planned once per pooled connection, then a generic plan), and it
 * moves the claim by primary key whatever the statistics say. Here every connection of the database is made to use
 * generic plans from the first execution (plan_cache_mode = force_generic_plan), and the claims come in after the last
 * ANALYZE (statistics that know of no queued claim): the rules of the lease must hold all the same.
 */
describe('lease under a generic plan and stale statistics', () => {
  let t: TestApp;
  let editor: string;
  let approver: string;
  let database: string;

  beforeAll(async () => {
    // Set before the app's pool opens its connections (a database setting applies to new sessions).
    const boot = await TestApp.start('api');
    database = (await boot.db.query(`SELECT current_database() AS d`))[0].d;
    await resetState(boot);
    await boot.db.query(`ANALYZE claims`); // no queued claim in the statistics: they come in below
    await boot.db.query(`ALTER DATABASE "${database}" SET plan_cache_mode = force_generic_plan`);
    await boot.close();
    t = await TestApp.start('api');
    editor = await t.token('editor', 'plan-editor');
    approver = await t.token('approver', 'plan-approver');
    const ctx = await startExtractionOnly();
    for (const [i, text] of [ARTICLE_TEXT, ARTICLE_TEXT.replace(/Russia/g, 'The army').replace('100,000', '45,000')].entries()) {
      const res = await t.http.post('/v1/articles').set(auth(editor)).send({ title: `plan ${i}`, text }).expect(202);
      await ctx.extraction.extractArticle(res.body.id);
    }
    await ctx.close();
  });
  afterAll(async () => {
    await t?.db.query(`ALTER DATABASE "${database}" RESET plan_cache_mode`);
    await t?.close();
  });

  test('the connection plans generically, and the lease still hands out the assigned task first, then by rank, each once, audited', async () => {
    const [{ plan_cache_mode: mode }] = await t.db.query(`SHOW plan_cache_mode`);
    expect(mode).toBe('force_generic_plan');
    const open: Array<{ id: string; claim_id: string; rank: number }> = await t.db.query(
      `SELECT t.id, t.claim_id, t.rank FROM review_tasks t JOIN claims c ON c.id = t.claim_id
        WHERE t.status = 'open' AND c.status = 'queued' ORDER BY t.rank DESC, t.id`,
    );
    expect(open.length).toBeGreaterThanOrEqual(8);
    // The lowest-ranked task, assigned to the editor: handed out first.
    const assigned = open[open.length - 1];
    await t.http.post(`/v1/review-tasks/${assigned.id}/assign`).set(auth(approver)).send({ editor: 'plan-editor' }).expect(200);

    // One request after the other: the pool hands back the same connection, which runs the prepared statement many times.
    const leased: Array<{ id: string; claimId: string; claimStatus: string }> = [];
    for (;;) {
      const r = await t.http.post('/v1/review-tasks/lease').set(auth(editor));
      if (r.status === 204) break;
      expect(r.status).toBe(200);
      leased.push({ id: r.body.id, claimId: r.body.claimId, claimStatus: r.body.claim.status });
    }
    // The assigned task first, then every other one once, highest rank first (equal ranks in any order).
    expect(leased[0].id).toBe(assigned.id);
    expect(leased.map((l) => l.id).sort()).toEqual(open.map((o) => o.id).sort());
    const rankOf = new Map(open.map((o) => [o.id, o.rank]));
    const ranks = leased.slice(1).map((l) => rankOf.get(l.id)!);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(leased.map((l) => l.claimStatus))).toEqual(new Set(['in_review']));

    const claims: Array<{ status: string }> = await t.db.query(`SELECT status FROM claims WHERE id = ANY($1::uuid[])`, [open.map((o) => o.claim_id)]);
    expect(claims.every((c) => c.status === 'in_review')).toBe(true);
    const [{ tasks, claimEvents }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE action = 'task.leased')::int AS tasks, count(*) FILTER (WHERE action = 'claim.leased')::int AS "claimEvents"
         FROM audit_events WHERE claim_id = ANY($1::uuid[])`,
      [open.map((o) => o.claim_id)],
    );
    expect({ tasks, claimEvents }).toEqual({ tasks: open.length, claimEvents: open.length });
  });

  test('a task whose claim is no longer queued is not handed out, and its claim is not moved', async () => {
    // Back to the queue through the API (release), then the claim changes behind the task's back.
    const [task] = await t.db.query(`SELECT id, claim_id FROM review_tasks WHERE status = 'leased' ORDER BY rank DESC LIMIT 1`);
    await t.http.post(`/v1/review-tasks/${task.id}/release`).set(auth(editor)).expect(200);
    await t.db.query(`UPDATE claims SET status = 'dismissed' WHERE id = $1`, [task.claim_id]);
    await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(204);
    const [claim] = await t.db.query(`SELECT status FROM claims WHERE id = $1`, [task.claim_id]);
    expect(claim.status).toBe('dismissed');
  });
});
