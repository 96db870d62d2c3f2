import { ApiProperty } from '@nestjs/swagger';
import { IsTimeZone } from 'class-validator';

export class SetPublisherDto {
  @ApiProperty({ example: 'Europe/Kyiv', description: 'IANA time zone the publisher writes in.' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone, e.g. Europe/Kyiv or America/New_York' })
  timeZone: string;
}

export class PublisherDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Europe/Kyiv' }) timeZone: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, nullable: true }) updatedByName: string | null;
}

export class PublishersDto {
  @ApiProperty({ type: [PublisherDto] }) items: PublisherDto[];
  @ApiProperty({ description: 'The zone of articles whose publisher is not listed (DEFAULT_TIME_ZONE).' }) defaultTimeZone: string;
}
