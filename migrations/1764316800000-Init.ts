import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole first schema. Enums are checked text so that later values need no ALTER TYPE. */
export class Init1764316800000 implements MigrationInterface {
  name = 'Init1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        role text NOT NULL CONSTRAINT users_role_check CHECK (role IN ('admin','editor','consumer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_name_key UNIQUE (name)
      )`);

    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL,
        prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id)`);

    await q.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text,
        url_normalized text,
        title text NOT NULL,
        publisher text,
        published_at timestamptz,
        text text NOT NULL,
        text_hash text NOT NULL,
        status text NOT NULL DEFAULT 'queued'
          CONSTRAINT articles_status_check CHECK (status IN ('queued','extracting','extracted','failed')),
        failure_reason text,
        extractor_version text,
        extracted_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT articles_url_normalized_key UNIQUE (url_normalized),
        CONSTRAINT articles_text_hash_key UNIQUE (text_hash)
      )`);
    // The reconciler scans for unfinished work only: a small partial index.
    await q.query(`CREATE INDEX articles_pending_idx ON articles (updated_at) WHERE status IN ('queued','extracting')`);

    await q.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        ordinal int NOT NULL,
        text text NOT NULL,
        start_offset int NOT NULL,
        end_offset int NOT NULL,
        category text NOT NULL CONSTRAINT claims_category_check CHECK (category IN
          ('troop_count','casualties','displacement','money','percentage','quantity_other','event','statement')),
        quantity_text text,
        quantity_start int,
        quantity_end int,
        quantity_value double precision,
        quantity_low double precision,
        quantity_high double precision,
        unit text,
        qualifier text CONSTRAINT claims_qualifier_check CHECK (qualifier IN ('exact','approximate','lower_bound','upper_bound','range')),
        subject text,
        location text,
        speaker text,
        speaker_role text,
        time_ref jsonb,
        checkworthiness real NOT NULL CONSTRAINT claims_checkworthiness_check CHECK (checkworthiness BETWEEN 0 AND 1),
        checkworthiness_reasons text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CONSTRAINT claims_status_check CHECK (status IN
          ('queued','in_review','awaiting_approval','published','dismissed')),
        status_reason text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT claims_seq_key UNIQUE (seq),
        CONSTRAINT claims_article_ordinal_key UNIQUE (article_id, ordinal),
        CONSTRAINT claims_span_check CHECK (start_offset >= 0 AND end_offset > start_offset)
      )`);
    // List filters: newest first (seq desc) within a category or a status; the unique key above serves article_id.
    await q.query(`CREATE INDEX claims_category_seq_idx ON claims (category, seq DESC)`);
    await q.query(`CREATE INDEX claims_status_seq_idx ON claims (status, seq DESC)`);

    await q.query(`
      CREATE TABLE review_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        status text NOT NULL CONSTRAINT review_tasks_status_check CHECK (status IN ('open','leased','done','cancelled')),
        priority real NOT NULL,
        leased_by uuid REFERENCES users(id) ON DELETE SET NULL,
        lease_expires_at timestamptz,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT review_tasks_lease_check CHECK (status <> 'leased' OR (leased_by IS NOT NULL AND lease_expires_at IS NOT NULL))
      )`);
    // At most one unfinished task per claim.
    await q.query(
      `CREATE UNIQUE INDEX review_tasks_active_claim_key ON review_tasks (claim_id) WHERE status IN ('open','leased')`,
    );
    // The lease query: highest priority among open tasks, oldest first.
    await q.query(
      `CREATE INDEX review_tasks_queue_idx ON review_tasks (priority DESC, created_at) WHERE status = 'open'`,
    );
    await q.query(
      `CREATE INDEX review_tasks_lease_expiry_idx ON review_tasks (lease_expires_at) WHERE status = 'leased'`,
    );
    await q.query(`CREATE INDEX review_tasks_status_priority_idx ON review_tasks (status, priority DESC, created_at)`);

    await q.query(`
      CREATE TABLE sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        url text NOT NULL,
        title text NOT NULL,
        publisher text,
        excerpt text,
        added_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sources_claim_id_idx ON sources (claim_id, created_at)`);

    await q.query(`
      CREATE TABLE verdicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        version int NOT NULL,
        rating text NOT NULL CONSTRAINT verdicts_rating_check CHECK (rating IN
          ('true','mostly_true','misleading','mostly_false','false','unverifiable')),
        summary text NOT NULL,
        source_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL CONSTRAINT verdicts_status_check CHECK (status IN ('proposed','published','rejected','superseded')),
        author_id uuid NOT NULL REFERENCES users(id),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT verdicts_claim_version_key UNIQUE (claim_id, version)
      )`);
    // The current verdict of a claim.
    await q.query(`CREATE UNIQUE INDEX verdicts_published_claim_key ON verdicts (claim_id) WHERE status = 'published'`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        action text NOT NULL,
        actor_id uuid REFERENCES users(id),
        from_status text,
        to_status text,
        reason text,
        changes jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id)`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_events, verdicts, sources, review_tasks, claims, articles, api_tokens, users`);
    await q.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
  }
}
