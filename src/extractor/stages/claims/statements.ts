/**
 * Statements: an attributed position without a figure ("The minister said the plan would go ahead."), and the
 * quotation that carries a speaker into the next sentence ("…," Banda told Reuters. "Some walked for hours.").
 */
import { spokenText } from './factual-statements.js';
import { findAttributions, mainAttribution, type FoundAttribution, type SpeakerMemory } from '../attribution/index.js';
import { WEEKDAYS } from '../../resources/calendar.js';
import type { TimeRef } from '../../types.js';
import { scoreClaim } from '../checkworthiness/score.js';
import { when } from '../../pipeline/trace.js';
import * as R from './rules.js';
import type { ClaimSink } from './sentence.js';
import type { Sentence } from '../segmentation/index.js';
import type { Tok } from '../tokens/index.js';
import { HEADLINE_SPEECH_VERBS, QUOTE_CLOSING_VERBS } from '../../resources/speech-verbs.js';

/** A quotation closed by its speaker's verb: '"…" she said.'. */
const QUOTE_CLOSED_BY_VERB = new RegExp(`["”][^"”]*\\b(${[...QUOTE_CLOSING_VERBS].join('|')})\\b[^"”]*[.]$`);

/** Words that say nothing on their own after a speech verb ("Hill conceded shortly before midnight."). */
const NO_CONTENT = new Set(['shortly', 'soon', 'later', 'earlier', 'before', 'after', 'midnight', 'noon', 'tonight', 'late', 'early', 'again', 'too', 'also', 'then', 'on', 'in', 'at', 'the', 'a', 'an', 'by', 'this', 'that', 'last', 'night', 'morning', 'evening', 'afternoon', 'day', 'today', 'yesterday', 'publicly', 'quickly', 'immediately', 'afterwards', 'afterward']);

/**
 * A statement says something: besides the speaker and the verb there is a complement or a reported clause.
 * "Hill conceded shortly before midnight." (only time words after the verb, nothing before the speaker) has none.
 */
export function hasContent(toks: Tok[], a: FoundAttribution, times: TimeRef[]): boolean {
  const before = toks.some((t) => t.e <= a.s && t.k === 'word' && !NO_CONTENT.has(t.l) && !times.some((x) => t.s >= x.start && t.e <= x.end));
  if (before) return true;
  for (let k = a.verbIdx + 1; k < toks.length; k++) {
    const t = toks[k];
    if (t.k === 'punct') continue;
    if (times.some((x) => t.s >= x.start && t.e <= x.end)) continue;
    if (!NO_CONTENT.has(t.l) && !(t.l in WEEKDAYS)) return true;
  }
  return false;
}

/** What a sentence inherits from the quotation before it. */
export interface QuoteState {
  /** the speaker of a quotation that goes on into this sentence (only when the sentence has no attribution of its own) */
  carried: FoundAttribution | null;
  /** a quotation was open when the sentence began */
  openBefore: boolean;
}

/** Follows quotations across the sentences of an article. */
export class QuoteCarry {
  private lastQuote: { attr: FoundAttribution; end: number; closing: boolean } | null = null;
  /** a quotation left open at the end of the previous sentence (same paragraph) */
  private quoteOpen = false;
  private prevEnd = 0;

  /** Call once per analysed sentence, before its claims. */
  enter(text: string, sent: Sentence, toks: Tok[], attr: FoundAttribution | null): QuoteState {
    const { lastQuote, prevEnd } = this;
    // a quotation that goes on: "…," Mota said. "A nurse spends close to 60% of her pay on rent." / Whitfield said: "Every
    // one is a person in pain. This funding will help carry out 2 million operations."
    const sameParagraph = !text.slice(prevEnd, sent.start).includes('\n');
    if (!sameParagraph) this.quoteOpen = false;
    const fullyQuoted = /^["“]/.test(sent.text) && /["”]$/.test(sent.text);
    // (1.14) a new paragraph that is only a quotation right after a paragraph ending '…," the source said.' goes on with
    // that speaker (wire style: a quote split across paragraphs)
    const nextParagraphQuote = !sameParagraph && fullyQuoted && lastQuote !== null && lastQuote.end === prevEnd && lastQuote.closing
      && /^[ \t]*\n[ \t]*\n[ \t]*$/.test(text.slice(prevEnd, sent.start));
    const carried = !attr && lastQuote !== null && when(R.QUOTE_CARRIED, (sameParagraph && (fullyQuoted || this.quoteOpen)) || nextParagraphQuote, sent.start, sent.end) ? lastQuote.attr : null;
    const openBefore = this.quoteOpen;
    for (const tk of toks) {
      if (tk.t === '“') this.quoteOpen = true;
      else if (tk.t === '”') this.quoteOpen = false;
      else if (tk.t === '"') this.quoteOpen = !this.quoteOpen;
    }
    this.prevEnd = sent.end;
    return { carried, openBefore };
  }

