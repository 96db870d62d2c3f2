import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { ARTICLE_TEXT, auth, eventually, resetState, startExtractionOnly, TestApp } from './harness.js';
import { TEST_DATABASE_URL } from './env.js';
import { REVIEW_EVENTS_LISTENER_NAME, ReviewEventsService } from '../../src/review/review-events.service.js';

const STORM = 'At least 30 people were killed in the storm in Halden county, officials said on Friday.';
const TROOPS = 'The defence ministry said on Monday that about 100,000 soldiers were stationed near the frontier.';
const LAYOFFS = `Nordvik Motors will cut 4,200 jobs across its European plants, chief executive Anna Berg said on Thursday.

The company said its revenue fell 12 percent last year.`;

/** The API the desk (the web app) needs: leasing a chosen claim, names, the paged queue, approvals, articles, field errors, events. */
describe('desk API', () => {
  let t: TestApp;
  let alice: string; // editor
  let bob: string; // editor
  let carol: string; // approver
  let dave: string; // approver
  let reader: string; // consumer
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.start('api', { REQUIRE_APPROVAL: 'true', REQUIRE_CORRECTION_APPROVAL: 'true' });
  });
  beforeEach(async () => {
    await resetState(t);
    [alice, bob, carol, dave, reader] = [
      await t.token('editor', 'alice'), await t.token('editor', 'bob'), await t.token('approver', 'carol'),
      await t.token('approver', 'dave'), await t.token('consumer', 'reader'),
    ];
    for (const { id, name } of await t.db.query(`SELECT id, name FROM users`)) ids[name] = id;
  });
  afterAll(() => t.close());

  /** The queued claims of a freshly extracted article. */
  const queuedClaims = async (text = ARTICLE_TEXT) => (await t.seed(alice, text)).filter((c) => c.status === 'queued');

  const addSource = async (claimId: string, token = alice) =>
    (await t.http.post(`/v1/claims/${claimId}/sources`).set(auth(token))
      .send({ url: `https://stats.example.gov/${Math.random().toString(36).slice(2)}`, title: 'Official figures', sourceType: 'official' })
      .expect(201)).body.id as string;

  /** alice leases the claim and proposes a verdict on it. */
  const proposed = async (claimId: string, summary = 'Close to the official figure.') => {
    await t.http.post(`/v1/claims/${claimId}/lease`).set(auth(alice)).expect(200);
    const sourceIds = [await addSource(claimId)];
    return (await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(alice)).send({ rating: 'mostly_true', summary, sourceIds }).expect(201)).body;
  };

  describe('POST /v1/claims/:id/lease', () => {
    test('concurrent leases of one claim: exactly one wins, the others get 409 lease_held naming the holder and until when', async () => {
      const [claim] = await queuedClaims();
      const editors = ['alice', 'bob', ...Array.from({ length: 6 }, (_, i) => `ed${i}`)];
      const tokens = [alice, bob, ...(await Promise.all(editors.slice(2).map((n) => t.token('editor', n))))];
      const responses = await Promise.all(tokens.map((tok) => t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(tok))));
      const won = responses.filter((r) => r.status === 200);
      expect(won).toHaveLength(1);
      const winner = editors[responses.indexOf(won[0])];
      expect(won[0].body).toMatchObject({ claimId: claim.id, status: 'leased', leasedByName: winner, claim: { status: 'in_review' } });
      for (const lost of responses.filter((r) => r.status !== 200)) {
        expect(lost.status).toBe(409);
        expect(lost.headers['content-type']).toMatch(/problem\+json/);
        expect(lost.body).toMatchObject({ code: 'lease_held', leasedByName: winner, leaseExpiresAt: won[0].body.leaseExpiresAt });
        expect(lost.body.detail).toContain(winner);
        expect(lost.body.detail).toContain(won[0].body.leaseExpiresAt);
      }
      const actions = await t.db.query(`SELECT action FROM audit_events WHERE claim_id = $1 ORDER BY id`, [claim.id]);
      expect(actions.filter((a: any) => a.action === 'task.leased')).toHaveLength(1);
      expect(actions.filter((a: any) => a.action === 'claim.leased')).toHaveLength(1);
    });

    test('the holder leasing again renews the lease; lease-next then skips the claim', async () => {
      const [claim] = await queuedClaims();
      const first = (await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).expect(200)).body;
      await t.db.query(`UPDATE review_tasks SET lease_expires_at = now() + interval '1 minute' WHERE id = $1`, [first.id]);
      const again = (await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).expect(200)).body;
      expect(again.id).toBe(first.id);
      expect(new Date(again.leaseExpiresAt).getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
      const actions = (await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [first.id])).map((a: any) => a.action);
      expect(actions).toEqual(['task.leased', 'task.renewed']);
      expect((await t.http.post('/v1/review-tasks/lease').set(auth(bob)).expect(200)).body.claimId).not.toBe(claim.id);
    });

    test("the claim's detail names its task's holder and lease end for staff, before anyone presses Take", async () => {
      const [claim] = await queuedClaims();
      const open = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(bob)).expect(200)).body.task;
      expect(open).toMatchObject({ status: 'open', leasedBy: null, leasedByName: null, leaseExpiresAt: null });
      const lease = (await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).expect(200)).body;
      const held = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(bob)).expect(200)).body.task;
      expect(held).toEqual({
        id: lease.id, status: 'leased', leasedBy: ids.alice, leasedByName: 'alice', leaseExpiresAt: lease.leaseExpiresAt,
        assignedTo: null, assignedToName: null, dueAt: lease.dueAt,
      });
      await t.http.post(`/v1/review-tasks/${lease.id}/release`).set(auth(alice)).expect(200);
      expect((await t.http.get(`/v1/claims/${claim.id}`).set(auth(bob)).expect(200)).body.task).toMatchObject({ id: lease.id, status: 'open', leasedBy: null });
    });

    test('an expired lease of someone else is taken over (audited as expired, then leased)', async () => {
      const [claim] = await queuedClaims();
      const task = (await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).expect(200)).body;
      await t.db.query(`UPDATE review_tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [task.id]);
      const taken = (await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(bob)).expect(200)).body;
      expect(taken).toMatchObject({ id: task.id, leasedBy: ids.bob, leasedByName: 'bob', claim: { status: 'in_review' } });
      const actions = (await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [task.id])).map((a: any) => a.action);
      expect(actions).toEqual(['task.leased', 'task.lease_expired', 'task.leased']);
      // alice's late verdict fails: the task is bob's now.
      const late = await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice)).send({ rating: 'unverifiable', summary: 's', sourceIds: [] });
      expect(late.body.code).toBe('lease_held_by_other');
    });

    test('no open task: 409 no_open_task saying why (dismissed, awaiting approval); 404 unknown claim; 400 bad id; 403 consumer', async () => {
      const [claim, second] = await queuedClaims();
      await t.http.post(`/v1/claims/${second.id}/triage`).set(auth(alice)).send({ action: 'dismiss', reason: 'opinion' }).expect(200);
      const dismissed = await t.http.post(`/v1/claims/${second.id}/lease`).set(auth(bob)).expect(409);
      expect(dismissed.body).toMatchObject({ code: 'no_open_task', currentStatus: 'dismissed' });
      expect(dismissed.body.detail).toMatch(/dismissed/);

      await proposed(claim.id);
      const waiting = await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(bob)).expect(409);
      expect(waiting.body).toMatchObject({ code: 'no_open_task', currentStatus: 'awaiting_approval' });
      expect(waiting.body.detail).toMatch(/approver/);

      expect((await t.http.post('/v1/claims/00000000-0000-4000-8000-000000000000/lease').set(auth(bob)).expect(404)).body.code).toBe('claim_not_found');
      await t.http.post('/v1/claims/42/lease').set(auth(bob)).expect(400);
      expect((await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(reader)).expect(403)).body.code).toBe('forbidden');
    });

    test('a task an approver assigned to another editor is 409 task_assigned_to_other; the assignee gets it', async () => {
      const [claim] = await queuedClaims();
      const [task] = await t.db.query(`SELECT id FROM review_tasks WHERE claim_id = $1`, [claim.id]);
      const assigned = (await t.http.post(`/v1/review-tasks/${task.id}/assign`).set(auth(carol)).send({ editor: 'bob' }).expect(200)).body;
      expect(assigned).toMatchObject({ assignedTo: ids.bob, assignedToName: 'bob' });
      const refused = await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).expect(409);
      expect(refused.body).toMatchObject({ code: 'task_assigned_to_other', assignedToName: 'bob' });
      await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(bob)).expect(200);
    });
  });

  describe('names beside ids', () => {
    test('tasks, verdicts and claim details name who leased, wrote and approved; consumers see no names', async () => {
      const [claim] = await queuedClaims();
      const task = (await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).expect(200)).body;
      expect((await t.http.get(`/v1/review-tasks/${task.id}`).set(auth(bob)).expect(200)).body).toMatchObject({ leasedBy: ids.alice, leasedByName: 'alice' });
      const sourceIds = [await addSource(claim.id)];
      const verdict = (await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice)).send({ rating: 'true', summary: 'Right.', sourceIds }).expect(201)).body;
      expect(verdict).toMatchObject({ authorId: ids.alice, authorName: 'alice', approvedBy: null, approvedByName: null });
      expect((await t.http.get(`/v1/claims/${claim.id}`).set(auth(bob)).expect(200)).body.proposedVerdict).toMatchObject({
        id: verdict.id, authorId: ids.alice, authorName: 'alice', approvedByName: null,
      });

      await t.http.post(`/v1/verdicts/${verdict.id}/approve`).set(auth(carol)).expect(200);
      expect((await t.http.get(`/v1/verdicts/${verdict.id}`).set(auth(bob)).expect(200)).body).toMatchObject({
        authorName: 'alice', approvedBy: ids.carol, approvedByName: 'carol',
      });
      const staffView = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(bob)).expect(200)).body;
      expect(staffView.verdict).toMatchObject({ authorId: ids.alice, authorName: 'alice', approvedBy: ids.carol, approvedByName: 'carol' });
      const listed = (await t.http.get('/v1/claims?status=published').set(auth(bob)).expect(200)).body.items;
      expect(listed[0].verdict).toMatchObject({ authorName: 'alice', approvedByName: 'carol' });

      const publicView = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(200)).body;
      expect(publicView.verdict).not.toHaveProperty('authorName');
      expect(publicView.verdict).not.toHaveProperty('approvedByName');
      expect((await t.http.get(`/v1/verdicts/${verdict.id}`).set(auth(reader)).expect(200)).body).toMatchObject({
        authorId: null, authorName: null, approvedBy: null, approvedByName: null,
      });
      const history = (await t.http.get(`/v1/claims/${claim.id}/history`).set(auth(bob)).expect(200)).body;
      expect(history.find((e: any) => e.action === 'verdict.approved')).toMatchObject({ actorId: ids.carol, actorName: 'carol' });
      expect(history.find((e: any) => e.action === 'task.leased')).toMatchObject({ actorName: 'alice' });
    });
  });

  describe('the triage queue', () => {
    const seedTwo = async () => {
      const ctx = await startExtractionOnly(t.env);
      try {
        const articles: Record<string, string> = {};
        for (const [title, text, publishedAt] of [
          ['Border buildup continues', ARTICLE_TEXT, '2026-11-20T09:00:00Z'],
          ['Carmaker announces plant closures', LAYOFFS, null],
        ] as const) {
          const res = await t.http.post('/v1/articles').set(auth(alice)).send({ title, text, ...(publishedAt ? { publishedAt } : {}) }).expect(202);
          await ctx.extraction.extractArticle(res.body.id);
          articles[title] = res.body.id;
        }
        return articles;
      } finally {
        await ctx.close();
      }
    };

    test('pages through every open task once, in priority order, each with its article; the array route is the first page', async () => {
      await seedTwo();
      const [{ n: open }] = await t.db.query(`SELECT count(*)::int AS n FROM review_tasks WHERE status = 'open'`);
      expect(open).toBeGreaterThanOrEqual(4);
      // Equal ranks must not make the cursor skip or repeat a task: the id breaks ties.
      await t.db.query(`UPDATE review_tasks SET rank = -1 WHERE id IN (SELECT id FROM review_tasks WHERE status = 'open' ORDER BY id LIMIT 3)`);
      const seen: any[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: any = await t.http.get('/v1/review-tasks/queue').query({ limit: 2, ...(cursor ? { cursor } : {}) }).set(auth(bob)).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      expect(seen).toHaveLength(open);
      expect(new Set(seen.map((s) => s.id)).size).toBe(open);
      // Priority order is rank order (effective priority ages with now(), so it moves between pages; the rank does not).
      const byRank = await t.db.query(`SELECT id FROM review_tasks WHERE status = 'open' ORDER BY rank DESC, id DESC`);
      expect(seen.map((s) => s.id)).toEqual(byRank.map((r: { id: string }) => r.id));
      for (const task of seen) {
        expect(task).toMatchObject({ status: 'open', articleTitle: expect.any(String), articleCreatedAt: expect.any(String), leasedByName: null });
        expect(task.claim).toHaveProperty('category');
      }
      const border = seen.find((s) => s.articleTitle === 'Border buildup continues');
      expect(border.articlePublishedAt).toBe('2026-11-20T09:00:00.000Z');
      expect(seen.find((s) => s.articleTitle === 'Carmaker announces plant closures').articlePublishedAt).toBeNull();

      const array = (await t.http.get('/v1/review-tasks?limit=2').set(auth(bob)).expect(200)).body;
      expect(Array.isArray(array)).toBe(true);
      expect(array.map((a: any) => a.id)).toEqual(seen.slice(0, 2).map((s) => s.id));
    });

    test('filters: category, q (claim text or article title), assignedToMe; bad cursors are 400', async () => {
      await seedTwo();
      const all = (await t.http.get('/v1/review-tasks/queue?limit=200').set(auth(bob)).expect(200)).body.items;
      const category = all[0].claim.category;
      const byCategory = (await t.http.get(`/v1/review-tasks/queue?category=${category}`).set(auth(bob)).expect(200)).body.items;
      expect(byCategory.length).toBe(all.filter((x: any) => x.claim.category === category).length);
      expect(byCategory.every((x: any) => x.claim.category === category)).toBe(true);

      const byTitle = (await t.http.get('/v1/review-tasks/queue').query({ q: 'carmaker closures' }).set(auth(bob)).expect(200)).body.items;
      expect(byTitle.length).toBeGreaterThan(0);
      expect(byTitle.every((x: any) => x.articleTitle === 'Carmaker announces plant closures')).toBe(true);
      const byText = (await t.http.get('/v1/review-tasks').query({ q: 'troops' }).set(auth(bob)).expect(200)).body;
      expect(byText.length).toBeGreaterThan(0);
      expect(byText.every((x: any) => /troops/i.test(x.claim.text))).toBe(true);
      expect((await t.http.get('/v1/review-tasks/queue').query({ q: 'zanzibar' }).set(auth(bob)).expect(200)).body).toEqual({ items: [], nextCursor: null });

      await t.http.post(`/v1/review-tasks/${all[1].id}/assign`).set(auth(carol)).send({ editor: 'bob' }).expect(200);
      const mine = (await t.http.get('/v1/review-tasks/queue?assignedToMe=true').set(auth(bob)).expect(200)).body.items;
      expect(mine.map((x: any) => x.id)).toEqual([all[1].id]);
      expect(mine[0]).toMatchObject({ assignedTo: ids.bob, assignedToName: 'bob' });
      expect((await t.http.get('/v1/review-tasks/queue?assignedToMe=true').set(auth(alice)).expect(200)).body.items).toEqual([]);

      expect((await t.http.get('/v1/review-tasks/queue?cursor=bogus').set(auth(bob)).expect(400)).body.code).toBe('invalid_cursor');
      const articleCursor = (await t.http.get('/v1/articles?limit=1').set(auth(bob)).expect(200)).body.nextCursor;
      expect((await t.http.get(`/v1/review-tasks/queue?cursor=${articleCursor}`).set(auth(bob)).expect(400)).body.code).toBe('invalid_cursor');
      expect((await t.http.get('/v1/review-tasks/queue?category=weather').set(auth(bob)).expect(400)).body.errors).toEqual([
        { field: 'category', message: expect.stringContaining('category') },
      ]);
      await t.http.get('/v1/review-tasks/queue').set(auth(reader)).expect(403);
    });
  });

  describe('approvals', () => {
    test('waiting verdicts and corrections, oldest first, paged, with claim, author, article and sources; rejection shows on the claim', async () => {
      const claims = await queuedClaims();
      const first = await proposed(claims[0].id, 'First proposal.');
      const second = await proposed(claims[1].id, 'Second proposal.');

      const page1 = (await t.http.get('/v1/approvals?limit=1').set(auth(carol)).expect(200)).body;
      expect(page1.items).toHaveLength(1);
      expect(page1.items[0]).toMatchObject({
        verdict: { id: first.id, rating: 'mostly_true', summary: 'First proposal.', authorId: ids.alice, authorName: 'alice', correction: false, correctionReason: null, version: 1 },
        claim: { id: claims[0].id, status: 'awaiting_approval' },
        articleTitle: 'seed',
      });
      expect(page1.items[0].sources.map((s: any) => s.id)).toEqual(first.sourceIds);
      expect(page1.items[0].verdict.proposedAt).toEqual(expect.any(String));
      const page2 = (await t.http.get(`/v1/approvals?limit=1&cursor=${page1.nextCursor}`).set(auth(carol)).expect(200)).body;
      expect(page2.items.map((i: any) => i.verdict.id)).toEqual([second.id]);
      expect(page2.nextCursor).toBeNull();

      // Rejected: off the list, and the author sees why on the claim.
      await t.http.post(`/v1/verdicts/${second.id}/reject`).set(auth(carol)).send({ reason: 'The source is from 2024.' }).expect(200);
      const detail = (await t.http.get(`/v1/claims/${claims[1].id}`).set(auth(alice)).expect(200)).body;
      expect(detail.lastRejection).toMatchObject({
        verdictId: second.id, verdictVersion: 1, reason: 'The source is from 2024.', rejectedBy: ids.carol, rejectedByName: 'carol', correction: false,
      });
      expect(detail.lastRejection.rejectedAt).toEqual(expect.any(String));
      expect((await t.http.get(`/v1/claims/${claims[1].id}`).set(auth(reader))).status).toBe(404);
      expect((await t.http.get(`/v1/claims/${claims[0].id}`).set(auth(alice)).expect(200)).body.lastRejection).toBeNull();

      // A correction of a published verdict waits here too, marked as one.
      await t.http.post(`/v1/verdicts/${first.id}/approve`).set(auth(carol)).expect(200);
      const correction = (await t.http.post(`/v1/claims/${claims[0].id}/corrections`).set(auth(dave))
        .send({ rating: 'misleading', summary: 'Newer figures.', reason: 'New official figures.' }).expect(201)).body;
      const all = (await t.http.get('/v1/approvals').set(auth(carol)).expect(200)).body.items;
      expect(all.map((i: any) => i.verdict.id)).toEqual([correction.id]);
      expect(all[0]).toMatchObject({
        verdict: { correction: true, correctsVerdictId: first.id, correctionReason: 'New official figures.', authorName: 'dave', version: 2 },
        claim: { status: 'published', verdict: { id: first.id } },
      });
      expect((await t.http.get('/v1/approvals?kind=verdict').set(auth(carol)).expect(200)).body.items).toEqual([]);
      expect((await t.http.get('/v1/approvals?kind=correction').set(auth(carol)).expect(200)).body.items).toHaveLength(1);

      expect((await t.http.get('/v1/approvals').set(auth(alice)).expect(403)).body.code).toBe('forbidden');
      await t.http.get('/v1/approvals?cursor=bogus').set(auth(carol)).expect(400);
    });
  });

  describe('GET /v1/articles', () => {
    test('newest first, paged, without text, with status and claim count; status filter; editors only', async () => {
      const made: string[] = [];
      for (let i = 0; i < 3; i++) {
        made.push((await t.http.post('/v1/articles').set(auth(alice)).send({ title: `Article ${i}`, text: `${TROOPS} Number ${i}.` }).expect(202)).body.id);
      }
      const [claim] = await queuedClaims(LAYOFFS); // a fourth, extracted, newest
      await t.db.query(`UPDATE articles SET status = 'failed', failure_reason = 'extraction_timeout' WHERE id = $1`, [made[0]]);

      const p1 = (await t.http.get('/v1/articles?limit=2').set(auth(bob)).expect(200)).body;
      const p2 = (await t.http.get(`/v1/articles?limit=2&cursor=${p1.nextCursor}`).set(auth(bob)).expect(200)).body;
      expect(p2.nextCursor).toBeNull();
      const items = [...p1.items, ...p2.items];
      expect(items.map((a: any) => a.id)).toEqual([claim.articleId, made[2], made[1], made[0]]);
      expect(items[0]).toMatchObject({ title: 'seed', status: 'extracted', failureReason: null, url: null, publishedAt: '2026-11-25T09:00:00.000Z' });
      expect(items[0].claimCount).toBeGreaterThan(0);
      expect(items[0]).not.toHaveProperty('text');
      expect(items[3]).toMatchObject({ status: 'failed', failureReason: 'extraction_timeout', claimCount: 0 });

      expect((await t.http.get('/v1/articles?status=failed').set(auth(bob)).expect(200)).body.items.map((a: any) => a.id)).toEqual([made[0]]);
      expect((await t.http.get('/v1/articles?status=nope').set(auth(bob)).expect(400)).body.errors[0].field).toBe('status');
      await t.http.get('/v1/articles').set(auth(reader)).expect(403);
    });
  });

  describe('400s list their fields', () => {
    test('errors: [{field, message}] beside the joined detail, for bodies, nested fields, queries and unknown fields', async () => {
      const res = await t.http.post('/v1/articles').set(auth(alice)).send({ title: 42, text: 'x', color: 'red' }).expect(400);
      expect(res.body.code).toBe('bad_request');
      expect(res.body.errors).toEqual(expect.arrayContaining([
        { field: 'color', message: 'color should not exist' },
        { field: 'title', message: expect.stringMatching(/^title must be a string/) },
      ]));
      expect(res.body.detail).toBe(res.body.errors.map((e: any) => e.message).join('; '));

      const [claim] = await queuedClaims();
      const nested = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(alice)).send({ version: 1, quantity: { value: 'many', shade: 1 } }).expect(400);
      expect(nested.body.errors).toEqual(expect.arrayContaining([
        { field: 'quantity.value', message: expect.stringMatching(/^quantity\.value must be a number/) },
        { field: 'quantity.shade', message: 'quantity.shade should not exist' },
      ]));

      const query = await t.http.get('/v1/claims?limit=0&sort=asc').set(auth(alice)).expect(400);
      expect(query.body.errors.map((e: any) => e.field).sort()).toEqual(['limit', 'sort']);

      const bodiless = await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).send({ force: true }).expect(400);
      expect(bodiless.body.errors).toEqual([{ field: 'force', message: 'force should not exist' }]);
    });
  });

  test('the OpenAPI document describes the per-field errors and the event stream', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(doc.components.schemas.Problem.properties.errors.items.required).toEqual(['field', 'message']);
    expect(Object.keys(doc.paths['/v1/review-tasks/events'].get.responses['200'].content)).toEqual(['text/event-stream']);
    expect(doc.components.schemas.ReviewTaskEventDto.properties.change.enum).toContain('reopened');
    expect(doc.paths['/v1/review-tasks/queue'].get.operationId).toBe('listReviewQueue');
    expect(doc.paths['/v1/claims/{id}/lease'].post.operationId).toBe('leaseClaim');
  });

  describe('stale versions', () => {
    test('409 stale_version says who changed what since the version sent, and when', async () => {
      const [claim] = await queuedClaims();
      const read = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(bob)).expect(200)).body;
      expect(read.version).toEqual(expect.any(Number));
      const from = read.quantity?.value ?? null;
      await t.http.patch(`/v1/claims/${claim.id}`).set(auth(alice)).send({ version: read.version, quantity: { value: 123456 }, subject: 'Moscow' }).expect(200);

      const stale = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(bob)).send({ version: read.version, subject: 'Kremlin' }).expect(409);
      expect(stale.body).toMatchObject({
        code: 'stale_version',
        currentVersion: read.version + 1,
        changedBy: 'alice',
        changedById: ids.alice,
        changes: { 'quantity.value': { from, to: 123456 }, subject: { from: read.subject, to: 'Moscow' } },
      });
      expect(stale.body.changedAt).toEqual(expect.any(String));
      expect(stale.body.events).toEqual([expect.objectContaining({ action: 'claim.edited', actorName: 'alice' })]);
      expect(stale.body.detail).toContain('alice changed');
      expect(stale.body.detail).toContain('123456');

      // Two steps behind: an edit and then a lease; the edits are merged, the last actor named.
      await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).expect(200);
      const older = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(bob)).send({ version: read.version, subject: 'Kremlin' }).expect(409);
      expect(older.body).toMatchObject({ currentVersion: read.version + 2, changedBy: 'alice', changes: { subject: { to: 'Moscow' } } });
      expect(older.body.events.map((e: any) => e.action)).toEqual(['claim.edited', 'claim.leased']);
    });
  });
});

/** Server-sent events of review task changes, from Postgres NOTIFY. */
describe('GET /v1/review-tasks/events', () => {
  let t: TestApp;
  let baseUrl: string;
  let alice: string;
  let aliceId: string;

  beforeAll(async () => {
    t = await TestApp.start('api', { SSE_HEARTBEAT_SECONDS: '1' });
    await resetState(t);
    alice = await t.token('editor', 'alice');
    [{ id: aliceId }] = await t.db.query(`SELECT id FROM users WHERE name = 'alice'`);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  test('a lease made by another request arrives as an event; a change from another process (the worker) too; heartbeats', async () => {
    const stream = await openStream(baseUrl, auth(alice));
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      await eventually(async () => stream.events.find((e) => e.type === 'ready'), 10_000, 'the ready event');

      // Created by extraction in another Nest context (as the worker would).
      const claims = (await t.seed(alice, TROOPS)).filter((c) => c.status === 'queued');
      const created = await eventually(async () => stream.events.find((e) => e.type === 'task' && e.data.claimId === claims[0].id), 10_000, 'created');
      expect(created.data).toMatchObject({ change: 'created', status: 'open', leasedBy: null, taskId: expect.any(String), at: expect.any(String) });

      const task = (await t.http.post(`/v1/claims/${claims[0].id}/lease`).set(auth(alice)).expect(200)).body;
      const leased = await eventually(async () => stream.events.find((e) => e.data?.taskId === task.id && e.data.change === 'leased'), 10_000, 'leased');
      expect(leased.data).toMatchObject({ taskId: task.id, claimId: claims[0].id, status: 'leased', leasedBy: aliceId });

      // Another connection entirely: what a second API replica or the worker would do.
      const other = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await other.connect();
      try {
        await other.query(`UPDATE review_tasks SET status = 'open', leased_by = NULL, lease_expires_at = NULL WHERE id = $1`, [task.id]);
      } finally {
        await other.end();
      }
      await eventually(async () => stream.events.find((e) => e.data?.taskId === task.id && e.data.change === 'released' && e.data.leasedBy === null), 10_000, 'released');
      await eventually(async () => stream.comments.includes('heartbeat'), 10_000, 'a heartbeat');
      // One event per change, nothing else for the task (the lease of a claim that updates nothing else sends one).
      expect(stream.events.filter((e) => e.data?.taskId === task.id).map((e) => e.data.change)).toEqual(['created', 'leased', 'released']);
    } finally {
      stream.close();
    }
  });

  test('the listening connection lost: once it is back, open streams are told to reload (resync), and changes flow again', async () => {
    const stream = await openStream(baseUrl, auth(alice));
    try {
      await eventually(async () => stream.events.find((e) => e.type === 'ready'), 10_000, 'the ready event');
      const killed = await t.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [REVIEW_EVENTS_LISTENER_NAME]);
      expect(killed.length).toBe(1);
      await eventually(async () => stream.events.find((e) => e.type === 'resync'), 10_000, 'the resync event');
      expect(stream.done).toBe(false);
      const claims = (await t.seed(alice, 'Officials said 4,200 people were evacuated from the coastal town of Brenmoor on Friday.')).filter((c) => c.status === 'queued');
      await eventually(async () => stream.events.find((e) => e.type === 'task' && e.data.claimId === claims[0].id), 10_000, 'an event after the reconnect');
    } finally {
      stream.close();
    }
  });

  test('a re-check reopening the finished task of a published verdict arrives as `reopened`, not `released`', async () => {
    const approver = await t.token('approver', 'ines');
    const [claim] = await t.seed(alice, STORM);
    await t.http.post(`/v1/claims/${claim.id}/lease`).set(auth(alice)).expect(200);
    const source = await t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(alice))
      .send({ url: 'https://storm.example.org/1', title: 'County statement', figure: { value: 30, asOf: '2026-11-20' } }).expect(201);
    const proposed = await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice))
      .send({ rating: 'true', summary: 'The county reported 30 dead.', sourceIds: [source.body.id] }).expect(201);
    await t.http.post(`/v1/verdicts/${proposed.body.id}/approve`).set(auth(approver)).expect(200);
    const [task] = await t.db.query(`SELECT id, status FROM review_tasks WHERE claim_id = $1`, [claim.id]);
    expect(task.status).toBe('done');

    const stream = await openStream(baseUrl, auth(alice));
    try {
      await eventually(async () => stream.events.find((e) => e.type === 'ready'), 10_000, 'the ready event');
      // Outside the verdict's band ([28.5, 31.5]): due for a re-check, the task opens again.
      await t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(alice))
        .send({ url: 'https://storm.example.org/2', title: 'Hospital', figure: { value: 44, asOf: '2026-11-22' } }).expect(201);
      const reopened = await eventually(async () => stream.events.find((e) => e.data?.taskId === task.id), 10_000, 'the reopened event');
      expect(reopened.data).toMatchObject({ change: 'reopened', claimId: claim.id, status: 'open', leasedBy: null });
      // A lease given back is still `released`.
      await t.http.post('/v1/review-tasks/lease').set(auth(alice)).expect(200);
      await t.http.post(`/v1/review-tasks/${task.id}/release`).set(auth(alice)).expect(200);
      await eventually(async () => stream.events.filter((e) => e.data?.taskId === task.id).length === 3, 10_000, 'leased and released');
      expect(stream.events.filter((e) => e.data?.taskId === task.id).map((e) => e.data.change)).toEqual(['reopened', 'leased', 'released']);
    } finally {
      stream.close();
    }
  });

  test('401 problem+json without a token; 403 for a consumer', async () => {
    const res = await fetch(`${baseUrl}/v1/review-tasks/events`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    await res.body?.cancel();
    const consumer = await fetch(`${baseUrl}/v1/review-tasks/events`, { headers: auth(await t.token('consumer')) });
    expect(consumer.status).toBe(403);
    await consumer.body?.cancel();
  });

  test('the credential is checked again at each heartbeat: signing out, an idle session, a revoked token or a disabled user end the stream', async () => {
    const admin = await t.token('admin', 'root-sse');
    // Signed out: the stream of that session ends within a heartbeat (1 s here).
    const desk = await t.deskSession('editor');
    const signedOut = await openStream(baseUrl, desk.headers);
    try {
      expect(signedOut.status).toBe(200);
      await eventually(async () => signedOut.comments.includes('heartbeat'), 10_000, 'a heartbeat while the session is valid');
      expect(signedOut.done).toBe(false);
      await t.http.post('/v1/auth/sign-out').set(desk.headers).expect(204);
      await eventually(async () => signedOut.done, 10_000, 'the stream of a signed-out session to end');
    } finally {
      signedOut.close();
    }

    // Idle: the rechecks do not count as use (last_seen_at stays), so an open tab does not keep a session alive.
    const idle = await t.deskSession('editor');
    const idleStream = await openStream(baseUrl, idle.headers);
    try {
      const [{ id: sessionId }] = await t.db.query(`SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`, [idle.userId]);
      await t.changeCredentials(`UPDATE sessions SET last_seen_at = now() - interval '10 minutes' WHERE id = $1`, [sessionId]);
      const beats = idleStream.comments.length;
      await eventually(async () => idleStream.comments.length >= beats + 2, 10_000, 'two heartbeats');
      const [{ seen }] = await t.db.query(`SELECT last_seen_at < now() - interval '9 minutes' AS seen FROM sessions WHERE id = $1`, [sessionId]);
      expect(seen).toBe(true);
      await t.changeCredentials(`UPDATE sessions SET last_seen_at = now() - interval '1 day' WHERE id = $1`, [sessionId]);
      await eventually(async () => idleStream.done, 10_000, 'the stream of an idle session to end');
    } finally {
      idleStream.close();
    }

    // A revoked token.
    const created = (await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'sse-bot', role: 'editor' }).expect(201)).body;
    const tokenStream = await openStream(baseUrl, auth(created.token));
    try {
      await eventually(async () => tokenStream.comments.includes('heartbeat'), 10_000, 'a heartbeat while the token is valid');
      await t.http.delete(`/v1/tokens/${created.id}`).set(auth(admin)).expect(204);
      await eventually(async () => tokenStream.done, 10_000, 'the stream of a revoked token to end');
    } finally {
      tokenStream.close();
    }

    // A disabled user (session).
    const disabled = await t.deskSession('editor');
    const disabledStream = await openStream(baseUrl, disabled.headers);
    try {
      await eventually(async () => disabledStream.comments.includes('heartbeat'), 10_000, 'a heartbeat before disabling');
      await t.http.patch(`/v1/users/${disabled.userId}`).set(auth(admin)).send({ disabled: true }).expect(200);
      await eventually(async () => disabledStream.done, 10_000, 'the stream of a disabled user to end');
    } finally {
      disabledStream.close();
    }
  });

  test('once the app is closing, a new stream is refused with 503 shutting_down instead of holding the server open', async () => {
    const app = await TestApp.start('api');
    try {
      await app.app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
      const token = await app.token('editor', 'late');
      // What Nest runs first when the application closes, before the HTTP server stops.
      await app.app.get(ReviewEventsService).onModuleDestroy();
      const res = await fetch(`${url}/v1/review-tasks/events`, { headers: { ...auth(token), Accept: 'text/event-stream' } });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.headers.get('retry-after')).toBe('1');
      expect((await res.json()).code).toBe('shutting_down');
    } finally {
      await app.close();
    }
  });

  test('closing the app ends open streams and the LISTEN connection', async () => {
    const listeners = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN review_task_events'`))[0].n as number;
    const before = await listeners();
    const app = await TestApp.start('api');
    await app.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    const stream = await openStream(url, auth(await app.token('editor', 'closer')));
    await eventually(async () => stream.events.find((e) => e.type === 'ready'), 10_000, 'the ready event');
    // The second app opened a LISTEN connection of its own (whether this file's app listens yet or not).
    expect(await listeners()).toBe(before + 1);
    await app.close();
    await stream.ended;
    expect(stream.done).toBe(true);
    await eventually(async () => (await listeners()) === before, 10_000, 'the closed app to stop listening');
  });
});

interface SseEvent {
  type: string;
  data: any;
}

/** Reads an SSE response as it streams (supertest waits for the end of a body; fetch does not). */
async function openStream(baseUrl: string, credentials: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/v1/review-tasks/events`, { headers: { ...credentials, Accept: 'text/event-stream' }, signal: controller.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const state = { done: false };
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event:')) type = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length) events.push({ type, data: JSON.parse(data.join('\n')) });
        }
      }
    } catch {
      // aborted by close()
    } finally {
      state.done = true;
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    events,
    comments,
    ended,
    get done() {
      return state.done;
    },
    close: () => controller.abort(),
  };
}
