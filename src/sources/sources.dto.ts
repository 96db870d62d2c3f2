import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

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

  @ApiPropertyOptional({ description: 'The passage of the source that bears on the claim.' })
  @IsOptional() @IsString() @MaxLength(10000)
  excerpt?: string;
}
