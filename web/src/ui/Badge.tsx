import { label } from './vocabulary';

/** A value of the API's enums in words (one vocabulary for every screen). */
export const humanize = label;

/** A status, rating or category as a coloured label; the colour repeats the word, never replaces it. */
export function Badge({ value, kind = 'status' }: { value: string; kind?: 'status' | 'rating' | 'category' }) {
  return <span className={`badge badge-${kind} badge-${kind}-${value}`}>{humanize(value)}</span>;
}
