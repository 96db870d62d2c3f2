import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ClaimDto } from '../claims/claims.dto.js';
import { REVIEW_TASK_STATUSES, type ReviewTaskStatus } from './review-task.entity.js';

export class ListReviewTasksQuery {
  @ApiPropertyOptional({ enum: REVIEW_TASK_STATUSES, description: 'Default: open (or open and leased with overdue=true).' })
  @IsOptional() @IsIn(REVIEW_TASK_STATUSES)
  status?: ReviewTaskStatus;

  @ApiPropertyOptional({ description: 'Only tasks past their due time and not finished.' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
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
  @ApiProperty({ description: 'Effective priority now: base priority plus aging. Higher first.' }) priority: number;
  @ApiProperty({ description: 'Check-worthiness × category weight, at creation.' }) basePriority: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leasedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leaseExpiresAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assignedTo: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: ClaimDto }) claim: ClaimDto;
}
