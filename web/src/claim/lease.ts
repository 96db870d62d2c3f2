import { useEffect, useState } from 'react';
import type { ClaimDetailDto, ReviewTaskDto } from '../api/generated/types.gen';

/** What the workspace needs of a review task: the claim detail's `task`, or the answer of take / renew. */
export type LeaseTask = Pick<ReviewTaskDto, 'id' | 'status' | 'leasedBy' | 'leasedByName' | 'leaseExpiresAt'>;

/**
 * The claim's review task, from the claim detail (staff see its holder and lease end before pressing Take). The
 * answer of Take / Renew / Release stands in until the claim is read again, which the workspace does after each.
 */
export function useClaimLease(claim: ClaimDetailDto | undefined) {
  const fromClaim = claim?.task ?? null;
  const [fromAction, setFromAction] = useState<{ task: LeaseTask | null } | null>(null);
  // A fresh read of the claim supersedes what the last action answered.
  useEffect(() => setFromAction(null), [fromClaim?.id, fromClaim?.status, fromClaim?.leasedBy, fromClaim?.leaseExpiresAt]);
  return {
    task: fromAction ? fromAction.task : fromClaim,
    loading: false,
    error: null as unknown,
    set: (next: LeaseTask | null) => setFromAction({ task: next }),
  };
}

/** The current time, ticking: for countdowns. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
