import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, IsUrl, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { SourceDto } from '../sources/sources.dto.js';
import { FactCheckSummaryDto } from '../fact-checks/fact-checks.dto.js';
import { CLAIM_CATEGORIES, QUALIFIERS, type ClaimCategory, type Qualifier } from './claim-vocabulary.js';
import { RATINGS, type Rating } from '../verdicts/verdict.entity.js';
import { LastRecheckDto, RecheckDto } from '../verdicts/recheck.dto.js';
import { CLAIM_STATUSES, MATCH_STATUSES, type ClaimStatus, type MatchStatus } from './claim.entity.js';

export class ListClaimsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only claims of the article with this url (compared after normalization).' })
  @IsOptional() @IsUrl({ require_protocol: true, require_tld: false }) @MaxLength(2048)
  articleUrl?: string;

  @ApiPropertyOptional({ enum: CLAIM_CATEGORIES })
  @IsOptional() @IsIn(CLAIM_CATEGORIES)
  category?: ClaimCategory;

  @ApiPropertyOptional({ enum: CLAIM_STATUSES, description: 'Consumers see published claims only and may filter on published; other statuses are 400 for them.' })
  @IsOptional() @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;

  @ApiPropertyOptional({ description: 'Full-text search over claim text, subject and speaker (web-search syntax: "quoted phrase", -not, or).' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300)
  q?: string;
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

/** Where a verdict is published: the fact-check article on the newsroom's site (imageUrl null when there is none). */
export class PublicationViewDto {
  @ApiProperty({ format: 'uri', example: 'https://news.example.org/fact-checks/border-troops' }) url: string;
  @ApiProperty({ example: 'Fact check: are 100,000 troops at the border?' }) headline: string;
  @ApiProperty({ description: 'BCP 47 language tag.', example: 'en' }) language: string;
  @ApiProperty({ type: String, format: 'uri', nullable: true }) imageUrl: string | null;
}

export class VerdictSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: RATINGS }) rating: Rating;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) sourceIds: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ description: 'true when this version corrects an earlier published verdict.' }) corrected: boolean;
  @ApiProperty({ type: String, nullable: true }) correctionReason: string | null;
  @ApiPropertyOptional({ type: PublicationViewDto, nullable: true, description: 'The fact-check article, when set.' }) publication?: PublicationViewDto | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The short form of the claim for ClaimReview; null: the claim's sentence." }) claimReviewed?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Staff only: who wrote it.' }) authorId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only: the author\'s name.' }) authorName?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Staff only: who approved it (null while proposed).' })
  approvedBy?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only: the approver\'s name.' }) approvedByName?: string | null;
  @ApiPropertyOptional({ type: RecheckDto, nullable: true, description: 'Set while the verdict is due for a re-check (living verdicts): since when, why, the new figure.' })
  recheck?: RecheckDto | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'When it is due for review at the latest (expiry).' }) reviewBy?: string | null;
  @ApiPropertyOptional({ type: LastRecheckDto, nullable: true, description: 'The last confirmation after a re-check.' }) lastRecheck?: LastRecheckDto | null;
}

/** The last time an approver sent a verdict on this claim back (staff only). */
export class RejectionDto {
  @ApiProperty({ format: 'uuid', description: 'The rejected verdict.' }) verdictId: string;
  @ApiProperty() verdictVersion: number;
  @ApiProperty({ description: 'What the editor must fix.' }) reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) rejectedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectedByName: string | null;
  @ApiProperty({ format: 'date-time' }) rejectedAt: string;
  @ApiProperty({ description: 'true when it was a correction of the published verdict that was rejected.' }) correction: boolean;
}

/** The claim's open or leased review task (staff only): who holds it and until when, before anyone presses Take. */
export class ClaimTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['open', 'leased'], description: 'leased with leaseExpiresAt in the past: the lease ran out and the task goes back to the queue.' })
  status: 'open' | 'leased';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leasedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) leasedByName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leaseExpiresAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assignedTo: string | null;
  @ApiProperty({ type: String, nullable: true }) assignedToName: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

/** Claim matching: the earlier claim this one repeats, suggested at extraction; an editor confirms or unlinks it. */
export class ClaimMatchDto {
  @ApiProperty({ format: 'uuid', description: 'The earlier claim.' }) claimId: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ type: VerdictSummaryDto, nullable: true, description: "The earlier claim's published verdict: a suggestion for the editor." })
  verdict: VerdictSummaryDto | null;
  @ApiPropertyOptional({ type: FactCheckSummaryDto, description: 'When the earlier claim is an imported fact-check: its rating by the other publisher.' })
  factCheck?: FactCheckSummaryDto;
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
  @ApiPropertyOptional({ description: 'Staff only: the edit version PATCH checks (it moves with every desk action).' })
  version?: number;
  @ApiProperty({ type: VerdictSummaryDto, nullable: true, description: 'The current published verdict.' })
  verdict: VerdictSummaryDto | null;
  @ApiProperty({ type: ClaimMatchDto, nullable: true, description: 'An earlier claim this one repeats (claim matching).' })
  match: ClaimMatchDto | null;
  @ApiPropertyOptional({
    type: FactCheckSummaryDto,
    description: 'Only on a claim imported from another publisher\'s fact-check (POST /v1/fact-checks/import): their rating, not a verdict of ours (verdict stays null).',
  })
  factCheck?: FactCheckSummaryDto;
  @ApiProperty({ minimum: 1, description: "The article revision whose extraction produced this claim." }) revision: number;
  @ApiProperty({
    type: Number, nullable: true,
    description: 'The article revision (or re-extraction of it) in which the claim left the text; null while it is in the text. Gone claims are kept, with their sources and verdicts.',
  }) goneInRevision: number | null;
  @ApiProperty({
    type: String, format: 'uuid', nullable: true,
    description: 'The claim of an earlier revision this one replaces: the same sentence with a changed figure.',
  }) supersedesClaimId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** GET /v1/articles/{id}/claims */
