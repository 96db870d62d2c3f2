import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ClaimDto } from '../claims/claims.dto.js';

export class MatchClaimsDto {
  @ApiProperty({ description: 'A sentence or a few: the claim to look up.', example: 'Russia has massed about 100,000 soldiers near Ukraine.' })
  @IsString() @IsNotEmpty() @MaxLength(5000)
  text: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional() @IsInt() @Min(1) @Max(50)
  limit?: number;

  @ApiPropertyOptional({
    description: 'When the text was published (ISO 8601). Claims with figures whose texts carry no date are compared by their publication dates: years apart, they are two claims.',
    example: '2026-03-14',
  })
  @IsOptional() @IsDateString({ strict: true })
  publishedAt?: string;

  @ApiPropertyOptional({ description: 'Only claims with a published verdict (or imported fact-checks).', default: false })
  @IsOptional() @IsBoolean()
  publishedOnly?: boolean;
}

export class ClaimMatchItemDto {
  @ApiProperty({ type: ClaimDto, description: 'The earlier claim, with its published verdict if any.' }) claim: ClaimDto;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: [String], example: ['text:0.571', 'same_figure:100000', 'same_year:2021', 'shared_entity'],
    description: 'Why it matched: the words-in-common score, the figure that agreed, the years and publication dates compared, the category or a figure on one side only when they lowered the score.' }) reasons: string[];
  @ApiProperty({ description: 'The claim of the request text it matched (several when the text has several claims).' })
  queryText: string;
}

export class ClaimMatchesDto {
  @ApiProperty({ type: [ClaimMatchItemDto], description: 'The answer first: the best earlier claim at or above the match threshold (0.33) that shares more than names with the text, of no other actor and no other kind of action, and not sharing only the figure of a post about another claim (reasons names_only, actor_differs, other_action, nearer_claim_contradicts mark those that do not); then other plausible earlier claims (score ≥ 0.2, none so marked). Empty when there is no answer. None contradicts the text.' })
  items: ClaimMatchItemDto[];

  @ApiProperty({ type: [ClaimMatchItemDto], description: 'Earlier claims that nothing in the text contradicts and that are not in `items` (score ≥ 0.1), best first: below the threshold, or marked as no answer (names_only, actor_differs, other_action, nearer_claim_contradicts). Leads for the reader to check, not answers.' })
  related: ClaimMatchItemDto[];
}
