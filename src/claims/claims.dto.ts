import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { CLAIM_CATEGORIES, QUALIFIERS, type ClaimCategory, type Qualifier } from '../extraction/extractor/types.js';
import { RATINGS, type Rating } from '../verdicts/verdict.entity.js';
import { CLAIM_STATUSES, type ClaimStatus } from './claim.entity.js';

export class ListClaimsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only claims of the article with this url (compared after normalization).' })
  @IsOptional() @IsUrl({ require_protocol: true, require_tld: false }) @MaxLength(2048)
  articleUrl?: string;

  @ApiPropertyOptional({ enum: CLAIM_CATEGORIES })
  @IsOptional() @IsIn(CLAIM_CATEGORIES)
  category?: ClaimCategory;

  @ApiPropertyOptional({ enum: CLAIM_STATUSES })
  @IsOptional() @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;
}

export class QuantityDto {
  @ApiProperty({ description: 'Exact surface form in the article.' }) text: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) low: number | null;
  @ApiProperty({ type: Number, nullable: true }) high: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'troops' }) unit: string | null;
  @ApiProperty({ enum: QUALIFIERS, nullable: true }) qualifier: Qualifier | null;
}

export class AttributionDto {
  @ApiProperty() speaker: string;
  @ApiProperty({ type: String, nullable: true }) role: string | null;
}

export class TimeRefDto {
  @ApiProperty() text: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) date: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) from: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) to: string | null;
}

export class VerdictSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: RATINGS }) rating: Rating;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) sourceIds: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
}

export class ClaimDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) articleId: string;
  @ApiProperty({ description: 'article.text.slice(start, end)' }) text: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty({ enum: CLAIM_CATEGORIES }) category: ClaimCategory;
  @ApiProperty({ type: QuantityDto, nullable: true }) quantity: QuantityDto | null;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty({ type: String, nullable: true }) location: string | null;
  @ApiProperty({ type: TimeRefDto, nullable: true }) timeRef: TimeRefDto | null;
  @ApiProperty({ type: AttributionDto, nullable: true }) attribution: AttributionDto | null;
  @ApiProperty({ minimum: 0, maximum: 1 }) checkworthiness: number;
  @ApiProperty({ type: [String] }) checkworthinessReasons: string[];
  @ApiProperty({ enum: CLAIM_STATUSES }) status: ClaimStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: VerdictSummaryDto, nullable: true, description: 'The current published verdict.' })
  verdict: VerdictSummaryDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SourceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty() url: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) publisher: string | null;
  @ApiProperty({ type: String, nullable: true }) excerpt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ClaimDetailDto extends ClaimDto {
  @ApiProperty({ type: [SourceDto] }) sources: SourceDto[];
}

export class ClaimPageDto {
  @ApiProperty({ type: [ClaimDto] }) items: ClaimDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
