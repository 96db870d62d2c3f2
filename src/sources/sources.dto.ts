import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString, IsIn, IsISO8601, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, IsUrl, IsUUID, MaxLength, ValidateNested,
} from 'class-validator';
import { SOURCE_TYPES, STANCES, type SourceType, type Stance } from './source.entity.js';

export class FigureDto {
  @ApiPropertyOptional({ description: 'The source\'s number. Or give low and/or high for a range or a bound.' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false })
  low?: number;

  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false })
  high?: number;

  @ApiPropertyOptional({ format: 'date', description: 'The date the figure describes.' })
  @IsOptional() @IsISO8601({ strict: true })
  asOf?: string;
}

export class CreateSourceDto {
  @ApiProperty({ example: 'https://stats.example.gov/report-2026' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @MaxLength(2048)
  url: string;

  @ApiProperty({ example: 'Annual casualty report' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  title: string;

  @ApiPropertyOptional({ example: 'National Statistics Office' })
  @IsOptional() @IsString() @MaxLength(300)
  publisher?: string;

  @ApiPropertyOptional({ enum: SOURCE_TYPES, default: 'other' })
  @IsOptional() @IsIn(SOURCE_TYPES)
  sourceType?: SourceType;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @IsDateString({ strict: true })
  publishedAt?: string;

  @ApiPropertyOptional({ description: 'The passage of the source that bears on the claim.' })
  @IsOptional() @IsString() @MaxLength(10000)
  excerpt?: string;

  @ApiPropertyOptional({ type: FigureDto, description: 'The source\'s own figure, compared with the claim by /assessment.' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => FigureDto)
  figure?: FigureDto;

  @ApiPropertyOptional({ enum: STANCES })
  @IsOptional() @IsIn(STANCES)
  stance?: Stance;

  @ApiPropertyOptional({ format: 'uuid', description: 'Another source of this claim that this one repeats: they count as one origin.' })
  @IsOptional() @IsUUID()
  citesSourceId?: string;
}

export class SourceFigureDto {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) low: number | null;
  @ApiProperty({ type: Number, nullable: true }) high: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) asOf: string | null;
}

export class SourceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty() url: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) publisher: string | null;
  @ApiProperty({ enum: SOURCE_TYPES }) sourceType: SourceType;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) excerpt: string | null;
  @ApiProperty({ type: SourceFigureDto, nullable: true }) figure: SourceFigureDto | null;
  @ApiProperty({ enum: STANCES, nullable: true }) stance: Stance | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) citesSourceId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
