import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ClaimDto } from '../claims/claims.dto.js';

export class MatchClaimsDto {
  @ApiProperty({ description: 'A sentence or a few: the claim to look up.', example: 'Russia has massed about 100,000 soldiers near Ukraine.' })
  @IsString() @IsNotEmpty() @MaxLength(5000)
  text: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional() @IsInt() @Min(1) @Max(50)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only claims with a published verdict.', default: false })
  @IsOptional() @IsBoolean()
  publishedOnly?: boolean;
}

export class ClaimMatchItemDto {
  @ApiProperty({ type: ClaimDto, description: 'The earlier claim, with its published verdict if any.' }) claim: ClaimDto;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: [String], example: ['same_category', 'quantity_overlap', 'shared_entity', 'text:0.571'] }) reasons: string[];
  @ApiProperty({ description: 'The claim of the request text it matched (several when the text has several claims).' })
  queryText: string;
}

export class ClaimMatchesDto {
  @ApiProperty({ type: [ClaimMatchItemDto], description: 'Best first; only pairs at or above the match threshold.' })
  items: ClaimMatchItemDto[];
}
