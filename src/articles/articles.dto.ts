import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { KeysetPageQuery } from '../common/pagination.js';
import { ARTICLE_STATUSES, type ArticleStatus } from './article.entity.js';

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
}

export class IngestResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ARTICLE_STATUSES }) status: ArticleStatus;
  @ApiProperty({ description: 'false when the same url or text was ingested before.' }) created: boolean;
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
  @ApiProperty({ type: String, nullable: true }) extractorVersion: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) extractedAt: string | null;
  @ApiProperty() claimCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ArticleDto extends ArticleSummaryDto {
  @ApiProperty() text: string;
}

export class ListArticlesQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES, description: 'Only articles in this extraction status (failed: the ones to retry).' })
  @IsOptional() @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;
}

export class ArticlePageDto {
  @ApiProperty({ type: [ArticleSummaryDto] }) items: ArticleSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page.' }) nextCursor: string | null;
}
