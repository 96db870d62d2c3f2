import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ClaimDto } from '../claims/claims.dto.js';
import { CLAIM_CATEGORIES, type ClaimCategory } from '../claims/claim-vocabulary.js';
import { REVIEW_TASK_STATUSES, type ReviewTaskStatus } from './review-task.entity.js';

export class ListReviewTasksQuery {
  @ApiPropertyOptional({ enum: REVIEW_TASK_STATUSES, description: 'Default: open (or open and leased with overdue=true).' })
  @IsOptional() @IsIn(REVIEW_TASK_STATUSES)
  status?: ReviewTaskStatus;

  @ApiPropertyOptional({ description: 'Only tasks past their due time and not finished.' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: CLAIM_CATEGORIES, description: "Only tasks whose claim has this category." })
  @IsOptional() @IsIn(CLAIM_CATEGORIES)
  category?: ClaimCategory;

  @ApiPropertyOptional({
    description: 'Full-text search over the claim text, subject and speaker and the article title (web-search syntax: "quoted phrase", -not, or).',
  })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300)
  q?: string;

  @ApiPropertyOptional({ description: 'Only tasks assigned to you (by an approver), or leased by you.' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  assignedToMe?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

/** The triage queue page by page (GET /v1/review-tasks/queue). */
export class ReviewQueueQuery extends ListReviewTasksQuery {
  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page (`nextCursor`).' })
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not a cursor this API issued' })
  cursor?: string;
}

export class AssignTaskDto {
  @ApiProperty({ description: 'Name of the editor (or approver) who gets the task.', example: 'alice' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  editor: string;
}

export class ReviewTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ enum: REVIEW_TASK_STATUSES }) status: ReviewTaskStatus;
  @ApiProperty({
    enum: ['review', 'recheck'],
    description: 'recheck: the published verdict is due for a re-check (living verdicts); resolve it by confirming (POST /v1/verdicts/:id/recheck) or correcting it. The claim stays published meanwhile.',
  })
  kind: 'review' | 'recheck';
  @ApiProperty({ type: String, nullable: true, description: 'Why the re-check is due (claim_superseded, source_figure, matching_claim, review_by_passed).' })
  recheckReason: string | null;
  @ApiProperty({ description: 'Effective priority now: base priority plus aging. Higher first.' }) priority: number;
  @ApiProperty({ description: 'Check-worthiness × category weight, at creation.' }) basePriority: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leasedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Name of the lease holder.' }) leasedByName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leaseExpiresAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assignedTo: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Name of the editor the task is assigned to.' }) assignedToName: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: "The claim's article." }) articleTitle: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the article was published (as given at ingestion).' })
  articlePublishedAt: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the article was ingested (the age of the claim when publishedAt is unknown).' })
  articleCreatedAt: string;
  @ApiProperty({ type: ClaimDto }) claim: ClaimDto;
}

export class ReviewTaskPageDto {
  @ApiProperty({ type: [ReviewTaskDto] }) items: ReviewTaskDto[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page.' }) nextCursor: string | null;
}

export const REVIEW_TASK_CHANGES = ['created', 'leased', 'released', 'returned', 'finished', 'cancelled', 'assigned', 'reopened'] as const;

/** One event of GET /v1/review-tasks/events (the data of an SSE message). */
export class ReviewTaskEventDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ enum: REVIEW_TASK_CHANGES, description: 'What happened: released = a lease given back or expired (the task is open again); returned = a rejected verdict went back to its author; reopened = a finished task opened again as a re-check of its published verdict (kind recheck).' })
  change: (typeof REVIEW_TASK_CHANGES)[number];
  @ApiProperty({ enum: REVIEW_TASK_STATUSES }) status: ReviewTaskStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leasedBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assignedTo: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}
