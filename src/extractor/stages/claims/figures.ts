/** Figure claims: one per number mention, with what it counts, who said it, when, about whom and where. */
import { figureInNonFactualClause, spokenText } from './factual-statements.js';
import { classify } from '../classification/index.js';
import type { FoundAttribution } from '../attribution/index.js';
import { speakerInTurn, type Turn } from '../attribution/transcript.js';
import { scoreClaim } from '../checkworthiness/score.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { clauses } from '../time/clauses.js';
import { timeForFigure, usableTimes, type PreviousFigure } from '../time/choice.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { ClaimCategory, TimeRef } from '../../types.js';
import { attributionFor } from './attribution-for.js';
import { resolveCurrency } from './currency.js';
import { locationOf } from './location.js';
import type { ClaimSink, SentenceView } from './sentence.js';
import { subjectOf } from './subject.js';

const LONE_ONE_NEEDS_HARM = defineRule({
  id: 'claims.lone-one-needs-harm',
  stage: 'claims',
  summary: 'A figure written "one" is a claim only when it counts a harm or displacement ("One person was killed").',
  examples: {
    fires: ['One soldier guarded the gate at the base on Monday, officials said.'],
    doesNotFire: ['One soldier was killed at the base on Monday, officials said.', 'Two soldiers guarded the gate, officials said.'],
  },
});

/** What a figure counts, carried across sentences: "Police put the figure at 40,000" in the next sentence. */
export interface ArticleFigures {
  lastCount: { category: ClaimCategory; unit: string | null } | null;
  /** resolved ambiguous currencies (currency.ts) */
  currencies: Map<string, string>;
}

/** "put the figure at 40,000", "the number rose to 300", "the total to 2,000": the previous figure's unit. */
function refersBack(toks: Tok[], m: Mention): boolean {
  for (let k = m.ts - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    const l = toks[k].l;
    if (/^(figure|number|total|tally|count|estimate|toll)$/.test(l) && /^(the|that|this|its|their|a)$/.test(toks[k - 1]?.l ?? '')) return true;
    if (!/^(at|to|as|was|is|stood|rose|fell|reached|put|of)$/.test(l)) return false;
  }
  return false;
}

/** Emits the sentence's figure claims; returns how many and the times they took (events may not reuse them). */
export function figureClaims(v: SentenceView, found: FoundAttribution[], carried: FoundAttribution | null, art: ArticleFigures, sink: ClaimSink, turn: Turn | null = null): { emitted: number; usedTimes: Set<TimeRef> } {
  const { text, sent, toks, mentions } = v;
  const usedTimes = new Set<TimeRef>();
  if (mentions.length === 0) return { emitted: 0, usedTimes };
  const times = v.times();
  const cl = clauses(toks, mentions, times);
  const usable = usableTimes(times, mentions, text, sent.start);
  let emitted = 0;
  let prev: PreviousFigure | null = null;
  for (const m of mentions) {
    // in a transcript, a figure without a source of its own is the turn's speaker's
    const ownSource = attributionFor(found, m, toks) ?? (found.length === 0 ? carried : null);
    const mAttr = speakerInTurn(turn, ownSource);
    let cls = classify(toks, m, mentions);
    if (cls.unit === null && cls.category === 'quantity_other' && art.lastCount && refersBack(toks, m)) cls = art.lastCount;
    if (!m.currency && !m.percent && cls.unit !== null) art.lastCount = cls;
    // "one soldier" is only worth a claim as a harm or displacement figure
    if (when(LONE_ONE_NEEDS_HARM, m.word && m.value === 1 && !m.percent && !m.currency && cls.category !== 'casualties' && cls.category !== 'displacement', m.s, m.e)) continue;
    // (a speaker's own question or promise, in a turn of a transcript too, is no claim; a reported one is)
    if (figureInNonFactualClause(toks, m, !!ownSource, v.text)) continue;
    const { chosen, reported: timeRef } = timeForFigure({ toks, cl, m, mentions, usable, attrVerb: mAttr ? mAttr.verbIdx : -1 }, prev);
    prev = { m, time: chosen };
    if (timeRef) usedTimes.add(timeRef.from === null ? timeRef : times.find((x) => x.start === timeRef.start) ?? timeRef);
    const subject = subjectOf(toks, m, text);
    const location = locationOf(toks, m, text, times);
    const sc = scoreClaim(cls.category, m, !!mAttr, !!timeRef, subject, toks, spokenText(v.text));
    sink({
      text: sent.text, start: sent.start, end: sent.end, category: cls.category,
      quantity: {
        text: text.slice(m.s, m.e), start: m.s, end: m.e, value: m.value, low: m.low, high: m.high,
        unit: cls.category === 'money' ? resolveCurrency(cls.unit, text, art.currencies) : cls.unit, qualifier: m.unspecified ? null : m.qualifier,
      },
      subject, location, timeRef, attribution: mAttr ? { speaker: mAttr.speaker, role: mAttr.role } : null,
      checkworthiness: sc.score, checkworthinessReasons: sc.reasons,
    }, mAttr);
    emitted++;
  }
  return { emitted, usedTimes };
}
