import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { PUBLIC_KEY, ROLES_KEY, SESSION_ROUTE_KEY } from '../../src/auth/auth.decorators.js';
import { satisfies } from '../../src/auth/auth.guard.js';
import type { Role } from '../../src/auth/user.entity.js';
import { auth, resetState, TestApp } from './harness.js';

/**
 * Every claim status in one database, and every route a consumer token can reach: consumers see
 * published claims and their published verdicts, nothing of the desk's queue (issue 9).
 */

/**
 * Every route a consumer token can reach, read from the controllers' own metadata (path, method, @Roles, @Public;
 * @SessionRoute routes take a desk session only, which a consumer cannot have).
 */
function consumerRoutes(t: TestApp): string[] {
  const container = (t.app as unknown as { container: { getModules(): Map<string, { controllers: Map<unknown, { metatype: any }> }> } }).container;
  const found = new Set<string>();
  for (const module of container.getModules().values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype || Reflect.getMetadata(PUBLIC_KEY, metatype)) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '').replace(/^\/|\/$/g, '');
      for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
        const handler = metatype.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        if (path === undefined || Reflect.getMetadata(PUBLIC_KEY, handler) || Reflect.getMetadata(SESSION_ROUTE_KEY, handler)) continue;
        const roles: Role[] | undefined = Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, metatype);
        if (roles && !roles.some((r) => satisfies('consumer', r))) continue;
        const sub = String(path).replace(/^\/|\/$/g, '');
        found.add(`${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} /${[base, sub].filter(Boolean).join('/')}`);
      }
    }
  }
  return [...found].sort();
}

type State = 'queued' | 'in_review' | 'awaiting_approval' | 'rejected' | 'dismissed' | 'published' | 'corrected' | 'correction_pending';
const PUBLIC_STATES: State[] = ['published', 'corrected', 'correction_pending'];
const HIDDEN_STATES: State[] = ['queued', 'in_review', 'awaiting_approval', 'rejected', 'dismissed'];

/** One article per state (so an article's visibility follows its claim's), all about the same flood. */
const TEXTS: Record<State, string> = {
  queued: 'Officials in Zelnor said 4,000 homes were flooded.',
  in_review: 'Rescuers in Zelnor said 4,000 homes were flooded.',
  awaiting_approval: 'The mayor of Zelnor said 4,000 homes were flooded.',
  rejected: 'Police in Zelnor said 4,000 homes were flooded.',
  dismissed: 'Residents of Zelnor said 4,000 homes were flooded.',
  published: 'The governor of Zelnor said 4,000 homes were flooded.',
  corrected: 'Firefighters in Zelnor said 4,000 homes were flooded.',
  correction_pending: 'Volunteers in Zelnor said 4,000 homes were flooded.',
};
/** A published claim and a queued one in the same article: counts must count only the first. */
const MIXED = 'Engineers in Zelnor said 4,000 homes were flooded. Officials said 350 people were evacuated from Zelnor on Monday.';

