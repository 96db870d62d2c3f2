import type { MigrationInterface, QueryRunner } from 'typeorm';

/** /metrics counts leases granted and expired from the audit log at every scrape: a small partial index keeps that cheap. */
export class MetricsLeaseIndex1765600000000 implements MigrationInterface {
  name = 'MetricsLeaseIndex1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_lease_action_idx ON audit_events (action) WHERE action IN ('task.leased', 'task.lease_expired')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_events_lease_action_idx`);
  }
}
