/**
 * The bare floor of the hot-path benchmark (issue 14): Fastify + pg + BullMQ, no Nest, no ORM, doing the work the
 * service does on its hot paths with the service's own SQL fragments (CLAIM_SELECT, CLAIM_COLUMNS, the lease UPDATE)
 * and its pure helpers (extractor, language detection, text hash, priority, claim view), so the ratio measures what the
 * framework, the ORM and extra statements cost, not different work.
 *
 *   POST /v1/articles               token lookup; article + revision + one audit row in a transaction; then enqueue
 *                                   `extract-article` (job id per article, as the service does)
 *   worker                          mark extracting; extract (on this thread); lock the row; multi-row INSERT of the
 *                                   claims and of the review tasks; article and revision marked extracted; one audit
 *                                   row for the article. Not done here: claim matching, webhook outbox, per-claim audit.
 *   GET /v1/claims/:id              token lookup (same SQL as TokensService.authenticate); the claim (CLAIM_SELECT,
 *                                   consumer scope) and its sources; ETag from id and version
 *   POST /v1/review-tasks/lease     token lookup; the service's lease UPDATE … SKIP LOCKED; claim → in_review;
 *                                   two audit rows in one INSERT; the task with its claim read back (named statements,
 *                                   prepared once per connection, as the service prepares its lease statement)
 *   POST /v1/claims/:id/verdict     token lookup; the task locked and its lease checked; verdict inserted; task done;
 *                                   claim → awaiting_approval; three audit rows in one INSERT
 *
 * Env: DATABASE_URL, REDIS_URL, QUEUE_PREFIX, PORT (0: any; the port is printed as `listening <port>`),
 * FLOOR_CONCURRENCY (BullMQ concurrency, default 2), FLOOR_POOL (pg pool, default 10 as the service),
 * FLOOR_RATE_LIMIT=1 adds the service's per-request Redis count (INCR + PEXPIRE) for consumers.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { extractClaims, EXTRACTOR_VERSION, type ClaimCategory } from '../../src/extractor/index.js';
import { detectLanguage } from '../../src/articles/language.js';
import { textHash } from '../../src/articles/normalize.js';
import { CLAIM_COLUMNS, claimRow } from '../../src/extraction/claim-rows.js';
import { CLAIM_SELECT, toClaimDto } from '../../src/claims/claim.view.js';
import { authenticate as authenticateToken, HttpError, readClaim, STAFF, type Principal } from './claim-read.js';
import { basePriority, rank } from '../../src/review/priority.js';

const env = process.env;
const DATABASE_URL = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimcheck';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = env.QUEUE_PREFIX ?? `cc-floor-${process.pid}`;
const CONCURRENCY = Number(env.FLOOR_CONCURRENCY ?? 2);
const RATE_LIMIT = env.FLOOR_RATE_LIMIT === '1';
// The service's defaults (src/config/config.ts).
const THRESHOLD = 0.3;
const AGING = 0.02;
const DUE_HOURS = 48;
const LEASE_SECONDS = 1800;

pg.types.setTypeParser(20, (v) => v); // bigint as text, as the service reads seq
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(env.FLOOR_POOL ?? 10) });
const redisOpts = () => {
  const u = new URL(REDIS_URL);
  return { host: u.hostname, port: Number(u.port || 6379), db: Number(u.pathname.slice(1) || 0), password: u.password || undefined, maxRetriesPerRequest: null };
};
const queue = new Queue('extraction', { connection: redisOpts(), prefix: PREFIX });
const limiter = RATE_LIMIT ? new Redis(redisOpts()) : null;

const readLimiter = limiter ? { redis: limiter, prefix: PREFIX } : null;
const authenticate = (header: string | undefined): Promise<Principal> => authenticateToken(pool, header, readLimiter);

function requireStaff(p: Principal): void {
  if (!STAFF[p.role]) throw new HttpError(403, 'forbidden');
}

/** One transaction on one pooled client. */
async function tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/** Multi-row INSERT: `rows` values, one placeholder each. */
function multiRow(table: string, columns: readonly string[], rows: unknown[][], suffix = ''): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const tuples = rows.map((r) => `(${r.map((v) => { values.push(v); return `$${values.length}`; }).join(', ')})`);
  return { text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, values };
}
const AUDIT_COLUMNS = ['entity_type', 'entity_id', 'action', 'claim_id', 'actor_id', 'from_status', 'to_status', 'reason', 'changes'];

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
app.setErrorHandler((err, _req, reply) => {
  const status = err instanceof HttpError ? err.status : (err as { statusCode?: number }).statusCode ?? 500;
  if (status >= 500) console.error(err);
  void reply.status(status).type('application/problem+json').send({ status, code: err instanceof HttpError ? err.code : 'error', detail: String((err as Error).message) });
});

