import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SOURCE_TYPES = ['official', 'intergovernmental', 'ngo', 'wire', 'media', 'academic', 'other'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const STANCES = ['supports', 'contradicts', 'context'] as const;
export type Stance = (typeof STANCES)[number];

/** A piece of evidence attached to a claim by an editor. */
@Entity('sources')
export class Source {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  publisher: string | null;

  @Column({ type: 'text', nullable: true })
  excerpt: string | null;

  @Column({ name: 'source_type', type: 'text', default: 'other' })
  sourceType: SourceType;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** The source's own figure: a value, or bounds. */
  @Column({ name: 'figure_value', type: 'double precision', nullable: true })
  figureValue: number | null;

  @Column({ name: 'figure_low', type: 'double precision', nullable: true })
  figureLow: number | null;

  @Column({ name: 'figure_high', type: 'double precision', nullable: true })
  figureHigh: number | null;

  @Column({ name: 'figure_as_of', type: 'date', nullable: true })
  figureAsOf: string | null;

  @Column({ type: 'text', nullable: true })
  stance: Stance | null;

  /** This source repeats that one: one origin quoted many times counts once. */
  @Column({ name: 'cites_source_id', type: 'uuid', nullable: true })
  citesSourceId: string | null;

  @Column({ name: 'added_by', type: 'uuid' })
  addedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
