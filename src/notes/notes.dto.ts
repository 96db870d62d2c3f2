import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateNoteDto {
  @ApiProperty({ example: '@dana the ministry figure is from March, the article is from May: can you check the later report?', maxLength: 4000 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @IsNotEmpty({ message: 'body must not be empty' }) @MaxLength(4000)
  body: string;
}

export class MentionDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty({ description: 'Plain text, as written.' }) body: string;
  @ApiProperty({ type: [MentionDto], description: 'The @names that are people on the desk (each is notified). Other @words stay text.' })
  mentions: MentionDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