// An empty JSON body is no body (as express.json() takes it): POST /v1/review-tasks/lease sends none.
app.removeContentTypeParser('application/json');
app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
  if (body === '') return done(null, undefined);
  try {
    done(null, JSON.parse(body as string));
  } catch (err) {
    (err as { statusCode?: number }).statusCode = 400;
    done(err as Error, undefined);
  }
});

app.get('/health', async () => ({ status: 'ok' }));

app.post<{ Body: { title?: unknown; text?: unknown; publishedAt?: unknown; publisher?: unknown } }>('/v1/articles', async (req, reply) => {
  const p = await authenticate(req.headers.authorization);
  requireStaff(p);
  const { title, text, publishedAt, publisher } = req.body ?? {};
  if (typeof title !== 'string' || typeof text !== 'string' || !text.trim()) throw new HttpError(400, 'validation_failed');
  const hash = textHash(text);
  const detected = detectLanguage(text);
  const inserted = await tx(async (c) => {
    const { rows } = await c.query(
      `INSERT INTO articles (title, publisher, published_at, text, text_hash, status, created_by, language, time_zone)
       VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, coalesce((SELECT p.time_zone FROM publishers p WHERE lower(p.name) = lower($2)), 'UTC'))
       ON CONFLICT DO NOTHING RETURNING id, status`,
      [title, typeof publisher === 'string' ? publisher : null, typeof publishedAt === 'string' ? publishedAt : null, text, hash, p.userId, detected.language],
    );
    if (!rows[0]) return null;
    await c.query(`INSERT INTO article_revisions (article_id, revision, title, text, text_hash, created_by) VALUES ($1, 1, $2, $3, $4, $5)`,
      [rows[0].id, title, text, hash, p.userId]);
    const audit = multiRow('audit_events', AUDIT_COLUMNS, [['article', rows[0].id, 'article.ingested', null, p.userId, null, 'queued', null,
      JSON.stringify({ title, language: detected.language, revision: 1, languageSource: 'detected' })]]);
    await c.query(audit.text, audit.values);
    return rows[0] as { id: string; status: string };
  });
  if (!inserted) {
    const { rows } = await pool.query(`SELECT id, status FROM articles WHERE text_hash = $1`, [hash]);
    return reply.status(200).send({ ...rows[0], created: false });
  }
  await queue.add('extract-article', { articleId: inserted.id }, {
    jobId: `extract-article-${inserted.id}`, attempts: 5, backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 },
  });
  return reply.status(202).send({ id: inserted.id, status: inserted.status, created: true, revised: false, revision: 1 });
});

