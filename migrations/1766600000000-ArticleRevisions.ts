import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, articles that change. An article keeps every revision of its text (article_revisions; the articles row
 * holds the current one and its number). Claims say which revision first had them (revision), in which they left the
 * text (gone_in_revision; kept, never deleted) and which claim of an earlier revision they replace (supersedes_claim_id:
 * the same sentence with a changed figure). A published verdict whose claim was superseded is marked recheck_due_at
 * (the "living verdicts" work acts on it). Re-extraction runs (extraction_reruns) keep their progress per article in
 * Postgres, so a run resumes after a crash or a Redis flush. The article list filters by publisher and by words of
 * the title or url.
 */
export class ArticleRevisions1766600000000 implements MigrationInterface {
  name = 'ArticleRevisions1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE articles ADD COLUMN revision integer NOT NULL DEFAULT 1 CONSTRAINT articles_revision_check CHECK (revision >= 1)`);
    await q.query(`
      CREATE TABLE article_revisions (
        article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        revision integer NOT NULL CONSTRAINT article_revisions_revision_check CHECK (revision >= 1),
        title text NOT NULL,
        text text NOT NULL,
        text_hash text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        extracted_at timestamptz,
        extractor_version text,
        changes jsonb,
        PRIMARY KEY (article_id, revision)
      )`);
    await q.query(`
      INSERT INTO article_revisions (article_id, revision, title, text, text_hash, created_by, created_at, extracted_at, extractor_version)
      SELECT id, 1, title, text, text_hash, created_by, created_at, extracted_at, extractor_version FROM articles`);

    await q.query(`ALTER TABLE claims ADD COLUMN revision integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE claims ADD COLUMN gone_in_revision integer`);
    await q.query(`ALTER TABLE claims ADD COLUMN supersedes_claim_id uuid REFERENCES claims(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX claims_supersedes_idx ON claims (supersedes_claim_id) WHERE supersedes_claim_id IS NOT NULL`);

    await q.query(`ALTER TABLE verdicts ADD COLUMN recheck_due_at timestamptz`);
    await q.query(`ALTER TABLE verdicts ADD COLUMN recheck_reason text`);

    // GET /v1/articles?publisher=: newest first within a publisher; ?q= on the url (the title has its full-text index).
    await q.query(`CREATE INDEX articles_publisher_created_idx ON articles (publisher, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX articles_url_trgm_idx ON articles USING gin (url_normalized gin_trgm_ops)`);
    // Reruns select extracted articles by extractor version.
    await q.query(`CREATE INDEX articles_extracted_version_idx ON articles (extractor_version, created_at) WHERE status = 'extracted'`);

    await q.query(`
      CREATE TABLE extraction_reruns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'running' CONSTRAINT extraction_reruns_status_check CHECK (status IN ('running','done')),
        since timestamptz,
        extractor_version_below text,
        total integer NOT NULL,
        done integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX extraction_reruns_running_idx ON extraction_reruns (updated_at) WHERE status = 'running'`);
    await q.query(`
      CREATE TABLE extraction_rerun_items (
        run_id uuid NOT NULL REFERENCES extraction_reruns(id) ON DELETE CASCADE,
        article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT extraction_rerun_items_status_check CHECK (status IN ('pending','done','failed')),
        outcome text,
        PRIMARY KEY (run_id, article_id)
      )`);
    await q.query(`CREATE INDEX extraction_rerun_items_pending_idx ON extraction_rerun_items (run_id, article_id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS extraction_rerun_items, extraction_reruns`);
    await q.query(`DROP INDEX IF EXISTS articles_extracted_version_idx`);
    await q.query(`DROP INDEX IF EXISTS articles_url_trgm_idx`);
    await q.query(`DROP INDEX IF EXISTS articles_publisher_created_idx`);
    await q.query(`ALTER TABLE verdicts DROP COLUMN recheck_reason, DROP COLUMN recheck_due_at`);
    await q.query(`DROP INDEX IF EXISTS claims_supersedes_idx`);
    await q.query(`ALTER TABLE claims DROP COLUMN supersedes_claim_id, DROP COLUMN gone_in_revision, DROP COLUMN revision`);
    await q.query(`DROP TABLE IF EXISTS article_revisions`);
    await q.query(`ALTER TABLE articles DROP COLUMN revision`);
  }
}
