import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '../../src/webhooks/signature.js';
import { auth, eventually, resetState, startWorker, TestApp } from './harness.js';

const TROOPS = 'The defence ministry said on Monday that about 100,000 soldiers were stationed near the frontier.';
const KILLED = 'Officials said the fighting had killed more than 14,000 people since 2014.';
const BUDGET = 'The finance minister said the government would spend $2.5 billion on reconstruction next year.';

/** A webhook receiver on 127.0.0.1 that checks signatures the way the README tells receivers to. */
class Receiver {
  readonly received: Array<{ headers: IncomingMessage['headers']; body: string; valid: boolean }> = [];
  /** The next N verdict.published deliveries get a 503. */
  failNext = 0;
  secret = '';
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const valid = verify(this.secret, body, String(req.headers['claimcheck-signature'] ?? ''));
        this.received.push({ headers: req.headers, body, valid });
        if (this.failNext > 0 && req.headers['claimcheck-event'] === 'verdict.published') {
          this.failNext--;
          res.writeHead(503).end('try later');
        } else {
          res.writeHead(valid ? 200 : 400).end();
        }
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('for API consumers', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let editor: string;
  let consumer: string;
  let admin: string;
  const receiver = new Receiver();
  let hookId: string;

  const publish = async (text: string, rating = 'true') => {
    const claims = await t.seed(editor, text);
    const numeric = claims.find((c: any) => c.quantity) ?? claims[0];
    // Lease until we hold this claim's task (others may be open).
    for (;;) {
      const task = await t.http.post('/v1/review-tasks/lease').set(auth(editor)).expect(200);
      if (task.body.claimId === numeric.id) break;
      await t.http.post(`/v1/review-tasks/${task.body.id}/release`).set(auth(editor));
      await t.http.post(`/v1/claims/${task.body.claimId}/triage`).set(auth(editor)).send({ action: 'dismiss', reason: 'test' });
    }
    const cited = await t.http.post(`/v1/claims/${numeric.id}/sources`).set(auth(editor))
      .send({ url: 'https://stats.example.gov/x', title: 'Official figures', sourceType: 'official', figure: { low: 90000, high: 120000 } }).expect(201);
    // Evidence the desk looked at but did not cite: readers never see it.
    await t.http.post(`/v1/claims/${numeric.id}/sources`).set(auth(editor))
      .send({ url: 'https://forum.example/thread', title: 'Unverified forum post', sourceType: 'other' }).expect(201);
    const verdict = await t.http.post(`/v1/claims/${numeric.id}/verdict`).set(auth(editor))
      .send({ rating, summary: `Checked: ${rating}.`, sourceIds: [cited.body.id] }).expect(201);
    return { claim: numeric, verdict: verdict.body };
  };

  beforeAll(async () => {
    // Corrections publish at once here: this file is about what consumers receive (the approval path: editorial-safety).
    const env = { REQUIRE_APPROVAL: 'false', REQUIRE_CORRECTION_APPROVAL: 'false', WEBHOOK_ALLOW_PRIVATE: 'true' };
    t = await TestApp.start('api', env);
    await resetState(t);
    [editor, consumer, admin] = [await t.token('editor', 'ed'), await t.token('consumer', 'cms'), await t.token('admin', 'ops')];
    const url = await receiver.start();
    const hook = await t.http.post('/v1/webhooks').set(auth(admin)).send({ url, events: ['verdict.published', 'verdict.corrected', 'article.extracted'] }).expect(201);
    expect(hook.body.secret).toMatch(/^whsec_/);
    receiver.secret = hook.body.secret;
    hookId = hook.body.id;
    worker = await startWorker(env);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await receiver.stop();
  });

  test('the verdict feed: newest first, with claim, article url and sources; ?since= misses nothing and repeats nothing', async () => {
    const a = await publish(TROOPS);
    const b = await publish(KILLED, 'mostly_true');
    const first = await t.http.get('/v1/verdicts').set(auth(consumer)).expect(200);
    expect(first.body.items.map((i: any) => i.verdict.id)).toEqual([b.verdict.id, a.verdict.id]);
    expect(first.body.items[0]).toMatchObject({ claim: { id: b.claim.id, category: 'casualties' }, sources: [{ sourceType: 'official' }], verdict: { current: true } });
    const since = first.body.since;

    expect((await t.http.get(`/v1/verdicts?since=${since}`).set(auth(consumer)).expect(200)).body).toMatchObject({ items: [], since });

    const c = await publish(BUDGET, 'misleading');
    const approver = await t.token('approver', 'chief');
    const corrected = await t.http.post(`/v1/claims/${a.claim.id}/corrections`).set(auth(approver))
      .send({ rating: 'mostly_true', summary: 'Revised.', reason: 'New ministry figure.' }).expect(201);
    const poll = await t.http.get(`/v1/verdicts?since=${since}`).set(auth(consumer)).expect(200);
    expect(poll.body.items.map((i: any) => i.verdict.id)).toEqual([corrected.body.id, c.verdict.id]);
    expect(poll.body.items[0].verdict).toMatchObject({ corrected: true, correctionReason: 'New ministry figure.', current: true });
    expect(Number(poll.body.since)).toBeGreaterThan(Number(since));

    // Paging with a cursor visits every item once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.http.get('/v1/verdicts').query(cursor ? { limit: 1, cursor } : { limit: 1 }).set(auth(consumer)).expect(200);
      seen.push(...page.body.items.map((i: any) => i.verdict.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([corrected.body.id, c.verdict.id, b.verdict.id, a.verdict.id]);
    const old = (await t.http.get('/v1/verdicts').set(auth(consumer))).body.items.find((i: any) => i.verdict.id === a.verdict.id);
    expect(old.verdict.current).toBe(false);

    const filtered = await t.http.get('/v1/verdicts').query({ rating: 'misleading', category: 'money' }).set(auth(consumer)).expect(200);
    expect(filtered.body.items.map((i: any) => i.verdict.id)).toEqual([c.verdict.id]);
    const searched = await t.http.get('/v1/verdicts').query({ q: 'reconstruction' }).set(auth(consumer)).expect(200);
    expect(searched.body.items.map((i: any) => i.verdict.id)).toEqual([c.verdict.id]);
    await t.http.get('/v1/verdicts?since=yesterday').set(auth(consumer)).expect(400);

    // A time works too (by publication time, so approximate); with nothing newer it answers the position
    // reached by then, so the next poll does not replay the feed.
    const later = await t.http.get('/v1/verdicts').query({ since: '2999-01-01T00:00:00Z' }).set(auth(consumer)).expect(200);
    expect(later.body).toMatchObject({ items: [], since: poll.body.since });
    const early = await t.http.get('/v1/verdicts').query({ since: '2000-01-01T00:00:00Z' }).set(auth(consumer)).expect(200);
    expect(early.body.items).toHaveLength(4);
    for (const bad of ['99999999999999999999', '2026-02-30', '2026-11-30T25:00:00Z', '2026-11', '2026-W48-1', '2026-11-30T08', '2026-11-30T08:00:00,5Z']) {
      const res = await t.http.get('/v1/verdicts').query({ since: bad }).set(auth(consumer)).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.detail).toMatch(/since/);
    }
    const hugeCursor = Buffer.from('s:99999999999999999999').toString('base64url');
    await t.http.get('/v1/claims').query({ cursor: hugeCursor }).set(auth(consumer)).expect(400);
  });

  test('full-text search over claim text, subject and speaker', async () => {
    const soldiers = await t.http.get('/v1/claims').query({ q: 'soldiers frontier' }).set(auth(consumer)).expect(200);
    expect(soldiers.body.items.length).toBeGreaterThan(0);
    expect(soldiers.body.items.every((c: any) => /soldier/i.test(c.text))).toBe(true);
    const none = await t.http.get('/v1/claims').query({ q: 'volcano' }).set(auth(consumer)).expect(200);
    expect(none.body.items).toEqual([]);
    const bySpeaker = await t.http.get('/v1/claims').query({ q: 'finance minister' }).set(auth(consumer)).expect(200);
    expect(bySpeaker.body.items.map((c: any) => c.text)).toEqual([BUDGET]);
  });

  test('conditional GET: ETag and If-None-Match → 304, a change gives a new ETag', async () => {
    const { items } = (await t.http.get('/v1/verdicts').set(auth(consumer))).body;
    const claimId = items[0].claim.id;
    const first = await t.http.get(`/v1/claims/${claimId}`).set(auth(consumer)).expect(200);
    expect(first.headers.etag).toBeTruthy();
    await t.http.get(`/v1/claims/${claimId}`).set(auth(consumer)).set('If-None-Match', first.headers.etag).expect(304);
    const verdict = await t.http.get(`/v1/verdicts/${items[0].verdict.id}`).set(auth(consumer)).expect(200);
    await t.http.get(`/v1/verdicts/${items[0].verdict.id}`).set(auth(consumer)).set('If-None-Match', verdict.headers.etag).expect(304);
    const feed = await t.http.get('/v1/verdicts').set(auth(consumer)).expect(200);
    await t.http.get('/v1/verdicts').set(auth(consumer)).set('If-None-Match', feed.headers.etag).expect(304);

    // New evidence the verdict does not cite changes the desk's view, not the reader's.
    const staffBefore = await t.http.get(`/v1/claims/${claimId}`).set(auth(editor)).expect(200);
    await t.http.post(`/v1/claims/${claimId}/sources`).set(auth(editor)).send({ url: 'https://more.example/y', title: 'More' }).expect(201);
    await t.http.get(`/v1/claims/${claimId}`).set(auth(consumer)).set('If-None-Match', first.headers.etag).expect(304);
    const staffAfter = await t.http.get(`/v1/claims/${claimId}`).set(auth(editor)).set('If-None-Match', staffBefore.headers.etag).expect(200);
    expect(staffAfter.body.sources).toHaveLength(staffBefore.body.sources.length + 1);

    const approver = await t.token('approver', 'etag-chief');
    await t.http.post(`/v1/claims/${claimId}/corrections`).set(auth(approver)).send({ rating: 'mostly_true', summary: 'Revised again.', reason: 'A later count.' }).expect(201);
    const changed = await t.http.get(`/v1/claims/${claimId}`).set(auth(consumer)).set('If-None-Match', first.headers.etag).expect(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    expect(changed.body.verdict).toMatchObject({ summary: 'Revised again.', corrected: true });
  });

  test('ClaimReview JSON-LD for a published verdict, 404 before; corrections set dateModified; numbers as QuantitativeValue', async () => {
    const [draft] = await t.seed(editor, 'Some 300 tanks crossed the river, the army said on Friday.');
    await t.http.get(`/v1/claims/${draft.id}/claim-review`).set(auth(consumer)).expect(404);

    const { items } = (await t.http.get('/v1/verdicts').query({ category: 'troop_count' }).set(auth(consumer))).body;
    const current = items.find((i: any) => i.verdict.current);
    const res = await t.http.get(`/v1/claims/${current.claim.id}/claim-review`).set(auth(consumer)).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(res.body).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      '@id': `https://factcheck.example.org/v1/claims/${current.claim.id}/claim-review`,
      claimReviewed: TROOPS,
      author: { '@type': 'Organization', name: 'Example Fact Desk' },
      reviewRating: { '@type': 'Rating', alternateName: 'Mostly true', ratingValue: 4, bestRating: 5, worstRating: 1 },
      itemReviewed: { '@type': 'Claim', datePublished: '2026-11-25T09:00:00.000Z' },
      mentions: [
        { '@type': 'QuantitativeValue', name: 'claimed', minValue: 100000, maxValue: 100000, unitText: 'troops' },
        { '@type': 'QuantitativeValue', name: 'evidence', minValue: 90000, maxValue: 120000 },
      ],
    });
    expect(res.body.itemReviewed.author.name).toMatch(/ministry/i);
    // Without a publication there is no fact-check article: no url (the API address is only the @id).
    expect(res.body).not.toHaveProperty('url');
    expect(new Date(res.body.dateModified).getTime()).toBeGreaterThan(new Date(res.body.datePublished).getTime());

    const bulk = await t.http.get('/v1/claim-reviews').set(auth(consumer)).expect(200);
    expect(bulk.body.items).toHaveLength(3); // current verdicts only
    expect(bulk.body.items.every((r: any) => r['@type'] === 'ClaimReview')).toBe(true);
    const after = await t.http.get(`/v1/claim-reviews?since=${bulk.body.since}`).set(auth(consumer)).expect(200);
    expect(after.body.items).toEqual([]);
  });

  test('signed webhooks: every event arrives once, verified by the receiver', async () => {
    await eventually(async () => receiver.received.filter((r) => r.headers['claimcheck-event'] === 'verdict.published').length >= 3, 15000, 'three verdict.published');
    await eventually(async () => receiver.received.some((r) => r.headers['claimcheck-event'] === 'verdict.corrected'), 15000, 'verdict.corrected');
    expect(receiver.received.every((r) => r.valid)).toBe(true);
    const ids = receiver.received.map((r) => r.headers['claimcheck-delivery']);
    expect(new Set(ids).size).toBe(ids.length);
    const published = receiver.received.find((r) => r.headers['claimcheck-event'] === 'verdict.published')!;
    const payload = JSON.parse(published.body);
    expect(payload).toMatchObject({ event: 'verdict.published', data: { verdict: { status: 'published' }, claim: { id: expect.any(String) } } });
    // Receivers are outside the desk: no ids of who wrote or approved the verdict.
    expect(payload.data.verdict).toMatchObject({ authorId: null, approvedBy: null });
    expect(receiver.received.some((r) => r.headers['claimcheck-event'] === 'article.extracted')).toBe(true);
    // A tampered body or an old timestamp does not verify.
    expect(verify(receiver.secret, `${published.body} `, String(published.headers['claimcheck-signature']))).toBe(false);
    expect(verify(receiver.secret, published.body, String(published.headers['claimcheck-signature']), 300, Date.now() + 10 * 60_000)).toBe(false);
  });

  test('a receiver that fails, then recovers, gets its delivery; attempts are logged; redeliver sends the same id again', async () => {
    await eventually(async () => {
      const list = (await t.http.get(`/v1/webhooks/${hookId}/deliveries`).set(auth(admin))).body;
      return list.every((d: any) => d.status === 'delivered');
    }, 15000, 'quiet queue');
    receiver.failNext = 2;
    const before = receiver.received.length;
    await publish('The agency said 3,500 families had fled the flooded valley since Tuesday.');
    const delivery = await eventually(async () => {
      const list = (await t.http.get(`/v1/webhooks/${hookId}/deliveries`).set(auth(admin)).expect(200)).body;
      return list.find((d: any) => d.event === 'verdict.published' && d.status === 'delivered' && d.attempts === 3);
    }, 20000, 'delivered on the third attempt');
    expect(delivery.attemptLog.map((a: any) => a.statusCode)).toEqual([503, 503, 200]);
    expect(receiver.received.length - before).toBeGreaterThanOrEqual(3);

    const count = receiver.received.filter((r) => r.headers['claimcheck-delivery'] === delivery.id).length;
    await t.http.post(`/v1/webhooks/${hookId}/deliveries/${delivery.id}/redeliver`).set(auth(admin)).expect(202);
    await eventually(async () => receiver.received.filter((r) => r.headers['claimcheck-delivery'] === delivery.id).length === count + 1, 15000, 'redelivered');
    await t.http.get(`/v1/webhooks/${hookId}/deliveries`).set(auth(consumer)).expect(403);

    // Who set up the hook and who re-sent what is in the audit log, readable by admins only.
    const audit = await t.http.get('/v1/audit-events').query({ entityType: 'webhook', entityId: hookId }).set(auth(admin)).expect(200);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['webhook.redelivered', 'webhook.created']);
    expect(audit.body.items[0]).toMatchObject({ actorName: 'ops', fromStatus: 'delivered', toStatus: 'pending', changes: { deliveryId: delivery.id } });
    await t.http.get('/v1/audit-events').set(auth(editor)).expect(403);
    await t.http.get('/v1/audit-events').query({ entityType: 'planet' }).set(auth(admin)).expect(400);
  });
});

