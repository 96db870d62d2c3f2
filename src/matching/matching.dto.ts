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
  @ApiProperty({ type: [ClaimMatchItemDto], description: 'Best first; none that contradicts the text. Empty unless the best is at or above the match threshold (0.33); below it, other plausible earlier claims (score ≥ 0.2) follow.' })
  items: ClaimMatchItemDto[];

  @ApiProperty({ type: [ClaimMatchItemDto], description: 'Only when `items` is empty: earlier claims on the same subject that nothing in the text contradicts but that score below the match threshold (0.1 to 0.33), best first. Leads for the reader to check, not answers.' })
  related: ClaimMatchItemDto[];
}
