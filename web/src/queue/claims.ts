import type { ClaimDto } from '../api/generated';
import { CATEGORIES as CATEGORY_VALUES, options } from '../ui/vocabulary';

export type Category = ClaimDto['category'];

export const CATEGORIES = options(CATEGORY_VALUES) as ReadonlyArray<{ value: Category; label: string }>;

/** The figure as the article states it ("an estimated 100,000 troops"), or the claim itself when it has none. */
export const figureOf = (claim: Pick<ClaimDto, 'quantity' | 'text'>): string => claim.quantity?.text || claim.text;

/** "Gen. Ana Ruiz, defence minister", or null when the article attributes the claim to nobody. */
export function speakerOf(claim: Pick<ClaimDto, 'attribution'>): string | null {
  const a = claim.attribution;
  if (!a?.speaker) return null;
  return a.role ? `${a.speaker}, ${a.role}` : a.speaker;
}

