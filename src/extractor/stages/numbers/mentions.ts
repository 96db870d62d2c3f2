/**
 * Number mentions in a sentence: the amount at each token, widened to its qualifier and counted noun, with the
 * refiners that settle what the number is about (a duration, a multiplier, a calibre, a part of an earlier figure).
 */
import { DURATION_PREPS, TIME_UNITS } from '../../resources/lexicon.js';
import { PERSON_NOUNS } from '../../resources/people.js';
import { TROOP_NOUNS } from '../../resources/military.js';
import { CHANGE_VERBS, SMALL_DETS } from '../../resources/number-context.js';
import type { Tok } from '../tokens/index.js';
import type { Qualifier } from '../../types.js';
import { parseAmount } from './amount.js';
import { parseDigits } from './cardinal.js';
import { calibre, DISTANCE, DISTANCE_UNITS } from './measures.js';
import { isMonthTok } from './not-quantities.js';
import { nounAfter } from './nouns.js';
import { AGE_THRESHOLD, CHANGE_UP_DOWN, PAST_PERIOD, QUALIFIER_AFTER, QUALIFIER_BEFORE, postQualifier, qualifierBefore } from './qualifiers.js';
import { rangeWordMention, separatorRange, tallyAt } from './ranges.js';
import {
  COUNT_BEFORE_CALIBRE, DURATION, ELIDED_POINTS, FORECAST_SUBJECT, MAGNITUDE, MULTIPLIER, NAME_NUMBER, PART_OF_EARLIER,
  PART_OF_WHOLE, RATE_BASE, STRONG_GROUP, UNSPECIFIED, VAGUE_BEFORE_VERB, WORD_NUMBER_NEEDS_NOUN,
} from './refiners.js';
import { at, mkMention, round, type Amount, type Mention, type NounPhrase } from './types.js';

/** Find all quantity mentions in a tokenised sentence. */
export function findMentions(toks: Tok[]): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < toks.length) {
    const skip = tallyAt(toks, i);
    if (skip > 0) {
      i += skip;
      continue;
    }
    const m = mentionAt(toks, i, out);
    if (m) {
      out.push(m);
      i = Math.max(m.te, i + 1);
    } else i++;
  }
  return out;
}

function mentionAt(toks: Tok[], i: number, prior: Mention[]): Mention | null {
  if (at(NAME_NUMBER, nameNumber(toks, i), toks, i, i + 1)) return null;
  const t = toks[i];
  if (t.l === 'unspecified' || t.l === 'undisclosed' || t.l === 'unknown' || t.l === 'untold' || t.l === 'uncounted') return unspecified(toks, i);
  if (t.l === 'between') return rangeWordMention(toks, i);
  const pw = toks[i - 1]?.l ?? '';
  const bareShare = !!qualifierBefore(toks, i) || pw === 'by' || (/^(and|while|but|whereas)$/.test(pw) && prior.some((p) => p.percent && p.word));
  const a = parseAmount(toks, i, bareShare);
  if (!a) return null;
  return separatorRange(toks, i, a) ?? singleMention(toks, a, prior);
}

/** "an unspecified number of troops". */
function unspecified(toks: Tok[], i: number): Mention | null {
  const n1 = toks[i + 1];
  if (!at(UNSPECIFIED, !!n1 && (n1.l === 'number' || n1.l === 'numbers') && toks[i + 2]?.l === 'of', toks, i, i + 3)) return null;
  const st = toks[i - 1] && (toks[i - 1].l === 'an' || toks[i - 1].l === 'a') ? i - 1 : i;
  const np = nounAfter(toks, i + 2, true);
  const te = np ? np.end : i + 2;
  return mkMention(toks, st, te, i, i + 2, { unspecified: true, noun: np?.head ?? null, nounIdx: np?.idx ?? -1, nounMods: np?.mods ?? [] });
}

