import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REVIEW_TASK_STATUSES = ['open', 'leased', 'done', 'cancelled'] as const;
export type ReviewTaskStatus = (typeof REVIEW_TASK_STATUSES)[number];

@Entity('review_tasks')
export class ReviewTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ type: 'text' })
  status: ReviewTaskStatus;

  /** Higher first. */
  @Column({ type: 'real' })
  priority: number;

  /** Ordering key: priority − REVIEW_AGING_PER_HOUR × hours since epoch at creation (see review/priority.ts). */
  @Column({ type: 'double precision' })
  rank: number;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** Set by an approver: only this editor is handed the task. */
  @Column({ name: 'assigned_to', type: 'uuid', nullable: true })
  assignedTo: string | null;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy: string | null;

  @Column({ name: 'leased_by', type: 'uuid', nullable: true })
  leasedBy: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** `recheck`: a published verdict's re-check (living verdicts); the claim stays published while it is worked. */
  @Column({ type: 'text', default: 'review' })
  kind: 'review' | 'recheck';

  @Column({ name: 'recheck_reason', type: 'text', nullable: true })
  recheckReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
