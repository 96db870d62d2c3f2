/**
 * The floor's token lookup and claim read (GET /v1/claims/:id), shared by the floor server (Fastify, no Nest) and the
 * platform bench's minimal Nest app (bench/platform/server.ts), so both do exactly the same work per request.
 */
import type pg from 'pg';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { CLAIM_FROM, CLAIM_SELECT, citedSources, toClaimDto, type ClaimRow } from '../../src/claims/claim.view.js';

export type Role = 'admin' | 'approver' | 'editor' | 'consumer';
export interface Principal { tokenId: string; userId: string; name: string; role: Role }
export const STAFF: Record<Role, boolean> = { admin: true, approver: true, editor: true, consumer: false };

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string) { super(code); }
}

/** The same SQL as TokensService's lookup (no cache); `limiter`: the service's per-request Redis count for consumers. */
export async function authenticate(pool: pg.Pool, header: string | undefined, limiter: { redis: Redis; prefix: string } | null = null): Promise<Principal> {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) throw new HttpError(401, 'unauthorized');
  const { rows } = await pool.query(
    `SELECT t.id AS token_id, u.id AS user_id, u.name, u.role, t.expires_at,
            t.expires_at <= now() AS expired,
            t.last_used_at IS NULL OR t.last_used_at < now() - make_interval(secs => $2) AS last_use_stale
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [createHash('sha256').update(token).digest('hex'), 60],
  );
  const row = rows[0];
  if (!row) throw new HttpError(401, 'unauthorized');
  if (row.expired) throw new HttpError(401, 'token_expired');
  if (row.last_use_stale) {
    pool.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => 60))`, [row.token_id])
      .catch(() => undefined);
  }
  const p: Principal = { tokenId: row.token_id, userId: row.user_id, name: row.name, role: row.role };
  if (limiter && p.role === 'consumer') {
    const key = `${limiter.prefix}:ratelimit:${p.tokenId}:${Math.floor(Date.now() / 60_000)}`;
    await limiter.redis.multi().incr(key).pexpire(key, 120_000).exec();
  }
  return p;
}

/** One claim as the caller may see it, with its sources, and its ETag (from id and version). */
export async function readClaim(pool: pg.Pool, p: Principal, id: string): Promise<{ etag: string; body: object }> {
  const staff = STAFF[p.role];
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new HttpError(400, 'validation_failed');
  const { rows: [row] } = await pool.query<ClaimRow>(
    `SELECT ${CLAIM_SELECT} FROM ${CLAIM_FROM} WHERE c.id = $1 AND ${staff ? 'true' : `c.status IN ('published')`}`, [id]);
  if (!row) throw new HttpError(404, 'not_found');
  const { rows: all } = await pool.query(
    `SELECT id, claim_id AS "claimId", url, title, publisher, source_type AS "sourceType", published_at AS "publishedAt", excerpt,
            stance, cites_source_id AS "citesSourceId", created_at AS "createdAt"
       FROM sources WHERE claim_id = $1 ORDER BY created_at, id`, [id]);
  const sources = staff ? all : citedSources(all, row.verdict_source_ids);
  return { etag: `"${row.version}-${row.id}"`, body: { ...toClaimDto(row, staff), sources } };
}
