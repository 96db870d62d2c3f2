/**
 * Guards for choosing a figure's time (choice.ts): token patterns that say a time in the figure's sentence
 * belongs to something else (a source's release, a relative clause on another noun, a later predicate…).
 */
import type { TimeRef } from '../../types.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { CLAUSE_TAKING_VERBS, DATED_SPEECH_VERBS } from '../../resources/speech-verbs.js';

/** Link words: a relative "that" after them is a complementiser or a comparison ("so … that", "now that"). */
const LINK_WORDS = /^(so|such|now|than|and|or|but)$/;
/** A reporting verb (its object is the reported clause) or a link word. */
const isReportingOrLink = (l: string): boolean => CLAUSE_TAKING_VERBS.has(l) || LINK_WORDS.test(l);
const PRONOUN_OR_DET = /^(he|she|they|we|it|the|its|their|his|her)$/;

export function isSpeechVerbTok(t: Tok | undefined): boolean {
  return !!t && DATED_SPEECH_VERBS.has(t.l);
}

/** "according to NATO estimates published last week", "ahead of joint exercises next month". */
export function sourceOrAheadTime(toks: Tok[], tk: number): boolean {
  for (let k = tk - 1; k >= 0 && k >= tk - 2; k--) if (/^(published|released|issued|compiled)$/.test(toks[k].l)) return true;
  for (let k = tk - 1; k >= 1 && k >= tk - 5; k--) {
    if (toks[k].k === 'punct' || toks[k].k === 'num') return false;
    if (toks[k].l === 'of' && toks[k - 1].l === 'ahead') return true;
  }
  return false;
}

/** A relative clause ("that/which/who/where …") that starts after the figure's own phrase modifies a later noun; its time is not the figure's. */
export function relativeOnLaterNoun(toks: Tok[], m: Mention, t: TimeRef): boolean {
  const own = Math.max(m.te, m.nounIdx >= m.te ? m.nounIdx + 1 : m.te);
  for (let k = own; k < toks.length && toks[k].e <= t.start; k++) {
    const w = toks[k];
    if (w.k === 'punct' && w.t !== '-' && w.t !== "'" && w.t !== '’') return false;
    if (!/^(that|which|who|whom|where)$/.test(w.l)) continue;
    const p = toks[k - 1];
    // "the 2% that was set in 2014" (right after the figure's phrase) and "said that …" keep the time
    if (k === own || !p || p.k !== 'word' || isReportingOrLink(p.l)) return false;
    // an object relative with its own subject ("that Manila grounded …", "which the army built …"); a subject relative
    // ("an exercise that began on Sunday") dates the predicate the figure takes part in
    const n = toks[k + 1];
    return !!n && n.k === 'word' && ((n.cap && n.l !== 'i') || PRONOUN_OR_DET.test(n.l)) && !/^(is|was|are|were|has|had|have)$/.test(n.l);
  }
  return false;
}

/** A time inside an object relative clause ("that Manila grounded … in 1999") that a comma closes before the figure. */
export function relativeBefore(toks: Tok[], tk: number, figTs: number): boolean {
  let comma = -1;
  for (let k = tk + 1; k < figTs; k++) if (toks[k].t === ',') { comma = k; break; }
  if (comma < 0) return false;
  for (let k = tk - 1; k >= 1 && tk - k <= 12; k--) {
    const w = toks[k];
    if (w.k === 'punct' && w.t !== '-' && w.t !== "'" && w.t !== '’') return false;
    if (!/^(that|which|whom)$/.test(w.l)) continue;
    const p = toks[k - 1];
    const n = toks[k + 1];
    if (!p || p.k !== 'word' || p.cap || isReportingOrLink(p.l)) return false;
    return !!n && n.k === 'word' && ((n.cap && n.l !== 'i') || PRONOUN_OR_DET.test(n.l));
  }
  return false;
}

/** "Under a law approved by the cabinet in August, …": a time in a sentence opener that modifies the opener's noun. */
export function openerModifierTime(toks: Tok[], tk: number, figTs: number): boolean {
  if (!/^(under|despite|amid|unlike|like)$/.test(toks[0]?.l ?? '')) return false;
  let comma = -1;
  for (let k = 1; k < toks.length; k++) if (toks[k].t === ',') { comma = k; break; }
  if (comma < 0 || tk > comma || figTs <= comma) return false;
  for (let k = 1; k < tk; k++) if (toks[k].k === 'word' && !toks[k].cap && /(ed|signed|agreed|brokered|passed)$/.test(toks[k].l)) return true;
  return false;
}

