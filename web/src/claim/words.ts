import type { ClaimDetailDto } from '../api/generated/types.gen';

// The enums' lists and words are shared by every screen.
export { CATEGORIES, QUALIFIERS, RATINGS, SOURCE_TYPES, STANCES, label, options } from '../ui/vocabulary';

/** Claim field names as the API spells them in `changes` and `errors[]`, in words. */
const FIELD_NAMES: Record<string, string> = {
  category: 'category', subject: 'subject', location: 'location', speaker: 'speaker', speakerRole: 'speaker role', timeRef: 'time',
  'timeRef.text': 'time', 'quantity.value': 'value', 'quantity.low': 'low', 'quantity.high': 'high', 'quantity.unit': 'unit',
  'quantity.qualifier': 'qualifier', rating: 'rating', summary: 'summary', sourceIds: 'sources', version: 'version',
  previousHolder: 'previous holder',
};
export const fieldName = (field: string) => FIELD_NAMES[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** An audit action in words ("claim.edited" → "edited the claim"). */
const ACTIONS: Record<string, string> = {
  'claim.extracted': 'extracted the claim from the article',
  'claim.edited': 'edited the claim',
  'claim.superseded': 'replaced the claim: its figure changed in a new revision of the article',
  'claim.gone': 'marked the claim gone: it is no longer in the article',
  'verdict.recheck_due': 'flagged the verdict for re-check',
  'verdict.recheck_confirmed': 'confirmed the verdict after a re-check',
  'verdict.recheck_resolved': 'closed the re-check with a correction',
  'task.reopened': 'reopened the review task for a re-check',
  'task.created': 'opened a review task',
  'claim.dismissed': 'dismissed the claim',
  'claim.requeued': 'put the claim back in the queue',
  'claim.leased': 'took the claim for review',
  'claim.released': 'gave the claim back to the queue',
  'claim.lease_expired': 'lease ran out; the claim went back to the queue',
  'claim.verdict_proposed': 'proposed a verdict',
  'claim.verdict_rejected': 'had the verdict sent back',
  'claim.published': 'published the verdict',
  'claim.corrected': 'corrected the published verdict',
  'claim.match_suggested': 'suggested a match with an earlier claim',
  'claim.match_confirmed': 'confirmed the match with an earlier claim',
  'claim.match_unlinked': 'unlinked the match with an earlier claim',
  'claim.note_added': 'added a note',
  'task.leased': 'took the review task',
  'task.renewed': 'renewed the lease',
  'task.released': 'released the review task',
  'task.lease_expired': 'lease on the review task ran out',
  'task.completed': 'finished the review task',
  'task.cancelled': 'cancelled the review task',
  'task.assigned': 'assigned the review task',
  'task.returned': 'review task returned to its author',
  'source.added': 'added a source',
  'verdict.proposed': 'proposed a verdict',
  'verdict.approved': 'approved the verdict',
  'verdict.published': 'published the verdict',
  'verdict.rejected': 'rejected the verdict',
  'verdict.corrected': 'published a correction',
  'verdict.correction_proposed': 'proposed a correction',
  'verdict.correction_approved': 'approved the correction',
  'verdict.correction_rejected': 'rejected the correction',
  'verdict.publication_updated': 'changed the publication',
};
export const actionWords = (action: string) => ACTIONS[action] ?? action.replace(/[._]/g, ' ');

/** Any value from an audit or conflict `changes` entry, as text. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'object' && value && 'text' in value && typeof (value as { text: unknown }).text === 'string') {
    return `“${(value as { text: string }).text}”`;
  }
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  if (typeof value === 'object' && value) {
    const text = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${fieldName(k)} ${typeof v === 'object' ? showValue(v) : String(v)}`)
      .join('; ');
    return text.length > 240 ? `${text.slice(0, 239)}…` : text || 'nothing';
  }
  return String(value);
}

/** `changes` of an audit event or a stale_version problem as "field: from → to" lines (other shapes as "key: value"). */
export function changeLines(changes: Record<string, unknown> | null | undefined): string[] {
  if (!changes) return [];
  return Object.entries(changes).map(([field, change]) => {
    if (change && typeof change === 'object' && 'from' in change && 'to' in change) {
      const c = change as { from: unknown; to: unknown };
      return `${fieldName(field)}: ${showValue(c.from)} → ${showValue(c.to)}`;
    }
    if (Array.isArray(change)) return `${fieldName(field)}: ${change.length} item${change.length === 1 ? '' : 's'}`;
    return `${fieldName(field)}: ${showValue(change)}`;
  });
}

/** A claim's number in words: "100,000 troops", "more than 14,000 people", "2–3 million". */
export function describeQuantity(q: ClaimDetailDto['quantity']): string {
  if (!q) return '—';
  const n = (x: number | null) => (x === null ? '?' : x.toLocaleString('en-US'));
  const unit = q.unit ? ` ${q.unit}` : '';
  switch (q.qualifier) {
    case 'lower_bound': return `at least ${n(q.low)}${unit}`;
    case 'upper_bound': return `at most ${n(q.high)}${unit}`;
    case 'range': return `${n(q.low)}–${n(q.high)}${unit}`;
    case 'approximate': return `about ${n(q.value)}${unit}`;
    default: return `${n(q.value)}${unit}`;
  }
}

export function describeFigure(f: { value: number | null; low: number | null; high: number | null } | null | undefined): string {
  if (!f) return 'no figure';
  const n = (x: number) => x.toLocaleString('en-US');
  if (f.value !== null) return n(f.value);
  if (f.low !== null && f.high !== null) return `${n(f.low)}–${n(f.high)}`;
  if (f.low !== null) return `at least ${n(f.low)}`;
  if (f.high !== null) return `at most ${n(f.high)}`;
  return 'no figure';
}
