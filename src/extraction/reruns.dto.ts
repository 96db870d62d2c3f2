import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const RERUN_STATUSES = ['running', 'done'] as const;
export type RerunStatus = (typeof RERUN_STATUSES)[number];

import { EXTRACTOR_VERSION_PATTERN } from './extractor-version.js';

export class CreateRerunDto {
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Only articles ingested at or after this time (ISO 8601).' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'since must be an ISO 8601 date or date-time' })
  since?: string;

  @ApiPropertyOptional({
    example: '2.1.0',
    description: 'Only articles extracted by an older extractor: versions are compared by their numbers, part by part '
      + '("numeric-claims/2.0.0" is below "2.1.0"). Without it, every extracted article (in `since`) is re-extracted.',
  })
  @IsOptional() @Matches(EXTRACTOR_VERSION_PATTERN, { message: 'extractorVersionBelow must be a version such as 2.1.0 or numeric-claims/2.1.0' })
  extractorVersionBelow?: string;
}

/** A re-extraction run and its progress (Postgres state: it survives restarts and Redis flushes). */
export class RerunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RERUN_STATUSES }) status: RerunStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since: string | null;
  @ApiProperty({ type: String, nullable: true }) extractorVersionBelow: string | null;
  @ApiProperty({ description: 'Articles selected when the run was created (extracted ones matching the filters).' }) total: number;
  @ApiProperty({ description: 'Articles re-extracted (or found no longer extracted and left to their own job).' }) done: number;
  @ApiProperty({ description: 'Articles whose re-extraction failed.' }) failed: number;
  @ApiProperty({ description: 'total - done - failed' }) remaining: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Articles per second since the run started; null before the first.' }) ratePerSecond: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds left at that rate; 0 when done, null before the first article.' }) etaSeconds: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class ListRerunsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}

export class RerunListDto {
  @ApiProperty({ type: [RerunDto], description: 'Newest first.' }) items: RerunDto[];
}
