import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { MatchIndex } from '../../src/matching/match-index.js';
import { pollChanges, TABLE_FILE, VersionCursor } from '../../src/matching/version-cursor.js';
import { auth, eventually, resetState, TestApp } from './harness.js';

const BRIDGE = 'The new Lorzemfen bridge cost 412 million euros, the transport minister said on Monday.';
const POST = 'Lorzemfen bridge: 412 million euros?';

/**
 * The API's in-memory match index (issue 12) on the real stack: loaded at boot, kept fresh by its poll of
 * claims.match_version, and never a way around the caller's scope (claims are read back from Postgres with it).
 */
describe('claim matching through the in-memory index', () => {
  let t: TestApp;
  let index: MatchIndex;
  let alice: string; // editor
  let reader: string; // consumer

  beforeAll(async () => {
    t = await TestApp.start('api', { REQUIRE_APPROVAL: 'false', MATCH_INDEX_POLL_MS: '100' });
    index = t.app.get(MatchIndex);
  });
  beforeEach(async () => {
    await resetState(t);
    [alice, reader] = await Promise.all([t.token('editor', 'alice'), t.token('consumer', 'reader')]);
    // The reset restarted claims.match_version: a match request makes the index notice and rebuild.
    await t.http.post('/v1/claims/match').set(auth(alice)).send({ text: 'warm-up' }).expect(200);
    await eventually(async () => index.ready, 15000, 'the match index loaded');
  });
  afterAll(() => t.close());

  const latestVersion = async () => Number((await t.db.query(`SELECT coalesce(max(match_version), 0)::int AS v FROM claims`))[0].v);
  const match = async (token: string, text: string) =>
    (await t.http.post('/v1/claims/match').set(auth(token)).send({ text }).expect(200)).body.items.map((i: any) => i.claim.id) as string[];

  test('a claim stored after boot is taken in by the poll and matched through the index; the scope still hides unpublished claims', async () => {
    const [claim] = await t.seed(alice, BRIDGE);
    expect(claim).toBeDefined();
    // No request in between: only the poll can bring the new claim in.
    const stored = await latestVersion();
    expect(stored).toBeGreaterThan(0);
    await eventually(async () => index.version >= stored, 15000, 'the poll to read the new claim');
    const proposed = index.candidates([{ terms: ['lorzemfen', 'bridg'], category: 'statement', window: null }], false)!;
    expect(proposed[0]).toContain(claim.id);

    const served = index.served;
    expect(await match(alice, POST)).toEqual([claim.id]);
    expect(index.served).toBe(served + 1); // the candidates came from the index, not the SQL retrieval
    // A consumer sees the published record only: the index proposes the claim to nobody but the desk.
    expect(await match(reader, POST)).toEqual([]);
    expect(index.candidates([{ terms: ['lorzemfen', 'bridg'], category: 'statement', window: null }], true)![0]).not.toContain(claim.id);

    // Published (status changes, and the summary adds terms): a new match_version, and the consumer finds it.
    await t.db.query(`UPDATE review_tasks SET assigned_to = (SELECT id FROM users WHERE name = 'alice') WHERE claim_id = $1`, [claim.id]);
    await t.http.post('/v1/review-tasks/lease').set(auth(alice)).expect(200);
    const source = await t.http.post(`/v1/claims/${claim.id}/sources`).set(auth(alice)).send({ url: 'https://budget.example.gov/b', title: 'Budget' }).expect(201);
    await t.http.post(`/v1/claims/${claim.id}/verdict`).set(auth(alice))
      .send({ rating: 'true', summary: 'The ministry accounts show a viaduct outlay of 412 million euros.', sourceIds: [source.body.id] }).expect(201);
    const published = await latestVersion();
    expect(published).toBeGreaterThan(stored);
    await eventually(async () => index.version >= published, 15000, 'the poll to read the published claim');
    expect(index.candidates([{ terms: ['viaduct'], category: 'statement', window: null }], true)![0]).toEqual([claim.id]);
    expect(await match(reader, POST)).toEqual([claim.id]);
  });

  test('a match right after a write sees it (the index catches up first), and stale proposals are dropped by Postgres', async () => {
    const [first] = await t.seed(alice, BRIDGE);
    // Straight after the write, without waiting for the poll.
    expect(await match(alice, POST)).toEqual([first.id]);
    // A claim the index still proposes but Postgres no longer has (removed behind its back): not answered.
    await t.db.query(`DELETE FROM claims WHERE id = $1`, [first.id]);
    expect(index.candidates([{ terms: ['lorzemfen'], category: 'statement', window: null }], false)![0]).toEqual([first.id]);
    expect(await match(alice, POST)).toEqual([]);
  });

  test('a commit landing out of order is read by the next catch-up, which reads in full only the versions not read before', async () => {
    const [a] = await t.seed(alice, BRIDGE);
    const [b] = await t.seed(alice, 'The old Lorzemfen ferry carried 9,000 passengers a day, the port said.');
    const t0 = Date.now();
    const cursor = new VersionCursor(await latestVersion(), t0);
    const table = (await t.db.query(`SELECT ${TABLE_FILE} AS t`))[0].t as string;
    const poll = async (at: number) => {
      const applied: string[][] = [];
      await pollChanges<{ id: string; version: string }>(t.db, cursor, table, 'SELECT c.id, c.match_version::text AS version FROM claims c',
        (batch) => applied.push(batch.map((r) => r.id)), () => true, at);
      return applied.flat();
    };
    // A's change takes a version and stays uncommitted while B's, numbered after it, commits.
    const slow = t.db.createQueryRunner();
    await slow.connect();
    try {
      await slow.startTransaction();
      await slow.query(`UPDATE claims SET quantity_value = coalesce(quantity_value, 0) + 1 WHERE id = $1`, [a.id]);
      await t.db.query(`UPDATE claims SET quantity_value = coalesce(quantity_value, 0) + 1 WHERE id = $1`, [b.id]);
      expect(await poll(t0 + 1_000)).toEqual([b.id]);
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    // The next poll starts past A's version: it does not see it.
    expect(await poll(t0 + 2_000)).toEqual([]);
    // The catch-up (10 s on) lists both versions and reads A's alone, the one not read.
    expect(await poll(t0 + 11_000)).toEqual([a.id]);
    expect(cursor.read.has(Number((await t.db.query(`SELECT match_version::text AS v FROM claims WHERE id = $1`, [a.id]))[0].v))).toBe(true);
    // Nothing left unread: the next catch-up reads nothing in full.
    expect(await poll(t0 + 22_000)).toEqual([]);
  });
});
