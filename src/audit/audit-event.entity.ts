import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ENTITIES = ['article', 'claim', 'review_task', 'source', 'verdict', 'token', 'user', 'webhook', 'publisher', 'extraction_rerun'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Append-only: rows are inserted, never updated or deleted (a trigger in the migration enforces it). */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: AuditEntity;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'text' })
  action: string;

  /** The claim an event concerns (also for task, source and verdict events): one indexed query per history. */
  @Column({ name: 'claim_id', type: 'uuid', nullable: true })
  claimId: string | null;

  /** null for the system (workers). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
