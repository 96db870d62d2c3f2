import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { RATINGS } from '../../src/verdicts/verdict.entity.js';
import { auth, resetState, TestApp } from './harness.js';

const TROOPS = 'The defence ministry said on Monday that about 100,000 soldiers were stationed near the frontier.';

/** Editorial safety (issue 9): evidence behind every rating, and a second person behind every correction. */
describe('editorial safety', () => {
  let t: TestApp;
  let alice: string; // editor
  let carol: string; // approver
  let dave: string; // approver
  let reader: string; // consumer

  beforeAll(async () => {
    t = await TestApp.start('api', { REQUIRE_APPROVAL: 'true', REQUIRE_CORRECTION_APPROVAL: 'true' });
  });
  beforeEach(async () => {
    await resetState(t);
    [alice, carol, dave, reader] = [
      await t.token('editor', 'alice'), await t.token('approver', 'carol'), await t.token('approver', 'dave'), await t.token('consumer', 'reader'),
    ];
  });
  afterAll(() => t.close());

  const addSource = async (claimId: string, url = 'https://mod.example.gov/statement') =>
    (await t.http.post(`/v1/claims/${claimId}/sources`).set(auth(alice)).send({ url, title: 'Ministry statement', sourceType: 'official' }).expect(201)).body.id as string;

  /** A claim under alice's lease. */
  const leased = async () => {
    const [claim] = await t.seed(alice, TROOPS);
    expect((await t.http.post('/v1/review-tasks/lease').set(auth(alice)).expect(200)).body.claimId).toBe(claim.id);
    return claim.id as string;
  };

  /** A claim with a published verdict (alice proposes, carol approves). */
  const published = async (rating = 'mostly_true') => {
    const claimId = await leased();
    const sourceIds = rating === 'unverifiable' ? [] : [await addSource(claimId)];
    const proposed = (await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(alice)).send({ rating, summary: 'Checked.', sourceIds }).expect(201)).body;
    await t.http.post(`/v1/verdicts/${proposed.id}/approve`).set(auth(carol)).expect(200);
    return { claimId, verdictId: proposed.id as string };
  };

  test.each(RATINGS.filter((r) => r !== 'unverifiable'))('a verdict rated %s with no sources is refused: 422 sources_required', async (rating) => {
    const claimId = await leased();
    const res = await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(alice)).send({ rating, summary: 'Trust me.', sourceIds: [] }).expect(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, code: 'sources_required' });
    expect(res.body.detail).toContain(rating);
    expect(res.body.detail).toContain('unverifiable');
    // Nothing was saved: the claim is still under review and the same editor can propose with a source.
    expect((await t.http.get(`/v1/claims/${claimId}`).set(auth(alice)).expect(200)).body).toMatchObject({ status: 'in_review', proposedVerdict: null });
    await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(alice)).send({ rating, summary: 'Sourced.', sourceIds: [await addSource(claimId)] }).expect(201);
  });

  test('unverifiable needs no source', async () => {
    const claimId = await leased();
    await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(alice)).send({ rating: 'unverifiable', summary: 'No data exists.', sourceIds: [] }).expect(201);
  });

  test('a draft without sources written before the rule cannot be approved either', async () => {
    const claimId = await leased();
    const draft = (await t.http.post(`/v1/claims/${claimId}/verdict`).set(auth(alice))
      .send({ rating: 'true', summary: 'Sourced.', sourceIds: [await addSource(claimId)] }).expect(201)).body;
    // As a draft stored by an earlier version of the service would be.
    await t.db.query(`UPDATE verdicts SET source_ids = '{}' WHERE id = $1`, [draft.id]);
    const res = await t.http.post(`/v1/verdicts/${draft.id}/approve`).set(auth(carol)).expect(422);
    expect(res.body.code).toBe('sources_required');
    expect((await t.http.get(`/v1/verdicts/${draft.id}`).set(auth(alice)).expect(200)).body.status).toBe('proposed');
  });

  test('a correction to a rating other than unverifiable needs sources too', async () => {
    const { claimId } = await published('unverifiable');
    const res = await t.http.post(`/v1/claims/${claimId}/corrections`).set(auth(carol)).send({ rating: 'false', summary: 'Now we know.', reason: 'New data.' }).expect(422);
    expect(res.body.code).toBe('sources_required');
    const sourceId = await addSource(claimId, 'https://stats.example.gov/new');
    const ok = await t.http.post(`/v1/claims/${claimId}/corrections`).set(auth(carol))
      .send({ rating: 'false', summary: 'Now we know.', reason: 'New data.', sourceIds: [sourceId] }).expect(201);
    expect(ok.body.sourceIds).toEqual([sourceId]);
  });

  test('a correction waits for a second approver; readers keep the current verdict until then; every step is audited', async () => {
    const { claimId, verdictId } = await published();
    const before = (await t.http.get(`/v1/claims/${claimId}`).set(auth(reader)).expect(200)).body;
    const feedBefore = (await t.http.get('/v1/verdicts').set(auth(reader)).expect(200)).body;

    const proposed = await t.http.post(`/v1/claims/${claimId}/corrections`).set(auth(carol))
      .send({ rating: 'misleading', summary: 'The ministry revised its figure.', reason: 'Updated official figure.' }).expect(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', correctsVerdictId: verdictId, correctionReason: 'Updated official figure.', version: 2 });

    // Readers: nothing changed.
    const during = (await t.http.get(`/v1/claims/${claimId}`).set(auth(reader)).expect(200)).body;
    expect(during.verdict).toEqual(before.verdict);
    await t.http.get(`/v1/verdicts/${proposed.body.id}`).set(auth(reader)).expect(404);
    expect((await t.http.get('/v1/verdicts').query({ since: feedBefore.since }).set(auth(reader)).expect(200)).body.items).toEqual([]);
    expect((await t.http.get(`/v1/claims/${claimId}/claim-review`).set(auth(reader)).expect(200)).body.reviewRating.alternateName).toBe('Mostly true');
    // The desk sees the pending correction.
    expect((await t.http.get(`/v1/claims/${claimId}`).set(auth(alice)).expect(200)).body).toMatchObject({
      status: 'published', verdict: { id: verdictId }, proposedVerdict: { id: proposed.body.id, corrected: true, correctionReason: 'Updated official figure.' },
    });

    // Its author cannot approve it; one pending correction at a time.
    expect((await t.http.post(`/v1/verdicts/${proposed.body.id}/approve`).set(auth(carol)).expect(403)).body.code).toBe('author_cannot_approve');
    const second = await t.http.post(`/v1/claims/${claimId}/corrections`).set(auth(dave)).send({ rating: 'false', summary: 'x', reason: 'y' }).expect(409);
    expect(second.body).toMatchObject({ code: 'correction_pending', pendingVerdictId: proposed.body.id });

    const approved = await t.http.post(`/v1/verdicts/${proposed.body.id}/approve`).set(auth(dave)).expect(200);
    expect(approved.body).toMatchObject({ status: 'published', correctsVerdictId: verdictId });
    const after = (await t.http.get(`/v1/claims/${claimId}`).set(auth(reader)).expect(200)).body;
    expect(after.verdict).toMatchObject({ id: proposed.body.id, rating: 'misleading', corrected: true, correctionReason: 'Updated official figure.' });
    expect((await t.http.get(`/v1/verdicts/${verdictId}`).set(auth(reader)).expect(200)).body.status).toBe('superseded');
    expect((await t.http.get('/v1/verdicts').query({ since: feedBefore.since }).set(auth(reader)).expect(200)).body.items.map((i: any) => i.verdict.id))
      .toEqual([proposed.body.id]);

    // The reject path: back to nobody, the published verdict stands, the reason is kept.
    const another = (await t.http.post(`/v1/claims/${claimId}/corrections`).set(auth(dave))
      .send({ rating: 'false', summary: 'Further revised.', reason: 'A rumour.' }).expect(201)).body;
    const rejected = await t.http.post(`/v1/verdicts/${another.id}/reject`).set(auth(carol)).send({ reason: 'Not confirmed by the ministry.' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Not confirmed by the ministry.' });
    expect((await t.http.get(`/v1/claims/${claimId}`).set(auth(alice)).expect(200)).body).toMatchObject({
      status: 'published', verdict: { id: proposed.body.id }, proposedVerdict: null,
    });
    expect((await t.http.get(`/v1/claims/${claimId}`).set(auth(reader)).expect(200)).body.verdict.id).toBe(proposed.body.id);

    const history = (await t.http.get(`/v1/claims/${claimId}/history`).set(auth(alice)).expect(200)).body;
    const steps = history.filter((e: any) => e.entityType === 'verdict' || e.action === 'claim.corrected')
      .map((e: any) => [e.action, e.actorName, e.fromStatus, e.toStatus]);
    expect(steps).toEqual([
      ['verdict.proposed', 'alice', null, 'proposed'],
      ['verdict.approved', 'carol', 'proposed', 'published'],
      ['verdict.correction_proposed', 'carol', null, 'proposed'],
      ['claim.corrected', 'dave', 'published', 'published'],
      ['verdict.correction_approved', 'dave', 'proposed', 'published'],
      ['verdict.correction_proposed', 'dave', null, 'proposed'],
      ['verdict.correction_rejected', 'carol', 'proposed', 'rejected'],
    ]);
    expect(history.find((e: any) => e.action === 'verdict.correction_proposed')).toMatchObject({ reason: 'Updated official figure.' });
    expect(history.find((e: any) => e.action === 'verdict.correction_rejected')).toMatchObject({ reason: 'Not confirmed by the ministry.' });
  });
});

describe('REQUIRE_CORRECTION_APPROVAL=false', () => {
  test("keeps today's behaviour: the approver's correction is published at once", async () => {
    const t = await TestApp.start('api', { REQUIRE_APPROVAL: 'false', REQUIRE_CORRECTION_APPROVAL: 'false' });
    try {
      await resetState(t);
      const [editor, approver, reader] = [await t.token('editor', 'solo'), await t.token('approver', 'chief'), await t.token('consumer', 'reader')];
      const [claim] = await t.seed(editor, TROOPS);
      await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(200);
      const source = (await t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(editor)).send({ url: 'https://mod.example.gov/s', title: 'Ministry' }).expect(201)).body;
      await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(editor)).send({ rating: 'true', summary: 's', sourceIds: [source.id] }).expect(201);
      const corrected = await t.http.post(`/v1/claims/${claim.id}/corrections`).set(auth(approver))
        .send({ rating: 'mostly_true', summary: 'Revised.', reason: 'New figure.' }).expect(201);
      expect(corrected.body).toMatchObject({ status: 'published', sourceIds: [source.id] });
      expect((await t.http.get(`/v1/claims/${claim.id}`).set(auth(reader)).expect(200)).body.verdict).toMatchObject({ id: corrected.body.id, corrected: true });
    } finally {
      await t.close();
    }
  });
});
