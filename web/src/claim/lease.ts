import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { listReviewQueue } from '../api/generated/sdk.gen';
import type { ClaimDetailDto, ReviewTaskDto } from '../api/generated/types.gen';

export const leaseKey = (claimId: string) => ['claim-lease', claimId] as const;

/**
 * The review task of a claim under review that the signed-in editor holds. The lease answer (Take this claim) puts it
 * in the cache; after a reload it is looked up among the tasks leased by or assigned to the editor (the API has no
 * "task of claim" read). Someone else's lease is not listed to us: "Take this claim" then says whose it is.
 */
async function findMyTask(claimId: string): Promise<ReviewTaskDto | null> {
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const { data } = await listReviewQueue({ query: { status: 'leased', assignedToMe: true, limit: 200, cursor }, throwOnError: true });
    const task = data.items.find((t) => t.claimId === claimId);
    if (task) return task;
    if (!data.nextCursor) return null;
    cursor = data.nextCursor;
  }
  return null;
}

export function useClaimLease(claim: ClaimDetailDto | undefined) {
  const queries = useQueryClient();
  const claimId = claim?.id ?? '';
  const query = useQuery({
    queryKey: leaseKey(claimId),
    queryFn: () => findMyTask(claimId),
    enabled: claim?.status === 'in_review',
    staleTime: 30_000,
  });
  const task = claim?.status === 'in_review' ? (query.data ?? null) : null;
  return {
    task,
    loading: claim?.status === 'in_review' && query.isPending,
    error: query.error,
    set: (next: ReviewTaskDto | null) => queries.setQueryData(leaseKey(claimId), next),
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