describe('webhook receivers that stall', () => {
  test('the status line is the answer (a body that never ends does not hold the worker); no answer at all times out and is retried', async () => {
    const env = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_MS: '1500', WEBHOOK_BACKOFF_MS: '100', WEBHOOK_MAX_ATTEMPTS: '2' };
    const t = await TestApp.start('api', env);
    const open: import('node:http').ServerResponse[] = [];
    // /stream: 200 then a body that never ends; /silent: reads the request, never answers.
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/stream') {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.write('still going');
        }
        open.push(res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const worker = await startWorker(env);
    try {
      await resetState(t);
      const admin = await t.token('admin', 'ops');
      const editor = await t.token('editor', 'ed');
      const streaming = (await t.http.post('/v1/webhooks').set(auth(admin)).send({ url: `${base}/stream`, events: ['article.extracted'] }).expect(201)).body.id;
      const silent = (await t.http.post('/v1/webhooks').set(auth(admin)).send({ url: `${base}/silent`, events: ['article.extracted'] }).expect(201)).body.id;
      await t.seed(editor, 'Rescuers said 40 people were pulled from the rubble on Monday.');
      const streamed = await eventually(async () => {
        const [d] = (await t.http.get(`/v1/webhooks/${streaming}/deliveries`).set(auth(admin))).body;
        return d?.status === 'delivered' && d;
      }, 15000, 'streamed delivery');
      expect(streamed.attemptLog).toEqual([expect.objectContaining({ statusCode: 200, error: null })]);
      expect(streamed.attemptLog[0].durationMs).toBeLessThan(1500);

      const failed = await eventually(async () => {
        const [d] = (await t.http.get(`/v1/webhooks/${silent}/deliveries`).set(auth(admin))).body;
        return d?.status === 'failed' && d;
      }, 20000, 'silent receiver given up on');
      expect(failed.attemptLog.map((a: any) => [a.statusCode, a.error])).toEqual([
        [null, 'no answer within 1500 ms'],
        [null, 'no answer within 1500 ms'],
      ]);
    } finally {
      for (const res of open) res.destroy();
      await worker.close();
      await t.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('consumer guard rails', () => {
  test('webhook targets on private, loopback and metadata addresses are refused unless allowed', async () => {
    const t = await TestApp.start('api', { WEBHOOK_ALLOW_PRIVATE: 'false' });
    try {
      await resetState(t);
      const admin = await t.token('admin', 'ops');
      for (const url of [
        'http://127.0.0.1:9/x', 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/h', 'http://[::1]:80/h', 'http://localhost:9/x',
        'http://[::ffff:127.0.0.1]/h', 'http://[64:ff9b::a9fe:a9fe]/h', 'http://[2002:a00:1::1]/h', 'http://no-such-host.invalid/h',
      ]) {
        const res = await t.http.post('/v1/webhooks').set(auth(admin)).send({ url, events: ['verdict.published'] });
        expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 422, code: 'unsafe_webhook_target' });
      }
      await t.http.post('/v1/webhooks').set(auth(admin)).send({ url: 'ftp://example.org/x', events: ['verdict.published'] }).expect(400);
      await t.http.post('/v1/webhooks').set(auth(admin)).send({ url: 'https://example.org/x', events: ['claim.deleted'] }).expect(400);
    } finally {
      await t.close();
    }
  });

  test('consumer tokens: 429 with Retry-After at the limit and not before; editors are not limited', async () => {
    const t = await TestApp.start('api', { RATE_LIMIT_PER_MINUTE: '5' });
    try {
      await resetState(t);
      const [consumer, editor] = [await t.token('consumer', 'c1'), await t.token('editor', 'e1')];
      // Start inside a fresh one-minute window so the five requests share it.
      const msLeft = 60_000 - (Date.now() % 60_000);
      if (msLeft < 5000) await new Promise((r) => setTimeout(r, msLeft + 50));
      for (let i = 1; i <= 5; i++) {
        const ok = await t.http.get('/v1/claims').set(auth(consumer));
        expect({ i, status: ok.status }).toEqual({ i, status: 200 });
        expect(ok.headers['ratelimit-remaining']).toBe(String(5 - i));
      }
      const limited = await t.http.get('/v1/claims').set(auth(consumer)).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(limited.body).not.toHaveProperty('headers');
      for (let i = 0; i < 7; i++) await t.http.get('/v1/claims').set(auth(editor)).expect(200);
      const other = await t.token('consumer', 'c2');
      await t.http.get('/v1/claims').set(auth(other)).expect(200);
    } finally {
      await t.close();
    }
  });
});