describe('what a consumer token may see', () => {
  let t: TestApp;
  let alice: string; // editor
  let carol: string; // approver
  let dave: string; // approver
  let reader: string; // consumer
  const claim = {} as Record<State, { id: string; articleId: string; verdictIds: string[] }>;
  let mixed: { articleId: string; publishedId: string; queuedId: string };
  /** A correction waiting for its second approver, and the new source only it cites. */
  let pending: { verdictId: string; sourceId: string };

  const leaseClaim = async (claimId: string) => {
    const tasks = (await t.http.get('/v1/review-tasks').set(auth(alice)).expect(200)).body;
    const task = tasks.find((x: any) => x.claimId === claimId);
    await t.http.post(`/v1/review-tasks/${task.id}/assign`).set(auth(carol)).send({ editor: 'alice' }).expect(200);
    expect((await t.http.post('/v1/review-tasks/lease').set(auth(alice)).expect(200)).body.claimId).toBe(claimId);
  };
  const propose = async (claimId: string, rating = 'mostly_true') => {
    const source = await t.http.post(`/v1/claims/${claimId}/sources`).set(auth(alice))
      .send({ url: `https://stats.example.gov/${claimId}`, title: 'Official count', sourceType: 'official', figure: { value: 4100 } }).expect(201);
    return (await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(alice))
      .send({ rating, summary: 'Checked against the count.', sourceIds: [source.body.id] }).expect(201)).body.id as string;
  };
  const publish = async (claimId: string) => {
    await leaseClaim(claimId);
    const id = await propose(claimId);
    await t.http.post(`/v1/verdicts/${id}/approve`).set(auth(carol)).expect(200);
    return id;
  };

  beforeAll(async () => {
    t = await TestApp.start('api', { REQUIRE_APPROVAL: 'true' });
    await resetState(t);
    [alice, carol, dave, reader] = [await t.token('editor', 'alice'), await t.token('approver', 'carol'), await t.token('approver', 'dave'), await t.token('consumer', 'reader')];
    for (const state of Object.keys(TEXTS) as State[]) {
      const [c] = await t.seed(alice, TEXTS[state]);
      claim[state] = { id: c.id, articleId: c.articleId, verdictIds: [] };
    }
    const [mixedPublished, mixedQueued] = await t.seed(alice, MIXED);
    mixed = { articleId: mixedPublished.articleId, publishedId: mixedPublished.id, queuedId: mixedQueued.id };

    await leaseClaim(claim.in_review.id);
    await leaseClaim(claim.awaiting_approval.id);
    claim.awaiting_approval.verdictIds.push(await propose(claim.awaiting_approval.id));
    await leaseClaim(claim.rejected.id);
    const rejected = await propose(claim.rejected.id);
    await t.http.post(`/v1/verdicts/${rejected}/reject`).set(auth(carol)).send({ reason: 'Weak sourcing.' }).expect(200);
    claim.rejected.verdictIds.push(rejected);
    await t.http.post(`/v1/claims/${claim.dismissed.id}/triage`).set(auth(alice)).send({ action: 'dismiss', reason: 'opinion' }).expect(200);
    claim.published.verdictIds.push(await publish(claim.published.id));
    claim.corrected.verdictIds.push(await publish(claim.corrected.id));
    const correction = await t.http.post(`/v1/claims/${claim.corrected.id}/corrections`).set(auth(dave))
      .send({ rating: 'misleading', summary: 'A later count differs.', reason: 'New official count.' }).expect(201);
    if (correction.body.status === 'proposed') await t.http.post(`/v1/verdicts/${correction.body.id}/approve`).set(auth(carol)).expect(200);
    claim.corrected.verdictIds.push(correction.body.id);
    await publish(mixed.publishedId);
    claim.correction_pending.verdictIds.push(await publish(claim.correction_pending.id));
    const newSource = await t.http.post(`/v1/claims/${claim.correction_pending.id}/sources`).set(auth(alice))
      .send({ url: 'https://stats.example.gov/revised', title: 'Revised count', sourceType: 'official' }).expect(201);
    const proposedCorrection = await t.http.post(`/v1/claims/${claim.correction_pending.id}/corrections`).set(auth(dave))
      .send({ rating: 'false', summary: 'The revised count is far lower.', reason: 'Revised count.', sourceIds: [newSource.body.id] }).expect(201);
    expect(proposedCorrection.body.status).toBe('proposed');
    pending = { verdictId: proposedCorrection.body.id, sourceId: newSource.body.id };

    const statuses = Object.fromEntries(await Promise.all((Object.keys(claim) as State[]).map(async (s) =>
      [s, (await t.http.get(`/v1/claims/${claim[s].id}`).set(auth(alice)).expect(200)).body.status])));
    expect(statuses).toEqual({
      queued: 'queued', in_review: 'in_review', awaiting_approval: 'awaiting_approval', rejected: 'in_review',
      dismissed: 'dismissed', published: 'published', corrected: 'published', correction_pending: 'published',
    });
  });
  afterAll(() => t.close());

  const visibleIds = [...PUBLIC_STATES.map((s) => () => claim[s].id), () => mixed.publishedId];
  const publicIds = () => visibleIds.map((f) => f()).sort();
  const hiddenIds = () => [...HIDDEN_STATES.map((s) => claim[s].id), mixed.queuedId].sort();

  test('the consumer routes are exactly the ones this file covers', () => {
    expect(consumerRoutes(t)).toEqual([
      'GET /v1/articles/:id',
      'GET /v1/articles/:id/claims',
      'GET /v1/claim-reviews',
      'GET /v1/claims',
      'GET /v1/claims/:id',
      'GET /v1/claims/:id/claim-review',
      'GET /v1/verdicts',
      'GET /v1/verdicts/:id',
      'POST /v1/claims/match',
    ]);
  });

  describe.each([...PUBLIC_STATES, ...HIDDEN_STATES])('a %s claim', (state) => {
    const visible = PUBLIC_STATES.includes(state);
    const expected = visible ? 200 : 404;

    test.each([
      ['GET /v1/claims/:id', () => `/v1/claims/${claim[state].id}`],
      ['GET /v1/claims/:id/claim-review', () => `/v1/claims/${claim[state].id}/claim-review`],
      ['GET /v1/articles/:id', () => `/v1/articles/${claim[state].articleId}`],
      ['GET /v1/articles/:id/claims', () => `/v1/articles/${claim[state].articleId}/claims`],
    ])(`${visible ? 'is' : 'is not'} readable by a consumer: %s`, async (_route, path) => {
      const res = await t.http.get(path()).set(auth(reader));
      expect({ path: path(), status: res.status }).toEqual({ path: path(), status: expected });
      if (!visible) {
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.body.code).toMatch(/_not_found$/);
      }
    });

    test(`its verdicts ${visible ? 'are' : 'are not'} readable by a consumer: GET /v1/verdicts/:id`, async () => {
      for (const id of claim[state].verdictIds) {
        const res = await t.http.get(`/v1/verdicts/${id}`).set(auth(reader));
        expect({ id, status: res.status }).toEqual({ id, status: visible ? 200 : 404 });
        await t.http.get(`/v1/verdicts/${id}`).set(auth(alice)).expect(200);
      }
    });
  });

  test('GET /v1/claims: no filter, search, category, article url and every cursor page hold published claims only', async () => {
    const list = async (token: string, query: Record<string, string | number | undefined>) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await t.http.get('/v1/claims').query(cursor ? { ...query, cursor } : query).set(auth(token)).expect(200);
        ids.push(...page.body.items.map((c: any) => c.id));
        expect(page.body.items.every((c: any) => token !== reader || c.status === 'published')).toBe(true);
        cursor = page.body.nextCursor;
      } while (cursor);
      return ids.sort();
    };
    for (const query of [{}, { q: 'Zelnor' }, { q: 'homes flooded' }, { category: 'quantity_other' }, { limit: 1 }, { limit: 2, q: 'Zelnor' }]) {
      expect({ query, ids: await list(reader, query) }).toEqual({ query, ids: publicIds() });
    }
    // The staff see the same queries return the desk's work: the difference is the scope, not the data.
    expect(await list(alice, { q: 'Zelnor' })).toEqual([...publicIds(), ...hiddenIds()].sort());
    const byUrl = await t.http.get('/v1/claims').query({ articleUrl: 'https://nowhere.example/x' }).set(auth(reader)).expect(200);
    expect(byUrl.body.items).toEqual([]);
    expect((await t.http.get('/v1/claims').query({ status: 'published' }).set(auth(reader)).expect(200)).body.items.map((c: any) => c.id).sort())
      .toEqual(publicIds());
  });

  test.each(['queued', 'in_review', 'awaiting_approval', 'dismissed'])('GET /v1/claims?status=%s from a consumer: 400 naming the statuses they may filter on', async (status) => {
    const res = await t.http.get('/v1/claims').query({ status }).set(auth(reader)).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ code: 'status_not_public' });
    expect(res.body.detail).toContain(status);
    expect(res.body.detail).toContain('published');
    // Staff filter on it as before.
    await t.http.get('/v1/claims').query({ status }).set(auth(alice)).expect(200);
  });

  test('counts: an article with a published and a queued claim counts one claim for a consumer', async () => {
    const article = (await t.http.get(`/v1/articles/${mixed.articleId}`).set(auth(reader)).expect(200)).body;
    expect(article.claimCount).toBe(1);
    expect((await t.http.get(`/v1/articles/${mixed.articleId}`).set(auth(alice)).expect(200)).body.claimCount).toBe(2);
    const claims = (await t.http.get(`/v1/articles/${mixed.articleId}/claims`).set(auth(reader)).expect(200)).body;
    expect(claims.map((c: any) => c.id)).toEqual([mixed.publishedId]);
    expect((await t.http.get(`/v1/articles/${mixed.articleId}/claims`).set(auth(alice)).expect(200)).body).toHaveLength(2);
    await t.http.get(`/v1/claims/${mixed.queuedId}`).set(auth(reader)).expect(404);
  });

  test('a correction awaiting approval: consumers keep the published verdict and its sources, nowhere the draft', async () => {
    const id = claim.correction_pending.id;
    const read = (await t.http.get(`/v1/claims/${id}`).set(auth(reader)).expect(200)).body;
    expect(read.verdict).toMatchObject({ id: claim.correction_pending.verdictIds[0], rating: 'mostly_true', corrected: false });
    expect(read.sources.map((s: any) => s.id)).not.toContain(pending.sourceId);
    expect(read).not.toHaveProperty('proposedVerdict');
    await t.http.get(`/v1/verdicts/${pending.verdictId}`).set(auth(reader)).expect(404);
    expect((await t.http.get(`/v1/claims/${id}/claim-review`).set(auth(reader)).expect(200)).body.reviewRating.alternateName).toBe('Mostly true');
    const feed = (await t.http.get('/v1/verdicts').query({ limit: 200 }).set(auth(reader)).expect(200)).body.items;
    expect(feed.map((i: any) => i.verdict.id)).not.toContain(pending.verdictId);
    expect(JSON.stringify(feed)).not.toContain(pending.sourceId);
    const listed = (await t.http.get('/v1/claims').query({ q: 'Volunteers' }).set(auth(reader)).expect(200)).body.items;
    expect(listed.map((c: any) => c.verdict.id)).toEqual([claim.correction_pending.verdictIds[0]]);
    // The desk sees it waiting.
    expect((await t.http.get(`/v1/claims/${id}`).set(auth(alice)).expect(200)).body.proposedVerdict).toMatchObject({ id: pending.verdictId, corrected: true });
  });

  test('POST /v1/claims/match: a consumer is matched against published claims only', async () => {
    const text = 'Officials in Zelnor said 4,000 homes were flooded.';
    const asStaff = (await t.http.post('/v1/claims/match').set(auth(alice)).send({ text, limit: 50 }).expect(200)).body.items.map((i: any) => i.claim.id);
    expect(asStaff.some((id: string) => hiddenIds().includes(id))).toBe(true);
    const asReader = (await t.http.post('/v1/claims/match').set(auth(reader)).send({ text, limit: 50 }).expect(200)).body.items.map((i: any) => i.claim.id);
    expect(asReader.length).toBeGreaterThan(0);
    expect(asReader.filter((id: string) => !publicIds().includes(id))).toEqual([]);
    // limit counts visible claims: a limit of 1 still finds one.
    expect((await t.http.post('/v1/claims/match').set(auth(reader)).send({ text, limit: 1 }).expect(200)).body.items).toHaveLength(1);
  });

  test('the feeds: GET /v1/verdicts and GET /v1/claim-reviews carry published claims only, on every page', async () => {
    const feed: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.http.get('/v1/verdicts').query(cursor ? { limit: 1, cursor } : { limit: 1 }).set(auth(reader)).expect(200);
      feed.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect([...new Set(feed.map((i) => i.claim.id))].sort()).toEqual(publicIds());
    expect(feed.every((i) => i.claim.status === 'published')).toBe(true);
    const reviews = (await t.http.get('/v1/claim-reviews').set(auth(reader)).expect(200)).body.items;
    expect(reviews).toHaveLength(publicIds().length);
  });
});
