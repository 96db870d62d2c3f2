import type { ExtractedClaim } from '../extractor/index.js';

/**
 * Reconciliation of an article's stored claims with a fresh extraction of its (new or same) text: pure, no I/O.
 *
 * Claims are matched by sentence identity, one to one, in three passes:
 *  1. kept: the same category, sentence and figure (whitespace folded). The claim keeps its id, status, sources and
 *     verdict; only its offsets move to the new text.
 *  2. the same category and the same sentence with its numbers masked ("at least 40 killed" / "at least 52 killed"),
 *     or, failing that, the only unmatched claim on each side with the same category, subject, location and unit
 *     ("The toll rose to 52"): superseded when the figure changed (a new claim linked to the old one), kept when it
 *     did not (the sentence was reworded around the same figure).
 *  3. what is left: stored claims are gone (marked, never deleted), fresh claims are added. A claim an editor has
 *     worked on is never marked gone while its sentence is still in the text (a new extractor that no longer reads
 *     it does not undo an editor's work): it stays, with its offsets moved.
 */
export interface StoredClaim {
  id: string;
  ordinal: number;
  text: string;
  start: number;
  end: number;
  category: string;
  quantityText: string | null;
  quantityStart: number | null;
  quantityEnd: number | null;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  qualifier: string | null;
  subject: string | null;
  location: string | null;
  status: string;
  /** An editor touched it: edited, leased, sourced, given a verdict, or dismissed by hand. */
  worked: boolean;
}

export interface Kept {
  stored: StoredClaim;
  /** The fresh claim it was matched to; null for a worked claim the extractor no longer reads (moved by `shift`). */
  fresh: number | null;
  /** Offset shift for a claim without a fresh match. */
  shift: number;
  reworded: boolean;
}

export interface ReconciliationPlan {
  kept: Kept[];
  superseded: Array<{ stored: StoredClaim; fresh: number }>;
  added: number[];
  gone: StoredClaim[];
}

const fold = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
/** Digits with their separators, and the number words the extractor reads as figures. */
const NUMBER = /\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores?|hundreds?|thousands?|millions?|billions?)\b/gi;
const masked = (s: string) => fold(s).replace(NUMBER, '#');

function sameFigure(s: StoredClaim, f: ExtractedClaim): boolean {
  const q = f.quantity;
  if (!q) return s.quantityText === null;
  return s.value === q.value && s.low === q.low && s.high === q.high && s.unit === q.unit && s.qualifier === q.qualifier;
}

export function planReconciliation(stored: readonly StoredClaim[], fresh: readonly ExtractedClaim[], text: string): ReconciliationPlan {
  const plan: ReconciliationPlan = { kept: [], superseded: [], added: [], gone: [] };
  const freshLeft = new Set(fresh.map((_, i) => i));
  let storedLeft = [...stored].sort((a, b) => a.start - b.start || a.ordinal - b.ordinal);

  // Linear in the claims on both sides (an article may have tens of thousands): one map per pass, a cursor per key.
  const pass = (keyOfStored: (s: StoredClaim) => string | null, keyOfFresh: (f: ExtractedClaim) => string | null, uniqueOnly: boolean,
    onMatch: (s: StoredClaim, i: number) => void) => {
    if (storedLeft.length === 0 || freshLeft.size === 0) return;
    const byKey = new Map<string, { at: number; list: number[] }>();
    for (const i of [...freshLeft].sort((a, b) => a - b)) {
      const key = keyOfFresh(fresh[i]);
      if (key === null) continue;
      const entry = byKey.get(key);
      if (entry) entry.list.push(i);
      else byKey.set(key, { at: 0, list: [i] });
    }
    const storedCount = new Map<string, number>();
    if (uniqueOnly) for (const s of storedLeft) { const k = keyOfStored(s); if (k !== null) storedCount.set(k, (storedCount.get(k) ?? 0) + 1); }
    const unmatched: StoredClaim[] = [];
    for (const s of storedLeft) {
      const key = keyOfStored(s);
      const entry = key === null ? undefined : byKey.get(key);
      const left = entry ? entry.list.length - entry.at : 0;
      if (!entry || left === 0 || (uniqueOnly && (entry.list.length !== 1 || storedCount.get(key!) !== 1))) {
        unmatched.push(s);
        continue;
      }
      const i = entry.list[entry.at++]; // in reading order: the n-th occurrence of a sentence matches the n-th
      freshLeft.delete(i);
      onMatch(s, i);
    }
    storedLeft = unmatched;
  };

  // 1. same sentence, same figure
  pass((s) => `${s.category}|${fold(s.text)}|${fold(s.quantityText)}`, (f) => `${f.category}|${fold(f.text)}|${fold(f.quantity?.text ?? null)}`, false,
    (s, i) => plan.kept.push({ stored: s, fresh: i, shift: 0, reworded: false }));
  // 2. same sentence but for its numbers; then the same subject, place and unit
  const figureChanged = (s: StoredClaim, i: number) => {
    if (sameFigure(s, fresh[i])) plan.kept.push({ stored: s, fresh: i, shift: 0, reworded: true });
    else plan.superseded.push({ stored: s, fresh: i });
  };
  pass((s) => `${s.category}|${masked(s.text)}`, (f) => `${f.category}|${masked(f.text)}`, false, figureChanged);
  pass(
    (s) => (s.subject ? `${s.category}|${fold(s.subject)}|${fold(s.location)}|${s.unit ?? ''}` : null),
    (f) => (f.subject ? `${f.category}|${fold(f.subject)}|${fold(f.location)}|${f.quantity?.unit ?? ''}` : null),
    true,
    figureChanged,
  );

  // 3. the rest
  for (const s of storedLeft) {
    const at = s.worked ? text.indexOf(s.text) : -1;
    if (at >= 0) plan.kept.push({ stored: s, fresh: null, shift: at - s.start, reworded: false });
    else plan.gone.push(s);
  }
  plan.added = [...freshLeft].sort((a, b) => a - b);
  return plan;
}
