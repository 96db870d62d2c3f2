import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auth, resetState, TestApp } from './harness.js';

/** GET /v1/webhooks/:id/deliveries: still an array, now keyset-paged through Link / X-Next-Cursor headers. */
describe('paging through a webhook’s deliveries', () => {
  let t: TestApp;
  let admin: string;
  let hookId: string;
  let otherHookId: string;
  let newestFirst: string[];

  beforeAll(async () => {
    t = await TestApp.start('api', { WEBHOOK_ALLOW_PRIVATE: 'true' });
    await resetState(t);
    admin = await t.token('admin', 'ops');
    const create = async (path: string) =>
      (await t.http.post('/v1/webhooks').set(auth(admin)).send({ url: `http://127.0.0.1:9${path}`, events: ['verdict.published'] }).expect(201)).body.id;
    hookId = await create('/a');
    otherHookId = await create('/b');
    // 23 deliveries in 12 distinct instants: pairs share created_at, so the id has to break ties.
    await t.db.query(
      `INSERT INTO webhook_deliveries (webhook_id, event, payload, status, created_at)
       SELECT $1, 'verdict.published', jsonb_build_object('n', n), 'delivered', timestamptz '2026-01-01 12:00:00.123456+00' + (n / 2) * interval '1 second'
         FROM generate_series(1, 23) n`,
      [hookId],
    );
    // Deliveries of another webhook, interleaved in time, are never listed.
    await t.db.query(
      `INSERT INTO webhook_deliveries (webhook_id, event, payload, status, created_at)
       SELECT $1, 'verdict.published', '{}', 'delivered', timestamptz '2026-01-01 12:00:00.5+00' + n * interval '1 second' FROM generate_series(1, 5) n`,
      [otherHookId],
    );
    newestFirst = (await t.db.query(`SELECT id FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id DESC`, [hookId])).map((r: { id: string }) => r.id);
  });
  afterAll(() => t.close());

  test('pages of `limit` follow Link rel="next" in order, without duplicates, to a last page without Link or X-Next-Cursor', async () => {
    const seen: string[] = [];
    const pages: number[] = [];
    let next: string | null = `/v1/webhooks/${hookId}/deliveries?limit=5`;
    while (next) {
      const res: any = await t.http.get(next).set(auth(admin)).expect(200);
      expect(Array.isArray(res.body)).toBe(true);
      pages.push(res.body.length);
      seen.push(...res.body.map((d: { id: string; webhookId: string; attemptLog: unknown[] }) => {
        expect(d.webhookId).toBe(hookId);
        expect(d.attemptLog).toEqual([]);
        return d.id;
      }));
      const link = res.headers.link as string | undefined;
      if (link) {
        const cursor = res.headers['x-next-cursor'];
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(link).toBe(`</v1/webhooks/${hookId}/deliveries?limit=5&cursor=${cursor}>; rel="next"`);
        next = /^<([^>]+)>; rel="next"$/.exec(link)![1];
      } else {
        expect(res.headers['x-next-cursor']).toBeUndefined();
        next = null;
      }
    }
    expect(pages).toEqual([5, 5, 5, 5, 3]);
    expect(seen).toEqual(newestFirst);
    expect(new Set(seen).size).toBe(23);
  });

  test('without parameters: the newest 50 as before, no Link; X-Next-Cursor by cursor works too; an exact last page has no next', async () => {
    const all: any = await t.http.get(`/v1/webhooks/${hookId}/deliveries`).set(auth(admin)).expect(200);
    expect(all.body.map((d: { id: string }) => d.id)).toEqual(newestFirst);
    expect(all.headers.link).toBeUndefined();
    expect(all.headers['x-next-cursor']).toBeUndefined();

    const first: any = await t.http.get(`/v1/webhooks/${hookId}/deliveries`).query({ limit: 20 }).set(auth(admin)).expect(200);
    const rest: any = await t.http.get(`/v1/webhooks/${hookId}/deliveries`).query({ limit: 3, cursor: first.headers['x-next-cursor'] }).set(auth(admin)).expect(200);
    expect([...first.body, ...rest.body].map((d: { id: string }) => d.id)).toEqual(newestFirst);
    expect(rest.headers.link).toBeUndefined();
    expect(rest.headers['x-next-cursor']).toBeUndefined();
  });

  test('a cursor it did not issue, one of another list, or a limit out of range is a 400 problem', async () => {
    const bad = async (query: Record<string, string | number>) => {
      const res: any = await t.http.get(`/v1/webhooks/${hookId}/deliveries`).query(query).set(auth(admin)).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      return res.body;
    };
    expect((await bad({ cursor: 'bogus' })).code).toBe('invalid_cursor');
    expect((await bad({ cursor: Buffer.from('wd:2026-01-01T12:00:00.123456Z|not-a-uuid').toString('base64url') })).code).toBe('invalid_cursor');
    const articlesCursor = Buffer.from(`ar:2026-01-01T12:00:00.123456Z|${newestFirst[0]}`).toString('base64url');
    expect((await bad({ cursor: articlesCursor })).code).toBe('invalid_cursor');
    expect((await bad({ cursor: 'not a cursor!' })).errors).toEqual([{ field: 'cursor', message: expect.stringContaining('cursor') }]);
    expect((await bad({ limit: 0 })).errors).toEqual([{ field: 'limit', message: expect.any(String) }]);
    expect((await bad({ limit: 201 })).errors).toEqual([{ field: 'limit', message: expect.any(String) }]);
    expect((await bad({ limit: 5, extra: 1 })).status).toBe(400);
  });

  test('the page query is answered from the (webhook_id, created_at DESC, id DESC) index without a sort', async () => {
    const [{ key }] = await t.db.query(`SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key FROM webhook_deliveries WHERE id = $1`, [newestFirst[4]]);
    const plan = await t.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL enable_seqscan = off`);
      return (await tx.query(
        `EXPLAIN SELECT id FROM webhook_deliveries
          WHERE webhook_id = $1 AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
          ORDER BY created_at DESC, id DESC LIMIT $2`,
        [hookId, 6, key, newestFirst[4]],
      )).map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('webhook_deliveries_webhook_created_id_idx');
    expect(plan).not.toMatch(/\bSort\b/);
  });
});
