import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extraction writes one article.extracted event per article, listing its claims (issue 14), and the audit log shows
 * each claim's entry as a claim.extracted event in its place: a small partial index finds those article events
 * newest first without walking the rest of the log.
 */
export class AuditExtractedIndex1767200000000 implements MigrationInterface {
  name = 'AuditExtractedIndex1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_extracted_idx ON audit_events (id) WHERE action = 'article.extracted'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_events_extracted_idx`);
  }
}
