import { Column, CreateDateColumn, Entity, Generated, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TimeRef } from '../extractor/index.js';
import type { ClaimCategory, Qualifier } from './claim-vocabulary.js';

export const CLAIM_STATUSES = ['queued', 'in_review', 'awaiting_approval', 'published', 'dismissed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const MATCH_STATUSES = ['suggested', 'confirmed', 'unlinked'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Numeric columns come back from pg as strings for `numeric`; double precision keeps them numbers. */
const float = { type: 'double precision' as const, nullable: true };

@Entity('claims')
export class Claim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Monotonic insertion order: the stable key for cursor pagination. */
  @Column({ type: 'bigint', unique: true, insert: false, update: false })
  @Generated('increment')
  seq: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  /** Position of the claim in the extractor's output; (article_id, ordinal) is unique, which makes extraction idempotent. */
  @Column({ type: 'int' })
  ordinal: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'start_offset', type: 'int' })
  start: number;

  @Column({ name: 'end_offset', type: 'int' })
  end: number;

  @Column({ type: 'text' })
  category: ClaimCategory;

  @Column({ name: 'quantity_text', type: 'text', nullable: true })
  quantityText: string | null;

  @Column({ name: 'quantity_start', type: 'int', nullable: true })
  quantityStart: number | null;

  @Column({ name: 'quantity_end', type: 'int', nullable: true })
  quantityEnd: number | null;

  @Column({ name: 'quantity_value', ...float })
  value: number | null;

  @Column({ name: 'quantity_low', ...float })
  low: number | null;

  @Column({ name: 'quantity_high', ...float })
  high: number | null;

  @Column({ type: 'text', nullable: true })
  unit: string | null;

  @Column({ type: 'text', nullable: true })
  qualifier: Qualifier | null;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  speaker: string | null;

  @Column({ name: 'speaker_role', type: 'text', nullable: true })
  speakerRole: string | null;

  @Column({ name: 'time_ref', type: 'jsonb', nullable: true })
  timeRef: TimeRef | null;

  @Column({ type: 'real' })
  checkworthiness: number;

  @Column({ name: 'checkworthiness_reasons', type: 'text', array: true, default: () => "'{}'" })
  checkworthinessReasons: string[];

  @Column({ type: 'text' })
  status: ClaimStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  /** Numeric extent of the quantity (generated columns, for the claim-matching candidate index). */
  @Column({ name: 'quantity_min', ...float, insert: false, update: false })
  quantityMin: number | null;

  @Column({ name: 'quantity_max', ...float, insert: false, update: false })
  quantityMax: number | null;

  /** An earlier claim this one repeats (claim matching); kept when unlinked so it is not suggested again. */
  @Column({ name: 'matched_claim_id', type: 'uuid', nullable: true })
  matchedClaimId: string | null;

  @Column({ name: 'match_score', type: 'real', nullable: true })
  matchScore: number | null;

  @Column({ name: 'match_status', type: 'text', nullable: true })
  matchStatus: MatchStatus | null;

  /** The article revision whose extraction produced it. */
  @Column({ type: 'int', default: 1 })
  revision: number;

  /** The revision in which it left the article's text; null while it is there. Never deleted. */
  @Column({ name: 'gone_in_revision', type: 'int', nullable: true })
  goneInRevision: number | null;

  /** The claim of an earlier revision this one replaces (the same sentence, a changed figure). */
  @Column({ name: 'supersedes_claim_id', type: 'uuid', nullable: true })
  supersedesClaimId: string | null;

  /** Optimistic concurrency for editors' changes. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
