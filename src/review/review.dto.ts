import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ClaimDto } from '../claims/claims.dto.js';
import { REVIEW_TASK_STATUSES, type ReviewTaskStatus } from './review-task.entity.js';

export class ListReviewTasksQuery {
  @ApiPropertyOptional({ enum: REVIEW_TASK_STATUSES, default: 'open' })
  @IsOptional() @IsIn(REVIEW_TASK_STATUSES)
  status?: ReviewTaskStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class ReviewTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ enum: REVIEW_TASK_STATUSES }) status: ReviewTaskStatus;
  @ApiProperty() priority: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leasedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leaseExpiresAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: ClaimDto }) claim: ClaimDto;
}