/** "will stay closed", "would be signed": a modal in the verb's own clause (up to four words back). */
export function futureBefore(toks: Tok[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (toks[k].k === 'punct') return false;
    if (/^(will|would|shall|could|might|should|'ll|wo)$/.test(toks[k].l)) return true;
  }
  return false;
}

/** A past participle right after the counted noun ("councils hit by", "homes damaged in") opens a modifier. */
export function participleModifier(toks: Tok[], m: Mention, t: TimeRef): boolean {
  if (!m.noun) return false;
  // only for an object or complement ("each of 12 councils hit by …"); a subject's participle is the verb ("300 fled in …")
  const b = toks[m.ts - 1];
  if (!b || b.k !== 'word' || b.cap) return false;
  const p = toks[m.te];
  if (!p || p.e > t.start || p.k !== 'word' || p.cap) return false;
  if (!/(ed|hit|struck|built|left|caught|held|sold|bought|taken|given|made|seen|found|worn|torn|broken|written)$/.test(p.l)) return false;
  for (let k = m.te + 1; k < toks.length && toks[k].e <= t.start && k <= m.te + 4; k++) if (/^(by|in|during|from)$/.test(toks[k].l)) return true;
  return false;
}

/** A baseline figure: "from 11,590", "from a peak of 130%", "than the 2019 high of 40". */
export function baselineIntro(toks: Tok[], x: Mention): boolean {
  // "from five countries" is an origin; a baseline is a bare number, a percentage or an amount of money
  if (x.noun && !x.percent && !x.currency) return false;
  for (let k = x.ts - 1, n = 0; k >= 0 && n < 5; k--, n++) {
    const l = toks[k].l;
    if (/^(from|than|versus|vs)$/.test(l)) return true;
    if (!/^(a|an|the|its|their|peak|high|low|record|level|total|of|previous|earlier|recent)$/.test(l)) return false;
  }
  return false;
}

/** Between a time and a figure: "and has since", "and then", ", but": the figure belongs to a later predicate. */
export function laterCoordinate(toks: Tok[], from: number, to: number): boolean {
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k];
    if (w.s < from || w.e > to) continue;
    if (w.l === 'since' && /^(has|have|had)$/.test(toks[k - 1]?.l ?? '') && !/^\d/.test(toks[k + 1]?.t ?? '')) return true;
    if (w.l === 'and' && /^(has|have|had|then|later|subsequently|to|will)$/.test(toks[k + 1]?.l ?? '')) return true;
  }
  return false;
}

/** Between a figure and a later time, another predicate with a figure of its own takes the time. */
export function laterPredicate(toks: Tok[], m: Mention, t: TimeRef, mentions: Mention[]): boolean {
  let k = m.te;
  while (k < toks.length && toks[k].e <= t.start) {
    const w = toks[k];
    // "seeks $4.2 billion but was only 6.6% funded as of April 7"
    if (w.l === 'but' && mentions.some((x) => x !== m && x.ts > k && x.e <= t.start)) return true;
    // (1.15) "violated the truce on 150 occasions and had recruited some 3,000 new fighters since June": a coordinated
    // predicate with its own auxiliary and its own figure
    if (w.l === 'and' && /^(has|have|had|was|were|is|are|will)$/.test(toks[k + 1]?.l ?? '') && mentions.some((x) => x !== m && x.ts > k && x.e <= t.start)) return true;
    if (w.t === ',' && toks[k + 1] && /ing$/.test(toks[k + 1].l) && !toks[k + 1].cap && toks[k + 1].l !== 'according' && toks[k + 1].l !== 'including') return true;
    // "to build 26,000 homes by 2030" is a later predicate; "worth $14 million to three companies between 2017 and 2022" is not
    if (/^(that|which|who)$/.test(w.l) || (w.l === 'to' && toks[k + 1]?.k === 'word' && !/^(the|a|an)$/.test(toks[k + 1].l) && !mentions.some((x) => x.ts === k + 1) && mentions.some((x) => x !== m && x.ts > k && x.e <= t.start))) {
      if (mentions.some((x) => x !== m && x.ts > k && x.e <= t.start)) return true;
    }
    k++;
  }
  return false;
}
