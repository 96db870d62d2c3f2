import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11. An article's language (ISO 639-1, or 'und' when undetermined) and a terminal extraction status
 * `unsupported_language` for articles in a language the extractor does not read; the count of sentences the extractor
 * skipped (they threw) as the extraction's warning count.
 *
 * Existing rows keep language NULL ("not detected yet"): detecting needs the application's detector, and reading every
 * article's text inside a migration would hold the table for long on a large desk. An article with NULL is detected on
 * its next extraction (retry); one already extracted stays as it was (it was extracted as English).
 */
export class ArticleLanguage1766000000000 implements MigrationInterface {
  name = 'ArticleLanguage1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE articles ADD COLUMN language text CONSTRAINT articles_language_check CHECK (language ~ '^([a-z]{2}|und)$')`);
    await q.query(`ALTER TABLE articles ADD COLUMN skipped_sentences integer NOT NULL DEFAULT 0 CONSTRAINT articles_skipped_sentences_check CHECK (skipped_sentences >= 0)`);
    await q.query(`ALTER TABLE articles DROP CONSTRAINT articles_status_check`);
    await q.query(`ALTER TABLE articles ADD CONSTRAINT articles_status_check CHECK (status IN ('queued','extracting','extracted','failed','unsupported_language'))`);
    // GET /v1/articles?language=: newest first within a language, like articles_status_created_idx for the status.
    await q.query(`CREATE INDEX articles_language_created_idx ON articles (language, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS articles_language_created_idx`);
    // Articles not extracted for their language go back to "failed", the only terminal status the old schema knows.
    await q.query(`UPDATE articles SET status = 'failed', failure_reason = 'unsupported_language' WHERE status = 'unsupported_language'`);
    await q.query(`ALTER TABLE articles DROP CONSTRAINT articles_status_check`);
    await q.query(`ALTER TABLE articles ADD CONSTRAINT articles_status_check CHECK (status IN ('queued','extracting','extracted','failed'))`);
    await q.query(`ALTER TABLE articles DROP COLUMN skipped_sentences`);
    await q.query(`ALTER TABLE articles DROP COLUMN language`);
  }
}
