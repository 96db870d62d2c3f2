import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, invalidInput, notFound, unprocessable } from '../common/problem.js';
import { rows } from '../database/sql.js';
import { CLAIM_COLUMNS, claimRow } from '../extraction/claim-rows.js';
import { extractClaims } from '../extractor/index.js';
import type { ExtractedClaim, ExtractedQuantity } from '../extractor/types.js';
import { ReviewService } from '../review/review.service.js';
import type { AddClaimDto } from './claims.dto.js';

/** Check-worthiness of a claim an editor added: their judgement that it needs checking is the strongest signal there is. */
const EDITOR_CHECKWORTHINESS = 1;

/**
 * Claims the extractor missed, added by an editor by their span. The span is validated against the article's text
 * (inside it, not blank, not a claim already there); the extractor reads the span for whatever fields the editor left
 * out; the claim is queued for review like any other and its addition audited.
 */
@Injectable()
export class ManualClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly review: ReviewService,
  ) {}

  async add(articleId: string, dto: AddClaimDto, userId: string): Promise<string> {
    if (dto.end <= dto.start) throw invalidInput([{ field: 'end', message: 'end must be greater than start' }]);
    return this.db.transaction(async (tx) => {
      // The article lock orders this against extraction and other additions (the next ordinal is read under it).
      const [article] = await rows<{ text: string; status: string; published_at: Date | null; time_zone: string; revision: number }>(
        tx, `SELECT text, status, published_at, time_zone, revision FROM articles WHERE id = $1 FOR UPDATE`, [articleId],
      );
      if (!article) throw notFound('article', articleId);
      if (article.status !== 'extracted') {
        throw conflict('article_not_extracted', `Claims are added to an extracted article; this one is ${article.status}. Wait for extraction (or retry it) first.`, {
          currentStatus: article.status,
        });
      }
      if (dto.end > article.text.length) {
        throw unprocessable('span_out_of_range', `The span ends at ${dto.end} but the article has ${article.text.length} characters.`, { textLength: article.text.length });
      }
      const { start, end } = trimmed(article.text, dto.start, dto.end);
      if (start === end) throw unprocessable('empty_span', 'The span holds only white space: select the words of the claim.');
      const [existing] = await rows<{ id: string }>(
        tx, `SELECT id FROM claims WHERE article_id = $1 AND start_offset = $2 AND end_offset = $3 AND gone_in_revision IS NULL LIMIT 1`, [articleId, start, end],
      );
      if (existing) throw conflict('claim_exists', 'The article already has a claim with exactly this span.', { claimId: existing.id });

      const read = readSpan(article.text, start, end, article.published_at, article.time_zone);
      const claim: ExtractedClaim = {
        text: article.text.slice(start, end),
        start,
        end,
        category: dto.category,
        quantity: quantityOf(dto, read, article.text, start, end),
        subject: dto.subject ?? read?.subject ?? null,
        location: dto.location ?? read?.location ?? null,
        timeRef: dto.timeRef
          ? { text: dto.timeRef.text, start: -1, end: -1, date: dto.timeRef.date ?? null, from: dto.timeRef.from ?? null, to: dto.timeRef.to ?? null }
          : read?.timeRef ?? null,
        attribution: dto.speaker
          ? { speaker: dto.speaker, role: dto.speakerRole ?? null }
          : read?.attribution ? { speaker: read.attribution.speaker, role: dto.speakerRole ?? read.attribution.role } : null,
        checkworthiness: EDITOR_CHECKWORTHINESS,
        checkworthinessReasons: ['added_by_editor'],
      };
      if (claim.timeRef && claim.timeRef.start < 0) {
        // A time the editor typed has no place in the text; stored like an edited one ({text, date, from, to}).
        const { text, date, from, to } = claim.timeRef;
        claim.timeRef = { text, date, from, to } as ExtractedClaim['timeRef'];
      }
      const [{ next }] = await rows<{ next: number }>(tx, `SELECT COALESCE(max(ordinal), -1) + 1 AS next FROM claims WHERE article_id = $1`, [articleId]);
      // (of the article's current revision; reconciling a later one keeps it: an editor's claim counts as worked on)
      const [inserted] = await rows<{ id: string }>(
        tx,
        `INSERT INTO claims (${CLAIM_COLUMNS.join(', ')}, revision)
         VALUES (${CLAIM_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, $${CLAIM_COLUMNS.length + 1}) RETURNING id`,
        [...withoutUnplacedFigure(claimRow(articleId, next, claim, 'queued', null), claim), article.revision],
      );
      await this.review.createTasks(tx, [{ claimId: inserted.id, checkworthiness: EDITOR_CHECKWORTHINESS, category: dto.category }]);
      const given = Object.entries(dto).filter(([, v]) => v !== undefined).map(([k]) => k);
      const filledByExtractor = (['quantity', 'subject', 'location', 'timeRef', 'speaker'] as const)
        .filter((k) => !given.includes(k) && (k === 'speaker' ? claim.attribution !== null : claim[k] !== null));
      await this.audit.record(tx, {
        entityType: 'claim', entityId: inserted.id, action: 'claim.added', actorId: userId, toStatus: 'queued', reason: dto.reason ?? null,
        changes: { added: { start, end, category: claim.category, quantity: claim.quantity, subject: claim.subject, location: claim.location,
          speaker: claim.attribution?.speaker ?? null, timeRef: claim.timeRef }, readByExtractor: filledByExtractor },
      });
      return inserted.id;
    });
  }
}

