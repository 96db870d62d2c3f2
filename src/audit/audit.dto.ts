import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { AUDIT_ENTITIES, type AuditEntity } from './audit-event.entity.js';

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: AUDIT_ENTITIES }) entityType: AuditEntity;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ example: 'verdict.proposed' }) action: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system (workers)' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) toStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'What changed, e.g. {field: {from, to}}' }) changes: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListAuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ENTITIES }) @IsOptional() @IsIn(AUDIT_ENTITIES)
  entityType?: AuditEntity;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  entityId?: string;

  @ApiPropertyOptional({ example: 'webhook.created' }) @IsOptional() @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'action looks like webhook.created' })
  action?: string;
}
