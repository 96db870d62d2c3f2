/**
 * Stand-in loader for the matching benchmark: stores each ClaimReview as an article plus one published claim.
 * Deliberately small and isolated: the ClaimReview import service (another branch) replaces it.
 *
 * claim text = claimReviewed; category and quantity from the extractor's first claim with a figure, else category
 * 'statement' and no quantity; subject, location, speaker and time from that claim (or the first claim found);
 * article published_at = itemReviewed.datePublished ?? datePublished (also the extractor's anchor for dates).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { bulkInsert } from '../../src/database/bulk-insert.js';
import { extractClaims } from '../../src/extractor/index.js';

export interface ClaimReview {
  url: string;
  claimReviewed: string;
  datePublished: string;
  author?: { name?: string };
  reviewRating?: { alternateName?: string; ratingValue?: number };
  itemReviewed?: { author?: { name?: string }; datePublished?: string };
  inLanguage?: string;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** Inserts one article and one published claim per fact-check; returns claim id -> fact-check url. */
export async function loadFactChecks(db: DataSource, reviews: readonly ClaimReview[]): Promise<Map<string, string>> {
  return db.transaction(async (tx) => {
    const articles = await bulkInsert<{ id: string; url: string }>(
      tx, 'articles', ['url', 'url_normalized', 'title', 'publisher', 'published_at', 'text', 'text_hash', 'status', 'language', 'extracted_at'],
      reviews.map((r) => [
        r.url, r.url, r.claimReviewed.slice(0, 200), r.author?.name ?? null, r.itemReviewed?.datePublished ?? r.datePublished,
        r.claimReviewed, createHash('sha256').update(`${r.url}\n${r.claimReviewed}`).digest('hex'), 'extracted', r.inLanguage ?? 'en', new Date(),
      ]),
      'RETURNING id, url',
    );
    const articleOf = new Map(articles.map((a) => [a.url, a.id]));
    const claimRows = reviews.map((r) => {
      const text = r.claimReviewed;
      const extracted = extractClaims(text, { publishedAt: new Date(r.itemReviewed?.datePublished ?? r.datePublished) });
      const figure = extracted.find((c) => c.quantity !== null) ?? null;
      const c = figure ?? extracted[0] ?? null;
      const q = figure?.quantity ?? null;
      return [
        articleOf.get(r.url), 0, text, 0, text.length, figure?.category ?? 'statement',
        q?.text ?? null, q?.start ?? null, q?.end ?? null, q?.value ?? null, q?.low ?? null, q?.high ?? null, q?.unit ?? null, q?.qualifier ?? null,
        c?.subject ?? null, c?.location ?? null, c?.attribution?.speaker ?? null, c?.attribution?.role ?? null,
        c?.timeRef ? JSON.stringify(c.timeRef) : null, c?.checkworthiness ?? 1, c?.checkworthinessReasons ?? [], 'published',
      ];
    });
    const claims = await bulkInsert<{ id: string; article_id: string }>(
      tx, 'claims', ['article_id', 'ordinal', 'text', 'start_offset', 'end_offset', 'category',
        'quantity_text', 'quantity_start', 'quantity_end', 'quantity_value', 'quantity_low', 'quantity_high', 'unit', 'qualifier',
        'subject', 'location', 'speaker', 'speaker_role', 'time_ref', 'checkworthiness', 'checkworthiness_reasons', 'status'],
      claimRows, 'RETURNING id, article_id',
    );
    const urlOf = new Map(articles.map((a) => [a.id, a.url]));
    return new Map(claims.map((c) => [c.id, urlOf.get(c.article_id)!]));
  });
}
