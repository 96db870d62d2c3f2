/** Whether the clause before a time is about the future (a weekday or month then resolves forward). */
import { FUTURE_RE } from '../../resources/calendar.js';

const FUTURE_G = new RegExp(FUTURE_RE.source, 'gi');

/**
 * A future word in the 80 characters before a time makes it future, unless it is an adjective after a determiner
 * ("its planned 70 convoys", "the scheduled talks") or a past verb follows it ("… had reached northern Gaza in December").
 */
export function isFuture(before: string): boolean {
  const w = before.slice(-80);
  let last: RegExpExecArray | null = null;
  FUTURE_G.lastIndex = 0;
  for (let m = FUTURE_G.exec(w); m; m = FUTURE_G.exec(w)) {
    if (/^(planned|scheduled|upcoming)$/i.test(m[0]) && /\b(its|the|their|his|her|our|a|an|this|these|those|[\w-]+['’]s)\s+$/i.test(w.slice(0, m.index))) continue;
    last = m;
  }
  if (!last) return false;
  return !/\b(had|did|was|were)\s+(\w+\s+)?\w+ed\b/i.test(w.slice(last.index + last[0].length));
}

/** "from April" after a future verb or a per-period amount starts a period. */
export function isStartDate(before: string): boolean {
  return isFuture(before) || /\b(a|per|each|every) (year|month|week)\s*$|\bannually\s*$/i.test(before);
}
