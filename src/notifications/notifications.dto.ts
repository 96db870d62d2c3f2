import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, Matches, ValidateIf } from 'class-validator';
import { PageQuery } from '../common/pagination.js';

export const NOTIFICATION_KINDS = ['mention', 'verdict_rejected', 'recheck'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export class NotificationDto {
  @ApiProperty({ description: 'Increasing: newer notifications have larger ids.' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) claimId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The claim text, so the list reads without another request.' }) claimText: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) noteId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) verdictId: string | null;
  @ApiProperty({ description: 'What happened, in words (the note, or the rejection reason).' }) message: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Unread notifications of the caller in all (not only this page).' }) unread: number;
}

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only the unread ones.' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'The notifications to mark read; omit and send all: true for every one.' })
  @ValidateIf((o: MarkReadDto) => o.all !== true)
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @Matches(/^\d{1,18}$/, { each: true, message: 'each id is a notification id (digits)' })
  ids?: string[];

  @ApiPropertyOptional({ description: 'true: mark every notification of yours read.' })
  @IsOptional() @IsBoolean()
  all?: boolean;
}

export class MarkReadResultDto {
  @ApiProperty({ description: 'How many were unread and are now read.' }) marked: number;
  @ApiProperty() unread: number;
}
