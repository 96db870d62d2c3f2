import type { ClaimDetailDto } from '../api/generated/types.gen';

/** The API's enums in words, for every screen (badges, selects, history). */
/** The lists the forms offer (the API's enums, in the order an editor thinks of them). */
export const CATEGORIES: ReadonlyArray<ClaimDetailDto['category']> = [
  'troop_count', 'casualties', 'displacement', 'money', 'percentage', 'quantity_other', 'event', 'statement',
];
export const QUALIFIERS = ['exact', 'approximate', 'lower_bound', 'upper_bound', 'range'] as const;
export const RATINGS = ['true', 'mostly_true', 'misleading', 'mostly_false', 'false', 'unverifiable'] as const;
export const SOURCE_TYPES = ['official', 'intergovernmental', 'ngo', 'wire', 'media', 'academic', 'other'] as const;
export const STANCES = ['supports', 'contradicts', 'context'] as const;

const LABELS: Record<string, string> = {
  queued: 'Queued', in_review: 'In review', awaiting_approval: 'Awaiting approval', published: 'Published', dismissed: 'Dismissed',
  open: 'Open', leased: 'Taken', done: 'Done', cancelled: 'Cancelled',
  pending: 'Pending', extracting: 'Extracting', extracted: 'Extracted', failed: 'Failed', unsupported_language: 'Unsupported language',
  true: 'True', mostly_true: 'Mostly true', misleading: 'Misleading', mostly_false: 'Mostly false', false: 'False', unverifiable: 'Unverifiable',
  troop_count: 'Troop count', casualties: 'Casualties', displacement: 'Displacement', money: 'Money', percentage: 'Percentage',
  quantity_other: 'Other quantity', event: 'Event', statement: 'Statement',
  exact: 'Exact', approximate: 'Approximate ("about")', lower_bound: 'At least ("more than")', upper_bound: 'At most ("fewer than")', range: 'Range',
  official: 'Official', intergovernmental: 'Intergovernmental', ngo: 'NGO', wire: 'Wire service', media: 'Media', academic: 'Academic', other: 'Other',
  supports: 'Supports the claim', contradicts: 'Contradicts the claim', context: 'Context',
  consistent: 'Consistent', overstated: 'Overstated', understated: 'Understated', contradicted: 'Contradicted', not_comparable: 'Not comparable',
  suggested: 'Suggested', confirmed: 'Confirmed', unlinked: 'Unlinked',
};
export const label = (value: string) => LABELS[value] ?? value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
export const options = (values: readonly string[]) => values.map((value) => ({ value, label: label(value) }));
