/** Which of a sentence's attributions covers a figure. */
import type { FoundAttribution } from '../attribution/index.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { tokIdx } from '../segmentation/token-positions.js';

/** A comma followed by a conjunction or subordinator between two token positions (the second starts a new clause). */
function clauseBreak(toks: Tok[], from: number, pos: number): boolean {
  for (let k = from + 1; k < toks.length && toks[k].s < pos; k++) {
    if (toks[k].t === ';') return true;
    if (toks[k].t === ',' && /^(while|whereas|but|and|although|though)$/.test(toks[k + 1]?.l ?? '')) return true;
  }
  return false;
}

/**
 * The attribution that covers a figure: "X said <figure>" covers what follows the verb, a closing
 * "..., X said." covers what precedes it, "according to X" covers the sentence. Said/told/according to
 * outrank other reporting verbs; news agencies rank last.
 */
export function attributionFor(found: FoundAttribution[], m: Mention, toks: Tok[]): FoundAttribution | null {
  let best: FoundAttribution | null = null;
  let bestScore = -1;
  for (const a of found) {
    // the figure describes the speaker ("Most of the 21 economists polled by Reuters had expected ...")
    if (m.e > a.s && m.s < a.e) continue;
    const after = a.verbIdx >= m.te;
    const covers = a.whole || (after ? !!a.tail : a.verbIdx < m.ts);
    // "A survey of 1,200 firms by the British Chambers of Commerce found …": the sample is the source's
    const sample = !covers && after && toks[tokIdx(toks, a.s) - 1]?.l === 'by' && /^(of)$/.test(toks[m.ts - 1]?.l ?? '') && /^(poll|survey|study|census|analysis|review)$/.test(toks[m.ts - 2]?.l ?? '')
      && !toks.slice(m.te, tokIdx(toks, a.s) - 1).some((x) => /^[,;:]$/.test(x.t));
    if (!covers && !sample) continue;
    // a closing attribution after ", but …" does not reach back over a lead one: "Reports in Spain claimed Sevilla were
    // preparing a bid of up to €30m, but Donnelly said he was not for sale"
    if (after && a.tail && clauseBreak(toks, m.te - 1, a.s) && found.some((o) => o !== a && !o.tail && o.verbIdx < m.ts && !o.media && !(m.e > o.s && m.s < o.e))) continue;
    let score = (a.media ? 0 : 10) + (a.prio ?? 1) * 2 + (after && a.tail ? 1 : 0) - (a.pronoun ? 3 : 0);
    // a nearer lead attribution in a later clause wins: "X said ..., while the RSF claimed to have seized two bases"
    if (!after && !a.media && found.some((o) => o !== a && o.verbIdx < a.verbIdx && o.verbIdx < m.ts && !o.tail && clauseBreak(toks, o.verbIdx, a.s))) score += 5;
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return best;
}
