import { ApiProperty } from '@nestjs/swagger';

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['article', 'claim', 'review_task', 'source', 'verdict', 'token'] }) entityType: string;
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
