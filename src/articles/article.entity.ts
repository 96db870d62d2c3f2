import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** unsupported_language: final, not extracted, because the extractor does not read the article's language. */
export const ARTICLE_STATUSES = ['queued', 'extracting', 'extracted', 'failed', 'unsupported_language'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

@Entity('articles')
export class Article {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  /** Canonical form of `url` (see normalizeUrl); unique, so the same page is ingested once. */
  @Column({ name: 'url_normalized', type: 'text', nullable: true })
  urlNormalized: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  publisher: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text' })
  text: string;

  /** SHA-256 of the whitespace-normalized text; unique, so the same text under another url is ingested once. */
  @Column({ name: 'text_hash', type: 'text' })
  textHash: string;

  @Column({ type: 'text' })
  status: ArticleStatus;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  /** ISO 639-1 code, or 'und' (undetermined); null for articles ingested before languages were detected. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  /** Sentences the extractor threw on and skipped in the last extraction (its warning count). */
  @Column({ name: 'skipped_sentences', type: 'integer', default: 0 })
  skippedSentences: number;

  /** 1, plus one per new text ingested under the same url; every revision's text is in article_revisions. */
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ name: 'extractor_version', type: 'text', nullable: true })
  extractorVersion: string | null;

  @Column({ name: 'extracted_at', type: 'timestamptz', nullable: true })
  extractedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
