import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Verdict feeds, full-text search over claims, webhooks with an outbox of deliveries. */
export class ConsumerApi1764327600000 implements MigrationInterface {
  name = 'ConsumerApi1764327600000';

  async up(q: QueryRunner): Promise<void> {
    // Feed position: taken at publication, under an advisory lock, so positions follow commit order
    // and a poller using ?since= never misses a verdict that committed late.
    await q.query(`CREATE SEQUENCE verdicts_feed_seq`);
    await q.query(`ALTER TABLE verdicts ADD COLUMN feed_seq bigint`);
    await q.query(`UPDATE verdicts SET feed_seq = nextval('verdicts_feed_seq')
                    WHERE id IN (SELECT id FROM verdicts WHERE published_at IS NOT NULL ORDER BY published_at, id)`);
    await q.query(`CREATE UNIQUE INDEX verdicts_feed_seq_key ON verdicts (feed_seq) WHERE feed_seq IS NOT NULL`);
    await q.query(`CREATE INDEX verdicts_feed_published_at_idx ON verdicts (published_at) WHERE feed_seq IS NOT NULL`);

    await q.query(`ALTER TABLE claims ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(text, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(subject, '') || ' ' || coalesce(speaker, '')), 'B')) STORED`);
    await q.query(`CREATE INDEX claims_search_idx ON claims USING gin (search)`);

    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        events text[] NOT NULL,
        -- Needed in clear to sign each delivery (HMAC); shown to the admin once, never returned again.
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhooks_events_check CHECK (events <@ ARRAY['verdict.published','verdict.corrected','article.extracted']::text[] AND cardinality(events) > 0)
      )`);
    await q.query(`CREATE INDEX webhooks_events_idx ON webhooks USING gin (events) WHERE active`);

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        event text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending','delivered','failed')),
        attempts int NOT NULL DEFAULT 0,
        last_status_code int,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC)`);
    await q.query(`CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (updated_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE webhook_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        attempt int NOT NULL,
        status_code int,
        error text,
        duration_ms int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS webhook_attempts, webhook_deliveries, webhooks`);
    await q.query(`DROP INDEX IF EXISTS claims_search_idx`);
    await q.query(`ALTER TABLE claims DROP COLUMN IF EXISTS search`);
    await q.query(`DROP INDEX IF EXISTS verdicts_feed_seq_key`);
    await q.query(`ALTER TABLE verdicts DROP COLUMN IF EXISTS feed_seq`);
    await q.query(`DROP SEQUENCE IF EXISTS verdicts_feed_seq`);
  }
}
