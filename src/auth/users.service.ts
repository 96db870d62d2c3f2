import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound, ProblemException } from '../common/problem.js';
import { rows } from '../database/sql.js';
import type { Role } from './user.entity.js';
import type { UpdateUserDto, UserDto } from './users.dto.js';

const USER_SELECT = `u.id, u.name, u.role, u.disabled_at AS "disabledAt", u.created_at AS "createdAt",
  (SELECT count(*)::int FROM api_tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS "activeTokens"`;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserDto[]> {
    return rows<UserDto>(this.db, `SELECT ${USER_SELECT} FROM users u ORDER BY u.name`);
  }

  /**
   * Role changes and disabling are effective at once: every request looks the user up with its token.
   * An admin cannot demote or disable themselves (so the desk cannot lock itself out by accident).
   */
  async update(userId: string, dto: UpdateUserDto, adminId: string): Promise<UserDto> {
    if (dto.role === undefined && dto.disabled === undefined) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'nothing_to_change', 'Send role and/or disabled.');
    }
    return this.db.transaction(async (tx) => {
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
        events.push(dto.disabled
          ? { action: 'user.disabled', fromStatus: 'active', toStatus: 'disabled' }
          : { action: 'user.enabled', fromStatus: 'disabled', toStatus: 'active' });
      }
      await this.audit.record(tx, ...events.map((e) => ({ entityType: 'user' as const, entityId: userId, actorId: adminId, ...e })));
      const [updated] = await rows<UserDto>(tx, `SELECT ${USER_SELECT} FROM users u WHERE u.id = $1`, [userId]);
      return updated;
    });
  }
}
