import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth, resetState, TestApp } from './harness.js';

// Own text: a claim to talk about.
const TEXT = 'The regional health office said on Monday that at least 320 people had been treated for smoke inhalation since the fires began.';

/** Notes with @mentions and the notifications they (and rejected verdicts) send, on the real stack. */
describe('claim notes and notifications', () => {
  let t: TestApp;
  let dana: string;
  let omar: string;
  let approver: string;
  let consumer: string;
  let claimId: string;

  beforeAll(async () => {
    // No worker here: the webhook's delivery row (the outbox) is what is checked; sending is tested in consumers.
    t = await TestApp.start('api', { WEBHOOK_ALLOW_PRIVATE: 'true' });
    await resetState(t);
    dana = await t.token('editor', 'dana');
    omar = await t.token('editor', 'omar.k');
    approver = await t.token('approver', 'priya');
    consumer = await t.token('consumer', 'feedbot');
    [{ id: claimId }] = await t.seed(dana, TEXT);
  });
  afterAll(() => t.close());

  const notificationsOf = async (token: string, query = '') => (await t.http.get(`/v1/notifications${query}`).set(auth(token)).expect(200)).body;

  test('a note mentions desk people by @name: they are notified, the author and non-people are not; it shows in the history', async () => {
    const body = '@omar.k, the 320 is from Monday; @Priya can we wait for the weekly report? cc @feedbot @nobody dana@example.org @dana';
    const res = await t.http.post(`/v1/claims/${claimId}/notes`).set(auth(dana)).send({ body }).expect(201);
    expect(res.body).toMatchObject({ claimId, authorName: 'dana', body });
    // omar.k (the comma is not part of the name) and priya (any case); not the consumer, not an unknown name, not an e-mail address.
    expect(res.body.mentions.map((m: { name: string }) => m.name)).toEqual(['dana', 'omar.k', 'priya']);

    const omars = await notificationsOf(omar);
    expect(omars.unread).toBe(1);
    expect(omars.items).toHaveLength(1);
    expect(omars.items[0]).toMatchObject({ kind: 'mention', claimId, actorName: 'dana', noteId: res.body.id, message: body, readAt: null, claimText: TEXT });
    expect((await notificationsOf(approver)).unread).toBe(1);
    // Mentioning yourself notifies nobody.
    expect((await notificationsOf(dana)).items).toEqual([]);

    const notes = (await t.http.get(`/v1/claims/${claimId}/notes`).set(auth(omar)).expect(200)).body;
    expect(notes.map((n: { id: string }) => n.id)).toEqual([res.body.id]);
    const history = (await t.http.get(`/v1/claims/${claimId}/history`).set(auth(omar)).expect(200)).body;
    const added = history.find((e: { action: string }) => e.action === 'claim.note_added');
    expect(added).toMatchObject({ actorName: 'dana', changes: { note: body, noteId: res.body.id, mentions: ['dana', 'omar.k', 'priya'] } });
  });

  test('bad notes get a clear answer: empty, too long, unknown fields, unknown claim, consumers', async () => {
    const empty = await t.http.post(`/v1/claims/${claimId}/notes`).set(auth(dana)).send({ body: '   ' }).expect(400);
    expect(empty.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(empty.body.detail).toMatch(/body must not be empty/);
    await t.http.post(`/v1/claims/${claimId}/notes`).set(auth(dana)).send({ body: 'x'.repeat(4001) }).expect(400);
    const extra = await t.http.post(`/v1/claims/${claimId}/notes`).set(auth(dana)).send({ body: 'ok', pinned: true }).expect(400);
    expect(extra.body.detail).toMatch(/pinned/);
    await t.http.post('/v1/claims/00000000-0000-4000-8000-000000000000/notes').set(auth(dana)).send({ body: 'ok' }).expect(404);
    await t.http.get('/v1/claims/00000000-0000-4000-8000-000000000000/notes').set(auth(dana)).expect(404);
    await t.http.post(`/v1/claims/${claimId}/notes`).set(auth(consumer)).send({ body: 'ok' }).expect(403);
    await t.http.get(`/v1/claims/${claimId}/notes`).set(auth(consumer)).expect(403);
    await t.http.get('/v1/notifications').set(auth(consumer)).expect(403);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM claim_notes`);
    expect(n).toBe(1);
  });

  test('notifications are marked read by id (only one\'s own) or all at once; the list filters and pages', async () => {
    for (let i = 0; i < 3; i++) await t.http.post(`/v1/claims/${claimId}/notes`).set(auth(dana)).send({ body: `@omar.k follow-up ${i}` }).expect(201);
    const all = await notificationsOf(omar, '?limit=2');
    expect(all.unread).toBe(4);
    expect(all.items.map((n: { message: string }) => n.message)).toEqual(['@omar.k follow-up 2', '@omar.k follow-up 1']);
    const rest = await notificationsOf(omar, `?limit=2&cursor=${all.nextCursor}`);
    expect(rest.items).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();

    // Someone else's notification is left alone.
    const priyas = await notificationsOf(approver);
    const foreign = await t.http.post('/v1/notifications/read').set(auth(omar)).send({ ids: [priyas.items[0].id] }).expect(200);
    expect(foreign.body).toEqual({ marked: 0, unread: 4 });
    expect((await notificationsOf(approver)).unread).toBe(1);

    const one = await t.http.post('/v1/notifications/read').set(auth(omar)).send({ ids: [all.items[0].id] }).expect(200);
    expect(one.body).toEqual({ marked: 1, unread: 3 });
    expect((await notificationsOf(omar, '?unread=true')).items.map((n: { id: string }) => n.id)).not.toContain(all.items[0].id);
    expect((await notificationsOf(omar, '?unread=false')).items.map((n: { id: string }) => n.id)).toEqual([all.items[0].id]);
    expect((await t.http.post('/v1/notifications/read').set(auth(omar)).send({ all: true }).expect(200)).body).toEqual({ marked: 3, unread: 0 });

    await t.http.post('/v1/notifications/read').set(auth(omar)).send({}).expect(400);
    await t.http.post('/v1/notifications/read').set(auth(omar)).send({ ids: ['abc'] }).expect(400);
    await t.http.get('/v1/notifications?unread=maybe').set(auth(omar)).expect(400);
  });

  test('a rejected verdict notifies its author with the reason; the editor.notified webhook carries it', async () => {
    await t.http.post('/v1/webhooks').set(auth(await t.token('admin'))).send({ url: 'http://127.0.0.1:9/desk', events: ['editor.notified'] }).expect(201);
    await t.http.post(`/v1/claims/${claimId}/lease`).set(auth(omar)).expect(200);
    const verdict = (await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(omar)).send({ rating: 'unverifiable', summary: 'No report gives a figure yet.', sourceIds: [] }).expect(201)).body;
    await t.http.post(`/v1/verdicts/${verdict.id}/reject`).set(auth(approver)).send({ reason: 'Cite the office report, not the press release.' }).expect(200);

    const [latest] = (await notificationsOf(omar, '?unread=true')).items;
    expect(latest).toMatchObject({ kind: 'verdict_rejected', claimId, verdictId: verdict.id, actorName: 'priya', message: 'Cite the office report, not the press release.' });
    const deliveries = await t.db.query(`SELECT payload FROM webhook_deliveries WHERE event = 'editor.notified' ORDER BY created_at`);
    expect(deliveries.at(-1).payload.data).toMatchObject({ kind: 'verdict_rejected', userName: 'omar.k', verdictId: verdict.id, claimId });
  });
});
