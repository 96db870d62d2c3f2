import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ProblemException } from './problem.js';
import { HttpStatus } from '@nestjs/common';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page (`nextCursor`).' })
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'cursor is not a cursor this API issued' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** null on the last page. */
  nextCursor: string | null;
}

/** Cursors wrap a bigint sequence number; opaque to clients so the scheme can change. */
export function encodeCursor(seq: string | number | bigint): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const match = /^s:(\d{1,18})$/.exec(decoded);
  if (!match) throw new ProblemException(HttpStatus.BAD_REQUEST, 'invalid_cursor', 'cursor is not a cursor this API issued.');
  return match[1];
}

/** A cursor over a keyset of several columns (rank and id, time and id); opaque to clients. */
export class KeysetPageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page (`nextCursor`).' })
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not a cursor this API issued' })
  cursor?: string;
}

const invalidCursor = () => new ProblemException(HttpStatus.BAD_REQUEST, 'invalid_cursor', 'cursor is not a cursor this API issued.');

/** `kind` names the ordering the cursor belongs to, so a cursor of one list is refused by another. */
export function encodeKeyCursor(kind: string, keys: readonly string[]): string {
  return Buffer.from(`${kind}:${keys.join('|')}`).toString('base64url');
}

/** The keys of a cursor, each checked against its pattern (they become bound parameters, never SQL text). */
export function decodeKeyCursor(cursor: string, kind: string, patterns: readonly RegExp[]): string[] {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  if (!decoded.startsWith(`${kind}:`)) throw invalidCursor();
  const keys = decoded.slice(kind.length + 1).split('|');
  if (keys.length !== patterns.length || keys.some((k, i) => !patterns[i].test(k))) throw invalidCursor();
  return keys;
}

export const CURSOR_KEY = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /** A double as JavaScript prints it (round-trips exactly). */
  float: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/,
  /** A timestamp as SQL_TIMESTAMP prints it: microseconds, so no row is skipped or repeated. */
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
} as const;

/** A timestamptz column as text with its full (microsecond) precision, for keyset cursors. */
export const sqlTimestampKey = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