async function extractArticle(articleId: string): Promise<void> {
  const { rows: [article] } = await pool.query(
    `UPDATE articles SET status = 'extracting', updated_at = now() WHERE id = $1 AND status IN ('queued', 'extracting')
     RETURNING text, published_at, time_zone, revision`,
    [articleId],
  );
  if (!article) return;
  const claims = extractClaims(article.text, { publishedAt: article.published_at ?? undefined, timeZone: article.time_zone, onSentenceError: () => undefined });
  await tx(async (c) => {
    const { rows: [cur] } = await c.query(`SELECT status, revision FROM articles WHERE id = $1 FOR UPDATE`, [articleId]);
    if (!cur || cur.status !== 'extracting' || cur.revision !== article.revision) return;
    const inserted: Array<{ id: string; status: string; checkworthiness: number; category: ClaimCategory }> = [];
    for (let i = 0; i < claims.length; i += 1000) {
      const batch = claims.slice(i, i + 1000).map((cl, k) => {
        const status = cl.checkworthiness >= THRESHOLD ? 'queued' : 'dismissed';
        return [...claimRow(articleId, i + k, cl, status, status === 'dismissed' ? 'low_checkworthiness' : null), article.revision];
      });
      const q = multiRow('claims', [...CLAIM_COLUMNS, 'revision'], batch, 'ON CONFLICT (article_id, ordinal) DO NOTHING RETURNING id, status, checkworthiness, category');
      inserted.push(...(await c.query(q.text, q.values)).rows);
    }
    const queued = inserted.filter((x) => x.status === 'queued');
    if (queued.length > 0) {
      const now = new Date();
      const due = new Date(now.getTime() + DUE_HOURS * 3_600_000);
      const q = multiRow('review_tasks', ['claim_id', 'status', 'priority', 'rank', 'due_at', 'created_at'], queued.map((x) => {
        const base = basePriority(x.checkworthiness, x.category);
        return [x.id, 'open', base, rank(base, now, AGING), due, now];
      }), 'ON CONFLICT DO NOTHING');
      await c.query(q.text, q.values);
    }
    await c.query(`UPDATE articles SET status = 'extracted', extracted_at = now(), extractor_version = $2, failure_reason = NULL, skipped_sentences = 0, updated_at = now() WHERE id = $1`,
      [articleId, EXTRACTOR_VERSION]);
    const changes = { revision: article.revision, kept: 0, added: inserted.length, superseded: 0, gone: 0 };
    await c.query(`UPDATE article_revisions SET extracted_at = now(), extractor_version = $3, changes = $4 WHERE article_id = $1 AND revision = $2`,
      [articleId, article.revision, EXTRACTOR_VERSION, JSON.stringify(changes)]);
    const audit = multiRow('audit_events', AUDIT_COLUMNS, [['article', articleId, 'article.extracted', null, null, 'extracting', 'extracted', null,
      JSON.stringify({ claims: inserted.length, queued: queued.length, extractorVersion: EXTRACTOR_VERSION, ...changes })]]);
    await c.query(audit.text, audit.values);
  });
}

const worker = new Worker('extraction', async (job) => extractArticle((job.data as { articleId: string }).articleId), {
  connection: redisOpts(), prefix: PREFIX, concurrency: CONCURRENCY,
});
worker.on('error', (err) => console.error('worker', err));

app.get<{ Params: { id: string } }>('/v1/claims/:id', async (req, reply) => {
  const { etag, body } = await readClaim(pool, await authenticate(req.headers.authorization), req.params.id);
  void reply.header('ETag', etag);
  return body;
});

app.post('/v1/review-tasks/lease', async (_req, reply) => {
  const p = await authenticate(_req.headers.authorization);
  requireStaff(p);
  // Named (prepared once per pooled connection) as the service's lease statement is (preparedRows).
  const task = await tx(async (c) => {
    const { rows: [leased] } = await c.query({
      name: 'floor_lease_pick',
      text: `UPDATE review_tasks t
          SET status = 'leased', leased_by = $1, lease_expires_at = now() + make_interval(secs => $2), updated_at = now()
        WHERE t.id = COALESCE(
          (SELECT id FROM review_tasks WHERE status = 'open' AND assigned_to = $1 ORDER BY rank DESC LIMIT 1 FOR UPDATE SKIP LOCKED),
          (SELECT id FROM review_tasks WHERE status = 'open' AND assigned_to IS NULL ORDER BY rank DESC LIMIT 1 FOR UPDATE SKIP LOCKED))
        RETURNING t.id, t.claim_id`,
      values: [p.userId, LEASE_SECONDS],
    });
    if (!leased) return null;
    // \`status || ''\`: by primary key, as the service does (with stale statistics Postgres would otherwise read every
    // queued claim through claims_status_seq_idx to find this one).
    const { rowCount } = await c.query({
      name: 'floor_lease_claim',
      text: `UPDATE claims SET status = 'in_review', status_reason = NULL, version = version + 1, updated_at = now() WHERE id = $1 AND status || '' = 'queued'`,
      values: [leased.claim_id],
    });
    if (rowCount !== 1) throw new HttpError(409, 'invalid_transition');
    const audit = multiRow('audit_events', AUDIT_COLUMNS, [
      ['claim', leased.claim_id, 'claim.leased', leased.claim_id, p.userId, 'queued', 'in_review', null, null],
      ['review_task', leased.id, 'task.leased', leased.claim_id, p.userId, 'open', 'leased', null, null],
    ]);
    await c.query({ name: 'floor_lease_audit', text: audit.text, values: audit.values });
    const { rows: [row] } = await c.query({
      name: 'floor_lease_read',
      text: `SELECT t.id AS task_id, t.status AS task_status, t.priority AS base_priority, t.lease_expires_at, t.due_at, ${CLAIM_SELECT}
         FROM review_tasks t JOIN claims c ON c.id = t.claim_id LEFT JOIN verdicts v ON v.claim_id = c.id AND v.status = 'published'
        WHERE t.id = $1`,
      values: [leased.id],
    });
    return { id: row.task_id, claimId: row.id, status: row.task_status, basePriority: row.base_priority, leasedBy: p.userId,
      leaseExpiresAt: row.lease_expires_at.toISOString(), dueAt: row.due_at.toISOString(), claim: toClaimDto(row, true) };
  });
  if (!task) return reply.status(204).send();
  return task;
});