/** The span without the white space around it (a selection in a browser often takes a space along). */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * What the extractor reads in the span: the claim it finds there whose figure lies inside it (else the first one),
 * with offsets in the article. The sentence around the span is not read: the editor chose these words.
 */
function readSpan(text: string, start: number, end: number, publishedAt: Date | null, timeZone: string): ExtractedClaim | null {
  const found = extractClaims(text.slice(start, end), { ...(publishedAt ? { publishedAt } : {}), timeZone });
  if (found.length === 0) return null;
  const best = found.find((c) => c.quantity) ?? found[0];
  const shift = <T extends { start: number; end: number }>(x: T | null): T | null => (x ? { ...x, start: x.start + start, end: x.end + start } : null);
  return { ...best, quantity: shift(best.quantity), timeRef: shift(best.timeRef) };
}

function quantityOf(dto: AddClaimDto, read: ExtractedClaim | null, text: string, start: number, end: number): ExtractedQuantity | null {
  const q = dto.quantity;
  if (!q) return read?.quantity ?? null;
  if ((q.value ?? null) === null && (q.low ?? null) === null && (q.high ?? null) === null) {
    throw invalidInput([{ field: 'quantity.value', message: 'a quantity needs value, or low and/or high' }]);
  }
  if (q.value != null && (q.low != null || q.high != null)) {
    throw invalidInput([{ field: 'quantity.value', message: 'give either value, or low and/or high, not both' }]);
  }
  if (q.low != null && q.high != null && q.low > q.high) {
    throw invalidInput([{ field: 'quantity.low', message: 'low must not be greater than high' }]);
  }
  let at: { start: number; end: number } | null = null;
  if (q.text) {
    const i = text.slice(start, end).indexOf(q.text);
    if (i < 0) throw unprocessable('quantity_not_in_span', `"${q.text}" does not occur in the claim's span.`);
    at = { start: start + i, end: start + i + q.text.length };
  } else if (read?.quantity) {
    at = { start: read.quantity.start, end: read.quantity.end };
  }
  const qualifier = q.qualifier ?? (q.value != null ? 'exact' : q.low != null && q.high != null ? 'range' : q.low != null ? 'lower_bound' : 'upper_bound');
  return {
    text: at ? text.slice(at.start, at.end) : '',
    start: at?.start ?? -1,
    end: at?.end ?? -1,
    value: q.value ?? null,
    low: q.low ?? null,
    high: q.high ?? null,
    unit: q.unit ?? read?.quantity?.unit ?? null,
    qualifier,
  };
}

/** A figure the editor typed without saying where the article writes it has no surface form or offsets: NULL, not "". */
function withoutUnplacedFigure(row: unknown[], claim: ExtractedClaim): unknown[] {
  if (!claim.quantity || claim.quantity.start >= 0) return row;
  for (const column of ['quantity_text', 'quantity_start', 'quantity_end'] as const) row[CLAIM_COLUMNS.indexOf(column)] = null;
  return row;
}