export class ArticleClaimsQuery {
  @ApiPropertyOptional({ default: false, description: 'Also the claims that left the text in a later revision (goneInRevision set).' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean({ message: 'includeGone must be true or false' })
  includeGone?: boolean;
}

export class ClaimDetailDto extends ClaimDto {
  @ApiProperty({ type: [SourceDto] }) sources: SourceDto[];
  @ApiPropertyOptional({ type: VerdictSummaryDto, nullable: true, description: 'Staff only: a verdict waiting for approval.' })
  proposedVerdict?: VerdictSummaryDto | null;
  @ApiPropertyOptional({ type: RejectionDto, nullable: true, description: 'Staff only: the last rejected verdict or correction, with the reason.' })
  lastRejection?: RejectionDto | null;
  @ApiPropertyOptional({ type: ClaimTaskDto, nullable: true, description: 'Staff only: the open or leased review task, if any.' })
  task?: ClaimTaskDto | null;
}

export class ClaimPageDto {
  @ApiProperty({ type: [ClaimDto] }) items: ClaimDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TriageDto {
  @ApiProperty({ enum: ['dismiss', 'queue'] })
  @IsIn(['dismiss', 'queue'])
  action: 'dismiss' | 'queue';

  @ApiPropertyOptional({ description: 'Required to dismiss: not_checkworthy, duplicate, opinion, or free text.', example: 'opinion' })
  @ValidateIf((o: TriageDto) => o.action === 'dismiss') @IsString() @IsNotEmpty() @MaxLength(1000)
  reason?: string;
}

export class QuantityPatchDto {
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false })
  low?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false })
  high?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(100)
  unit?: string | null;
  @ApiPropertyOptional({ enum: QUALIFIERS, nullable: true }) @IsOptional() @IsIn(QUALIFIERS)
  qualifier?: Qualifier | null;
}

export class TimeRefPatchDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300)
  text: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsISO8601({ strict: true })
  date?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsISO8601({ strict: true })
  from?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsISO8601({ strict: true })
  to?: string | null;
}

/** Editors' corrections of extracted fields. Absent fields stay as they are; null clears. */
export class UpdateClaimDto {
  @ApiPropertyOptional({ description: 'The version you read; or send If-Match. A stale version gets 409.' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;

  // Not @IsOptional: that would let null through, and every claim has a category.
  @ApiPropertyOptional({ enum: CLAIM_CATEGORIES }) @ValidateIf((_o, v) => v !== undefined) @IsIn(CLAIM_CATEGORIES)
  category?: ClaimCategory;

  @ApiPropertyOptional({ type: QuantityPatchDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => QuantityPatchDto)
  quantity?: QuantityPatchDto;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(500)
  subject?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(500)
  location?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(500)
  speaker?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(500)
  speakerRole?: string | null;

  @ApiPropertyOptional({ type: TimeRefPatchDto, nullable: true }) @IsOptional() @IsObject() @ValidateNested() @Type(() => TimeRefPatchDto)
  timeRef?: TimeRefPatchDto | null;
}

/** The figure of a claim an editor adds: `text` is how the article writes it, found inside the claim's span. */
export class NewQuantityDto extends QuantityPatchDto {
  @ApiPropertyOptional({ description: 'The figure as the article writes it ("more than 14,000"); must occur inside the span.', example: 'at least 52' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  text?: string;
}

/**
 * A claim the extractor missed, given by its span in the article. Fields left out are read from the span by the
 * extractor where it can (the figure, speaker, place, time); what is given wins.
 */
export class AddClaimDto {
  @ApiProperty({ minimum: 0, description: 'Character offset where the claim starts (UTF-16 code units, as JavaScript counts).' })
  @IsInt() @Min(0)
  start: number;

  @ApiProperty({ minimum: 1, description: 'Character offset just after the claim: the span is text.slice(start, end).' })
  @IsInt() @Min(1)
  end: number;

  @ApiProperty({ enum: CLAIM_CATEGORIES }) @IsIn(CLAIM_CATEGORIES)
  category: ClaimCategory;

  @ApiPropertyOptional({ type: NewQuantityDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => NewQuantityDto)
  quantity?: NewQuantityDto;

  @ApiPropertyOptional({ type: String }) @IsOptional() @IsString() @MaxLength(500)
  subject?: string;

  @ApiPropertyOptional({ type: String }) @IsOptional() @IsString() @MaxLength(500)
  location?: string;

  @ApiPropertyOptional({ type: String }) @IsOptional() @IsString() @MaxLength(500)
  speaker?: string;

  @ApiPropertyOptional({ type: String }) @IsOptional() @IsString() @MaxLength(500)
  speakerRole?: string;

  @ApiPropertyOptional({ type: TimeRefPatchDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => TimeRefPatchDto)
  timeRef?: TimeRefPatchDto;

  @ApiPropertyOptional({ description: 'Why the claim was added (kept in the history).', maxLength: 1000 })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}
