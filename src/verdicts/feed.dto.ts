import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, isISO8601, MaxLength, ValidateBy } from 'class-validator';
import { ClaimDto, PublicationViewDto } from '../claims/claims.dto.js';
import { PageQuery } from '../common/pagination.js';
import { CLAIM_CATEGORIES, type ClaimCategory } from '../claims/claim-vocabulary.js';
import { SourceDto } from '../sources/sources.dto.js';
import { RATINGS, type Rating } from './verdict.entity.js';
import { RecheckDto } from './recheck.dto.js';

/** A feed position (what `since` in a response says: fits a Postgres bigint) or a real calendar time. */
export const isFeedPosition = (v: string) => /^\d{1,18}$/.test(v);
/** The ISO 8601 forms Postgres reads as timestamptz (no week dates, no bare months, no comma fractions). */
const CALENDAR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
function IsFeedPoint() {
  return ValidateBy({
    name: 'isFeedPoint',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && (isFeedPosition(v) || (CALENDAR_TIME.test(v) && isISO8601(v, { strict: true, strictSeparator: true }))),
      defaultMessage: () => 'since must be the since token of a previous response (digits) or an ISO 8601 time such as 2026-11-30T08:00:00Z',
    },
  });
}

export class FeedQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Only verdicts published after this point: the `since` token of a previous response (poll with it to miss nothing and repeat nothing), or an ISO 8601 time.',
    example: '42',
  })
  @IsOptional() @IsString() @IsFeedPoint()
  since?: string;
}

export class VerdictFeedQuery extends FeedQuery {
  @ApiPropertyOptional({ enum: RATINGS }) @IsOptional() @IsIn(RATINGS)
  rating?: Rating;

  @ApiPropertyOptional({ enum: CLAIM_CATEGORIES }) @IsOptional() @IsIn(CLAIM_CATEGORIES)
  category?: ClaimCategory;

  @ApiPropertyOptional({ description: 'Full-text search over the claim text, subject and speaker (web-search syntax).' })
  @IsOptional() @IsString() @MaxLength(300)
  q?: string;
}

export class PublishedVerdictDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: RATINGS }) rating: Rating;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) sourceIds: string[];
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ description: 'false when a later version (a correction) replaced it.' }) current: boolean;
  @ApiProperty() corrected: boolean;
  @ApiProperty({ type: String, nullable: true }) correctionReason: string | null;
  @ApiProperty({ description: 'Feed position.' }) position: string;
  @ApiProperty({ type: PublicationViewDto, nullable: true, description: 'The fact-check article, when set.' }) publication: PublicationViewDto | null;
  @ApiProperty({ type: String, nullable: true, description: "The short form of the claim for ClaimReview; null: the claim's sentence." }) claimReviewed: string | null;
  @ApiProperty({
    type: RecheckDto, nullable: true,
    description: 'Set while the current verdict is due for a re-check (living verdicts): since when, why, the new figure. A re-check does not move the verdict in the feed; the verdict.recheck_due webhook announces it.',
  })
  recheck: RecheckDto | null;
}

export class VerdictFeedItemDto {
  @ApiProperty({ type: PublishedVerdictDto }) verdict: PublishedVerdictDto;
  @ApiProperty({ type: ClaimDto }) claim: ClaimDto;
  @ApiProperty({ type: String, nullable: true }) articleUrl: string | null;
  @ApiProperty({ type: [SourceDto] }) sources: SourceDto[];
}

export class VerdictFeedDto {
  @ApiProperty({ type: [VerdictFeedItemDto] }) items: VerdictFeedItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Older items: pass as cursor.' }) nextCursor: string | null;
  @ApiProperty({ description: 'Newest position seen: pass as since on the next poll.' }) since: string;
}
