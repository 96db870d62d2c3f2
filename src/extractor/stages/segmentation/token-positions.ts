/** Token positions by character offset: tokens are in text order, so a binary search finds them. */
import type { Tok } from '../tokens/index.js';

/** The first token that starts at or after pos (toks.length if none). */
export function tokIdx(toks: Tok[], pos: number): number {
  return firstIndex(toks, (t) => t.s >= pos);
}

/** The token that contains or follows pos (the last one if none). */
export function tokAt(toks: Tok[], pos: number): number {
  return Math.min(firstIndex(toks, (t) => t.e > pos), toks.length - 1);
}

/** The first index whose token satisfies `ok`, for a predicate that is false then true along the tokens. */
function firstIndex(toks: Tok[], ok: (t: Tok) => boolean): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(toks[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
