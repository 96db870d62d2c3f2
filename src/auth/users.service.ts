import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound, ProblemException } from '../common/problem.js';
import { rows } from '../database/sql.js';
import { hashPassword, oneTimePassword } from './passwords.js';
import { PrincipalCache } from './principal-cache.service.js';
import { SessionsService } from './sessions.service.js';
import type { Role } from './user.entity.js';
import type { CreatedUserDto, UpdateUserDto, UserDto } from './users.dto.js';

const USER_SELECT = `u.id, u.name, u.role, u.disabled_at AS "disabledAt", u.created_at AS "createdAt",
  (SELECT count(*)::int FROM api_tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS "activeTokens",
  u.password_hash IS NOT NULL AS "hasPassword", u.must_change_password AS "mustChangePassword", u.last_sign_in_at AS "lastSignInAt",
  (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()) AS "activeSessions"`;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly cache: PrincipalCache,
  ) {}

  /**
   * A desk user with a one-time password (returned once, stored as argon2id): they sign in with it and must set
   * their own before anything else. A name that exists is a 409 (a token's user gets a password with reset-password).
   */
  async create(name: string, role: Role, actorId: string | null): Promise<CreatedUserDto> {
    const password = oneTimePassword();
    const hashed = await hashPassword(password);
    return this.db.transaction(async (tx) => {
      const [created] = await rows<{ id: string }>(
        tx,
        `INSERT INTO users (name, role, password_hash, must_change_password) VALUES ($1, $2, $3, true)
         ON CONFLICT (name) DO NOTHING RETURNING id`,
        [name, role, hashed],
      );
      if (!created) throw conflict('user_exists', `A user named ${name} exists already; to give them a new password, POST /v1/users/:id/reset-password.`);
      await this.audit.record(tx, { entityType: 'user', entityId: created.id, action: 'user.created', actorId, changes: { name, role } });
      const [user] = await rows<UserDto>(tx, `SELECT ${USER_SELECT} FROM users u WHERE u.id = $1`, [created.id]);
      return { user, oneTimePassword: password };
    });
  }

  /** A new one-time password; every session of the user ends (whoever knew the old password is signed out). */
  async resetPassword(userId: string, actorId: string | null): Promise<{ oneTimePassword: string }> {
    const password = oneTimePassword();
    const hashed = await hashPassword(password);
    return this.cache.after(this.db.transaction(async (tx) => {
      const [user] = await rows<{ role: Role }>(tx, `SELECT role FROM users WHERE id = $1 FOR NO KEY UPDATE`, [userId]);
      if (!user) throw notFound('user', userId);
      if (user.role === 'consumer') {
        throw conflict('desk_not_allowed', 'Consumers cannot sign in to the desk, so they have no password; change their role first.');
      }
      await tx.query(`UPDATE users SET password_hash = $2, must_change_password = true, password_changed_at = now() WHERE id = $1`, [userId, hashed]);
      const ended = await this.sessions.endForUser(tx, userId, 'password_reset');
      await this.audit.record(tx, { entityType: 'user', entityId: userId, action: 'user.password_reset', actorId, changes: { sessionsEnded: ended } });
      return { oneTimePassword: password };
    }));
  }

  /** The id of the user with this name (the CLI names users), or a 404. */
  async idByName(name: string): Promise<string> {
    const [user] = await rows<{ id: string }>(this.db, `SELECT id FROM users WHERE name = $1`, [name]);
    if (!user) throw new ProblemException(HttpStatus.NOT_FOUND, 'user_not_found', `No user named ${name}.`);
    return user.id;
  }

  list(): Promise<UserDto[]> {
    return rows<UserDto>(this.db, `SELECT ${USER_SELECT} FROM users u ORDER BY u.name`);
  }

  /**
   * Role changes and disabling are effective at once: every request looks the user up with its token or session.
   * An admin cannot demote or disable themselves (so the desk cannot lock itself out by accident).
   */
  async update(userId: string, dto: UpdateUserDto, adminId: string): Promise<UserDto> {
    if (dto.role === undefined && dto.disabled === undefined) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'nothing_to_change', 'Send role and/or disabled.');
    }
    return this.cache.after(this.db.transaction(async (tx) => {
      const [user] = await rows<{ role: Role; disabled: boolean }>(
        tx,
        `SELECT role, disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1 FOR NO KEY UPDATE`,
        [userId],
      );
      if (!user) throw notFound('user', userId);
      const demotesSelf = userId === adminId && ((dto.role !== undefined && dto.role !== 'admin') || dto.disabled === true);
      if (demotesSelf) throw conflict('cannot_lock_out_self', 'Admins cannot remove their own admin access; ask another admin.');

      const events = [];
      if (dto.role !== undefined && dto.role !== user.role) {
        await tx.query(`UPDATE users SET role = $2 WHERE id = $1`, [userId, dto.role]);
        events.push({ action: 'user.role_changed', fromStatus: user.role, toStatus: dto.role });
      }
      if (dto.disabled !== undefined && dto.disabled !== user.disabled) {
        await tx.query(`UPDATE users SET disabled_at = CASE WHEN $2 THEN now() END WHERE id = $1`, [userId, dto.disabled]);
        // The guard refuses a disabled user's sessions anyway; ending them also keeps them ended if the user is enabled again.
        if (dto.disabled) await this.sessions.endForUser(tx, userId, 'user_disabled');
        events.push(dto.disabled
          ? { action: 'user.disabled', fromStatus: 'active', toStatus: 'disabled' }
          : { action: 'user.enabled', fromStatus: 'disabled', toStatus: 'active' });
      }
      await this.audit.record(tx, ...events.map((e) => ({ entityType: 'user' as const, entityId: userId, actorId: adminId, ...e })));
      const [updated] = await rows<UserDto>(tx, `SELECT ${USER_SELECT} FROM users u WHERE u.id = $1`, [userId]);
      return updated;
    }));
  }
}
