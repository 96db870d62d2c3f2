import { HttpStatus, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound, ProblemException } from '../common/problem.js';
import { rows } from '../database/sql.js';
import type { Principal } from './auth.decorators.js';
import { PrincipalCache } from './principal-cache.service.js';
import { UseRecorder } from './use-recorder.js';
import type { TokenDto } from './tokens.dto.js';
import type { Role } from './user.entity.js';

const TOKEN_PREFIX = 'cc_';

/**
 * last_used_at is written at most this often per token. A write on every request would turn every read into a
 * write (WAL, dead row versions on a hot row, row-lock waits between concurrent requests with one token); to tell
 * a token in use from an abandoned one before revoking it, a minute is precise enough.
 */
const LAST_USED_RESOLUTION_SECONDS = 60;

/** A token's principal as PrincipalCache keeps it. */
interface CachedToken {
  principal: Principal & { tokenId: string };
  /** ms since epoch; null: it does not expire. */
  expiresAt: number | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class TokensService implements OnModuleDestroy {
  private readonly logger = new Logger(TokensService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly cache: PrincipalCache,
  ) {}

  /**
   * Creates the user if needed (same name, same role) and a new token for it. The clear token is returned once.
   * `expiresAt`: from then on the token is refused (null: it does not expire).
   */
  async create(
    name: string,
    role: Role,
    tokenName = 'default',
    actorId: string | null = null,
    expiresAt: Date | null = null,
  ): Promise<{ token: string; tokenId: string; userId: string; expiresAt: Date | null }> {
    return this.db.transaction(async (tx) => {
      const [user] = await tx.query(
        `INSERT INTO users (name, role) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
         RETURNING id, role, disabled_at IS NOT NULL AS disabled`,
        [name, role],
      );
      if (user.role !== role) {
        throw conflict('role_mismatch', `User ${name} already exists with the role ${user.role}.`, { currentRole: user.role });
      }
      if (user.disabled) throw conflict('user_disabled', `User ${name} is disabled; enable them first (PATCH /v1/users/:id).`);
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const [row] = await tx.query(
        `INSERT INTO api_tokens (user_id, name, token_hash, prefix, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [user.id, tokenName, hashToken(token), token.slice(0, TOKEN_PREFIX.length + 6), expiresAt],
      );
      await this.audit.record(tx, {
        entityType: 'token', entityId: row.id, action: 'token.created', actorId,
        changes: { user: name, role, label: tokenName, expiresAt: expiresAt?.toISOString() ?? null },
      });
      return { token, tokenId: row.id, userId: user.id, expiresAt };
    });
  }

  list(): Promise<TokenDto[]> {
    return this.db.query(
      `SELECT t.id, t.user_id AS "userId", u.name, u.role, t.name AS label, t.prefix, t.created_at AS "createdAt", t.revoked_at AS "revokedAt",
              t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt"
         FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.created_at DESC`,
    );
  }

  /** Effective at once, in every API process: the trigger's notification empties their PrincipalCache, and the answer waits for them (settle). */
  async revoke(tokenId: string, actorId: string): Promise<void> {
    await this.cache.after(this.db.transaction(async (tx) => {
      const revoked = await rows(tx, `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [tokenId]);
      if (revoked.length === 0) {
        const exists = await tx.query(`SELECT 1 FROM api_tokens WHERE id = $1`, [tokenId]);
        if (exists.length === 0) throw notFound('token', tokenId);
        return;
      }
      await this.audit.record(tx, { entityType: 'token', entityId: tokenId, action: 'token.revoked', actorId });
    }));
  }

  /**
   * Who the token is: from PrincipalCache, else one indexed lookup (unique index on token_hash). null for an unknown,
   * revoked or disabled token; an expired one is a 401 of its own, so its holder knows to ask for a new token rather
   * than suspect a typo (a cached token past its expiry is looked up again, and Postgres says so). `touch: false` does
   * not record the use (rechecks of an open event stream).
   */
  onModuleDestroy(): void {
    this.uses.stop();
  }

  async authenticate(token: string, { touch = true }: { touch?: boolean } = {}): Promise<Principal | null> {
    const hash = hashToken(token);
    const key = `token:${hash}`;
    const found = await this.cache.get<CachedToken>(key, () => this.lookUp(hash), (t) => t.expiresAt === null || t.expiresAt > Date.now());
    if (!found) return null;
    if (touch) this.uses.mark(found.principal.tokenId);
    return { ...found.principal };
  }

  private async lookUp(hash: string): Promise<CachedToken | null> {
    const rows: Array<{ token_id: string; user_id: string; name: string; role: Role; expires_at: Date | null; expired: boolean; }> =
      await this.db.query(
        `SELECT t.id AS token_id, u.id AS user_id, u.name, u.role, t.expires_at, t.expires_at <= now() AS expired
           FROM api_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
        [hash],
      );
    const row = rows[0];
    if (!row) return null;
    if (row.expired) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'token_expired',
        `The bearer token expired at ${row.expires_at!.toISOString()}; ask an admin for a new one (POST /v1/tokens or cli token create).`,
      );
    }
    return {
      principal: { tokenId: row.token_id, userId: row.user_id, name: row.name, role: row.role },
      expiresAt: row.expires_at?.getTime() ?? null,
    };
  }

  /** One statement for the tokens used in the last second; its WHERE repeats the staleness test (see UseRecorder). */
  private readonly uses = new UseRecorder(
    (ids) =>
      this.db.query(
        `UPDATE api_tokens SET last_used_at = now()
          WHERE id = ANY($1::uuid[]) AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
        [ids, LAST_USED_RESOLUTION_SECONDS],
      ),
    (err) => this.logger.warn(`could not record the last use of tokens: ${String(err)}`),
  );
}
