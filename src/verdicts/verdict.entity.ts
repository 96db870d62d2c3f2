import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RATINGS = ['true', 'mostly_true', 'misleading', 'mostly_false', 'false', 'unverifiable'] as const;
export type Rating = (typeof RATINGS)[number];

export const VERDICT_STATUSES = ['proposed', 'published', 'rejected', 'superseded'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

/** Verdicts are versioned per claim and never updated in place except for their status and their publication. */
@Entity('verdicts')
export class Verdict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  rating: Rating;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'source_ids', type: 'uuid', array: true, default: () => "'{}'" })
  sourceIds: string[];

  @Column({ type: 'text' })
  status: VerdictStatus;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  /** Set on a correction: why the published verdict was replaced. */
  @Column({ name: 'correction_reason', type: 'text', nullable: true })
  correctionReason: string | null;

  @Column({ name: 'corrects_verdict_id', type: 'uuid', nullable: true })
  correctsVerdictId: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** The fact-check article on the newsroom's site; url, headline and language are set together or not at all. */
  @Column({ name: 'publication_url', type: 'text', nullable: true })
  publicationUrl: string | null;

  @Column({ name: 'publication_headline', type: 'text', nullable: true })
  publicationHeadline: string | null;

  @Column({ name: 'publication_language', type: 'text', nullable: true })
  publicationLanguage: string | null;

  @Column({ name: 'publication_image_url', type: 'text', nullable: true })
  publicationImageUrl: string | null;

  /** When an approver last changed the publication of the published verdict (in place, no new version). */
  @Column({ name: 'publication_updated_at', type: 'timestamptz', nullable: true })
  publicationUpdatedAt: Date | null;

  /** ClaimReview's short form of the claim; null: the claim's sentence. */
  @Column({ name: 'claim_reviewed', type: 'text', nullable: true })
  claimReviewed: string | null;

  /** Living verdicts: when and why the published verdict is due for a re-check (null: not due), and the new figure. */
  @Column({ name: 'recheck_due_at', type: 'timestamptz', nullable: true })
  recheckDueAt: Date | null;

  @Column({ name: 'recheck_reason', type: 'text', nullable: true })
  recheckReason: string | null;

  @Column({ name: 'recheck_figure', type: 'jsonb', nullable: true })
  recheckFigure: Record<string, unknown> | null;

  /** What the published verdict rested on (claim interval, cited sources' figures and as-of dates, tolerance). */
  @Column({ type: 'jsonb', nullable: true })
  basis: Record<string, unknown> | null;

  /** The basis widened by the tolerance: a later figure outside [band_low, band_high] makes it due (null = open). */
  @Column({ name: 'band_low', type: 'double precision', nullable: true })
  bandLow: number | null;

  @Column({ name: 'band_high', type: 'double precision', nullable: true })
  bandHigh: number | null;

  /** Expiry: past it the verdict is due for a re-check. */
  @Column({ name: 'review_by', type: 'timestamptz', nullable: true })
  reviewBy: Date | null;

  /** The last confirmation of a re-check: when, who, the note and the figures. */
  @Column({ name: 'last_recheck', type: 'jsonb', nullable: true })
  lastRecheck: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
