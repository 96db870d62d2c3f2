/** Comparison baselines ("from April", "compared with a year ago", "than in 2019") are not the claim's time. */
import type { TimeRef } from '../../types.js';
import { isStartDate } from './future.js';

export function isBaseline(text: string, t: TimeRef, sentStart: number): boolean {
  const rs = t.start - sentStart;
  const before = text.slice(Math.max(0, rs - 20), rs).toLowerCase();
  const after = text.slice(t.end - sentStart, t.end - sentStart + 12).toLowerCase();
  // "will rise to 15% from April", "savings of 2.5bn crowns a year from 2026": a start date, not a baseline
  if (/^from\b/i.test(t.text) && !/^\s*(to|until|through)\b/.test(after)) return !isStartDate(text.slice(0, rs));
  if (/\b(from|than|compared (with|to)|versus|vs\.?)\s*(the\s)?$/.test(before) && !/^\s*(to|until|through)\b/.test(after)) return true;
  // "than in the same period of 2023", "compared with the same month last year"
  const before2 = text.slice(Math.max(0, rs - 45), rs).toLowerCase();
  return /\b(than|compared (with|to)|from|versus|vs\.?)\s+((in|during)\s+)?the same (period|time|months?|quarter|week|day|season)\s*$/.test(before2);
}
