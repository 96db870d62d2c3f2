import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClaimDto } from '../claims/claims.dto.js';
import { KeysetPageQuery } from '../common/pagination.js';
import { SourceDto } from '../sources/sources.dto.js';
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
  @ApiProperty({ type: String, nullable: true, description: 'Desk staff only; null for consumers.' }) authorName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Desk staff only; null for consumers.' }) approvedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Desk staff only; null for consumers.' }) approvedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) correctionReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) correctsVerdictId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const APPROVAL_KINDS = ['verdict', 'correction'] as const;

export class ListApprovalsQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ enum: APPROVAL_KINDS, description: 'verdict: first verdicts on a claim; correction: corrections of a published verdict. Default: both.' })
  @IsOptional() @IsIn(APPROVAL_KINDS)
  kind?: (typeof APPROVAL_KINDS)[number];
}

/** A verdict (or correction) waiting for an approver. */
export class ProposedVerdictDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: RATINGS }) rating: Rating;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) sourceIds: string[];
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ description: 'true: a correction of the published verdict (claim.verdict), with its correctionReason.' }) correction: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) correctsVerdictId: string | null;
  @ApiProperty({ type: String, nullable: true }) correctionReason: string | null;
}

export class ApprovalDto {
  @ApiProperty({ type: ProposedVerdictDto }) verdict: ProposedVerdictDto;
  @ApiProperty({ type: ClaimDto, description: 'The claim, with its published verdict (the one a correction replaces).' }) claim: ClaimDto;
  @ApiProperty({ type: [SourceDto], description: 'The sources the proposed verdict cites.' }) sources: SourceDto[];
  @ApiProperty({ format: 'uuid' }) articleId: string;
  @ApiProperty() articleTitle: string;
  @ApiProperty({ type: String, nullable: true }) articleUrl: string | null;
}

export class ApprovalPageDto {
  @ApiProperty({ type: [ApprovalDto] }) items: ApprovalDto[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page.' }) nextCursor: string | null;
}
