import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { ReadScope } from '../auth/read-scope.js';
import type { MatchStatus } from '../claims/claim.entity.js';
import { CLAIM_FROM, CLAIM_SELECT, toClaimDto, type ClaimRow } from '../claims/claim.view.js';
import { conflict, notFound } from '../common/problem.js';
import { rows } from '../database/sql.js';
import { extractClaims } from '../extractor/index.js';
import { ClaimMatcher } from './claim-matcher.js';
import { isGated, isMatch, type MatchableClaim } from './match-score.js';
import type { ClaimMatchesDto, MatchClaimsDto } from './matching.dto.js';

const DEFAULT_LIMIT = 10;
/** Below the first answer, earlier claims scoring this much are listed too (they contradict nothing; the editor decides). */
export const ALSO_PLAUSIBLE = 0.2;
/**
 * With no answer, earlier claims scoring this much are listed as related: the ranker found nothing against them, but
 * not enough for them to be the same claim. A search engine's second page, not an answer: the reader decides.
 */
export const RELATED_FLOOR = 0.1;

/** POST /v1/claims/match, and the editor's decision on a suggested match. */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly matcher: ClaimMatcher,
    private readonly audit: AuditService,
  ) {}

  async match(dto: MatchClaimsDto, scope: ReadScope): Promise<ClaimMatchesDto> {
    const queries = queriesOf(dto.text, dto.publishedAt ?? null);
    // The scope goes into the candidate search, so `limit` counts claims the caller may see.
    const found = await this.matcher.find(queries, { publishedOnly: dto.publishedOnly, scope, floor: RELATED_FLOOR });
    // One entry per earlier claim: its best score over the request's claims.
    const best = new Map<string, (typeof found)[number]>();
    for (const f of found) if (!best.has(f.claimId)) best.set(f.claimId, f);
    const ranked = [...best.values()];
    // An answer only when the best is a match (isMatch: one sharing only names, of another actor or of another action
    // is none, however it scores; and when the best is such a near miss, the post is taken to be about something else,
    // not answered by the next one); then the other plausible earlier claims follow it, as a search would list them.
    // The rest that nothing contradicts are listed apart, as related (all of them when there is no answer).
    const answer = ranked.length > 0 && isMatch(ranked[0]) ? ranked[0] : undefined;
    const items = answer ? [answer, ...ranked.filter((f) => f !== answer && f.score >= ALSO_PLAUSIBLE && !isGated(f))] : [];
    const related = ranked.filter((f) => !items.includes(f));
    const limit = dto.limit ?? DEFAULT_LIMIT;
    const listed = [...items, ...related].slice(0, limit);
    if (listed.length === 0) return { items: [], related: [] };
    const claims: ClaimRow[] = await this.db.query(`SELECT ${CLAIM_SELECT} FROM ${CLAIM_FROM} WHERE c.id = ANY($1) AND ${scope.claims('c')}`,
      [listed.map((f) => f.claimId)],
    );
    const byId = new Map(claims.map((r) => [r.id, toClaimDto(r)]));
    const view = (f: (typeof found)[number]) => ({ claim: byId.get(f.claimId)!, score: f.score, reasons: f.reasons, queryText: queries[f.query].text });
    const shown = (list: typeof found) => list.filter((f) => listed.includes(f) && byId.has(f.claimId)).map(view);
    return { items: shown(items), related: shown(related) };
  }

  /** suggested → confirmed (confirm), suggested or confirmed → unlinked (unlink); anything else is 409. */
  async decide(claimId: string, decision: 'confirm' | 'unlink', userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [claim] = await rows<{ matched_claim_id: string | null; match_status: MatchStatus | null; match_score: number | null }>(
        tx, `SELECT matched_claim_id, match_status, match_score FROM claims WHERE id = $1 FOR UPDATE`, [claimId],
      );
      if (!claim) throw notFound('claim', claimId);
      const allowed: MatchStatus[] = decision === 'confirm' ? ['suggested'] : ['suggested', 'confirmed'];
      if (claim.matched_claim_id === null || claim.match_status === null || !allowed.includes(claim.match_status)) {
        throw conflict('no_suggested_match', `The claim has no ${decision === 'confirm' ? 'suggested' : 'suggested or confirmed'} match to ${decision}.`, {
          matchStatus: claim.match_status,
        });
      }
      const to: MatchStatus = decision === 'confirm' ? 'confirmed' : 'unlinked';
      await rows(tx, `UPDATE claims SET match_status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [claimId, to]);
      await this.audit.record(tx, {
        entityType: 'claim',
        entityId: claimId,
        action: decision === 'confirm' ? 'claim.match_confirmed' : 'claim.match_unlinked',
        actorId: userId,
        changes: { match: { claimId: claim.matched_claim_id, score: claim.match_score, from: claim.match_status, to } },
      });
    });
  }
}

/**
 * The request text as claims: what the extractor finds in it, and the whole text as a statement too (a post's words
 * outside the sentence that holds its figure still say what it is about).
 */
export function queriesOf(text: string, publishedAt: string | null = null): MatchableClaim[] {
  const whole = text.trim();
  const extracted: MatchableClaim[] = extractClaims(text, publishedAt ? { publishedAt: new Date(publishedAt) } : {})
    .map((c) => ({ ...c, speaker: c.attribution?.speaker ?? null, publishedAt }));
  if (!extracted.some((c) => c.text.trim() === whole)) {
    // With one figure in the text, the whole text states it too: what that figure counts holds for it as well ("62 % of
    // the vote. LANDSLIDE" is no turnout figure, however many words it shares with one).
    const figured = extracted.filter((c) => c.quantity !== null);
    const only = figured.length === 1 ? figured[0] : null;
    extracted.push({ text: whole, category: only?.category ?? 'statement', quantity: only?.quantity ?? null, subject: null, location: null, speaker: null, publishedAt });
  }
  return extracted;
}
