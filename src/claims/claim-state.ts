import { conflict } from '../common/problem.js';
import type { ClaimStatus } from './claim.entity.js';

/**
 * The claim life cycle, in one place. Every status change goes through `assertTransition`.
 *   queued → in_review (leased) → awaiting_approval (verdict proposed) → published
 *   in_review → queued (lease released or expired), in_review → published (no approval required)
 *   awaiting_approval → in_review (approver rejects), queued ⇄ dismissed (triage), published → published (correction)
 */
const TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  queued: ['in_review', 'dismissed'],
  in_review: ['queued', 'awaiting_approval', 'published'],
  awaiting_approval: ['published', 'in_review'],
  published: ['published'],
  dismissed: ['queued'],
};

export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: ClaimStatus, to: ClaimStatus): void {
  if (!canTransition(from, to)) {
    throw conflict('illegal_transition', `A claim cannot go from ${from} to ${to}.`, { currentStatus: from });
  }
}
