import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from './auth.decorators.js';
import type { Role } from './user.entity.js';

const TOKEN_PREFIX = 'cc_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class TokensService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the user if needed (same name, same role) and a new token for it. The clear token is returned once. */
  async create(name: string, role: Role, tokenName = 'default'): Promise<{ token: string; tokenId: string; userId: string }> {
    return this.db.transaction(async (tx) => {
      const [user] = await tx.query(
        `INSERT INTO users (name, role) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
         RETURNING id, role`,
        [name, role],
      );
      if (user.role !== role) {
        throw new Error(`User ${name} already exists with role ${user.role}`);
      }
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const [row] = await tx.query(
        `INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, $2, $3, $4) RETURNING id`,
        [user.id, tokenName, hashToken(token), token.slice(0, TOKEN_PREFIX.length + 6)],
      );
      return { token, tokenId: row.id, userId: user.id };
    });
  }

  /** One indexed lookup per request (unique index on token_hash). */
  async authenticate(token: string): Promise<Principal | null> {
    const rows: Array<{ token_id: string; user_id: string; name: string; role: Role }> = await this.db.query(
      `SELECT t.id AS token_id, u.id AS user_id, u.name, u.role
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [hashToken(token)],
    );
    const row = rows[0];
    return row ? { tokenId: row.token_id, userId: row.user_id, name: row.name, role: row.role } : null;
  }
}
