const HUMAN: Record<string, string> = {
  queued: 'Queued', in_review: 'In review', awaiting_approval: 'Awaiting approval', published: 'Published', dismissed: 'Dismissed',
  open: 'Open', leased: 'Taken', done: 'Done', cancelled: 'Cancelled',
  pending: 'Pending', extracting: 'Extracting', extracted: 'Extracted', failed: 'Failed',
  true: 'True', mostly_true: 'Mostly true', misleading: 'Misleading', mostly_false: 'Mostly false', false: 'False', unverifiable: 'Unverifiable',
};

export const humanize = (value: string) => HUMAN[value] ?? value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** A status, rating or category as a coloured label; the colour repeats the word, never replaces it. */
export function Badge({ value, kind = 'status' }: { value: string; kind?: 'status' | 'rating' | 'category' }) {
  return <span className={`badge badge-${kind} badge-${kind}-${value}`}>{humanize(value)}</span>;
}
