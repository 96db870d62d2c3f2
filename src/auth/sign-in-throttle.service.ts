import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { decodeCursor, encodeCursor } from '../common/pagination.js';
import { rows, SqlFilter } from '../database/sql.js';
import type { SignInOutcome } from './sign-in-attempt.entity.js';
import type { ListSignInAttemptsQuery, SignInAttemptDto, SignInAttemptPageDto } from './session.dto.js';

/** Advisory lock classes (pg_advisory_xact_lock(class, hashtext(key))): one per kind of key. */
const LOCK_NAME = 0x5349_0001;
const LOCK_ADDRESS = 0x5349_0002;

/** The longest a failed sign-in is held before its answer. */
export const SIGN_IN_MAX_DELAY_MS = 4000;

/** Outcomes that count against a name and an address: a wrong guess, or one whose outcome is not known yet. */
const FAILED = `outcome IN ('pending', 'invalid_credentials')`;

/**
 * Sign-in attempts, recorded in Postgres (table sign_in_attempts): the audit of every attempt and the lockout.
 *
 * A name with SIGN_IN_MAX_FAILURES_PER_NAME failures within SIGN_IN_WINDOW_MINUTES (since its last successful
 * sign-in), or an address with SIGN_IN_MAX_FAILURES_PER_ADDRESS failures (whatever the names; a success does not
 * clear it, or one known account would reset the count for guessing others), is refused with 429 and Retry-After
 * until enough of those failures leave the window. Refused attempts are recorded but not counted, so the lockout
 * ends on time even while someone keeps trying.
 *
 * An attempt is recorded as `pending` (which counts as a failure) before the password is checked, under
 * transaction-scoped advisory locks on its name and address: parallel guesses each see the ones before them, so a
 * burst cannot slip past the limit while the hashes are being computed.
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger(SignInThrottle.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Records the attempt; its id, to give it an outcome with finish(). Throws 429 (recorded as throttled) while locked out. */
  async begin(name: string, address: string, userId: string | null): Promise<string> {
    const result = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2)), pg_advisory_xact_lock($3, hashtext($4))`, [LOCK_NAME, name, LOCK_ADDRESS, address]);
      const lock = await this.lockedUntil(tx, name, address);
      const [row] = await rows<{ id: string; now: Date }>(
        tx,
        `INSERT INTO sign_in_attempts (name, address, user_id, outcome) VALUES ($1, $2, $3, $4) RETURNING id::text, now() AS now`,
        [name, address, userId, lock ? 'throttled' : 'pending'],
      );
      return { id: row.id, now: row.now, lock };
    });
    if (result.lock) {
      const seconds = Math.max(1, Math.ceil((result.lock.until.getTime() - result.now.getTime()) / 1000));
      const what = result.lock.by === 'name' ? 'for this user name' : 'from this address';
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        'too_many_attempts',
        `Too many failed sign-ins ${what}; sign-in is refused for ${seconds} s more. An admin can reset the password if it is forgotten.`,
        { retryAfterSeconds: seconds, headers: { 'Retry-After': String(seconds) } },
      );
    }
    return result.id;
  }

  /** Gives a begun attempt its outcome. */
  async finish(attemptId: string, outcome: Exclude<SignInOutcome, 'pending' | 'throttled'>, userId: string | null): Promise<void> {
    await this.db
      .query(`UPDATE sign_in_attempts SET outcome = $2, user_id = coalesce($3, user_id) WHERE id = $1`, [attemptId, outcome, userId])
      .catch((err: unknown) => {
        // A pending attempt still counts as a failure; it only loses its precise outcome.
        this.logger.warn(`could not record the outcome ${outcome} of sign-in attempt ${attemptId}: ${String(err)}`);
      });
  }

  /**
   * How long to wait before answering a failed attempt (already recorded): SIGN_IN_DELAY_BASE_MS × 2^(n − 1), n the
   * recent failures of this name (since its last success) or of this address, whichever is more; at most
   * SIGN_IN_MAX_DELAY_MS. The wait holds no connection or lock; the lockout still bounds parallel guesses.
   */
  async failureDelayMs(name: string, address: string): Promise<number> {
    const base = this.config.SIGN_IN_DELAY_BASE_MS;
    if (base === 0) return 0;
    const [row] = await rows<{ n: number }>(
      this.db,
      `SELECT greatest(
                (SELECT count(*) FROM sign_in_attempts
                  WHERE name = $1 AND ${FAILED} AND created_at > now() - make_interval(mins => $3)
                    AND created_at > coalesce((SELECT max(created_at) FROM sign_in_attempts
                                                WHERE name = $1 AND outcome = 'success' AND created_at > now() - make_interval(mins => $3)), '-infinity')),
                (SELECT count(*) FROM sign_in_attempts WHERE address = $2 AND ${FAILED} AND created_at > now() - make_interval(mins => $3))
              )::int AS n`,
      [name, address, this.config.SIGN_IN_WINDOW_MINUTES],
    ).catch(() => [{ n: 1 }]);
    const failures = Math.max(1, row?.n ?? 1);
    return Math.min(SIGN_IN_MAX_DELAY_MS, base * 2 ** Math.min(failures - 1, 20));
  }

  /** The audit of sign-ins, newest first, keyset-paginated on the id. */
  async list(query: ListSignInAttemptsQuery): Promise<SignInAttemptPageDto> {
    const limit = query.limit ?? 50;
    const where = new SqlFilter();
    if (query.name !== undefined) where.add('a.name = ?', query.name);
    if (query.address !== undefined) where.add('a.address = ?', query.address);
    if (query.outcome) where.add('a.outcome = ?', query.outcome);
    if (query.cursor) where.add('a.id < ?', decodeCursor(query.cursor));
    const found = await rows<SignInAttemptDto>(
      this.db,
      `SELECT a.id::text AS id, a.name, a.address, a.user_id AS "userId", a.outcome, a.created_at AS "createdAt"
         FROM sign_in_attempts a ${where.sql} ORDER BY a.id DESC LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const items = found.slice(0, limit);
    return { items, nextCursor: found.length > limit ? encodeCursor(items[items.length - 1].id) : null };
  }

  /** The later end of the name's and the address's lockouts, or null when neither is locked. */
  private async lockedUntil(tx: EntityManager, name: string, address: string): Promise<{ until: Date; by: 'name' | 'address' } | null> {
    const window = this.config.SIGN_IN_WINDOW_MINUTES;
    // The failure that, once it leaves the window, brings the count below the limit: the limit-th most recent.
    const [byName] = await rows<{ until: Date }>(
      tx,
      `SELECT created_at + make_interval(mins => $2) AS until FROM sign_in_attempts
        WHERE name = $1 AND ${FAILED} AND created_at > now() - make_interval(mins => $2)
          AND created_at > coalesce((SELECT max(created_at) FROM sign_in_attempts
                                      WHERE name = $1 AND outcome = 'success' AND created_at > now() - make_interval(mins => $2)), '-infinity')
        ORDER BY created_at DESC OFFSET $3 LIMIT 1`,
      [name, window, this.config.SIGN_IN_MAX_FAILURES_PER_NAME - 1],
    );
    const [byAddress] = await rows<{ until: Date }>(
      tx,
      `SELECT created_at + make_interval(mins => $2) AS until FROM sign_in_attempts
        WHERE address = $1 AND ${FAILED} AND created_at > now() - make_interval(mins => $2)
        ORDER BY created_at DESC OFFSET $3 LIMIT 1`,
      [address, window, this.config.SIGN_IN_MAX_FAILURES_PER_ADDRESS - 1],
    );
    if (!byName && !byAddress) return null;
    if (byName && (!byAddress || byName.until >= byAddress.until)) return { until: byName.until, by: 'name' };
    return { until: byAddress!.until, by: 'address' };
  }
}
