import type { QueryClient } from '@tanstack/react-query';
import type { ClaimDto } from '../api/generated';

export type Category = ClaimDto['category'];

export const CATEGORIES: ReadonlyArray<{ value: Category; label: string }> = [
  { value: 'troop_count', label: 'Troop count' },
  { value: 'casualties', label: 'Casualties' },
  { value: 'displacement', label: 'Displacement' },
  { value: 'money', label: 'Money' },
  { value: 'percentage', label: 'Percentage' },
  { value: 'quantity_other', label: 'Other quantity' },
  { value: 'event', label: 'Event' },
  { value: 'statement', label: 'Statement' },
];

/** The figure as the article states it ("an estimated 100,000 troops"), or the claim itself when it has none. */
export const figureOf = (claim: Pick<ClaimDto, 'quantity' | 'text'>): string => claim.quantity?.text || claim.text;

/** "Gen. Ana Ruiz, defence minister", or null when the article attributes the claim to nobody. */
export function speakerOf(claim: Pick<ClaimDto, 'attribution'>): string | null {
  const a = claim.attribution;
  if (!a?.speaker) return null;
  return a.role ? `${a.speaker}, ${a.role}` : a.speaker;
}

/** Every generated query of one operation (all filters, all pages), e.g. to refetch the queue after a change. */
export function invalidateOperation(queries: QueryClient, ...operationIds: string[]): Promise<void> {
  return queries.invalidateQueries({
    predicate: (q) => {
      const key = q.queryKey[0] as { _id?: string } | undefined;
      return !!key?._id && operationIds.includes(key._id);
    },
  });
}
