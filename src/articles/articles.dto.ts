import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsTimeZone, IsUrl, MaxLength, MinLength } from 'class-validator';
import { KeysetPageQuery } from '../common/pagination.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../claims/claim.entity.js';
import { CLAIM_CATEGORIES, type ClaimCategory } from '../claims/claim-vocabulary.js';
import { ARTICLE_STATUSES, type ArticleStatus } from './article.entity.js';
import { LANGUAGE_CODES, UNDETERMINED } from './language.js';

const LANGUAGE_FILTER = [...LANGUAGE_CODES, UNDETERMINED];

export class CreateArticleDto {
  @ApiPropertyOptional({ example: 'https://news.example.org/2026/11/border-buildup' })
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @MaxLength(2048)
  url?: string;

  @ApiProperty({ example: 'Troop buildup continues along the border' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  title: string;

  @ApiPropertyOptional({ example: 'Example News' })
  @IsOptional() @IsString() @MaxLength(300)
  publisher?: string;

  @ApiPropertyOptional({ example: '2026-11-25T09:00:00Z', description: 'ISO 8601; anchors relative dates such as "last week".' })
  @IsOptional() @IsDateString({ strict: true })
  publishedAt?: string;

  @ApiProperty({ description: 'Plain text of the article.' })
  @IsString() @IsNotEmpty()
  text: string;

  @ApiPropertyOptional({
    example: 'es',
    description: 'ISO 639-1 code of the text\'s language. Overrides detection (the desk knows better); without it the language is detected at ingest.',
  })
  @IsOptional() @IsIn(LANGUAGE_CODES, { message: 'language must be an ISO 639-1 code (two lowercase letters, e.g. en, es)' })
  language?: string;

  @ApiPropertyOptional({
    example: 'Europe/Kyiv',
    description: "IANA zone the article is written in: relative dates (\"yesterday\") resolve there. Without it, the publisher's zone (PUT /v1/publishers/:name), else DEFAULT_TIME_ZONE; a revision keeps the article's zone unless given.",
  })
  @IsOptional() @IsTimeZone({ message: 'timeZone must be an IANA time zone, e.g. Europe/Kyiv or America/New_York' })
  timeZone?: string;
}

/** Sends a failed or unsupported_language article back to extraction, optionally with the language corrected. */
export class RetryArticleDto {
  @ApiPropertyOptional({
    example: 'en',
    description: 'ISO 639-1 code: sets the article\'s language first (an article marked unsupported_language that is in fact English).',
  })
  @IsOptional() @IsIn(LANGUAGE_CODES, { message: 'language must be an ISO 639-1 code (two lowercase letters, e.g. en, es)' })
  language?: string;
}

export class IngestResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ARTICLE_STATUSES }) status: ArticleStatus;
  @ApiProperty({ description: 'false when the same url or text was ingested before.' }) created: boolean;
  @ApiProperty({
    description: 'true when the url was known and the text is new: a new revision of that article, queued for extraction '
      + '(what changed in its claims is on GET /v1/articles/{id} as `changes` once it is extracted).',
  }) revised: boolean;
  @ApiProperty({ minimum: 1, description: "The article's current revision (1 for a new article)." }) revision: number;
}

/** What the extraction of a revision did to the article's claims (reconciliation with the claims before it). */
export class ClaimChangesDto {
  @ApiProperty({ minimum: 1 }) revision: number;
  @ApiProperty({ description: 'Claims whose sentence and figure are unchanged: same id, status, sources and verdict.' }) kept: number;
  @ApiProperty({ description: 'New claims.' }) added: number;
  @ApiProperty({ description: 'Claims whose figure changed: each replaced by a new claim whose supersedesClaimId names it.' }) superseded: number;
  @ApiProperty({ description: 'Claims no longer in the text: kept, marked goneInRevision.' }) gone: number;
}

export class ClaimCountsDto {
  @ApiProperty() queued: number;
  @ApiProperty() in_review: number;
  @ApiProperty() awaiting_approval: number;
  @ApiProperty() published: number;
  @ApiProperty() dismissed: number;
}

