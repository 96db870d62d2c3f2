import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClaimDto, PublicationViewDto } from '../claims/claims.dto.js';
export { PublicationViewDto };
import { KeysetPageQuery } from '../common/pagination.js';
import { SourceDto } from '../sources/sources.dto.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { RATINGS, VERDICT_STATUSES, type Rating, type VerdictStatus } from './verdict.entity.js';
import { LastRecheckDto, RecheckDto } from './recheck.dto.js';

const REVIEW_BY_DOC = {
  type: String, format: 'date-time',
  description: "When the published verdict is due for a re-check at the latest (ISO 8601); default: publication plus the claim category's VERDICT_REVIEW_DAYS.",
} as const;

/**
 * A BCP 47 language tag as publishers write them: a 2–3 letter language, optionally a script, a region and
 * variants (`en`, `en-GB`, `pt-BR`, `zh-Hant-TW`, `es-419`). Not a registry lookup; it keeps out `english` and `en_GB`.
 */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|\d{3}))?(-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*$/;
export const HEADLINE_MAX = 200;
/** Google asks for a short claimReviewed (under 75 characters reads well on a phone); 280 is the hard limit. */
export const CLAIM_REVIEWED_MAX = 280;

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true, require_tld: false };

/** Not only whitespace: a headline or claimReviewed of spaces would publish an empty text. */
function HasText() {
  return ValidateBy({
    name: 'hasText',
    validator: { validate: (v: unknown) => typeof v === 'string' && v.trim().length > 0, defaultMessage: (a) => `${a?.property} must not be blank` },
  });
}

/** Where the fact-check is published: the article on the newsroom's own site. ClaimReview's `url` is this url. */
export class PublicationDto {
  @ApiProperty({ format: 'uri', maxLength: 2048, description: "The fact-check article on the newsroom's site (http or https).", example: 'https://news.example.org/fact-checks/border-troops' })
  @IsString() @IsUrl(HTTP_URL, { message: 'url must be an http or https address' }) @MaxLength(2048)
  url: string;

  @ApiProperty({ maxLength: HEADLINE_MAX, description: "The article's headline.", example: 'Fact check: are 100,000 troops at the border?' })
  @IsString() @HasText() @MaxLength(HEADLINE_MAX)
  headline: string;

  @ApiProperty({ maxLength: 35, description: "The article's language, a BCP 47 tag (en, en-GB, pt-BR).", example: 'en' })
  @IsString() @MaxLength(35) @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 language tag such as en, en-GB or pt-BR' })
  language: string;

  @ApiPropertyOptional({ format: 'uri', maxLength: 2048, description: "The article's image (http or https).", example: 'https://news.example.org/img/border.jpg' })
  @IsOptional() @IsString() @IsUrl(HTTP_URL, { message: 'imageUrl must be an http or https address' }) @MaxLength(2048)
  imageUrl?: string;
}

const CLAIM_REVIEWED_DOC = {
  maxLength: CLAIM_REVIEWED_MAX,
  description: "ClaimReview's claimReviewed: a short form of the claim (Google: under 75 characters reads best). Absent: the claim's sentence, cut at 280 characters.",
  example: '100,000 Russian troops are at the Ukrainian border',
};

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

  @ApiPropertyOptional({ type: PublicationDto, description: 'The fact-check article; an approver may also set or change it once published.' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PublicationDto)
  publication?: PublicationDto;

  @ApiPropertyOptional(CLAIM_REVIEWED_DOC)
  @IsOptional() @IsString() @HasText() @MaxLength(CLAIM_REVIEWED_MAX)
  claimReviewed?: string;

  @ApiPropertyOptional(REVIEW_BY_DOC)
  @IsOptional() @IsISO8601({ strict: true })
  reviewBy?: string;
}

/** An approver changes what publishing needs on a published verdict; no new version. */
export class UpdatePublicationDto {
  @ApiPropertyOptional({ type: PublicationDto, nullable: true, description: 'Replaces the publication as a whole; null removes it (out of the sitemap, no ClaimReview url).' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PublicationDto)
  publication?: PublicationDto | null;

  @ApiPropertyOptional({ ...CLAIM_REVIEWED_DOC, type: String, nullable: true, description: "ClaimReview's claimReviewed; null: back to the claim's sentence." })
  @IsOptional() @IsString() @HasText() @MaxLength(CLAIM_REVIEWED_MAX)
  claimReviewed?: string | null;

  @ApiPropertyOptional({ ...REVIEW_BY_DOC, nullable: true, description: 'The review date of the published verdict; null: none.' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsISO8601({ strict: true })
  reviewBy?: string | null;
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

  @ApiPropertyOptional({ type: PublicationDto, description: "The fact-check article; default: the corrected verdict's." })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PublicationDto)
  publication?: PublicationDto;

  @ApiPropertyOptional({ ...CLAIM_REVIEWED_DOC, description: "ClaimReview's claimReviewed; default: the corrected verdict's." })
  @IsOptional() @IsString() @HasText() @MaxLength(CLAIM_REVIEWED_MAX)
  claimReviewed?: string;
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
  @ApiProperty({ type: PublicationViewDto, nullable: true, description: 'The fact-check article; null until an editor or approver sets it.' })
  publication: PublicationViewDto | null;
  @ApiProperty({ type: String, nullable: true, description: "The short form of the claim for ClaimReview; null: the claim's sentence." })
  claimReviewed: string | null;
  @ApiPropertyOptional({ type: RecheckDto, nullable: true, description: 'Set while the published verdict is due for a re-check (living verdicts).' })
  recheck?: RecheckDto | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: "Its expiry: past it the verdict is due for a re-check (default from VERDICT_REVIEW_DAYS by the claim's category)." })
  reviewBy?: string | null;
  @ApiPropertyOptional({ type: LastRecheckDto, nullable: true, description: 'The last confirmation after a re-check ("re-checked on … against …").' })
  lastRecheck?: LastRecheckDto | null;
  @ApiPropertyOptional({
    type: Object, nullable: true,
    description: "What it rested on when published (snapshot): the claim's figure, its cited sources' figures and as-of dates, figures a re-check was confirmed against, the tolerance and the band a later figure may fall in without a re-check.",
  })
  basis?: Record<string, unknown> | null;
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
  @ApiProperty({ type: PublicationViewDto, nullable: true }) publication: PublicationViewDto | null;
  @ApiProperty({ type: String, nullable: true }) claimReviewed: string | null;
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