/** (1.16) a number that is part of a name: "the Israeli Arrow 3 system", "the Arrow 2", "Nord Stream 1 and 2". */
function nameNumber(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (t.k !== 'num' || !/^\d{1,2}$/.test(t.t)) return false;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  if (prev && (prev.l === 'and' || prev.l === 'or') && toks[i - 2]?.k === 'num' && nameNumber(toks, i - 2)) return !next || !next.cap;
  if (!prev || prev.k !== 'word' || !prev.cap || !t.sp || /['’]s$/.test(prev.t) || isMonthTok(prev) || prev.t === prev.t.toUpperCase()) return false;
  const prev2 = toks[i - 2];
  if (!prev2) return false;
  // the name must not open the sentence: "In Ukraine 12 …" (prev2 is a sentence-initial preposition) is not covered
  const p2ok = prev2.l === 'the' || (prev2.k === 'word' && prev2.cap && toks[i - 3] !== undefined && !/^[.!?\n]$/.test(toks[i - 3].t) && toks[i - 3].k === 'word' && !toks[i - 3].cap);
  // "Arrow 2 and Arrow 3 systems": the second of two coordinated names
  const coordinated = (prev2.l === 'and' || prev2.l === 'or') && toks[i - 3]?.k === 'num' && nameNumber(toks, i - 3);
  if (!p2ok && !coordinated) return false;
  // title case ("Strikes Kill 12 People") has a capitalised word after the number
  if (next && next.k === 'word' && next.cap) return false;
  if (next && next.k === 'num') return false;
  return true;
}

/** The qualifier before the amount: its kind and where the mention starts; undefined when it is an age threshold. */
function leadingQualifier(toks: Tok[], a: Amount, prior: Mention[]): { qualifier: Qualifier; ts: number; pq: boolean } | undefined {
  let ts = a.start;
  let qualifier: Qualifier = a.vague ? 'approximate' : 'exact';
  const pq = qualifierBefore(toks, a.start);
  const prevEnd = prior.length ? prior[prior.length - 1].te : 0;
  // "the past 200 years" is a period, "spending past 200 million pounds" a lower bound
  if (pq && at(PAST_PERIOD, toks[pq.start].l === 'past' && pq.start === a.start - 1 && /^(the|over|in|for|during|within|its|their)$/.test(toks[pq.start - 1]?.l ?? ''), toks, pq.start, a.end)) {
    // not a qualifier
  } else if (pq && pq.start >= prevEnd) {
    const pl = toks[pq.start - 1]?.l ?? '';
    const verbUp = at(CHANGE_UP_DOWN, (toks[pq.start].l === 'up' || toks[pq.start].l === 'down') && CHANGE_VERBS.has(pl), toks, pq.start, a.end);
    // "people over 65", "children under 5": an age threshold, not a count
    const ageThreshold = /^(over|under|above|below)$/.test(toks[pq.start].l) && (PERSON_NOUNS.has(pl) || /^(those|anyone|everyone|aged|ages)$/.test(pl)) && (a.value ?? 999) < 120;
    if (at(AGE_THRESHOLD, ageThreshold, toks, pq.start, a.end)) return undefined;
    if (!verbUp) {
      if ((!a.vague || pq.q !== 'approximate') && at(QUALIFIER_BEFORE, true, toks, pq.start, a.end)) qualifier = pq.q;
      ts = pq.start;
    }
  }
  return { qualifier, ts, pq: !!pq };
}

/** Value and bounds once the qualifier is known. */
function bounds(a: Amount, qualifier: Qualifier): { value: number | null; low: number | null; high: number | null } {
  let value = a.value;
  let low = a.low;
  let high = a.high;
  if (!a.vague) {
    if (qualifier === 'lower_bound') {
      low = value;
      value = null;
    } else if (qualifier === 'upper_bound') {
      high = value;
      value = null;
    }
  } else if (qualifier === 'lower_bound') {
    high = null;
  } else if (qualifier === 'upper_bound') {
    low = null;
  }
  return { value, low, high };
}

function singleMention(toks: Tok[], a: Amount, prior: Mention[]): Mention | null {
  const lead = leadingQualifier(toks, a, prior);
  if (!lead) return null;
  const { ts, pq } = lead;
  let qualifier = lead.qualifier;
  // multipliers: "five times that amount", "three times as many"
  if (at(MULTIPLIER, toks[a.end]?.l === 'times' && /^(that|the|as|more|higher|larger|bigger|greater|less|lower|smaller|its|their|what|this)$/.test(toks[a.end + 1]?.l ?? ''), toks, a.start, a.end + 1)) return null;
  let end = a.end;
  const post = postQualifier(toks, end);
  if (post && at(QUALIFIER_AFTER, true, toks, a.start, post.end)) {
    qualifier = post.q;
    end = post.end;
  }
  let { value, low, high } = bounds(a, qualifier);
  // "a 1,000-strong emergency unit": the size of the group
  if (at(STRONG_GROUP, !a.currency && !a.percent && toks[end]?.t === '-' && !toks[end].sp && toks[end + 1]?.l === 'strong' && !toks[end + 1].sp, toks, a.start, end + 2)) {
    const np = nounAfter(toks, end + 2, false);
    const te2 = np ? np.end : end + 2;
    return mkMention(toks, ts, te2, a.start, a.end, {
      value: round(value), low: round(low), high: round(high), qualifier, word: a.word, noun: np?.head ?? null,
      nounIdx: np?.idx ?? -1, nounMods: np?.mods ?? [], strong: true,
    });
  }
  // "a magnitude 6.4 earthquake", "a category 4 storm": the scale is the unit
  const measure = a.measure ?? (at(MAGNITUDE, toks[a.start - 1]?.l === 'magnitude', toks, a.start - 1, a.end) ? 'magnitude' : null);
  let noun: NounPhrase | null = null;
  if (!a.currency && !a.percent && !measure) noun = nounAfter(toks, end, true);
  // "5km north": the unit is the noun, so nothing around ("troops advanced") can make it a head count
  if (measure && at(DISTANCE, DISTANCE_UNITS.has(measure), toks, a.start, a.end)) noun = { head: measure, idx: a.end - 1, end: a.end, mods: [] };
  // "below the 170,000 economists had forecast": the noun is the subject of a relative clause, not what is counted
  if (at(FORECAST_SUBJECT, !!noun && noun.idx === end && /^(economists|analysts|forecasters|experts|traders|investors|strategists)$/.test(noun.head)
    && /^(had|have|has)$/.test(toks[noun.end]?.l ?? '') && /^(forecast|expected|predicted|estimated|anticipated|projected|pencilled|penciled)$/.test(toks[noun.end + 1]?.l ?? ''), toks, a.start, end)) {
    noun = null;
  }
  // "155 mm artillery shells": a calibre, not a figure; "300,000 155mm shells": the noun is after the calibre
  if (noun && !a.currency && !a.percent && calibre(toks, end)) return null;
  if (!noun && !a.currency && !a.percent && toks[end]?.k === 'num' && calibre(toks, end + 1)) {
    const np = nounAfter(toks, end + 2, false);
    if (at(COUNT_BEFORE_CALIBRE, !!np, toks, a.start, end + 2)) noun = np;
  }
  // "4.5 points" after "percentage points" in the same sentence: the same unit, elided
  let percent = a.percent;
  if (noun && at(ELIDED_POINTS, /^points?$/.test(noun.head) && noun.idx === end && toks.slice(0, a.start).some((x, q) => x.l === 'percentage' && /^points?$/.test(toks[q + 1]?.l ?? '')), toks, a.start, noun.end)) {
    percent = true;
    end = noun.end;
    noun = null;
  }
  // "won 26 of their 38 league games": the noun of the whole
  const wholeAt = toks[end]?.l === 'of' && SMALL_DETS.has(toks[end + 1]?.l ?? '') ? (toks[end + 2]?.k === 'num' ? end + 3 : toks[end + 2]?.k === 'word' && !toks[end + 2].cap && toks[end + 3]?.k === 'num' ? end + 4 : -1) : -1;
  if (!noun && !a.word && !a.currency && !percent && wholeAt > 0) {
    const whole = nounAfter(toks, wholeAt, false);
    if (at(PART_OF_WHOLE, !!whole, toks, a.start, wholeAt)) noun = { ...(whole as NounPhrase), end };
  }
  // "Tens of thousands rally": a singular word after a vague amount is a verb, the people are implied
  if (at(VAGUE_BEFORE_VERB, !!noun && a.vague && noun.idx === end && !/s$/.test(noun.head) && !PERSON_NOUNS.has(noun.head) && !TROOP_NOUNS.has(noun.head) && !noun.head.includes('-'), toks, a.start, end + 1)) noun = null;
  if (noun && isDuration(toks, a, noun, ts, end, pq)) return null;
  // word numbers need a counted noun (or a harm verb right after)
  if (a.word && !a.vague && !a.currency && !a.percent && a.scale === 1 && !noun) {
    if (wholeAt > 0) {
      const whole = nounAfter(toks, wholeAt, false);
      if (whole) noun = { ...whole, end };
    }
    if (!noun && !wordNumberStands(toks, a, ts, end, prior)) return null;
  }
  let te = noun ? noun.end : end;
  // "12.5 cases per 100,000 people": the base of a rate belongs to this figure
  if (at(RATE_BASE, (!!noun || !!a.currency) && toks[te]?.l === 'per' && toks[te + 1]?.k === 'num' && (parseDigits(toks[te + 1].t) ?? 0) >= 100, toks, te, te + 2)) {
    te += 2;
    const base = nounAfter(toks, te, false);
    if (base && base.idx === te) te = base.end;
  }
  if (noun && !post) {
    const post2 = postQualifier(toks, te);
    if (post2 && post2.q !== qualifier && at(QUALIFIER_AFTER, true, toks, a.start, post2.end)) {
      qualifier = post2.q;
      te = post2.end;
      if (qualifier === 'lower_bound') {
        low = a.value;
        value = null;
      } else if (qualifier === 'upper_bound') {
        high = a.value;
        value = null;
      }
    }
  }
  return mkMention(toks, ts, te, a.start, a.end, {
    value: round(value), low: round(low), high: round(high), qualifier, currency: a.currency, percent,
    vague: a.vague, word: a.word, measure, noun: noun?.head ?? null, nounIdx: noun?.idx ?? -1, nounMods: noun?.mods ?? [],
  });
}

/** Durations with a temporal preposition are time references, not quantities; prison terms are quantities. */
function isDuration(toks: Tok[], a: Amount, noun: NounPhrase, ts: number, end: number, pq: boolean): boolean {
  if (!TIME_UNITS.has(noun.head) || noun.idx !== end) return false;
  // prison terms: "faces up to 20 years in prison", "was sentenced to five years"
  const prisonTerm = /^(years?|months?)$/.test(noun.head) && (
    /^(in|behind)$/.test(toks[noun.end]?.l ?? '') && /^(prison|jail|bars|custody|detention)$/.test(toks[noun.end + 1]?.l ?? '')
    || (toks[noun.end]?.l === 'of' && /^(imprisonment|jail|prison)$/.test(toks[noun.end + 1]?.l ?? ''))
    || (/^(to|faces|facing|face|of)$/.test(toks[ts - 1]?.l ?? '') && /^(sentenced|jailed|term|sentence|faces|facing|face)$/.test(toks[ts - 1]?.l === 'to' || toks[ts - 1]?.l === 'of' ? toks[ts - 2]?.l ?? '' : toks[ts - 1].l)));
  if (prisonTerm) return false;
  const before = toks[ts - 1];
  const after = toks[noun.end];
  // "within the first two years", "the past three seasons"
  const duration = (!!before && /^(first|last|past|next|previous|final|coming|initial|remaining)$/.test(before.l))
    || (!!before && DURATION_PREPS.has(before.l)) || DURATION_PREPS.has(toks[a.start - 1]?.l ?? '')
    || (!!after && /^(ago|later|earlier|old|long|before|after|since|from|into|of|early|late|ahead|behind|sooner)$/.test(after.l)) || pq
    || toks[ts - 1]?.l === 'the' || toks[ts - 1]?.l === 'a';
  return at(DURATION, duration, toks, a.start, noun.end);
}

/** A word number without a counted noun stands only as an elided unit, a part of an earlier figure, or before a harm verb. */
function wordNumberStands(toks: Tok[], a: Amount, ts: number, end: number, prior: Mention[]): boolean {
  const nx = toks[end];
  // "..., while candidates backed by Hill took five,": the noun of an earlier figure in the sentence
  // "86 points, four ahead of Millbrook": a margin in the unit of the previous figure
  const elided = !!nx && prior.some((p) => p.noun && !p.percent && !p.currency) && ((/^[,.;]$/.test(nx.t) && /^(took|won|lost|got|gained|held|has|have|had|with|kept|secured|captured)$/.test(toks[a.start - 1]?.l ?? ''))
    || (/^(ahead|behind|clear)$/.test(nx.l) && /^(of|,|\.)$/.test(toks[end + 1]?.l ?? '')));
  // (1.16) "11 people were injured, three of them seriously", "16 jets, four of them from …": a part of an earlier figure
  const partOf = !!nx && nx.l === 'of' && /^(them|those|whom)$/.test(toks[end + 1]?.l ?? '') && /^[,(—–-]$/.test(toks[ts - 1]?.t ?? '')
    && prior.some((p) => !p.percent && !p.currency && (p.noun || p.value !== null || p.low !== null));
  if (at(PART_OF_EARLIER, elided || partOf, toks, a.start, end)) return true;
  if (!!nx && /^(were|have|had|are|was|died|killed|wounded|injured)$/.test(nx.l)) return true;
  // "minus five point five": a signed or decimal number is a reading, not a reference like "the two"
  if (a.value !== null && (a.value < 0 || !Number.isInteger(a.value))) return true;
  return !at(WORD_NUMBER_NEEDS_NOUN, true, toks, a.start, end);
}
