import { HttpStatus, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { rows } from '../database/sql.js';
import type { Principal } from './auth.decorators.js';
import { checkPassword, hashPassword } from './passwords.js';
import { PrincipalCache } from './principal-cache.service.js';
import { UseRecorder } from './use-recorder.js';
import type { SessionDto } from './session.dto.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { hashToken } from './tokens.service.js';
import type { Role } from './user.entity.js';

/** last_seen_at is written at most this often per session (as api_tokens.last_used_at): idle expiry is that precise. */
const LAST_SEEN_RESOLUTION_SECONDS = 60;

export type SessionEndReason = 'signed_out' | 'password_changed' | 'password_reset' | 'user_disabled' | 'replaced';

/** A session cookie's check: the principal and its CSRF token, or why it does not authenticate. */
export type SessionCheck =
  | { ok: true; principal: Principal & { sessionId: string }; csrfToken: string }
  | { ok: false; reason: 'unknown' | 'ended' | 'idle' | 'absolute' };

export interface SignedIn {
  secret: string;
  session: SessionDto;
  /** Absolute expiry, for the cookie. */
  cookieExpiresAt: Date;
}

/** A live session as PrincipalCache keeps it (times in ms since epoch). */
interface CachedSession {
  principal: Principal & { sessionId: string };
  csrfToken: string;
  expiresAt: number;
  /** last_seen_at when it was looked up, or when this process last recorded a use (ms since epoch); past the idle limit by it, the session is looked up again. */
  lastSeen: number;
}

const invalidCredentials = () =>
  new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_credentials', 'The name or the password is wrong.');

/** Desk sign-in: passwords, sessions and their cookies' secrets. Machines keep bearer tokens (TokensService). */
@Injectable()
export class SessionsService implements OnModuleDestroy {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly throttle: SignInThrottle,
    private readonly config: AppConfig,
    private readonly cache: PrincipalCache,
  ) {}

  /**
   * One answer for an unknown name, a user without a password, a disabled user and a wrong password (401
   * invalid_credentials), in about the same time (checkPassword hashes against a dummy when there is nothing to
   * check). A consumer with the right password is told it cannot use the desk (403). `replacing`: the secret of a
   * session cookie the browser already had, ended in favour of the new one.
   */
  async signIn(name: string, password: string, client: { address: string; userAgent: string | null; replacing: string | null }): Promise<SignedIn> {
    const [user] = await rows<{ id: string; role: Role; password_hash: string | null; disabled: boolean }>(
      this.db,
      `SELECT id, role, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE name = $1`,
      [name],
    );
    const attempt = await this.throttle.begin(name, client.address, user?.id ?? null);
    const matches = await checkPassword(user?.password_hash, password);
    if (!user || !matches || user.disabled) {
      await this.throttle.finish(attempt, 'invalid_credentials', null);
      // Slowed, then refused: each recent failure doubles the wait before this answer (the lockout refuses later).
      const delay = await this.throttle.failureDelayMs(name, client.address);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      throw invalidCredentials();
    }
    if (user.role === 'consumer') {
      await this.throttle.finish(attempt, 'role_refused', null);
      throw new ProblemException(HttpStatus.FORBIDDEN, 'desk_not_allowed', 'Consumers cannot sign in to the desk; use a bearer token for the API.');
    }
    const created = await this.db.transaction(async (tx) => {
      if (client.replacing) await this.endBySecret(tx, client.replacing, 'replaced');
      await tx.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [user.id]);
      return this.create(tx, user.id, client);
    });
    await this.throttle.finish(attempt, 'success', null);
    return created;
  }

  /**
   * Who the cookie's session is: from PrincipalCache, else one indexed query; records its use at most once a minute.
   * A cached session that looks idle or past its absolute expiry by this process's knowledge is looked up again
   * (another process may have seen it used since), so Postgres decides every expiry. `touch: false` (the rechecks of
   * an open event stream) leaves last_seen_at alone: an open tab must not keep an idle session alive.
   */
  async authenticate(secret: string, { touch = true }: { touch?: boolean } = {}): Promise<SessionCheck> {
    const key = `session:${hashToken(secret)}`;
    const idleMs = this.config.SESSION_IDLE_MINUTES * 60_000;
    let refused: SessionCheck | null = null;
    const live = await this.cache.get<CachedSession>(
      key,
      async () => {
        const looked = await this.lookUp(secret);
        if ('reason' in looked) refused = looked;
        return 'reason' in looked ? null : looked;
      },
      (s) => Date.now() < s.expiresAt && Date.now() - s.lastSeen < idleMs,
    );
    if (!live) return refused ?? { ok: false, reason: 'unknown' };
    // Due by what this process knows (as before the cache: a session used within the minute is not written again).
    if (touch && Date.now() - live.lastSeen >= LAST_SEEN_RESOLUTION_SECONDS * 1000) {
      this.uses.mark(live.principal.sessionId);
      this.cache.update<CachedSession>(key, (s) => (s.lastSeen = Date.now()));
    }
    return { ok: true, csrfToken: live.csrfToken, principal: { ...live.principal } };
  }

  /** One indexed query: the live session, or why it does not authenticate. */
  private async lookUp(secret: string): Promise<CachedSession | { ok: false; reason: 'unknown' | 'ended' | 'idle' | 'absolute' }> {
    const [row] = await rows<{
      id: string; csrf_token: string; user_id: string; name: string; role: Role; must_change_password: boolean;
      ended: boolean; absolute: boolean; idle: boolean; expires_at: Date; last_seen_at: Date;
    }>(
      this.db,
      `SELECT s.id, s.csrf_token, u.id AS user_id, u.name, u.role, u.must_change_password,
              s.revoked_at IS NOT NULL OR u.disabled_at IS NOT NULL AS ended,
              s.expires_at <= now() AS absolute,
              s.last_seen_at <= now() - make_interval(mins => $2) AS idle,
              s.expires_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.secret_hash = $1`,
      [hashToken(secret), this.config.SESSION_IDLE_MINUTES],
    );
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.ended) return { ok: false, reason: 'ended' };
    if (row.absolute) return { ok: false, reason: 'absolute' };
    if (row.idle) return { ok: false, reason: 'idle' };
    return {
      csrfToken: row.csrf_token,
      principal: { userId: row.user_id, name: row.name, role: row.role, tokenId: null, sessionId: row.id, mustChangePassword: row.must_change_password },
      expiresAt: row.expires_at.getTime(),
      lastSeen: row.last_seen_at.getTime(),
    };
  }

  /** What the desk needs to know about its session (after a reload: the CSRF token). */
  async describe(sessionId: string, db: DataSource | EntityManager = this.db): Promise<SessionDto> {
    const [row] = await rows<{ id: string; name: string; role: Role; csrf_token: string; must_change_password: boolean; expires_at: Date }>(
      db,
      `SELECT u.id, u.name, u.role, s.csrf_token, u.must_change_password,
              least(greatest(s.last_seen_at, now() - make_interval(secs => $3)) + make_interval(mins => $2), s.expires_at) AS expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [sessionId, this.config.SESSION_IDLE_MINUTES, LAST_SEEN_RESOLUTION_SECONDS],
    );
    return {
      user: { id: row.id, name: row.name, role: row.role },
      csrfToken: row.csrf_token,
      mustChangePassword: row.must_change_password,
      expiresAt: row.expires_at.toISOString(),
    };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.cache.after(this.db.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'signed_out' WHERE id = $1 AND revoked_at IS NULL`, [sessionId]));
  }

  /**
   * The signed-in person sets their own password (required after a one-time password). The current password is
   * checked like a sign-in (counted against the lockout: a borrowed session cannot be used to guess it). Every
   * session of theirs ends, this one included: it is replaced, in the same transaction, by a new one (new cookie
   * secret, new CSRF token), so whatever knew the session made with the one-time password cannot use it any more.
   */
  async changePassword(
    principal: Principal & { sessionId: string },
    currentPassword: string,
    newPassword: string,
    client: { address: string; userAgent: string | null },
  ): Promise<SignedIn> {
    const address = client.address;
    const [user] = await rows<{ password_hash: string | null }>(this.db, `SELECT password_hash FROM users WHERE id = $1`, [principal.userId]);
    const attempt = await this.throttle.begin(principal.name, address, principal.userId);
    if (!(await checkPassword(user?.password_hash, currentPassword))) {
      await this.throttle.finish(attempt, 'invalid_credentials', null);
      throw new ProblemException(HttpStatus.FORBIDDEN, 'wrong_current_password', 'currentPassword is not your current password.');
    }
    await this.throttle.finish(attempt, 'success', null);
    if (newPassword === currentPassword) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'password_unchanged', 'newPassword must differ from the current password.');
    }
    const hashed = await hashPassword(newPassword);
    return this.cache.after(this.db.transaction(async (tx) => {
      await tx.query(`UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now() WHERE id = $1`, [principal.userId, hashed]);
      // The other sessions count as ended; this one is replaced.
      const ended = (await this.endForUser(tx, principal.userId, 'password_changed', principal.sessionId));
      await tx.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'replaced' WHERE id = $1 AND revoked_at IS NULL`, [principal.sessionId]);
      await this.audit.record(tx, {
        entityType: 'user', entityId: principal.userId, action: 'user.password_changed', actorId: principal.userId, changes: { sessionsEnded: ended },
      });
      return this.create(tx, principal.userId, client);
    }));
  }

  /** Ends every live session of a user (but `except`), in the caller's transaction; how many it ended. */
  async endForUser(tx: EntityManager, userId: string, reason: SessionEndReason, except: string | null = null): Promise<number> {
    const ended = await rows(
      tx,
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
      [userId, reason, except],
    );
    return ended.length;
  }

  private async endBySecret(tx: EntityManager, secret: string, reason: SessionEndReason): Promise<void> {
    await tx.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE secret_hash = $1 AND revoked_at IS NULL`, [hashToken(secret), reason]);
  }

  private async create(tx: EntityManager, userId: string, client: { address: string; userAgent: string | null }): Promise<SignedIn> {
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const [row] = await rows<{ id: string; expires_at: Date }>(
      tx,
      `INSERT INTO sessions (user_id, secret_hash, csrf_token, expires_at, address, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6) RETURNING id, expires_at`,
      [userId, hashToken(secret), csrfToken, this.config.SESSION_ABSOLUTE_HOURS, client.address, client.userAgent?.slice(0, 500) ?? null],
    );
    const session = await this.describe(row.id, tx);
    return { secret, session, cookieExpiresAt: row.expires_at };
  }

  /** One statement for the sessions used in the last second; its WHERE repeats the staleness test (see UseRecorder). */
  private readonly uses = new UseRecorder(
    (ids) =>
      this.db.query(
        `UPDATE sessions SET last_seen_at = now() WHERE id = ANY($1::uuid[]) AND last_seen_at < now() - make_interval(secs => $2)`,
        [ids, LAST_SEEN_RESOLUTION_SECONDS],
      ),
    (err) => this.logger.warn(`could not record the last use of sessions: ${String(err)}`),
  );

  onModuleDestroy(): void {
    this.uses.stop();
  }
}
