/** Clause index per token, for choosing a figure's time: a figure takes a time from its own clause first. */
import { SUBORDINATORS } from '../../resources/clauses.js';
import type { TimeRef } from '../../types.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { tokAt } from '../segmentation/token-positions.js';

/** Clause index per token: commas, semicolons, dashes and subordinators start a new clause. */
export function clauses(toks: Tok[], mentions: Mention[], times: TimeRef[] = []): number[] {
  const starts = new Set(mentions.map((m) => m.ts));
  // a comma-delimited segment that is only a time: "…, or 6% of its workforce, by the end of 2026, mostly …"
  const timeOnly = new Set<number>();
  for (const t of times) {
    const a = tokAt(toks, t.start);
    let b = a;
    while (b < toks.length && toks[b].e <= t.end) b++;
    if (toks[a - 1]?.t === ',' && (b >= toks.length || /^[,.;]$/.test(toks[b].t))) timeOnly.add(a);
  }
  const ids: number[] = new Array(toks.length);
  let c = 0;
  let next = 0;
  const parens: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    const p = toks[k - 1];
    const t = toks[k];
    if (p) {
      // a parenthesis is its own clause; after it the outer clause goes on: "to 62 billion rupees (€640 million), in …"
      if (p.t === '(') {
        parens.push(c);
        // a conversion in parentheses ("($4.3 billion)") shares the clause of the figure it converts
        if (!starts.has(k)) c = ++next;
      } else if (p.t === ')' && parens.length) c = parens.pop()!;
      else if (p.t === ';' || p.t === ':' || p.t === ')' || ((p.t === '—' || p.t === '–') && p.sp)) c = ++next;
      else if (p.t === ',') {
        if (!commaKeepsClause(toks, k, starts, timeOnly)) c = ++next;
      } else if (SUBORDINATORS.has(t.l) && k > 0) c = ++next;
    }
    ids[k] = c;
  }
  return ids;
}

/** A comma before token k that does not end the clause: a date's, a participle's, a list's, a time-only segment's. */
function commaKeepsClause(toks: Tok[], k: number, starts: Set<number>, timeOnly: Set<number>): boolean {
  const t = toks[k];
  const dateComma = toks[k - 2]?.k === 'num' && t.k === 'num';
  const participle = t.k === 'word' && /ing$/.test(t.l) && !t.cap && t.l !== 'according';
  // lists of figures and "..., to $382,600", "..., including 19 children" stay in the clause
  // "operations, scans and appointments over the next three years": a list of nouns
  const nounList = t.k === 'word' && !t.cap && !/(ed|ing|ly)$/.test(t.l) && toks[k - 2]?.k === 'word' && (/^(and|or)$/.test(toks[k + 1]?.l ?? '') || (toks[k + 1]?.k === 'word' && /^(and|or)$/.test(toks[k + 2]?.l ?? '')));
  const list = starts.has(k) || /^(including|to|with)$/.test(t.l) || nounList || (/^(or|and)$/.test(t.l) && starts.has(k + 1)) || timeOnly.has(k);
  return dateComma || participle || list;
}
