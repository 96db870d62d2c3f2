import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VerdictBasisBackfill1767500000000 } from '../../migrations/1767500000000-VerdictBasisBackfill.js';
import { DEFAULT_TOLERANCES } from '../../src/sources/assessment.js';
import { backfillBases } from '../../src/verdicts/basis.js';
import { auth, eventually, resetState, TestApp } from './harness.js';

/**
 * Issue 13, living verdicts, on the real stack (API and workers in one process): a published verdict remembers what it
 * rested on; a later claim of the same figure on another article, a new source figure and the review date each make
 * it due for a re-check (once); the desk confirms or corrects. Texts written for this test.
 */
const FIRST = 'At least 40 people were killed in the floods in Morava province, the civil protection agency said on Saturday.';
const CLOSE = 'At least 41 people were killed in the floods in Morava province, officials said.';
const LATER = 'The death toll from the floods in Morava province rose to at least 61, the civil protection agency said.';
const LATEST = 'The death toll from the floods in Morava province rose to at least 70, the civil protection agency said.';
const LENKA = 'At least 12 people were killed in the floods in Lenka province, officials said.';
const DRAVA = 'At least 25 people were killed in the floods in Drava province, officials said.';

/** Records every webhook request; answers 200. */
class Receiver {
  readonly received: Array<{ body: any; headers: IncomingMessage['headers'] }> = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        this.received.push({ body: JSON.parse(body), headers: req.headers });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('living verdicts', () => {
  let t: TestApp;
  let editor: string;
  let colleague: string;
  let approver: string;
  let consumer: string;
  let editorId: string;
  const receiver = new Receiver();
  const ids: Record<string, string> = {};

  const ingest = async (title: string, text: string, publishedAt: string) => {
    const res = await t.http.post('/v1/articles').set(auth(editor)).send({ title, text, publishedAt, publisher: `${title} news` }).expect(202);
    await eventually(async () => (await t.http.get(`/v1/articles/${res.body.id}`).set(auth(editor))).body.status === 'extracted', 20000, `${title} extracted`);
    const claims = (await t.http.get(`/v1/articles/${res.body.id}/claims`).set(auth(editor)).expect(200)).body as any[];
    return { articleId: res.body.id as string, claim: claims[0] };
  };
  /** The editor takes the claim, cites a source with `figure`, and publishes a verdict (REQUIRE_APPROVAL=false). */
  const publish = async (claimId: string, figure: number, asOf: string) => {
    await t.http.post(`/v1/claims/${claimId}/lease`).set(auth(editor)).expect(200);
    const source = await t.http.post(`/v1/claims/${claimId}/sources`).set(auth(editor))
      .send({ url: `https://agency.example.org/report-${figure}`, title: `Report ${figure}`, publisher: 'Civil protection agency', figure: { value: figure, asOf } }).expect(201);
    const verdict = await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(editor))
      .send({ rating: 'true', summary: `The agency reported ${figure} dead.`, sourceIds: [source.body.id] }).expect(201);
    expect(verdict.body.status).toBe('published');
    return verdict.body;
  };
  const verdictOf = async (id: string, token = editor) => (await t.http.get(`/v1/verdicts/${id}`).set(auth(token)).expect(200)).body;
  const events = (action: string, entityId: string) =>
    t.db.query(`SELECT action, reason, changes, actor_id FROM audit_events WHERE action = $1 AND entity_id = $2 ORDER BY id`, [action, entityId]);

  beforeAll(async () => {
    await receiver.start();
    t = await TestApp.start('api+worker', {
      REQUIRE_APPROVAL: 'false', REQUIRE_CORRECTION_APPROVAL: 'false', VERDICT_EXPIRY_CHECK_SECONDS: '1', WEBHOOK_ALLOW_PRIVATE: 'true',
      VERDICT_REVIEW_DAYS: 'casualties:30',
    });
    await resetState(t);
    editor = await t.token('editor', 'vera');
    colleague = await t.token('editor', 'tomas');
    approver = await t.token('approver', 'ines');
    consumer = await t.token('consumer', 'feedbot');
    [{ id: editorId }] = await t.db.query(`SELECT id FROM users WHERE name = 'vera'`);
    const admin = await t.token('admin');
    await t.http.post('/v1/webhooks').set(auth(admin)).send({ url: receiver.url, events: ['verdict.recheck_due'] }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  test('a published verdict remembers its sources\' figures and dates, the claim\'s figure, its band and its review date', async () => {
    const first = await ingest('first', FIRST, '2026-11-01T08:00:00Z');
    ids.first = first.claim.id;
    ids.firstArticle = first.articleId;
    const verdict = await publish(ids.first, 40, '2026-11-01');
    ids.verdict = verdict.id;
    const stored = await verdictOf(ids.verdict);
    expect(stored.basis).toMatchObject({
      claim: { low: 40, qualifier: 'lower_bound', unit: 'killed' },
      sources: [{ value: 40, asOf: '2026-11-01', publisher: 'Civil protection agency' }],
      tolerance: { category: 'casualties', relative: 0.05 },
      band: { low: 38, high: 42 },
    });
    expect(stored.recheck).toBeNull();
    // casualties:30 → thirty days after publication.
    const days = (new Date(stored.reviewBy).getTime() - new Date(stored.publishedAt).getTime()) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);
  });

  test('a later claim within the tolerance on another article changes nothing', async () => {
    await ingest('close', CLOSE, '2026-11-02T08:00:00Z');
    expect((await verdictOf(ids.verdict)).recheck).toBeNull();
    expect(await events('verdict.recheck_due', ids.verdict)).toEqual([]);
  });

  test('a later matching claim on another article outside the tolerance: due, task reopened high, author notified, webhook, feed', async () => {
    const later = await ingest('later', LATER, '2026-11-04T08:00:00Z');
    ids.later = later.claim.id;
    const due = await verdictOf(ids.verdict);
    expect(due.recheck).toMatchObject({
      due: true, reason: 'matching_claim',
      figure: { low: 61, text: 'at least 61', asOf: '2026-11-04', claimId: ids.later, articleId: later.articleId, who: 'the civil protection agency' },
    });
    expect(Date.parse(due.recheck.since)).not.toBeNaN();

    // Inside the claim's verdict too; readers get the reason and figure without the desk's ids.
    const claim = (await t.http.get(`/v1/claims/${ids.first}`).set(auth(editor)).expect(200)).body;
    expect(claim.verdict.recheck).toEqual(due.recheck);
    const read = (await t.http.get(`/v1/claims/${ids.first}`).set(auth(consumer)).expect(200)).body;
    expect(read.verdict.recheck).toMatchObject({ due: true, reason: 'matching_claim', figure: { low: 61, text: 'at least 61' } });
    expect(read.verdict.recheck.figure.claimId).toBeUndefined();
    expect((await verdictOf(ids.verdict, consumer)).recheck.figure.articleId).toBeUndefined();
    const feed = (await t.http.get('/v1/verdicts').set(auth(consumer)).expect(200)).body;
    const item = feed.items.find((i: any) => i.verdict.id === ids.verdict);
    expect(item.verdict.recheck).toMatchObject({ due: true, reason: 'matching_claim', since: due.recheck.since, figure: { low: 61 } });

    // The claim's review task reopens as a re-check, above every ordinary task; the claim stays published.
    const queue = (await t.http.get('/v1/review-tasks/queue').set(auth(editor)).expect(200)).body.items;
    expect(queue[0]).toMatchObject({ claimId: ids.first, kind: 'recheck', recheckReason: 'matching_claim', status: 'open' });
    expect(queue[0].basePriority).toBeGreaterThan(1);
    expect(queue.find((x: any) => x.claimId === ids.later)).toMatchObject({ kind: 'review' });
    expect(claim.status).toBe('published');

    // The author is told; so is the newsroom's system.
    const notes = (await t.http.get('/v1/notifications').set(auth(editor)).expect(200)).body.items;
    expect(notes).toEqual([expect.objectContaining({ kind: 'recheck', claimId: ids.first, verdictId: ids.verdict, actorId: null, message: expect.stringContaining('at least 61') })]);
    const hook = await eventually(async () => receiver.received.find((r) => r.body.event === 'verdict.recheck_due'), 15000, 'the verdict.recheck_due webhook');
    expect(hook.body.data).toMatchObject({
      verdict: { id: ids.verdict, claimId: ids.first }, recheck: { due: true, reason: 'matching_claim', figure: { low: 61, text: 'at least 61' } },
    });
    expect(hook.body.data.recheck.figure.claimId).toBeUndefined();
    expect(await events('verdict.recheck_due', ids.verdict)).toEqual([
      expect.objectContaining({ reason: 'matching_claim', actor_id: null, changes: expect.objectContaining({ claimId: ids.later, band: { low: 38, high: 42 } }) }),
    ]);
  });

  test('idempotent: more triggers while it is due add no event, task, notification or delivery', async () => {
    const deliveries = async () => (await t.db.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE event = 'verdict.recheck_due'`))[0].n;
    const before = { deliveries: await deliveries(), tasks: await t.db.query(`SELECT id, status, kind FROM review_tasks WHERE claim_id = $1`, [ids.first]) };
    await ingest('latest', LATEST, '2026-11-05T08:00:00Z');
    await t.http.post(`/v1/claims/${ids.first}/sources`).set(auth(colleague))
      .send({ url: 'https://un.example.org/sitrep', title: 'Situation report', publisher: 'UN office', figure: { value: 75, asOf: '2026-11-06' } }).expect(201);
    expect(await events('verdict.recheck_due', ids.verdict)).toHaveLength(1);
    expect((await verdictOf(ids.verdict)).recheck.figure).toMatchObject({ low: 61 });
    expect(await deliveries()).toBe(before.deliveries);
    expect(await t.db.query(`SELECT id, status, kind FROM review_tasks WHERE claim_id = $1`, [ids.first])).toEqual(before.tasks);
    expect((await t.http.get('/v1/notifications').set(auth(editor)).expect(200)).body.items).toHaveLength(1);
  });

  test('confirmed by the desk: "re-checked on … against …", re-check cleared, task done, audited; the figure joins the basis', async () => {
    // Lease-next hands out the re-check first (one statement); the claim stays published, only the task is leased.
    const claimLeases = (await events('claim.leased', ids.first)).length;
    const [{ id: recheckTask }] = await t.db.query(`SELECT id FROM review_tasks WHERE claim_id = $1 AND kind = 'recheck'`, [ids.first]);
    const taskLeases = (await events('task.leased', recheckTask)).length;
    const leased = (await t.http.post('/v1/review-tasks/lease').set(auth(colleague)).expect(200)).body;
    expect(leased).toMatchObject({ claimId: ids.first, kind: 'recheck', status: 'leased' });
    expect((await t.http.get(`/v1/claims/${ids.first}`).set(auth(colleague)).expect(200)).body.status).toBe('published');
    expect(await events('claim.leased', ids.first)).toHaveLength(claimLeases);
    expect(leased.id).toBe(recheckTask);
    expect(await events('task.leased', leased.id)).toHaveLength(taskLeases + 1);
    await t.http.post(`/v1/verdicts/${ids.verdict}/recheck`).set(auth(colleague)).send({ note: 'x', extra: 1 }).expect(400);
    await t.http.post(`/v1/verdicts/${ids.verdict}/recheck`).set(auth(consumer)).send({ note: 'x' }).expect(403);
    const res = await t.http.post(`/v1/verdicts/${ids.verdict}/recheck`).set(auth(colleague))
      .send({ note: 'The verdict was about Saturday\'s toll; the agency did report 40 then.' }).expect(200);
    expect(res.body.recheck).toBeNull();
    expect(res.body.lastRecheck).toMatchObject({
      byName: 'tomas', reason: 'matching_claim', note: expect.stringContaining('Saturday'),
      text: expect.stringMatching(/^Re-checked on \d{4}-\d{2}-\d{2} against at least 61 \(the civil protection agency, 2026-11-04\)\.$/),
    });
    expect(res.body.basis.band).toEqual({ low: 38, high: 64.05 });
    expect((await t.http.get(`/v1/claims/${ids.first}`).set(auth(consumer)).expect(200)).body.verdict).toMatchObject({ recheck: null, lastRecheck: { text: res.body.lastRecheck.text } });
    const [task] = await t.db.query(`SELECT status, kind FROM review_tasks WHERE claim_id = $1`, [ids.first]);
    expect(task.status).toBe('done');
    expect(await events('verdict.recheck_confirmed', ids.verdict)).toEqual([
      expect.objectContaining({ reason: 'matching_claim', changes: expect.objectContaining({ text: res.body.lastRecheck.text }) }),
    ]);
    const feed = (await t.http.get('/v1/verdicts').set(auth(consumer)).expect(200)).body;
    expect(feed.items.find((i: any) => i.verdict.id === ids.verdict).verdict.recheck).toBeNull();
    // Not due any more: a second confirmation is a conflict.
    const again = await t.http.post(`/v1/verdicts/${ids.verdict}/recheck`).set(auth(colleague)).send({ note: 'again' }).expect(409);
    expect(again.body.code).toBe('recheck_not_due');
  });

  test('a new source figure outside the tolerance makes it due; a correction resolves it (audited)', async () => {
    const lenka = await ingest('lenka', LENKA, '2026-11-02T09:00:00Z');
    const verdict = await publish(lenka.claim.id, 12, '2026-11-02');
    // Inside the band ([11.4, 12.6]): nothing.
    await t.http.post(`/v1/claims/${lenka.claim.id}/sources`).set(auth(colleague))
      .send({ url: 'https://a.example.org/1', title: 'Local radio', figure: { value: 12.5 } }).expect(201);
    expect((await verdictOf(verdict.id)).recheck).toBeNull();
    const source = await t.http.post(`/v1/claims/${lenka.claim.id}/sources`).set(auth(colleague))
      .send({ url: 'https://a.example.org/2', title: 'Hospital', publisher: 'District hospital', figure: { value: 19, asOf: '2026-11-03' } }).expect(201);
    const due = await verdictOf(verdict.id);
    expect(due.recheck).toMatchObject({ reason: 'source_figure', figure: { value: 19, asOf: '2026-11-03', sourceId: source.body.id, who: 'District hospital' } });
    // The author (vera) is told, the colleague who added the source is the actor.
    const [event] = await events('verdict.recheck_due', verdict.id);
    expect(event).toMatchObject({ reason: 'source_figure' });
    expect(event.actor_id).not.toBeNull();

    const corrected = await t.http.post(`/v1/claims/${lenka.claim.id}/corrections`).set(auth(approver))
      .send({ rating: 'mostly_true', summary: 'The toll rose to 19 the next day.', reason: 'Later figures', sourceIds: [source.body.id] }).expect(201);
    expect(corrected.body).toMatchObject({ status: 'published', recheck: null });
    expect((await verdictOf(verdict.id)).recheck).toBeNull();
    expect(await events('verdict.recheck_resolved', verdict.id)).toEqual([
      expect.objectContaining({ reason: 'source_figure', changes: expect.objectContaining({ resolution: 'corrected', correctedBy: corrected.body.id }) }),
    ]);
    const tasks = await t.db.query(`SELECT status FROM review_tasks WHERE claim_id = $1 AND status IN ('open', 'leased')`, [lenka.claim.id]);
    expect(tasks).toEqual([]);
    // The correction rests on its own sources: the hospital's 19.
    expect((await verdictOf(corrected.body.id)).basis.band).toEqual({ low: 18.05, high: 19.95 });
  });

  test('expiry: past its reviewBy the worker\'s scheduled job marks it due, once', async () => {
    // An approver sets the review date (no new version); in the past, the next run of the job marks it.
    const past = new Date(Date.now() - 60_000).toISOString();
    const patched = await t.http.patch(`/v1/verdicts/${ids.verdict}`).set(auth(approver)).send({ reviewBy: past }).expect(200);
    expect(patched.body.reviewBy).toBe(past);
    const due = await eventually(async () => (await verdictOf(ids.verdict)).recheck, 20000, 'the expiry job');
    expect(due).toMatchObject({ due: true, reason: 'review_by_passed', figure: null });
    const notes = (await t.http.get('/v1/notifications').set(auth(editor)).expect(200)).body.items;
    expect(notes.filter((n: any) => n.kind === 'recheck' && n.verdictId === ids.verdict)).toHaveLength(2);
    // Later runs find it already due.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await events('verdict.recheck_due', ids.verdict)).map((e: any) => e.reason)).toEqual(['matching_claim', 'review_by_passed']);
    expect(await t.db.query(`SELECT kind, status, recheck_reason FROM review_tasks WHERE claim_id = $1`, [ids.first]))
      .toEqual([{ kind: 'recheck', status: 'open', recheck_reason: 'review_by_passed' }]);
    expect(editorId).toBeTruthy();
  });

  test('backfill: a verdict published before living verdicts gets its basis from the migration, and a later figure then counts', async () => {
    const drava = await ingest('drava', DRAVA, '2026-11-03T09:00:00Z');
    const verdict = await publish(drava.claim.id, 25, '2026-11-03');
    const published = await verdictOf(verdict.id);
    expect(published.basis.band).toEqual({ low: 23.75, high: 26.25 });
    // As it was before 1767000000000-LivingVerdicts: no basis, no band, no review date.
    await t.db.query(`UPDATE verdicts SET basis = NULL, band_low = NULL, band_high = NULL, review_by = NULL WHERE id = $1`, [verdict.id]);
    const other = async () => (await t.db.query(`SELECT basis, band_low, band_high FROM verdicts WHERE id = $1`, [ids.verdict]))[0];
    const otherBefore = await other();
    expect(otherBefore.basis.confirmed).toHaveLength(1);
    // Without a basis a figure far outside changes nothing (and an uncited source does not join the backfilled basis).
    await t.http.post(`/v1/claims/${drava.claim.id}/sources`).set(auth(colleague))
      .send({ url: 'https://b.example.org/1', title: 'Morning paper', figure: { value: 90 } }).expect(201);
    expect((await verdictOf(verdict.id)).recheck).toBeNull();

    // The migration's up(), on a query runner of the service's DataSource.
    const runner = t.db.createQueryRunner();
    try {
      await new VerdictBasisBackfill1767500000000().up(runner);
    } finally {
      await runner.release();
    }
    const restored = await verdictOf(verdict.id);
    expect({ ...restored.basis, at: undefined }).toEqual({ ...published.basis, at: undefined });
    expect(Date.parse(restored.basis.at)).not.toBeNaN();
    expect((await t.db.query(`SELECT band_low, band_high, review_by FROM verdicts WHERE id = $1`, [verdict.id]))[0])
      .toEqual({ band_low: 23.75, band_high: 26.25, review_by: null });
    // A verdict that had a basis keeps it (its confirmed figure would be lost if recomputed); a second run fills nothing.
    expect(await other()).toEqual(otherBefore);
    expect(await backfillBases(t.db.manager, DEFAULT_TOLERANCES)).toBe(0);

    // Now a later source figure outside the band makes it due.
    await t.http.post(`/v1/claims/${drava.claim.id}/sources`).set(auth(colleague))
      .send({ url: 'https://b.example.org/2', title: 'Hospital', publisher: 'Regional hospital', figure: { value: 31, asOf: '2026-11-05' } }).expect(201);
    expect((await verdictOf(verdict.id)).recheck).toMatchObject({ due: true, reason: 'source_figure', figure: { value: 31, who: 'Regional hospital' } });
  });
});
