/**
 * Sentence splitting with exact UTF-16 offsets into the article text. A sentence ends at a line break and at
 * . ! ? followed by a space, unless a rule of BOUNDARY_RULES (rules.ts) keeps it going; a sentence longer than
 * MAX_SENTENCE_CHARS is cut into pieces.
 */
import type { RuleInfo } from '../../pipeline/rule.js';
import { enabled, fired, tracing, when } from '../../pipeline/trace.js';
import { BULLETS, CLOSING_MARKS } from '../../resources/segmentation.js';
import type { Boundary, StopMark } from './boundaries.js';
import { BREAK_AT_NEWLINE, CUT_OVER_LONG_SENTENCE, isSpace, MARK_INSIDE_WORD, MAX_SENTENCE_CHARS, pieceEnd } from './layout.js';
import { BOUNDARY_RULES } from './rules.js';

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const isStop = (c: string) => c === '.' || c === '!' || c === '?';

/** The first opinion of BOUNDARY_RULES on a stop, and the rule that gave it. */
function decide(m: StopMark): [Boundary, RuleInfo | null] {
  for (const rule of BOUNDARY_RULES) {
    if (!enabled(rule)) continue;
    const b = rule.apply(m);
    if (b !== undefined) return [b, rule];
  }
  return [undefined, null];
}

/** The stop at text[at] seen by the boundary rules; `end` and `next` as found by the scan. */
function stopMark(text: string, at: number, end: number, next: number, segStart: number): StopMark {
  const lonePeriod = text[at] === '.' && end === at + 1;
  let wordBefore = '';
  let nextWord = '';
  if (lonePeriod) {
    // (bounded: the words rules look for are short, and an unbounded walk made a long run of dotted text quadratic)
    let w = at;
    while (w > segStart && at - w <= 64 && !isSpace(text[w - 1]) && !'("“'.includes(text[w - 1])) w--;
    wordBefore = at - w > 64 ? '' : text.slice(w, at);
    let e = next;
    while (e < text.length && /[A-Za-z]/.test(text[e])) e++;
    nextWord = text.slice(next, e).toLowerCase();
  }
  return { text, at, end, next, lonePeriod, wordBefore, nextWord };
}

/** Splits text into sentences of at most MAX_SENTENCE_CHARS characters (see the rules in rules.ts and layout.ts). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  const newlines = enabled(BREAK_AT_NEWLINE);
  // rules that kept the current sentence going: their firings get its span once it is known (trace only)
  let pending: RuleInfo[] | null = tracing() ? [] : null;
  let segStart = 0;
  const push = (a: number, b: number, endedBy: RuleInfo | null) => {
    while (a < b && (isSpace(text[a]) || BULLETS.includes(text[a]))) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (b <= a) return;
    if (pending !== null) {
      for (const r of pending) fired(r, a, b);
      if (endedBy) fired(endedBy, a, b);
      pending = [];
    }
    if (when(CUT_OVER_LONG_SENTENCE, b - a > MAX_SENTENCE_CHARS, a, b)) {
      const cut = pieceEnd(text, a, b);
      push(a, cut, null);
      push(cut, b, null);
    } else out.push({ start: a, end: b, text: text.slice(a, b) });
  };
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n' && newlines) {
      push(segStart, i, BREAK_AT_NEWLINE);
      segStart = i + 1;
      continue;
    }
    if (!isStop(c)) continue;
    // the run of marks and the quotes or brackets that close it
    let j = i + 1;
    while (j < n && isStop(text[j])) j++;
    while (j < n && CLOSING_MARKS.includes(text[j])) j++;
    if (j < n && !isSpace(text[j]) && enabled(MARK_INSIDE_WORD)) {
      if (pending !== null && !pending.includes(MARK_INSIDE_WORD)) pending.push(MARK_INSIDE_WORD);
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < n && isSpace(text[k]) && (text[k] !== '\n' || !newlines)) k++;
    // the end of the text, or a line break, ends the sentence anyway
    if (k >= n || text[k] === '\n') {
      i = j - 1;
      continue;
    }
    const [boundary, rule] = decide(stopMark(text, i, j, k, segStart));
    if (boundary === 'join') {
      if (pending !== null && !pending.includes(rule!)) pending.push(rule!);
      i = j - 1;
      continue;
    }
    push(segStart, j, boundary === 'split' ? rule : null);
    segStart = j;
    i = j - 1;
  }
  push(segStart, n, null);
  return out;
}
