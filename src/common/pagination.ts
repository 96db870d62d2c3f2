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
