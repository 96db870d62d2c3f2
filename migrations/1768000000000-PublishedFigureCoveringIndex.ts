import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns the ranker reads of a claim (CANDIDATE_COLUMNS in src/matching/claim-matcher.ts), besides its terms and figures. */
const READ_BY_THE_RANKER = ['text', 'quantity_text', 'unit', 'qualifier', 'subject', 'location', 'speaker', 'time_ref'];
const BUMP_WHEN = (columns: string[]) =>
  ['match_terms', 'status', 'category', 'quantity_value', 'quantity_low', 'quantity_high', ...columns]
    .map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');

/**
 * Issue 14, ingest: findRepeats' window scan reads only the index. It needs each candidate's id, seq, article and
 * version; with those in the index (INCLUDE), the scan no longer fetches a heap row per entry (three in four of the
 * query's buffers at 200 base articles), and the claim's version is its `match_version`, so the query no longer looks
 * each candidate up by its key to read its `xmin` (the article's part of the version is read once per article).
 * For `match_version` to version what the ranker reads of a claim, it now also changes with the columns the ranker
 * reads that the terms do not always show (a unit, a place, a time), and with its article's publication date (which
 * stands for the claim's moment): the API's match index and the worker's published figures are refreshed on those too.
 */
export class PublishedFigureCoveringIndex1768000000000 implements MigrationInterface {
  name = 'PublishedFigureCoveringIndex1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX claims_published_figure_cover_idx ON claims (quantity_min, quantity_max) INCLUDE (article_id, seq, id, match_version)
                     WHERE status = 'published' AND quantity_min IS NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS claims_published_figure_range_idx`);
    await this.trigger(q, READ_BY_THE_RANKER);
    await q.query(`
      CREATE FUNCTION articles_claims_match_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE claims SET match_version = nextval('claims_match_version_seq') WHERE article_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER articles_match_version AFTER UPDATE OF published_at ON articles FOR EACH ROW
                     WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at) EXECUTE FUNCTION articles_claims_match_version_bump()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS articles_match_version ON articles`);
    await q.query(`DROP FUNCTION IF EXISTS articles_claims_match_version_bump()`);
    await this.trigger(q, []);
    await q.query(`CREATE INDEX IF NOT EXISTS claims_published_figure_range_idx ON claims (quantity_min, quantity_max) INCLUDE (article_id)
                     WHERE status = 'published' AND quantity_min IS NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS claims_published_figure_cover_idx`);
  }

  /** (quantity_min/max are generated after BEFORE triggers: their inputs are compared, as in MatchVersion1766300000000.) */
  private async trigger(q: QueryRunner, columns: string[]): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS claims_match_version ON claims`);
    await q.query(`CREATE TRIGGER claims_match_version BEFORE UPDATE ON claims FOR EACH ROW
                     WHEN (${BUMP_WHEN(columns)}) EXECUTE FUNCTION claims_match_version_bump()`);
  }
}
