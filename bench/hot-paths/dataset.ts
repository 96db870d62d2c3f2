/**
 * The hot-path benchmark's data: one template database, migrated and seeded once per run (users and tokens, and a
 * base of extracted articles with a share of their claims published), then copied (CREATE DATABASE … TEMPLATE) for
 * every target of every round, so service and floor always start from identical data.
 */
import pg from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import { extractClaims } from '../../src/extractor/index.js';
import { CLAIM_COLUMNS, claimRow } from '../../src/extraction/claim-rows.js';
import { textHash } from '../../src/articles/normalize.js';
import { benchArticle } from './articles.js';

export interface Tokens { ingest: string; reader: string; editors: string[] }

export function databaseUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

async function admin<T>(base: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: databaseUrl(base, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return name;
};

export async function dropDatabase(base: string, name: string): Promise<void> {
  await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

/** A fresh copy of the template (nothing may be connected to the template meanwhile). */
export async function copyDatabase(base: string, template: string, name: string): Promise<void> {
  await admin(base, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`);
  });
}

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

/** Builds the template: migrate, users and tokens, `baseArticles` extracted articles (every fifth claim published). */
export async function buildTemplate(base: string, template: string, opts: { baseArticles: number; editors: number; seed: number }): Promise<{ tokens: Tokens; claims: number; published: number }> {
  await dropDatabase(base, template);
  const url = databaseUrl(base, template);
  const { migrate } = await import('../../src/database/migrate.js');
  await migrate(url, () => undefined);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const token = async (name: string, role: string): Promise<{ token: string; userId: string }> => {
      const { rows: [u] } = await c.query(`INSERT INTO users (name, role) VALUES ($1, $2) RETURNING id`, [name, role]);
      const t = 'cc_' + randomBytes(32).toString('base64url');
      await c.query(`INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, 'bench', $2, $3)`, [u.id, hashToken(t), t.slice(0, 9)]);
      return { token: t, userId: u.id };
    };
    const ingest = await token('bench-ingest', 'editor');
    const reader = await token('bench-reader', 'consumer');
    const approver = await token('bench-approver', 'approver');
    const editors: string[] = [];
    for (let i = 0; i < opts.editors; i++) editors.push((await token(`bench-editor-${i}`, 'editor')).token);

    let claims = 0;
    let published = 0;
    let feedSeq = 0;
    for (let i = 0; i < opts.baseArticles; i++) {
      const a = benchArticle(opts.seed, i);
      const extracted = extractClaims(a.text, { publishedAt: new Date(a.publishedAt), onSentenceError: () => undefined });
      await c.query('BEGIN');
      const { rows: [art] } = await c.query(
        `INSERT INTO articles (title, publisher, published_at, text, text_hash, status, created_by, language, extracted_at, extractor_version)
         VALUES ($1, $2, $3, $4, $5, 'extracted', $6, 'en', now(), 'bench') RETURNING id`,
        [a.title, a.publisher, a.publishedAt, a.text, textHash(a.text), ingest.userId]);
      await c.query(`INSERT INTO article_revisions (article_id, revision, title, text, text_hash, created_by, extracted_at) VALUES ($1, 1, $2, $3, $4, $5, now())`,
        [art.id, a.title, a.text, textHash(a.text), ingest.userId]);
      if (extracted.length > 0) {
        const values: unknown[] = [];
        const cols = [...CLAIM_COLUMNS];
        const tuples = extracted.map((cl, k) => {
          const row = claimRow(art.id, k, cl, k % 5 === 0 ? 'published' : 'dismissed', k % 5 === 0 ? null : 'bench_base');
          return `(${row.map((v) => { values.push(v); return `$${values.length}`; }).join(', ')})`;
        });
        const { rows: ids } = await c.query(`INSERT INTO claims (${cols.join(', ')}) VALUES ${tuples.join(', ')} RETURNING id, status`, values);
        const pub = ids.filter((r) => r.status === 'published').map((r) => r.id as string);
        if (pub.length > 0) {
          await c.query(
            `INSERT INTO verdicts (claim_id, version, rating, summary, source_ids, status, author_id, approved_by, published_at, feed_seq)
             SELECT x.id, 1, 'unverifiable', 'No public record confirms or refutes this figure (bench).', '{}', 'published', $2, $3, now(), $4 + x.n
               FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)`,
            [pub, ingest.userId, approver.userId, feedSeq]);
          feedSeq += pub.length;
        }
        claims += ids.length;
        published += pub.length;
      }
      await c.query('COMMIT');
    }
    await c.query('VACUUM ANALYZE');
    return { tokens: { ingest: ingest.token, reader: reader.token, editors }, claims, published };
  } finally {
    await c.end();
  }
}