app.post<{ Params: { id: string }; Body: { rating?: unknown; summary?: unknown; sourceIds?: unknown } }>('/v1/claims/:id/verdict', async (req, reply) => {
  const p = await authenticate(req.headers.authorization);
  requireStaff(p);
  const claimId = req.params.id;
  const { rating, summary, sourceIds } = req.body ?? {};
  if (typeof rating !== 'string' || typeof summary !== 'string' || !Array.isArray(sourceIds)) throw new HttpError(400, 'validation_failed');
  if (rating !== 'unverifiable' && sourceIds.length === 0) throw new HttpError(422, 'sources_required');
  const verdict = await tx(async (c) => {
    const { rows: [task] } = await c.query(
      `SELECT id, status, leased_by, lease_expires_at < now() AS expired FROM review_tasks WHERE claim_id = $1 AND status IN ('open', 'leased') FOR UPDATE`,
      [claimId]);
    if (!task || task.status !== 'leased') throw new HttpError(409, 'lease_required');
    if (task.leased_by !== p.userId) throw new HttpError(409, 'lease_held_by_other');
    if (task.expired) throw new HttpError(409, 'lease_expired');
    const { rows: [v] } = await c.query(
      `INSERT INTO verdicts (claim_id, version, rating, summary, source_ids, status, author_id)
       VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM verdicts WHERE claim_id = $1), $2, $3, $4, 'proposed', $5)
       RETURNING id, claim_id AS "claimId", version, rating, summary, source_ids AS "sourceIds", status, author_id AS "authorId", created_at AS "createdAt"`,
      [claimId, rating, summary, sourceIds, p.userId]);
    await c.query(`UPDATE review_tasks SET status = 'done', completed_at = now(), updated_at = now() WHERE id = $1`, [task.id]);
    const { rowCount } = await c.query(
      `UPDATE claims SET status = 'awaiting_approval', status_reason = NULL, version = version + 1, updated_at = now() WHERE id = $1 AND status = 'in_review'`,
      [claimId]);
    if (rowCount !== 1) throw new HttpError(409, 'invalid_transition');
    const audit = multiRow('audit_events', AUDIT_COLUMNS, [
      ['claim', claimId, 'claim.verdict_proposed', claimId, p.userId, 'in_review', 'awaiting_approval', null, null],
      ['review_task', task.id, 'task.completed', claimId, p.userId, 'leased', 'done', null, null],
      ['verdict', v.id, 'verdict.proposed', claimId, p.userId, null, 'proposed', null, JSON.stringify({ rating, summary, version: v.version, sourceIds })],
    ]);
    await c.query(audit.text, audit.values);
    return v;
  });
  return reply.status(201).send({ ...verdict, authorName: p.name });
});

const address = await app.listen({ port: Number(env.PORT ?? 0), host: '127.0.0.1' });
console.log(`listening ${new URL(address).port}`);

async function shutdown(): Promise<void> {
  await app.close();
  await worker.close();
  await queue.close();
  await limiter?.quit();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