/** An article as lists show it: everything but its text. */
export class ArticleSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) publisher: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ enum: ARTICLE_STATUSES }) status: ArticleStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why extraction failed; desk staff only (null for consumers).' }) failureReason: string | null;
  @ApiProperty({
    type: String, nullable: true, example: 'en',
    description: "ISO 639-1 code of the text's language (given at ingest or detected); 'und' when undetermined; null for articles ingested before detection.",
  }) language: string | null;
  @ApiProperty({ description: 'Sentences the extractor could not analyse and skipped in the last extraction (warnings); 0 when none.' }) skippedSentences: number;
  @ApiProperty({ type: String, nullable: true }) extractorVersion: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) extractedAt: string | null;
  @ApiProperty({ description: 'Claims in the current text (claims gone in a later revision are not counted).' }) claimCount: number;
  @ApiProperty({ type: ClaimCountsDto, description: 'claimCount by claim status.' }) claimCounts: ClaimCountsDto;
  @ApiProperty({ minimum: 1, description: 'The current revision: 1, plus one for each new text ingested under the same url.' }) revision: number;
  @ApiProperty({ example: 'Europe/Kyiv', description: 'IANA zone the article was read in (relative dates resolve there).' }) timeZone: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ArticleDto extends ArticleSummaryDto {
  @ApiProperty() text: string;
  @ApiProperty({
    type: ClaimChangesDto, nullable: true,
    description: "What the last extraction of the current revision did to the claims; null until it is extracted.",
  }) changes: ClaimChangesDto | null;
}

export class ListArticlesQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES, description: 'Only articles in this extraction status (failed: the ones to retry).' })
  @IsOptional() @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;

  @ApiPropertyOptional({ example: 'es', description: "Only articles in this language (ISO 639-1 code, or 'und')." })
  @IsOptional() @IsIn(LANGUAGE_FILTER, { message: "language must be an ISO 639-1 code (two lowercase letters) or 'und'" })
  language?: string;

  @ApiPropertyOptional({ example: 'Example News', description: 'Only articles of this publisher (exact name, as ingested).' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300)
  publisher?: string;

  @ApiPropertyOptional({ example: 'border', description: 'Words of the title (English stemming: "troops" finds "troop"), or a part of the url.' })
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: '2026-11-25T00:00:00Z', description: 'Only articles ingested at or after this time (ISO 8601).' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'since must be an ISO 8601 date or date-time' })
  since?: string;
}

export class ArticlePageDto {
  @ApiProperty({ type: [ArticleSummaryDto] }) items: ArticleSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page.' }) nextCursor: string | null;
}

/** A claim as a revision's changes name it: enough to show and link it. */
export class RevisionClaimDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The sentence (or span) of the claim.' }) text: string;
  @ApiProperty({ type: String, nullable: true, example: 'At least 40 people' }) quantityText: string | null;
  @ApiProperty({ enum: CLAIM_CATEGORIES }) category: ClaimCategory;
  @ApiProperty({ enum: CLAIM_STATUSES, description: 'Its status now.' }) status: ClaimStatus;
}

/** A claim of the previous text replaced, in this revision, by a claim with another figure. */
export class SupersededClaimDto {
  @ApiProperty({ type: RevisionClaimDto, description: 'The claim that left the text (kept, with its sources and verdict).' }) claim: RevisionClaimDto;
  @ApiProperty({ type: RevisionClaimDto, description: 'The claim that replaces it (its supersedesClaimId names the other).' }) successor: RevisionClaimDto;
}

export class RevisionClaimsDto {
  @ApiProperty({ type: [RevisionClaimDto], description: 'Claims of an earlier revision still in this text.' }) kept: RevisionClaimDto[];
  @ApiProperty({ type: [RevisionClaimDto], description: 'Claims this revision brought (new sentences, or an editor\'s claims).' }) added: RevisionClaimDto[];
  @ApiProperty({ type: [SupersededClaimDto] }) superseded: SupersededClaimDto[];
  @ApiProperty({ type: [RevisionClaimDto], description: 'Claims that left the text in this revision, with no successor.' }) gone: RevisionClaimDto[];
}

/** One revision of an article: when it came, who sent it, its extraction and what it changed in the claims. */
export class ArticleRevisionDto {
  @ApiProperty({ minimum: 1 }) revision: number;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time', description: 'When this text was ingested.' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) createdByName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until this revision is extracted (or when a later one came first).' }) extractedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) extractorVersion: string | null;
  @ApiProperty({ description: 'The text\'s length in characters (GET …/revisions/{revision} has the text).' }) textLength: number;
  @ApiProperty({ type: ClaimChangesDto, nullable: true, description: 'The counts the last extraction of this revision reported; null until extracted.' }) changes: ClaimChangesDto | null;
  @ApiProperty({
    type: RevisionClaimsDto,
    description: 'The claims behind the changes, from the claims as they are now (their `revision`, `goneInRevision` and `supersedesClaimId`).',
  }) claims: RevisionClaimsDto;
}

export class ArticleRevisionsDto {
  @ApiProperty({ type: [ArticleRevisionDto], description: 'Newest first.' }) items: ArticleRevisionDto[];
}

/** The text of one revision, as it was ingested. */
export class ArticleRevisionTextDto {
  @ApiProperty({ minimum: 1 }) revision: number;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
