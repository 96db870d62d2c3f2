import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RATINGS, VERDICT_STATUSES, type Rating, type VerdictStatus } from './verdict.entity.js';

export class CreateVerdictDto {
  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  rating: Rating;

  @ApiProperty({ description: 'The rationale, in words a reader understands.' })
  @IsString() @IsNotEmpty() @MaxLength(10000)
  summary: string;

  @ApiProperty({ type: [String], description: 'Sources attached to this claim that support the verdict.' })
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  sourceIds: string[];
}

export class RejectVerdictDto {
  @ApiProperty({ description: 'What the editor must fix.' })
  @IsString() @IsNotEmpty() @MaxLength(5000)
  reason: string;
}

export class CorrectionDto {
  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  rating: Rating;

  @ApiProperty()
  @IsString() @IsNotEmpty() @MaxLength(10000)
  summary: string;

  @ApiProperty({ description: 'Why the published verdict is corrected; shown to readers.' })
  @IsString() @IsNotEmpty() @MaxLength(5000)
  reason: string;

  @ApiPropertyOptional({ type: [String], description: "Sources attached to this claim that support the correction; default: the corrected verdict's." })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  sourceIds?: string[];
}

export class VerdictDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: RATINGS }) rating: Rating;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) sourceIds: string[];
  @ApiProperty({ enum: VERDICT_STATUSES }) status: VerdictStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Desk staff only; null for consumers.' }) authorId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Desk staff only; null for consumers.' }) approvedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) correctionReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) correctsVerdictId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
