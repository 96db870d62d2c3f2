import { ApiProperty } from '@nestjs/swagger';

export const TIMELINE_RELATIONS = ['this', 'matched', 'same_quantity', 'source'] as const;
export type TimelineRelation = (typeof TIMELINE_RELATIONS)[number];

export class TimelineFigureDto {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) low: number | null;
  @ApiProperty({ type: Number, nullable: true }) high: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'How the text gives it ("more than 14,000"); null for a source\'s figure.' }) text: string | null;
  @ApiProperty({ type: String, nullable: true }) qualifier: string | null;
}

export class TimelinePointDto {
  @ApiProperty({ enum: TIMELINE_RELATIONS, description: 'this claim; a claim matched to it; another claim of the same quantity (category, unit, place or actor); a source\'s figure on one of these claims' })
  relation: TimelineRelation;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The date the figure describes: the claim\'s own date, else its article\'s publication; a source\'s as-of date, else its publication.' })
  date: string | null;
  @ApiProperty({ enum: ['claim_date', 'article_published', 'as_of', 'source_published'], nullable: true, type: String }) dateBasis: string | null;
  @ApiProperty({ type: TimelineFigureDto }) figure: TimelineFigureDto;
  @ApiProperty({ type: String, nullable: true, description: 'Who said it: the speaker, else the publisher (of the article or the source).' }) who: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) claimId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sourceId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The article\'s title or the source\'s.' }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The published verdict\'s rating, for a claim.' }) rating: string | null;
}

export class TimelineDto {
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ type: [TimelinePointDto], description: 'Oldest first; points without a date last. At most 200.' }) points: TimelinePointDto[];
}
