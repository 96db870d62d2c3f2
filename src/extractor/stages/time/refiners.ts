/** Refiners: settle what the parsers found, once every time in the sentence is known. */
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { TimeRef } from '../../types.js';

export const SINCE_CLAUSE = defineRule({
  id: 'time.since-clause',
  stage: 'time',
  summary: '"since heavy rain began on Monday": a time closing a since-clause widens to the clause, from that date to publication.',
  examples: { fires: ['At least 23 people have died since heavy rain began on Monday.'], doesNotFire: ['At least 23 people died on Monday after heavy rain.'] },
});

const SINCE_INNER = new WeakMap<TimeRef, TimeRef>();
/** For "since heavy rain began on Monday": the time inside the clause ("on Monday"), which dates its verb. */
export function sinceInner(t: TimeRef): TimeRef | undefined {
  return SINCE_INNER.get(t);
}

/** Widens each dated time that closes a since-clause (found: sorted by start; text: the sentence at offset). */
export function widenSinceClauses(found: TimeRef[], text: string, offset: number, pubIso: string): void {
  for (const f of found) {
    const rs = f.start - offset;
    const before = text.slice(Math.max(0, rs - 80), rs);
    const sm = /\bsince\b[^,;.:!?]*$/i.exec(before);
    if (!sm || /^since\b/i.test(f.text) || !(f.from ?? f.date)) continue;
    // (a longer since-clause reaches its time only when no other time lies between: "since it broke out on Saturday and
    // was 15% contained as of Thursday morning" keeps Thursday)
    const sinceAt = f.start - (before.length - sm.index);
    if (found.some((o) => o !== f && o.start >= sinceAt && o.end <= f.start)) continue;
    if (!when(SINCE_CLAUSE, true, sinceAt, f.end)) continue;
    SINCE_INNER.set(f, { ...f });
    const ns = rs - (before.length - sm.index);
    f.start = offset + ns;
    f.text = text.slice(ns, f.end - offset);
    f.from = f.date ?? f.from;
    f.to = pubIso;
    f.date = null;
  }
}
