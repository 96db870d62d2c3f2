import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runCli } from './child-process.js';
import { TEST_DATABASE_URL } from './env.js';
import { auth, eventually, resetState, TestApp } from './harness.js';
import { jsonLines, review } from '../fixtures/claim-reviews.js';

/**
 * Issue 12: importing other publishers' fact-checks (ClaimReview JSON-LD) as published claims, through
 * POST /v1/fact-checks/import and `cli import-claimreview`. Real Postgres, the real HTTP stack.
 */
const IMPORT_LIMIT = 256 * 1024;

describe('fact-check import', () => {
  let t: TestApp;
  let admin: string;
  let editor: string;
  let consumer: string;
  let n = 100;
  /** A valid record with a url no other test uses. */
  const fresh = (overrides: Record<string, unknown> = {}) => review(n++, overrides);

  const post = (body: unknown, type = 'application/json', query = '', token = admin) =>
    t.http.post(`/v1/fact-checks/import${query}`).set(auth(token)).set('Content-Type', type).send(typeof body === 'string' ? body : JSON.stringify(body));
  const counts = async () => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*) FROM fact_checks)::int AS fact_checks, (SELECT count(*) FROM claims)::int AS claims,
              (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM audit_events)::int AS audit_events,
              (SELECT count(*) FROM verdicts)::int AS verdicts`,
    );
    return row as { fact_checks: number; claims: number; articles: number; audit_events: number; verdicts: number };
  };

  beforeAll(async () => {
    t = await TestApp.start('api', { MAX_IMPORT_BYTES: String(IMPORT_LIMIT) });
    await resetState(t);
    [admin, editor, consumer] = await Promise.all([t.token('admin'), t.token('editor'), t.token('consumer')]);
  });
  afterAll(() => t.close());

  test('one object: stored as a published claim with factCheck, no verdict of ours, its article extracted and never queued', async () => {
    const record = fresh({
      claimReviewed: 'The city spent 45 million dollars on the new tram line last year.',
      headline: 'Did the tram line cost 45 million?',
      inLanguage: 'en-GB',
    });
    const res = await post(record).expect(200);
    expect(res.body).toMatchObject({ format: 'object', dryRun: false, records: 1, imported: 1, importable: 1, skipped: [], invalid: [] });
    const [fc] = res.body.factChecks;
    expect(fc).toMatchObject({ url: record.url, position: 0, path: '$', id: expect.any(String), claimId: expect.any(String), articleId: expect.any(String) });

    // A consumer reads it like any published claim.
    const claim = (await t.http.get(`/v1/claims/${fc.claimId}`).set(auth(consumer)).expect(200)).body;
    expect(claim).toMatchObject({
      id: fc.claimId, articleId: fc.articleId, status: 'published', statusReason: 'imported_fact_check', verdict: null,
      text: record.claimReviewed, start: 0, end: (record.claimReviewed as string).length, category: 'money',
      attribution: { speaker: (record.itemReviewed as { author: { name: string } }).author.name, role: null },
      factCheck: {
        url: record.url, ratingName: 'Mostly false', ratingValue: 2, bestRating: 5, worstRating: 1, author: 'Example Verification Desk',
        claimant: (record.itemReviewed as { author: { name: string } }).author.name, datePublished: new Date(record.datePublished as string).toISOString(), language: 'en',
      },
    });
    expect(claim.quantity).toMatchObject({ value: 45_000_000 });
    expect(claim.sources).toEqual([]);

    const article = (await t.http.get(`/v1/articles/${fc.articleId}`).set(auth(editor)).expect(200)).body;
    expect(article).toMatchObject({ status: 'extracted', url: record.url, title: 'Did the tram line cost 45 million?', publisher: 'Example Verification Desk', language: 'en' });
    expect(new Date(article.publishedAt).toISOString()).toBe('2026-02-01T00:00:00.000Z'); // the claim's date first
    const jobs = await t.extractionQueue.getJobCounts();
    expect(Object.values(jobs).reduce((a, b) => a + b, 0)).toBe(0);

    const [stored] = await t.db.query(`SELECT claimant, rating_name, language, raw, imported_by IS NOT NULL AS by_admin FROM fact_checks WHERE id = $1`, [fc.id]);
    expect(stored).toMatchObject({ claimant: 'Speaker 100', rating_name: 'Mostly false', language: 'en', raw: record, by_admin: true });
    const history = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = ANY($1) ORDER BY id`, [[fc.claimId, fc.articleId]]);
    expect(history.map((h: { action: string }) => h.action).sort()).toEqual(['article.imported', 'claim.imported']);
  });

  test('an array: bad records reported by index with a reason, duplicates in the document skipped, the valid ones imported', async () => {
    const first = fresh();
    const body = [
      first,
      fresh({ url: undefined }),
      fresh({ reviewRating: { bestRating: 5 } }),
      { '@type': 'WebPage', url: 'https://checks.example.net/about' },
      { ...first, url: `${first.url as string}/?utm_source=feed` },
      fresh({ datePublished: '31/02/2026' }),
      { '@context': 'https://schema.org', '@graph': [{ '@type': 'Organization', name: 'X' }, fresh()] },
    ];
    const res = await post(body).expect(200);
    expect(res.body).toMatchObject({ format: 'array', records: 7, imported: 2, importable: 2 });
    expect(res.body.factChecks.map((f: { position: number; path: string }) => [f.position, f.path])).toEqual([[0, '$'], [6, "$['@graph'][1]"]]);
    expect(res.body.invalid.map((i: { position: number; reason: string }) => [i.position, i.reason])).toEqual([
      [1, 'missing_url'], [2, 'invalid_review_rating'], [3, 'not_claim_review'], [5, 'invalid_date'],
    ]);
    expect(res.body.invalid[3].detail).toMatch(/datePublished "31\/02\/2026"/);
    expect(res.body.skipped).toEqual([
      { position: 4, path: '$', url: `${first.url as string}/?utm_source=feed`, reason: 'duplicate_url', detail: 'repeats the url of the record at position 0 in this document' },
    ]);
  });

  test('JSON lines (application/x-ndjson, application/jsonl): positions are line numbers; a broken line is reported, the rest imported', async () => {
    const lines = jsonLines([fresh(), fresh({ claimReviewed: '' })]) + '{"@type": "ClaimReview", "url": oops}\n\n' + jsonLines([fresh()]);
    const res = await post(lines, 'application/x-ndjson').expect(200);
    expect(res.body).toMatchObject({ format: 'jsonl', records: 4, imported: 2 });
    expect(res.body.factChecks.map((f: { position: number }) => f.position)).toEqual([1, 5]);
    expect(res.body.invalid.map((i: { position: number; reason: string }) => [i.position, i.reason])).toEqual([[2, 'missing_claim_reviewed'], [3, 'invalid_json']]);

    const jsonl = await post(jsonLines([fresh(), fresh()]), 'application/jsonl; charset=utf-8').expect(200);
    expect(jsonl.body).toMatchObject({ format: 'jsonl', imported: 2 });
  });

  test('de-duplication against what is stored: the same document again imports nothing; a url already ingested as an article is skipped', async () => {
    const records = [fresh(), fresh({ url: 'https://WWW.checks.example.net/reviews/ingested#x' })];
    await t.http
      .post('/v1/articles')
      .set(auth(editor))
      .send({ title: 'An ingested review page', text: 'A page we ingested ourselves, about a bridge and its 300 million dollar budget.', url: 'https://checks.example.net/reviews/ingested' })
      .expect(202);
    const once = await post(records).expect(200);
    expect(once.body.imported).toBe(1);
    expect(once.body.skipped).toEqual([expect.objectContaining({ position: 1, reason: 'duplicate_url', detail: expect.stringMatching(/^an article with this url is already stored/) })]);

    const before = await counts();
    const again = await post(records).expect(200);
    expect(again.body).toMatchObject({ imported: 0, importable: 0, factChecks: [], invalid: [] });
    expect(again.body.skipped.map((s: { position: number; reason: string; detail: string }) => [s.position, s.reason, s.detail.split(' (')[0]])).toEqual([
      [0, 'duplicate_url', 'already imported'],
      [1, 'duplicate_url', 'an article with this url is already stored'],
    ]);
    expect(await counts()).toEqual(before);
  });

  test('dryRun=true checks and reports, and writes nothing', async () => {
    const before = await counts();
    const res = await post([fresh(), fresh({ url: 'not a url' })], 'application/json', '?dryRun=true').expect(200);
    expect(res.body).toMatchObject({ dryRun: true, imported: 0, importable: 1, invalid: [expect.objectContaining({ position: 1, reason: 'invalid_url' })] });
    expect(res.body.factChecks).toEqual([expect.objectContaining({ id: null, claimId: null, articleId: null, position: 0 })]);
    expect(await counts()).toEqual(before);
    await post([fresh()], 'application/json', '?dryRun=maybe').expect(400);
  });

  test('admins only: 401 without a token, 403 for editors, approvers and consumers (nothing written)', async () => {
    const approver = await t.token('approver');
    const before = await counts();
    await t.http.post('/v1/fact-checks/import').set('Content-Type', 'application/json').send(JSON.stringify(fresh())).expect(401);
    for (const token of [editor, approver, consumer]) {
      const res = await post(fresh(), 'application/json', '', token).expect(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect(await counts()).toEqual(before);
  });

  test('bodies: over MAX_BODY_BYTES but within MAX_IMPORT_BYTES is fine, over MAX_IMPORT_BYTES is 413; not JSON 400; another media type 415; nothing valid 422', async () => {
    // More than the app-wide 64 KiB of the tests, less than this route's 256 KiB.
    const many = Array.from({ length: 150 }, () => fresh({ description: 'x'.repeat(500) }));
    expect(Buffer.byteLength(JSON.stringify(many))).toBeGreaterThan(64 * 1024);
    const big = await post(many).expect(200);
    expect(big.body.imported).toBe(150);

    const before = await counts();
    const tooBig = await post(Array.from({ length: 400 }, () => fresh({ description: 'x'.repeat(800) }))).expect(413);
    expect(tooBig.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(tooBig.body).toMatchObject({ code: 'payload_too_large' });
    expect(tooBig.body.detail).toContain(String(IMPORT_LIMIT));

    const notJson = await post('this is not JSON at all').expect(400);
    expect(notJson.body.code).toBe('malformed_json');
    expect((await post('this is not JSON\nnor this', 'application/x-ndjson').expect(400)).body.code).toBe('malformed_json');
    expect((await post('', 'application/json').expect(400)).body.code).toBe('empty_body');
    expect((await post(JSON.stringify(fresh()), 'text/plain').expect(415)).body.code).toBe('unsupported_media_type');

    const invalid = await post([{ '@type': 'ClaimReview' }, 'text']).expect(422);
    expect(invalid.body).toMatchObject({ code: 'no_valid_fact_checks' });
    expect(invalid.body.report.invalid.map((i: { reason: string }) => i.reason)).toEqual(['missing_url', 'not_claim_review']);
    expect((await post([]).expect(422)).body.code).toBe('no_valid_fact_checks');
    expect((await post({ '@type': 'WebPage', name: 'About us' }).expect(422)).body.code).toBe('no_valid_fact_checks');
    // An object that is no JSON-LD at all (the document wrapped in a field): its fields are named, as on every route.
    const wrapped = await post({ records: [fresh()] }).expect(400);
    expect((await post('\uFEFF' + JSON.stringify({ records: [] })).expect(400)).body.code).toBe('bad_request');
    expect(wrapped.body).toMatchObject({ code: 'bad_request', errors: [{ field: 'records', message: expect.stringMatching(/^records should not exist \(the body is the ClaimReview document itself/) }] });
    expect(await counts()).toEqual(before);
  });

  test('nothing half-imported: when the last insert fails (another import stores one of the urls meanwhile), the articles and claims already inserted roll back too; 409', async () => {
    const racing = fresh();
    const body = [fresh(), fresh(), racing, fresh()];
    // Another transaction imports the third url first (under an article of its own) and holds it uncommitted: the
    // import's articles and claims go in, then its fact_checks insert waits on that row, and fails once it commits.
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      const [{ id: articleId }] = (await other.query(
        `INSERT INTO articles (url, url_normalized, title, text, text_hash, status) VALUES ($1, $1, 'racing', 'racing text', md5(random()::text), 'extracted') RETURNING id`,
        ['https://elsewhere.example.org/racing-review'],
      )).rows;
      const [{ id: claimId }] = (await other.query(
        `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, category, checkworthiness, status)
         VALUES ($1, 0, 'racing text', 0, 11, 'statement', 1, 'published') RETURNING id`,
        [articleId],
      )).rows;
      await other.query(`INSERT INTO fact_checks (claim_id, url, url_normalized, claim_reviewed, raw) VALUES ($1, $2, $2, 'racing text', '{}')`, [claimId, racing.url]);
      const before = await counts();
      const pending = post(body).then((r) => r);
      await eventually(async () => {
        const [w] = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO fact_checks%'`,
        );
        return w.n > 0;
      }, 10_000, 'the import to wait on the other transaction at its fact_checks insert');
      await other.query('COMMIT');
      const res = await pending;
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('concurrent_update');
      // Only the other transaction's rows were added: no article, claim, fact-check or audit event of the import.
      expect(await counts()).toEqual({ ...before, articles: before.articles + 1, claims: before.claims + 1, fact_checks: before.fact_checks + 1 });
      const urls = body.map((r) => r.url);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM articles WHERE url = ANY($1)`, [urls]))[0].n).toBe(0);

      // Sent again: the url now stored is skipped, the three others are imported.
      const again = await post(body).expect(200);
      expect(again.body.imported).toBe(3);
      expect(again.body.skipped).toEqual([expect.objectContaining({ position: 2, reason: 'duplicate_url', detail: expect.stringMatching(/^already imported/) })]);
    } finally {
      await other.end();
    }
  });

  test('imported claims are listed, matchable like our own, and stay out of our verdict feed and ClaimReview output', async () => {
    const record = fresh({ claimReviewed: 'More than 12,000 people were evacuated from the valley after the dam warning.' });
    const { body } = await post([record]).expect(200);
    const claimId = body.factChecks[0].claimId as string;

    const listed = (await t.http.get('/v1/claims?status=published&limit=200').set(auth(consumer)).expect(200)).body;
    expect(listed.items.find((c: { id: string }) => c.id === claimId)).toMatchObject({ factCheck: { url: record.url }, verdict: null });

    const matches = (await t.http.post('/v1/claims/match').set(auth(editor)).send({ text: 'Some 12,000 people had to leave the valley after a warning about the dam.', publishedOnly: true }).expect(200)).body;
    expect(matches.items.map((m: { claim: { id: string } }) => m.claim.id)).toContain(claimId);
    expect(matches.items.find((m: { claim: { id: string } }) => m.claim.id === claimId).claim.factCheck).toMatchObject({ ratingName: 'Mostly false' });

    // A new article repeating the figure is linked to it at extraction, and the editor sees the other publisher's rating.
    const claims = await t.seed(editor, 'About 12,000 people were evacuated from the valley after the dam warning, officials said.');
    const linked = claims.find((c: { match: { claimId: string } | null }) => c.match?.claimId === claimId);
    expect(linked?.match).toMatchObject({ status: 'suggested', verdict: null, factCheck: { url: record.url, ratingName: 'Mostly false' } });

    expect((await counts()).verdicts).toBe(0);
    const feed = (await t.http.get('/v1/verdicts').set(auth(consumer)).expect(200)).body;
    expect(feed.items).toEqual([]);
    const reviews = (await t.http.get('/v1/claim-reviews').set(auth(consumer)).expect(200)).body;
    expect(reviews.items).toEqual([]);
    const single = await t.http.get(`/v1/claims/${claimId}/claim-review`).set(auth(consumer)).expect(404);
    expect(single.body.code).toBe('published_verdict_not_found');

    // The desk's claim view (staff): the same claim, no task, no proposal.
    const staff = (await t.http.get(`/v1/claims/${claimId}`).set(auth(editor)).expect(200)).body;
    expect(staff).toMatchObject({ status: 'published', verdict: null, factCheck: { url: record.url } });
    expect(staff.task ?? null).toBeNull();
    // Nothing for the review queue (only the seeded article's own claims are there), and a verdict of ours cannot be
    // "corrected" onto it: there is none.
    const queue = (await t.http.get('/v1/review-tasks/queue?limit=200').set(auth(editor)).expect(200)).body;
    expect(queue.items.map((task: { claimId: string }) => task.claimId)).not.toContain(claimId);
    const articles = (await t.http.get('/v1/articles?status=extracted&limit=200').set(auth(editor)).expect(200)).body;
    expect(articles.items.map((a: { id: string }) => a.id)).toContain(body.factChecks[0].articleId);
    const correction = await t.http.post(`/v1/claims/${claimId}/corrections`).set(auth(admin))
      .send({ rating: 'false', summary: 'Our own reading.', reason: 'We checked it ourselves.' });
    expect({ status: correction.status, code: correction.body.code }).toEqual({ status: 409, code: 'not_published' });
  });

  describe('the CLI (cli import-claimreview)', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'claimcheck-import-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    test('imports a file, prints what it did; --json prints the report; nothing to import exits 1; --dry-run writes nothing', async () => {
      const file = join(dir, 'reviews.jsonl');
      const records = [fresh(), fresh({ reviewRating: undefined }), fresh()];
      await writeFile(file, jsonLines(records));

      const dry = await runCli(['import-claimreview', file, '--dry-run', '--json']);
      expect(dry.code).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, importable: 2, imported: 0 });
      expect((await t.db.query(`SELECT count(*)::int AS n FROM fact_checks WHERE url = ANY($1)`, [records.map((r) => r.url)]))[0].n).toBe(0);

      const run = await runCli(['import-claimreview', file]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`import of ${file} (jsonl, 3 records): imported 2, skipped 0, invalid 1`);
      expect(run.stdout).toMatch(/invalid\s+line 2 \S+: missing_review_rating/);
      const [stored] = await t.db.query(`SELECT f.claim_id, f.imported_by, c.status FROM fact_checks f JOIN claims c ON c.id = f.claim_id WHERE f.url = $1`, [records[0].url]);
      expect(stored).toMatchObject({ status: 'published', imported_by: null });
      expect(run.stdout).toContain(`→ claim ${stored.claim_id}`);

      const again = await runCli(['import-claimreview', file, '--json']);
      expect(again.code).toBe(1);
      const report = JSON.parse(again.stdout);
      expect(report).toMatchObject({ imported: 0, importable: 0 });
      expect(report.skipped.map((s: { position: number; reason: string }) => [s.position, s.reason])).toEqual([[1, 'duplicate_url'], [3, 'duplicate_url']]);
      const againText = await runCli(['import-claimreview', file]);
      expect(againText.code).toBe(1);
      expect(againText.stdout).toMatch(/nothing could be imported/);
    }, 120_000); // five CLI processes, each booting Nest: slow on a loaded machine

    test('a file that is not JSON, or a missing FILE, fails with a message', async () => {
      const file = join(dir, 'notes.txt');
      await writeFile(file, 'some notes\nthat are not JSON\n');
      const bad = await runCli(['import-claimreview', file]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(`${file} is not a ClaimReview document`);
      const usage = await runCli(['import-claimreview']);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/import-claimreview needs a FILE/);
    }, 60_000);
  });
});