  /** After the sentence: its speaker goes on into the next one when it opens a quotation or leaves one open. */
  leave(sent: Sentence, attr: FoundAttribution | null, q: QuoteState): void {
    const speaker = attr ?? q.carried;
    this.lastQuote = speaker && (/^["“]/.test(sent.text) || this.quoteOpen || (q.openBefore && q.carried) || (q.openBefore && attr))
      ? { attr: speaker, end: sent.end, closing: !!attr && QUOTE_CLOSED_BY_VERB.test(sent.text) } : null;
  }
}

/** The sentence as it stands for a statement. */
export interface StatementInput {
  text: string;
  sent: Sentence;
  toks: Tok[];
  attr: FoundAttribution | null;
  quote: QuoteState;
  mem: SpeakerMemory;
  firstSentence: boolean;
  times: () => TimeRef[];
}

/** The attribution a sentence without figures or events states as a position, or null. */
export function statementAttribution(s: StatementInput): FoundAttribution | null {
  const { toks, quote } = s;
  const quoteGoesOn = quote.carried !== null;
  let stAttr = quoteGoesOn ? quote.carried : s.attr;
  // a stance without a speech verb: "Russia criticized the format", "the African Union called for a ceasefire"
  if (!stAttr) {
    stAttr = mainAttribution(findAttributions(toks, s.text, s.mem, true));
    if (!stAttr || !when(R.STANCE, true, stAttr.s, stAttr.e)) return null;
  }
  // "Pyongyang has not confirmed the deployment" is not a position
  const negated = !quoteGoesOn && stAttr.verbIdx > 0 && /^(not|never|n't|nor)$/.test(toks[stAttr.verbIdx - 1].l);
  // headlines (no closing punctuation) are statements only as the article's title with a present-tense speech
  // verb: "Mediterranean crossings fall but deaths rise, UN says"
  const closed = /[.!?"”’')]$/.test(s.sent.text) || (s.firstSentence && HEADLINE_SPEECH_VERBS.has(toks[stAttr.verbIdx]?.l ?? ''));
  // "Hill conceded shortly before midnight" has no content
  const { start, end } = s.sent;
  if (when(R.STATEMENT_NEGATED, negated, start, end) || when(R.STATEMENT_HEADLINE, !closed, start, end)) return null;
  if (when(R.STATEMENT_NO_CONTENT, !quoteGoesOn && !hasContent(toks, stAttr, s.times()), start, end)) return null;
  return when(R.STATEMENT, true, start, end) ? stAttr : null;
}

/** Emits the sentence's statement, if it has one (call only for a sentence without figure or event claims). */
export function statementClaim(s: StatementInput, sink: ClaimSink): void {
  const stAttr = statementAttribution(s);
  if (!stAttr) return;
  const timeRef = s.times().find((x) => x.date !== null || x.from !== null) ?? null;
  const sc = scoreClaim('statement', null, true, !!timeRef, null, s.toks, spokenText(s.text));
  sink({
    text: s.sent.text, start: s.sent.start, end: s.sent.end, category: 'statement', quantity: null, subject: null,
    location: null, timeRef, attribution: { speaker: stAttr.speaker, role: stAttr.role }, checkworthiness: sc.score, checkworthinessReasons: sc.reasons,
  }, stAttr);
}
