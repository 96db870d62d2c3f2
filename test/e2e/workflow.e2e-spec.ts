import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { ReadScope } from '../../src/auth/read-scope.js';
import { auth, eventually, resetState, startWorker, TestApp } from './harness.js';

const TROOPS = 'The defence ministry said on Monday that about 100,000 soldiers were stationed near the frontier.';
const KILLED = 'Officials said the fighting had killed more than 14,000 people since 2014.';
const WOUNDED = 'Hospital officials said 2,000 soldiers were wounded in the battle on Sunday.';

/** The editorial workflow of issue 4, through HTTP on the real stack. */
describe('editorial workflow', () => {
  let t: TestApp;
  let alice: string; // editor
  let bob: string; // editor
  let carol: string; // approver
  let reader: string; // consumer
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start('api');
  });
  beforeEach(async () => {
    await resetState(t);
    [alice, bob, carol, reader, admin] = await Promise.all([
      t.token('editor', 'alice'), t.token('editor', 'bob'), t.token('approver', 'carol'), t.token('consumer', 'reader'), t.token('admin', 'root'),
    ]);
  });
  afterAll(() => t.close());

  const lease = async (token: string) => (await t.http.post('/v1/review-tasks/lease').set(auth(token)).expect(200)).body;
  const history = async (claimId: string) =>
    (await t.http.get(`/v1/claims/${claimId}/history`).set(auth(alice)).expect(200)).body.map((e: any) => e.action);

  test("a consumer's search has the published claims' own words index (its condition implies the index's)", async () => {
    // (At a million claims two common words matched 20,000 claims, 2,600 of them published: the heap was read for all of
    // them, 103 ms at p95; bench hot-paths-scale. The plan itself needs a large table's statistics: the bench shows it.)
    const [index] = await t.db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'claims_published_search_idx'`);
    expect(index?.indexdef).toMatch(/USING gin \(search\) WHERE \(status = 'published'::text\)$/);
    const [{ implied }] = await t.db.query(
      `SELECT count(*)::int AS implied FROM (VALUES ('published'), ('queued')) AS c(status) WHERE ${ReadScope.PUBLIC.claims('c')}`);
    expect(implied).toBe(1);
  });

  test('propose → reject → re-propose → approve → correct, with every step in the history', async () => {
    const [claim] = await t.seed(alice, TROOPS);
    const task = await lease(alice);
    expect(task.claimId).toBe(claim.id);

    const proposed = await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice))
      .send({ rating: 'unverifiable', summary: 'No figure to check it against yet.', sourceIds: [] }).expect(201);
    expect(proposed.body.status).toBe('proposed');
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(auth(alice))).body).toMatchObject({
      status: 'awaiting_approval', verdict: null, proposedVerdict: { id: proposed.body.id, rating: 'unverifiable' },
    });

    // The author cannot approve their own verdict, even as an approver; an editor cannot approve at all.
    await t.http.post(`/v1/verdicts/${proposed.body.id}/approve`).set(auth(bob)).expect(403);
    const rejected = await t.http.post(`/v1/verdicts/${proposed.body.id}/reject`).set(auth(carol)).send({ reason: 'Cite the ministry statement.' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Cite the ministry statement.' });

    // Back to the same editor: alice holds the task again, bob cannot act on it.
    const back = await t.http.get(`/v1/claims/${claim.id}`).set(auth(alice)).expect(200);
    expect(back.body.status).toBe('in_review');
    const source = await t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(alice))
      .send({ url: 'https://mod.example.gov/statement', title: 'Ministry statement', publisher: 'Defence ministry', sourceType: 'official', figure: { value: 102000, asOf: '2026-11-20' }, stance: 'supports' })
      .expect(201);
    await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(bob)).send({ rating: 'unverifiable', summary: 'x', sourceIds: [] }).expect(409);
    const second = await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice))
      .send({ rating: 'mostly_true', summary: 'The ministry gives 102,000.', sourceIds: [source.body.id] }).expect(201);
    expect(second.body.version).toBe(2);

    // Consumers never see a draft, nor the claim before it is published.
    await t.http.get(`/v1/verdicts/${second.body.id}`).set(auth(reader)).expect(404);
    await t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(404);

    const approved = await t.http.post(`/v1/verdicts/${second.body.id}/approve`).set(auth(carol)).expect(200);
    expect(approved.body).toMatchObject({ status: 'published', approvedBy: expect.any(String) });
    await t.http.get(`/v1/verdicts/${second.body.id}`).set(auth(reader)).expect(200);
    // Approving twice is an illegal move.
    expect((await t.http.post(`/v1/verdicts/${second.body.id}/approve`).set(auth(carol)).expect(409)).body.code).toBe('verdict_not_proposed');

    // A correction, like a verdict, needs a second approver (REQUIRE_CORRECTION_APPROVAL, on by default).
    const correction = await t.http.post(`/v1/claims/${claim.id}/corrections`).set(auth(carol))
      .send({ rating: 'true', summary: 'The ministry revised its figure to 100,500.', reason: 'Updated official figure.' }).expect(201);
    expect(correction.body).toMatchObject({ version: 3, status: 'proposed', correctsVerdictId: second.body.id });
    const dave = await t.token('approver', 'dave');
    const correctionApproved = await t.http.post(`/v1/verdicts/${correction.body.id}/approve`).set(auth(dave)).expect(200);
    expect(correctionApproved.body).toMatchObject({ version: 3, status: 'published', correctsVerdictId: second.body.id });
    const read = await t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(200);
    expect(read.body.verdict).toMatchObject({ id: correction.body.id, rating: 'true', corrected: true, correctionReason: 'Updated official figure.' });
    expect((await t.http.get(`/v1/verdicts/${second.body.id}`).set(auth(reader)).expect(200)).body.status).toBe('superseded');

    expect(await history(claim.id)).toEqual([
      'claim.extracted',
      'claim.leased', 'task.leased',
      'claim.verdict_proposed', 'task.completed', 'verdict.proposed',
      'claim.verdict_rejected', 'verdict.rejected', 'task.returned',
      'source.added',
      'claim.verdict_proposed', 'task.completed', 'verdict.proposed',
      'claim.published', 'verdict.approved',
      'verdict.correction_proposed', 'claim.corrected', 'verdict.correction_approved',
    ]);
    const events = (await t.http.get(`/v1/claims/${claim.id}/history`).set(auth(alice))).body;
    const rejectedEvent = events.find((e: any) => e.action === 'claim.verdict_rejected');
    expect(rejectedEvent).toMatchObject({ fromStatus: 'awaiting_approval', toStatus: 'in_review', reason: 'Cite the ministry statement.', actorName: 'carol' });
    // Oldest first.
    expect(events.map((e: any) => Number(e.id))).toEqual(events.map((e: any) => Number(e.id)).sort((a: number, b: number) => a - b));
  });

  test('two editors racing for the one task: one gets it, the other 204', async () => {
    await t.seed(alice, TROOPS);
    const [a, b] = await Promise.all([t.http.post('/v1/review-tasks/lease').set(auth(alice)), t.http.post('/v1/review-tasks/lease').set(auth(bob))]);
    expect([a.status, b.status].sort()).toEqual([200, 204]);
  });

  test('PATCH with a stale version (body or If-Match) is 409; the original extraction stays in the history', async () => {
    const [claim] = await t.seed(alice, TROOPS);
    const edited = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(alice))
      .send({ version: claim.version, subject: 'The defence ministry', quantity: { value: 100500 } }).expect(200);
    expect(edited.body.version).toBe(claim.version + 1);
    expect(edited.body.quantity.value).toBe(100500);

    const stale = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(bob)).send({ version: claim.version, subject: 'Someone else' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: claim.version + 1 });
    await t.http.patch(`/v1/claims/${claim.id}`).set(auth(bob)).set('If-Match', `"${claim.version}"`).send({ location: 'x' }).expect(409);
    await t.http.patch(`/v1/claims/${claim.id}`).set(auth(bob)).set('If-Match', `"${edited.body.version}"`).send({ location: 'near the frontier' }).expect(200);
    await t.http.patch(`/v1/claims/${claim.id}`).set(auth(bob)).send({ location: 'x' }).expect(400);
    await t.http.patch(`/v1/claims/${claim.id}`).set(auth(reader)).send({ version: 9, location: 'x' }).expect(403);
    // Every claim has a category: null is a 400, not a database error.
    const nullCategory = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(bob)).send({ version: 99, category: null }).expect(400);
    expect(nullCategory.body.detail).toMatch(/category/);

    // The ETag of a GET goes back as If-Match as it is.
    const read = await t.http.get(`/v1/claims/${claim.id}`).set(auth(bob)).expect(200);
    expect(read.headers.etag).toMatch(new RegExp(`^"${read.body.version}-[0-9a-f]+"$`));
    const viaEtag = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(bob)).set('If-Match', read.headers.etag).send({ subject: 'The ministry' }).expect(200);
    expect(viaEtag.headers.etag).toMatch(new RegExp(`^"${read.body.version + 1}-`));
    await t.http.patch(`/v1/claims/${claim.id}`).set(auth(alice)).set('If-Match', read.headers.etag).send({ subject: 'Lost update' }).expect(409);

    const events = (await t.http.get(`/v1/claims/${claim.id}/history`).set(auth(alice))).body;
    expect(events[0].action).toBe('claim.extracted');
    expect(events[0].changes.extracted.quantity.value).toBe(100000);
    const edit = events.find((e: any) => e.action === 'claim.edited');
    expect(edit.changes['quantity.value']).toEqual({ from: 100000, to: 100500 });
  });

  test('under review only the lease holder edits; a proposed verdict freezes the claim; readers see neither the draft nor its reasons', async () => {
    const [claim] = await t.seed(alice, TROOPS);
    await lease(alice);
    const v = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(alice))).body.version;
    const notHolder = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(bob)).send({ version: v, subject: 'Bob was here' }).expect(409);
    expect(notHolder.body.code).toBe('lease_held_by_other');
    const holder = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(alice)).send({ version: v, subject: 'The defence ministry' }).expect(200);

    const verdict = (await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice)).send({ rating: 'unverifiable', summary: 's', sourceIds: [] }).expect(201)).body;
    const frozen = await t.http.patch(`/v1/claims/${claim.id}`).set(auth(alice)).send({ version: holder.body.version + 1, subject: 'x' }).expect(409);
    expect(frozen.body).toMatchObject({ code: 'claim_awaiting_approval', currentStatus: 'awaiting_approval' });

    // A reader learns nothing of a claim before publication: not that it exists, not that a draft waits.
    await t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(404);
    // ...and filtering by a desk status is refused, saying what they may filter on.
    for (const status of ['in_review', 'awaiting_approval']) {
      const refused = await t.http.get('/v1/claims').query({ status }).set(auth(reader)).expect(400);
      expect(refused.body).toMatchObject({ code: 'status_not_public', allowedStatuses: ['published'] });
    }
    expect((await t.http.get('/v1/claims').set(auth(reader)).expect(200)).body.items).toEqual([]);
    expect((await t.http.get('/v1/claims').query({ status: 'awaiting_approval' }).set(auth(alice))).body.items.map((c: any) => c.id)).toEqual([claim.id]);
    expect((await t.http.get('/v1/claims').query({ status: 'in_review' }).set(auth(alice))).body.items).toEqual([]);
    await t.http.post(`/v1/verdicts/${verdict.id}/reject`).set(auth(carol)).send({ reason: 'Internal: weak sourcing.' }).expect(200);
    await t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(404);
    expect((await t.http.get(`/v1/claims/${claim.id}`).set(auth(alice))).body.statusReason).toBe('Internal: weak sourcing.');

    // Published: the reader gets the verdict but not who wrote or approved it.
    const again = (await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice)).send({ rating: 'unverifiable', summary: 's2', sourceIds: [] }).expect(201)).body;
    await t.http.post(`/v1/verdicts/${again.id}/approve`).set(auth(carol)).expect(200);
    const asReader = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(200)).body;
    expect(asReader).toMatchObject({ status: 'published', verdict: { id: again.id } });
    expect(asReader.proposedVerdict).toBeUndefined();
    expect(asReader.version).toBeUndefined();
    const publicVerdict = (await t.http.get(`/v1/verdicts/${again.id}`).set(auth(reader)).expect(200)).body;
    expect(publicVerdict).toMatchObject({ status: 'published', authorId: null, approvedBy: null });
    expect((await t.http.get(`/v1/verdicts/${again.id}`).set(auth(alice)).expect(200)).body.authorId).toEqual(expect.any(String));
  });

  test('dismissing while another editor leases the same claim: one wins, the other gets 409, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
      await resetState(t);
      [alice, bob] = await Promise.all([t.token('editor', 'alice'), t.token('editor', 'bob')]);
      const [claim] = await t.seed(alice, TROOPS);
      const [leased, dismissed] = await Promise.all([
        t.http.post('/v1/review-tasks/lease').set(auth(bob)),
        t.http.post(`/v1/claims/${claim.id}/triage`).set(auth(alice)).send({ action: 'dismiss', reason: 'duplicate' }),
      ]);
      const claimNow = (await t.http.get(`/v1/claims/${claim.id}`).set(auth(alice))).body;
      if (dismissed.status === 200) {
        expect(leased.status).toBe(204);
        expect(claimNow.status).toBe('dismissed');
      } else {
        expect({ dismiss: dismissed.status, lease: leased.status }).toEqual({ dismiss: 409, lease: 200 });
        expect(claimNow.status).toBe('in_review');
      }
    }
  });

  test('two approvers correcting at once: one correction waits for approval, the other gets 409 correction_pending', async () => {
    const [claim] = await t.seed(alice, TROOPS);
    await lease(alice);
    const first = (await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice)).send({ rating: 'unverifiable', summary: 's', sourceIds: [] }).expect(201)).body;
    await t.http.post(`/v1/verdicts/${first.id}/approve`).set(auth(carol)).expect(200);
    const dave = await t.token('approver', 'dave');
    const results = await Promise.all([
      t.http.post(`/v1/claims/${claim.id}/corrections`).set(auth(carol)).send({ rating: 'unverifiable', summary: 'a', reason: 'r1' }),
      t.http.post(`/v1/claims/${claim.id}/corrections`).set(auth(dave)).send({ rating: 'unverifiable', summary: 'b', reason: 'r2' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('correction_pending');
    const rows = await t.db.query(`SELECT status, corrects_verdict_id FROM verdicts WHERE claim_id = $1 ORDER BY version`, [claim.id]);
    expect(rows).toEqual([{ status: 'published', corrects_verdict_id: null }, { status: 'proposed', corrects_verdict_id: first.id }]);
  });

  test('triage: dismiss needs a reason, re-queue brings a task back, a claim under review cannot be dismissed', async () => {
    const [first, second] = await t.seed(alice, `${TROOPS} ${WOUNDED}`);
    await t.http.post(`/v1/claims/${first.id}/triage`).set(auth(alice)).send({ action: 'dismiss' }).expect(400);
    const dismissed = await t.http.post(`/v1/claims/${first.id}/triage`).set(auth(alice)).send({ action: 'dismiss', reason: 'duplicate' }).expect(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', statusReason: 'duplicate' });
    expect((await t.http.get('/v1/review-tasks').set(auth(alice))).body.map((x: any) => x.claimId)).toEqual([second.id]);
    // dismissed → dismissed is not a transition
    expect((await t.http.post(`/v1/claims/${first.id}/triage`).set(auth(alice)).send({ action: 'dismiss', reason: 'again' }).expect(409)).body)
      .toMatchObject({ code: 'illegal_transition', currentStatus: 'dismissed' });
    await t.http.post(`/v1/claims/${first.id}/triage`).set(auth(alice)).send({ action: 'queue' }).expect(200);
    expect((await t.http.get('/v1/review-tasks').set(auth(alice))).body).toHaveLength(2);

    const leased = await lease(bob);
    const illegal = await t.http.post(`/v1/claims/${leased.claimId}/triage`).set(auth(alice)).send({ action: 'dismiss', reason: 'opinion' }).expect(409);
    expect(illegal.body).toMatchObject({ code: 'illegal_transition', currentStatus: 'in_review' });
  });

  test('renew and release: only the holder; release puts the task back', async () => {
    await t.seed(alice, TROOPS);
    const task = await lease(alice);
    expect((await t.http.post(`/v1/review-tasks/${task.id}/renew`).set(auth(bob)).expect(409)).body.code).toBe('lease_held_by_other');
    const renewed = await t.http.post(`/v1/review-tasks/${task.id}/renew`).set(auth(alice)).expect(200);
    expect(new Date(renewed.body.leaseExpiresAt).getTime()).toBeGreaterThanOrEqual(new Date(task.leaseExpiresAt).getTime());
    await t.http.post(`/v1/review-tasks/${task.id}/release`).set(auth(bob)).expect(409);
    const released = await t.http.post(`/v1/review-tasks/${task.id}/release`).set(auth(alice)).expect(200);
    expect(released.body).toMatchObject({ status: 'open', leasedBy: null, claim: { status: 'queued' } });
    expect((await lease(bob)).id).toBe(task.id);
  });

  test('approvers assign a task to a named editor; only that editor is handed it', async () => {
    const claims = await t.seed(alice, `${KILLED} ${WOUNDED}`);
    const tasks = (await t.http.get('/v1/review-tasks').set(auth(alice)).expect(200)).body;
    const lowest = tasks[tasks.length - 1];
    await t.http.post(`/v1/review-tasks/${lowest.id}/assign`).set(auth(alice)).send({ editor: 'bob' }).expect(403);
    await t.http.post(`/v1/review-tasks/${lowest.id}/assign`).set(auth(carol)).send({ editor: 'nobody' }).expect(422);
    const assigned = await t.http.post(`/v1/review-tasks/${lowest.id}/assign`).set(auth(carol)).send({ editor: 'bob' }).expect(200);
    expect(assigned.body.assignedTo).toEqual(expect.any(String));
    expect((await lease(bob)).id).toBe(lowest.id); // bob gets his assignment first, though it ranks lowest
    const other = await lease(alice);
    expect(other.id).not.toBe(lowest.id);
    expect(claims.length).toBe(2);
  });

  test('tasks carry a due time and ?overdue=true lists the late ones', async () => {
    await t.seed(alice, `${KILLED} ${WOUNDED}`);
    const tasks = (await t.http.get('/v1/review-tasks').set(auth(alice)).expect(200)).body;
    expect(tasks.every((x: any) => new Date(x.dueAt).getTime() > Date.now() && x.overdue === false)).toBe(true);
    await t.db.query(`UPDATE review_tasks SET due_at = now() - interval '1 hour' WHERE id = $1`, [tasks[1].id]);
    const overdue = (await t.http.get('/v1/review-tasks?overdue=true').set(auth(alice)).expect(200)).body;
    expect(overdue.map((x: any) => x.id)).toEqual([tasks[1].id]);
    expect(overdue[0].overdue).toBe(true);
  });

  test('assessment through the API: figures, qualifier, tolerance, and one origin quoted twice counts once', async () => {
    const [claim] = await t.seed(alice, KILLED);
    expect(claim.quantity).toMatchObject({ qualifier: 'lower_bound', low: 14000 });
    const post = (body: object) => t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(alice)).send(body).expect(201);
    const un = await post({ url: 'https://un.example.org/r', title: 'UN report', publisher: 'UN', sourceType: 'intergovernmental', figure: { value: 14400, asOf: '2026-10-01' } });
    await post({ url: 'https://wire.example.com/a', title: 'Wire story', sourceType: 'wire', figure: { value: 14400 }, citesSourceId: un.body.id });
    const ngo = await post({ url: 'https://ngo.example.org/c', title: 'NGO count', sourceType: 'ngo', figure: { low: 11000, high: 12000 } });
    await t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(alice)).send({ url: 'https://x.example', title: 'bad', figure: { low: 5, high: 1 } }).expect(422);
    await t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(alice)).send({ url: 'https://x.example', title: 'bad', sourceType: 'blog' }).expect(400);

    const res = await t.http.get(`/v1/claims/${claim.id}/assessment`).set(auth(alice)).expect(200);
    expect(res.body.claimId).toBe(claim.id);
    expect(res.body.tolerance).toEqual({ category: 'casualties', relative: 0.05 });
    const byId = Object.fromEntries(res.body.sources.map((s: any) => [s.sourceId, s]));
    expect(byId[un.body.id]).toMatchObject({ relation: 'consistent', counted: true });
    expect(res.body.sources.filter((s: any) => s.originId === un.body.id && !s.counted)).toHaveLength(1);
    expect(byId[ngo.body.id]).toMatchObject({ relation: 'contradicted', counted: true });
    expect(res.body.suggestedRating).toBe('misleading');
    expect(res.body.explanation).toMatch(/more than 14,000/);
    expect(res.body.explanation).toMatch(/2 independent sources/);
    await t.http.get(`/v1/claims/${claim.id}/assessment`).set(auth(reader)).expect(403);
  });

  test('admins create and revoke tokens through the API; revocation is immediate', async () => {
    await t.http.post('/v1/tokens').set(auth(carol)).send({ name: 'dave', role: 'editor' }).expect(403);
    const created = await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'dave', role: 'approver', label: 'laptop' }).expect(201);
    expect(created.body).toMatchObject({ name: 'dave', role: 'approver', token: expect.stringMatching(/^cc_/) });
    const list = (await t.http.get('/v1/tokens').set(auth(admin)).expect(200)).body;
    expect(JSON.stringify(list)).not.toContain(created.body.token);
    await t.http.get('/v1/review-tasks').set(auth(created.body.token)).expect(200);
    await t.http.delete(`/v1/tokens/${created.body.id}`).set(auth(admin)).expect(204);
    await t.http.get('/v1/review-tasks').set(auth(created.body.token)).expect(401);
    await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'dave', role: 'consumer' }).expect(409);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM api_tokens WHERE token_hash = $1`, [created.body.token]);
    expect(n).toBe(0); // stored hashed, never in clear
  });

  test('admins manage users: change a role or disable a user, effective on the next request, audited; no self-lockout', async () => {
    const erin = (await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'erin', role: 'editor' }).expect(201)).body;
    const second = (await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'erin', role: 'editor', label: 'phone' }).expect(201)).body;
    const users = (await t.http.get('/v1/users').set(auth(admin)).expect(200)).body;
    expect(users.find((u: any) => u.name === 'erin')).toMatchObject({ id: erin.userId, role: 'editor', disabledAt: null, activeTokens: 2 });
    await t.http.get('/v1/users').set(auth(carol)).expect(403);

    // Promotion takes effect at once: the same token may now approve-level routes.
    await t.http.post('/v1/review-tasks/00000000-0000-4000-8000-000000000000/assign').set(auth(erin.token)).send({ editor: 'bob' }).expect(403);
    const promoted = await t.http.patch(`/v1/users/${erin.userId}`).set(auth(admin)).send({ role: 'approver' }).expect(200);
    expect(promoted.body.role).toBe('approver');
    await t.http.post('/v1/review-tasks/00000000-0000-4000-8000-000000000000/assign').set(auth(erin.token)).send({ editor: 'bob' }).expect(404);

    // Disabling refuses every token of theirs; enabling lets them back in. No new token while disabled.
    await t.http.patch(`/v1/users/${erin.userId}`).set(auth(admin)).send({ disabled: true }).expect(200);
    await t.http.get('/v1/review-tasks').set(auth(erin.token)).expect(401);
    await t.http.get('/v1/review-tasks').set(auth(second.token)).expect(401);
    expect((await t.http.post('/v1/tokens').set(auth(admin)).send({ name: 'erin', role: 'approver' }).expect(409)).body.code).toBe('user_disabled');
    await t.http.patch(`/v1/users/${erin.userId}`).set(auth(admin)).send({ disabled: false }).expect(200);
    await t.http.get('/v1/review-tasks').set(auth(erin.token)).expect(200);

    const adminId = (await t.http.get('/v1/users').set(auth(admin))).body.find((u: any) => u.name === 'root').id;
    expect((await t.http.patch(`/v1/users/${adminId}`).set(auth(admin)).send({ disabled: true }).expect(409)).body.code).toBe('cannot_lock_out_self');
    await t.http.patch(`/v1/users/${adminId}`).set(auth(admin)).send({ role: 'editor' }).expect(409);
    await t.http.patch(`/v1/users/${erin.userId}`).set(auth(admin)).send({}).expect(400);
    await t.http.patch(`/v1/users/${erin.userId}`).set(auth(admin)).send({ role: 'owner' }).expect(400);
    await t.http.patch(`/v1/users/${erin.userId}`).set(auth(admin)).send({ role: null }).expect(400);
    await t.http.patch(`/v1/users/${erin.userId}`).set(auth(admin)).send({ disabled: null }).expect(400);
    await t.http.patch('/v1/users/00000000-0000-4000-8000-000000000000').set(auth(admin)).send({ disabled: true }).expect(404);

    const audit = (await t.http.get('/v1/audit-events').query({ entityType: 'user', entityId: erin.userId }).set(auth(admin)).expect(200)).body;
    expect(audit.items.map((e: any) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['user.enabled', 'disabled', 'active'],
      ['user.disabled', 'active', 'disabled'],
      ['user.role_changed', 'editor', 'approver'],
    ]);
  });

  test('access control, route by route', async () => {
    const [claim] = await t.seed(alice, TROOPS);
    const task = await lease(alice);
    const verdict = (await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice)).send({ rating: 'unverifiable', summary: 's', sourceIds: [] }).expect(201)).body;
    const id = '00000000-0000-4000-8000-000000000000';
    const routes: Array<[string, string, object | undefined, Record<string, number>]> = [
      ['post', '/v1/articles', { title: 't', text: 'Some 40 people attended.' }, { reader: 403, alice: 202, carol: 200 /* same text: de-duplicated */ }],
      ['get', '/v1/review-tasks', undefined, { reader: 403, alice: 200, carol: 200 }],
      ['post', '/v1/review-tasks/lease', undefined, { reader: 403 }],
      ['post', `/v1/review-tasks/${task.id}/renew`, undefined, { reader: 403, bob: 409 }],
      ['post', `/v1/review-tasks/${task.id}/assign`, { editor: 'bob' }, { reader: 403, alice: 403 }],
      ['post', `/v1/claims/${claim.id}/sources`, { url: 'https://a.example/b', title: 'x' }, { reader: 403, alice: 201 }],
      ['get', `/v1/claims/${claim.id}/assessment`, undefined, { reader: 403, alice: 200 }],
      ['get', `/v1/claims/${claim.id}/history`, undefined, { reader: 403, alice: 200 }],
      ['post', `/v1/claims/${claim.id}/triage`, { action: 'queue' }, { reader: 403, alice: 409 }],
      ['post', `/v1/claims/${claim.id}/verdict`, { rating: 'unverifiable', summary: 's', sourceIds: [] }, { reader: 403, bob: 409 }],
      ['post', `/v1/verdicts/${verdict.id}/approve`, undefined, { reader: 403, alice: 403, bob: 403 }],
      ['post', `/v1/verdicts/${verdict.id}/reject`, { reason: 'r' }, { reader: 403, bob: 403 }],
      ['post', `/v1/claims/${claim.id}/corrections`, { rating: 'true', summary: 's', reason: 'r' }, { reader: 403, alice: 403, carol: 409 }],
      ['get', `/v1/verdicts/${verdict.id}`, undefined, { reader: 404, alice: 200 }],
      ['get', `/v1/verdicts/${id}`, undefined, { alice: 404 }],
      ['get', '/v1/tokens', undefined, { reader: 403, alice: 403, carol: 403, root: 200 }],
      ['get', `/v1/claims/${claim.id}`, undefined, { reader: 404 /* not published */, alice: 200 }],
    ];
    const tokens: Record<string, string> = { reader, alice, bob, carol, root: admin };
    for (const [method, path, body, expected] of routes) {
      for (const [who, status] of Object.entries(expected)) {
        const req = (t.http as any)[method](path).set(auth(tokens[who]));
        const res = await (body ? req.send(body) : req);
        expect({ route: `${method.toUpperCase()} ${path}`, who, status: res.status }).toEqual({ route: `${method.toUpperCase()} ${path}`, who, status });
      }
      const anonymous = await (t.http as any)[method](path);
      expect(anonymous.status).toBe(401);
    }
  });
});

describe('workflow settings', () => {
  test('claims below CHECKWORTHINESS_THRESHOLD start dismissed (low_checkworthiness): no task, still searchable', async () => {
    const t = await TestApp.start('api', { CHECKWORTHINESS_THRESHOLD: '0.99' });
    try {
      await resetState(t);
      const editor = await t.token('editor', 'strict');
      const claims = await t.seed(editor, `${TROOPS} ${KILLED}`);
      expect(claims.length).toBeGreaterThan(0);
      expect(claims.every((c: any) => c.checkworthiness < 0.99)).toBe(true);
      expect(claims.map((c: any) => [c.status, c.statusReason])).toEqual(claims.map(() => ['dismissed', 'low_checkworthiness']));
      await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(204);
      const found = await t.http.get('/v1/claims?status=dismissed&q=soldiers').set(auth(editor)).expect(200);
      expect(found.body.items.map((c: any) => c.id)).toContain(claims[0].id);
      // An editor can still bring one back to the queue.
      await t.http.post(`/v1/claims/${claims[0].id}/triage`).set(auth(editor)).send({ action: 'queue' }).expect(200);
      expect((await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(200)).body.claimId).toBe(claims[0].id);
    } finally {
      await t.close();
    }
  });

  test('REQUIRE_CORRECTION_APPROVAL=false: two approvers correcting at once both publish, in order, exactly one current', async () => {
    const t = await TestApp.start('api', { REQUIRE_CORRECTION_APPROVAL: 'false' });
    try {
      await resetState(t);
      const [alice, carol, dave] = [await t.token('editor', 'alice'), await t.token('approver', 'carol'), await t.token('approver', 'dave')];
      const [claim] = await t.seed(alice, TROOPS);
      await t.http.post('/v1/review-tasks/lease').set(auth(alice)).expect(200);
      const first = (await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice)).send({ rating: 'unverifiable', summary: 's', sourceIds: [] }).expect(201)).body;
      await t.http.post(`/v1/verdicts/${first.id}/approve`).set(auth(carol)).expect(200);
      const results = await Promise.all([
        t.http.post(`/v1/claims/${claim.id}/corrections`).set(auth(carol)).send({ rating: 'unverifiable', summary: 'a', reason: 'r1' }),
        t.http.post(`/v1/claims/${claim.id}/corrections`).set(auth(dave)).send({ rating: 'unverifiable', summary: 'b', reason: 'r2' }),
      ]);
      expect(results.map((r) => r.status)).toEqual([201, 201]);
      const rows = await t.db.query(`SELECT version, status, corrects_verdict_id FROM verdicts WHERE claim_id = $1 ORDER BY version`, [claim.id]);
      expect(rows.map((r: any) => r.status)).toEqual(['superseded', 'superseded', 'published']);
      // Each correction corrects the version before it: a chain, not two branches off the first.
      const ids = (await t.db.query(`SELECT id FROM verdicts WHERE claim_id = $1 ORDER BY version`, [claim.id])).map((r: any) => r.id);
      expect(rows.map((r: any) => r.corrects_verdict_id)).toEqual([null, ids[0], ids[1]]);
    } finally {
      await t.close();
    }
  });

  test('REQUIRE_APPROVAL=false publishes on the editor\'s verdict alone', async () => {
    const t = await TestApp.start('api', { REQUIRE_APPROVAL: 'false' });
    try {
      await resetState(t);
      const editor = await t.token('editor', 'solo');
      const [claim] = await t.seed(editor, TROOPS);
      await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(200);
      const v = await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(editor)).send({ rating: 'unverifiable', summary: 's', sourceIds: [] }).expect(201);
      expect(v.body.status).toBe('published');
      expect((await t.http.get(`/v1/claims/${claim.id}`).set(auth(editor))).body).toMatchObject({ status: 'published', verdict: { rating: 'unverifiable' } });
    } finally {
      await t.close();
    }
  });

  test('an expired lease returns to the queue on time, by the worker\'s sweep, and the old holder gets 409', async () => {
    const t = await TestApp.start('api', { REVIEW_LEASE_SECONDS: '1' });
    const worker = await startWorker();
    try {
      await resetState(t);
      const [editor, other] = [await t.token('editor', 'slow'), await t.token('editor', 'fast')];
      const [claim] = await t.seed(editor, TROOPS);
      const task = (await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(200)).body;
      // Nobody calls the API: the worker's reconciler returns the task.
      await eventually(async () => {
        const [row] = await t.db.query(`SELECT status FROM review_tasks WHERE id = $1`, [task.id]);
        return row.status === 'open';
      }, 10000, 'lease swept');
      const [claimRow] = await t.db.query(`SELECT status FROM claims WHERE id = $1`, [claim.id]);
      expect(claimRow.status).toBe('queued');
      const late = await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(editor)).send({ rating: 'unverifiable', summary: 's', sourceIds: [] }).expect(409);
      expect(late.body.code).toBe('lease_required');
      expect((await t.http.post('/v1/review-tasks/lease').set(auth(other)).expect(200)).body.id).toBe(task.id);
    } finally {
      await worker.close();
      await t.close();
    }
  });
});

