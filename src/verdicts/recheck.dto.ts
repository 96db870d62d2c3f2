import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RECHECK_REASONS, type RecheckReason } from './living-verdicts.js';

export class RecheckFigureDto {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) low: number | null;
  @ApiProperty({ type: Number, nullable: true }) high: number | null;
  @ApiProperty({ type: String, nullable: true, description: "The claim's wording of it; null for a source's figure." }) text: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The date the figure describes (YYYY-MM-DD), when known.' }) asOf: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Who gave it (source publisher, speaker).' }) who?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Staff only: the claim that gave it.' }) claimId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Staff only: the source that gave it.' }) sourceId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "Staff only: that claim's article." }) articleId?: string | null;
}

/** A published verdict due for a re-check (living verdicts); absent or null when it is not. */
export class RecheckDto {
  @ApiProperty({ enum: [true] }) due: true;
  @ApiProperty({ format: 'date-time', description: 'When it became due.' }) since: string;
  @ApiProperty({
    enum: RECHECK_REASONS,
    description: 'claim_superseded: a later revision of the article changed the figure; source_figure: a new source gives a figure outside the '
      + "verdict's tolerance; matching_claim: a later claim of the same quantity on another article does; review_by_passed: its review date passed.",
  })
  reason: RecheckReason;
  @ApiPropertyOptional({ type: RecheckFigureDto, nullable: true, description: 'The new figure (none for review_by_passed).' }) figure?: RecheckFigureDto | null;
}

/** The last time the desk confirmed the verdict after a re-check. */
export class LastRecheckDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true, description: 'Staff only: who confirmed it.' }) byName?: string | null;
  @ApiProperty({ description: 'Why it stands.' }) note: string;
  @ApiProperty({ description: '"Re-checked on 2026-12-06 against 52 (the civil protection agency, 2026-11-04)".' }) text: string;
  @ApiProperty({ enum: RECHECK_REASONS }) reason: RecheckReason;
}

export class ConfirmRecheckDto {
  @ApiProperty({ maxLength: 2000, description: 'Why the verdict stands against the new figure; recorded and audited.' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({ type: [String], description: "Sources attached to this claim that the confirmation rests on too (their figures join the verdict's basis)." })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  sourceIds?: string[];

  @ApiPropertyOptional({ format: 'date', description: "The next review date; default: today plus the category's VERDICT_REVIEW_DAYS (none if it has none)." })
  @IsOptional() @IsISO8601({ strict: true }) @Type(() => String)
  reviewBy?: string;
}
