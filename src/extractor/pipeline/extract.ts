/**
 * Numeric-claim extractor. Pure, synchronous and deterministic given opts.publishedAt.
 *
 * Pipeline per sentence: split -> drop boilerplate -> tokenise -> number grammar (numbers.ts) ->
 * category/unit (classify.ts) -> time references (time.ts) -> attribution (attribution.ts) ->
 * subject/location -> checkworthiness. Sentences with an attributed position and no figure become
 * `statement` claims; clauses with a dated event verb become `event` claims.
 */
import { findAttributions, mainAttribution, newMemory, noteNames, notePersons, remember, type FoundAttribution } from '../stages/attribution/attribution.js';
import { classify } from '../stages/counted/classify.js';
import { AMBIGUOUS_CURRENCY, EVENT_VERBS, MONTHS, WEEKDAYS } from '../resources/lexicon.js';
import { findMentions, type Mention } from '../stages/numbers/numbers.js';
import { isBoilerplate, isNavHeader, splitSentences, tokenize, type Sentence, type Tok } from '../stages/segmentation/text.js';
import { findTimes, isBaseline, isDuration, isUnresolved, rateMonth, sinceInner, ymdOf } from '../stages/time/time.js';
import type { Attribution, ClaimCategory, ExtractedClaim, ExtractOptions, TimeRef } from '../types.js';
import { defineRule } from './rule.js';
import { scoreClaim } from '../stages/checkworthiness/score.js';
import { factualStatement, figureInNonFactualClause, spokenText } from '../stages/claims/factual-statements.js';
import { rulesTouching, when, withTrace, type Firing } from './trace.js';

const LONE_ONE_NEEDS_HARM = defineRule({
  id: 'claims.lone-one-needs-harm',
  stage: 'claims',
  summary: 'A figure written "one" is a claim only when it counts a harm or displacement ("One person was killed").',
  examples: {
    fires: ['One soldier guarded the gate at the base on Monday, officials said.'],
    doesNotFire: ['One soldier was killed at the base on Monday, officials said.', 'Two soldiers guarded the gate, officials said.'],
  },
});

// 1.17.1: the same claims as 1.17.0 on every labeled set; different only for texts that made 1.17.0 throw and for
// sentences over MAX_SENTENCE_CHARS (now analysed in pieces)
export const EXTRACTOR_VERSION = 'numeric-claims/1.17.1';

const CLAUSE_PUNCT = new Set([',', ';', '—', '–', ':', '(', ')']);
const LOC_PREPS = new Set(['to', 'in', 'into', 'near', 'along', 'across', 'inside', 'at', 'from', 'on', 'around', 'throughout', 'within', 'outside']);
const LOC_NOUNS = new Set(['border', 'frontier', 'region', 'province', 'city', 'country', 'capital', 'coast', 'town', 'village', 'state', 'territory', 'area', 'district', 'county', 'island', 'peninsula', 'camp', 'camps', 'zone', 'oblast', 'strip', 'bank', 'valley', 'port', 'countries', 'regions', 'towns', 'cities', 'villages', 'areas']);
const LOC_STOP = new Set(['for', 'and', 'or', 'but', 'which', 'who', 'that', 'when', 'while', 'after', 'before', 'since', 'next', 'last', 'this', 'over', 'during', 'by', 'as', 'amid', 'to', 'in', 'on', 'at', 'were', 'was', 'have', 'has', 'had', 'are', 'is', 'will', 'would', 'said', 'says', 'according', 'than', 'because', 'earlier', 'later']);
const SUBJ_SKIP = new Set(['has', 'have', 'had', 'also', 'already', 'now', 'reportedly', 'since', 'so', 'far', 'will', 'would', 'could', 'may', 'might', 'is', 'was', 'are', 'were', 'been', 'recently', 'further', 'still', 'just', 'previously', 'earlier']);

/** Tolerates an index past either end (undefined). */
function isCapNP(t: Tok | undefined): boolean {
  return !!t && t.k === 'word' && t.cap && !(t.l in MONTHS && t.l.length > 3) && !(t.l in WEEKDAYS);
}

/** Capitalised noun phrase ending at token j (walking left), e.g. "Russia", "the U.S.", "NATO". */
function capRunLeft(toks: Tok[], j: number): [number, number] | null {
  let k = j;
  let start = -1;
  while (k >= 0) {
    const t = toks[k];
    if (isCapNP(t)) {
      start = k;
      k--;
      continue;
    }
    if (start >= 0 && (t.t === '.' || t.l === 'of' || t.t === '-' || t.t === "'" || t.t === '’') && toks[k - 1] && isCapNP(toks[k - 1])) {
      k--;
      continue;
    }
    if (start < 0 && t.t === '.' && toks[k - 1] && isCapNP(toks[k - 1]) && toks[k - 1].t.length <= 2) {
      k--;
      continue;
    }
    break;
  }
  if (start < 0) return null;
  return [start, j];
}

function subjectOf(toks: Tok[], m: Mention, text: string): string | null {
  // walk left from the quantity to the verb, then to the noun phrase before it
  let k = m.ts - 1;
  let steps = 0;
  while (k >= 0 && steps < 6 && toks[k].k === 'word' && !toks[k].cap && !/^(which|who|that)$/.test(toks[k].l)) {
    k--;
    steps++;
  }
  // skip auxiliaries already passed; now k is at a capitalised word, punctuation or start
  while (k >= 0 && SUBJ_SKIP.has(toks[k].l)) k--;
  if (k < 0) return null;
  let t = toks[k];
  if (t.t === ',' || t.t === '—') return null;
  if (t.l === 'which' || t.l === 'who' || t.l === 'that') {
    if (toks[k - 1]?.t === ',') k -= 2;
    else k -= 1;
    if (k < 0) return null;
    t = toks[k];
  }
  const run = capRunLeft(toks, k);
  if (!run) return null;
  // a capitalised word right after a preposition is an object, not a subject
  const before = toks[run[0] - 1];
  if (before && LOC_PREPS.has(before.l) && before.l !== 'on') return null;
  const s = text.slice(toks[run[0]].s, toks[run[1]].e).replace(/['’]s$/, '');
  if (/^(The|A|An|In|On|At|But|And|It|He|She|They|We|This|That|One|Two|Three|Some|Many|Most|All)$/.test(s)) return null;
  return s;
}

function locationOf(toks: Tok[], m: Mention, text: string, timeSpans: TimeRef[]): string | null {
  const inTime = (t: Tok) => timeSpans.some((r) => t.s >= r.start && t.e <= r.end);
  const tryAt = (p: number): string | null => {
    let k = p + 1;
    let start = k;
    const dets = new Set(['the', 'its', 'their', 'his', 'her', 'a', 'an', 'our']);
    if (toks[k] && dets.has(toks[k].l)) k++;
    let end = -1;
    let good = false;
    let n = 0;
    while (k < toks.length && n < 8) {
      const t = toks[k];
      if (inTime(t)) break;
      if (t.k === 'num') break;
      if (t.k === 'punct') {
        if ((t.t === '.' || t.t === '-') && !t.sp && end === k - 1 && toks[k - 1].cap) {
          k++;
          continue;
        }
        break;
      }
      if (LOC_STOP.has(t.l) && !(t.l === 'with' || t.l === 'of')) break;
      if ((t.l === 'with' || t.l === 'of') && !(toks[k + 1] && (isCapNP(toks[k + 1]) || toks[k + 1].l === 'the'))) break;
      if (isCapNP(t) || LOC_NOUNS.has(t.l)) good = true;
      end = k;
      k++;
      n++;
    }
    if (!good || end < start) return null;
    // must end on a capitalised word or a place noun
    while (end >= start && !(isCapNP(toks[end]) || LOC_NOUNS.has(toks[end].l) || toks[end].t === '.')) end--;
    if (end < start) return null;
    if (toks[end].t === '.' && !(toks[end - 1]?.cap && toks[end - 1].t.length <= 2)) end--;
    start = p + 1;
    const s = text.slice(toks[start].s, toks[end].e);
    return s;
  };
  // right of the quantity, same clause
  for (let k = m.te, n = 0; k < toks.length && n < 10; k++, n++) {
    const t = toks[k];
    if (CLAUSE_PUNCT.has(t.t) || t.t === '.') break;
    if (LOC_PREPS.has(t.l)) {
      const r = tryAt(k);
      if (r) return r;
    }
  }
  // left, same clause
  for (let k = m.ts - 1, n = 0; k >= 0 && n < 12; k--, n++) {
    const t = toks[k];
    if (t.t === ';') break;
    if (LOC_PREPS.has(t.l) && t.l !== 'to' && t.l !== 'from') {
      const r = tryAt(k);
      if (r) return r;
    }
  }
  return null;
}

const SUBORD = new Set(['after', 'before', 'when', 'until', 'once', 'because', 'while', 'whereas', 'although', 'though', 'unless']);
const NOW_WORDS = new Set(['now', 'currently', 'presently']);

/** Clause index per token: commas, semicolons, dashes and subordinators start a new clause. */
function clauses(toks: Tok[], mentions: Mention[], times: TimeRef[] = []): number[] {
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
        const dateComma = toks[k - 2]?.k === 'num' && t.k === 'num';
        const participle = t.k === 'word' && /ing$/.test(t.l) && !t.cap && t.l !== 'according';
        // lists of figures and "..., to $382,600", "..., including 19 children" stay in the clause
        // "operations, scans and appointments over the next three years": a list of nouns
        const nounList = t.k === 'word' && !t.cap && !/(ed|ing|ly)$/.test(t.l) && toks[k - 2]?.k === 'word' && (/^(and|or)$/.test(toks[k + 1]?.l ?? '') || (toks[k + 1]?.k === 'word' && /^(and|or)$/.test(toks[k + 2]?.l ?? '')));
        const list = starts.has(k) || /^(including|to|with)$/.test(t.l) || nounList || (/^(or|and)$/.test(t.l) && starts.has(k + 1)) || timeOnly.has(k);
        if (!dateComma && !participle && !list) c = ++next;
      } else if (SUBORD.has(t.l) && k > 0) c = ++next;
    }
    ids[k] = c;
  }
  return ids;
}

/** The first token that starts at or after pos (toks.length if none). Binary search: tokens are in text order. */
function tokIdx(toks: Tok[], pos: number): number {
  return firstIndex(toks, (t) => t.s >= pos);
}

/** The token that contains or follows pos (the last one if none). */
function tokAt(toks: Tok[], pos: number): number {
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

/**
 * The time a figure refers to: a time in the same clause (a following one when it directly modifies the figure,
 * else a preceding one); else a sentence-opening time ("Since 2020, ..."); else the date of the statement
 * that reports it ("..., the ministry said on Wednesday"); else none.
 */
function pickTime(
  toks: Tok[], cl: number[], m: Mention, times: TimeRef[], mentions: Mention[], attrVerb: number, text: string, sentStart: number,
): TimeRef | null {
  const mc = cl[m.ns];
  let after: TimeRef | null = null;
  let afterD = Infinity;
  let before: TimeRef | null = null;
  let beforeD = Infinity;
  const usable = times.filter(
    (t) => !mentions.some((x) => x.s < t.end && t.start < x.e) && (t.date !== null || t.from !== null || t.to !== null || isUnresolved(t)) && !isBaseline(text.slice(sentStart), t, sentStart),
  );
  // the first ", a …" / ", up …" after the figure: it sets off an appositive figure
  const apposComma = toks.find((y, k) => y.s >= m.e && y.t === ',' && /^(a|an|up|down)$/.test(toks[k + 1]?.l ?? ''));
  const nowBetween = (a: number, b: number) => {
    for (let k = 0; k < toks.length; k++) if (toks[k].s >= a && toks[k].e <= b && NOW_WORDS.has(toks[k].l)) return true;
    return false;
  };
  for (const t of usable) {
    const tk = tokAt(toks, t.start);
    if (cl[tk] !== mc) continue;
    // "according to NATO estimates published last week": the source's release date; "ahead of joint exercises next
    // month": the time of the noun after 'ahead of'
    if (sourceOrAheadTime(toks, tk)) continue;
    if (t.start >= m.e) {
      // a figure in between blocks only when it is a comparison baseline ("3.9 percent from 3.8 percent in March")
      const sameKind = (x: Mention) => x.percent === m.percent && x.currency === m.currency && (x.noun === null || x.noun === m.noun);
      if (mentions.some((x) => x !== m && x.s >= m.e && x.s < t.start && ((sameKind(x) && /^(from|than|with|versus|vs)$/.test(toks[x.ts - 1]?.l ?? '')) || baselineIntro(toks, x)))) continue;
      if (nowBetween(m.e, t.start)) continue;
      // (1.14) "… 'around 30' Russians had been killed and that several wounded men were flown … on Thursday night": a second
      // coordinated that-clause has its own time
      if (toks.some((x, k) => x.s >= m.e && x.e <= t.start && x.l === 'that' && toks[k - 1]?.l === 'and')) continue;
      // (1.14) "Nearly 1.3 million people have been forced …, a record and a 24% increase since December": a time after an
      // appositive figure set off by a comma is that figure's
      // (the earliest such comma after the figure decides: any later figure after it qualifies)
      if (apposComma && mentions.some((x) => x.s >= apposComma.e && x.e <= t.start)) continue;
      // "12 local councils hit hardest by flooding last winter": the time of a participle modifying the noun
      if (participleModifier(toks, m, t)) continue;
      // the time belongs to a later predicate: "a €2bn plan that aims to build 26,000 homes by 2030",
      // "..., bringing the total since 2022 to 730,000"
      if (laterPredicate(toks, m, t, mentions)) continue;
      // "a dozen marines aboard a warship that Manila grounded on the reef in 1999": a relative clause on a later noun
      if (relativeOnLaterNoun(toks, m, t)) continue;
      // "12 of its planned 70 convoys had reached … in December": a part is as near as the whole's noun
      const me = m.nounIdx >= m.te && toks[m.nounIdx] && toks[m.nounIdx].e <= t.start ? toks[m.nounIdx].e : m.e;
      const d = t.start - me;
      if (d < afterD) {
        afterD = d;
        after = t;
      }
    } else if (t.end <= m.s) {
      if (nowBetween(t.end, m.s)) continue;
      // "Under legislation approved by the cabinet in August, about 20,000 volunteers …": the opener's noun has the time
      if (openerModifierTime(toks, tk, m.ts)) continue;
      // "… aboard a warship that Manila grounded on the reef in 1999, about 200 km west of …": the time closes an object
      // relative clause before a comma; the figure after the comma is not its
      if (relativeBefore(toks, tk, m.ts)) continue;
      // "peaked at 4.3% in October 2023 and has since eased to 3.2%": a later coordinated predicate
      if (laterCoordinate(toks, t.end, m.s)) continue;
      // "from 2.1 billion a year earlier, lifting the margin to 8.7%": the time of a baseline is not another figure's
      if (mentions.some((x) => x !== m && x.e <= t.start && t.start - x.e <= 2 && baselineIntro(toks, x))) continue;
      const d = m.s - t.end;
      if (d < beforeD) {
        beforeD = d;
        before = t;
      }
    }
  }
  // "seen within 18 weeks in January 2025": a calendar time right after a bare duration is the figure's
  if (after && isDuration(after)) {
    const cal = usable.find((t) => t !== after && t.start >= after!.end && t.start - after!.end <= 25 && !isDuration(t) && cl[tokAt(toks, t.start)] === mc);
    if (cal) after = cal;
  }
  // "second-quarter revenue of 41.3 billion crowns … on Thursday": a time that modifies the figure's noun wins
  if (before && after && beforeD <= 30) {
    const between = toks.filter((x) => x.s >= before!.end && x.e <= m.s);
    if (between.length <= 3 && between.some((x) => x.l === 'of') && between.every((x) => x.k === 'word')) return before;
  }
  // (1.14) "rebels said on Saturday they had killed 47 … in an ambush earlier in the week": a preceding time that dates the
  // speech verb loses to a time in the figure's own clause after it
  if (after && before && attrVerb >= 0) {
    const bk = tokAt(toks, before.start);
    if (bk > attrVerb && bk - attrVerb <= 2 && before.end <= m.s && isSpeechVerbTok(toks[attrVerb])) return after;
  }
  if (after && (afterD <= 45 || !before)) return after;
  if (before) return before;
  // "At least 11 were wounded when Israeli forces fired on their positions last year": a when-clause right after the
  // figure's clause (no comma) dates it, unless it has a figure of its own
  for (let w = m.te; w < toks.length; w++) {
    if (cl[w] !== mc && toks[w].l !== 'when') break;
    if (toks[w].l !== 'when') continue;
    if (toks[w - 1]?.k !== 'word') break;
    const wc = cl[w];
    if (mentions.some((x) => x !== m && cl[x.ts] === wc)) break;
    const wt = usable.find((t) => cl[tokAt(toks, t.start)] === wc && !sourceOrAheadTime(toks, tokAt(toks, t.start)));
    if (wt) return wt;
    break;
  }
  // sentence-opening time clause: "Since the pandemic low in 2020, the economy has ..."
  const first = usable.find((t) => cl[tokAt(toks, t.start)] === 0);
  if (first && mc !== 0) {
    let onlyTime = true;
    for (let k = 0; k < toks.length && cl[k] === 0; k++) {
      const tk = toks[k];
      // (1.14) "In June alone, …", "Late on Friday night, …"
      if (tk.t === ',' || (tk.s >= first.start && tk.e <= first.end) || /^(and|but|so|yet|also|alone|only|late|early|in|on|during|over|at)$/.test(tk.l)) continue;
      onlyTime = false;
      break;
    }
    if (onlyTime) return first;
  }
  // the date of the statement that reports the figure
  if (attrVerb >= 0) {
    const vc = cl[attrVerb];
    let best: TimeRef | null = null;
    let bd = Infinity;
    for (const t of usable) {
      const tk = tokAt(toks, t.start);
      if (cl[tk] !== vc || cl[tk] === mc) continue;
      const d = Math.abs(tk - attrVerb);
      // only a time that dates the statement itself ("said on Wednesday", "on Monday announced")
      if (d > 6 || mentions.some((x) => x.ts < Math.max(tk, attrVerb) && x.te > Math.min(tk, attrVerb))) continue;
      if (d < bd) {
        bd = d;
        best = t;
      }
    }
    return best;
  }
  return null;
}

function isSpeechVerbTok(t: Tok | undefined): boolean {
  return !!t && /^(said|says|say|told|tells|announced|claimed|claims|reported|stated|added)$/.test(t.l);
}

function sourceOrAheadTime(toks: Tok[], tk: number): boolean {
  for (let k = tk - 1; k >= 0 && k >= tk - 2; k--) if (/^(published|released|issued|compiled)$/.test(toks[k].l)) return true;
  for (let k = tk - 1; k >= 1 && k >= tk - 5; k--) {
    if (toks[k].k === 'punct' || toks[k].k === 'num') return false;
    if (toks[k].l === 'of' && toks[k - 1].l === 'ahead') return true;
  }
  return false;
}

/** A relative clause ("that/which/who/where …") that starts after the figure's own phrase modifies a later noun; its time is not the figure's. */
function relativeOnLaterNoun(toks: Tok[], m: Mention, t: TimeRef): boolean {
  const own = Math.max(m.te, m.nounIdx >= m.te ? m.nounIdx + 1 : m.te);
  for (let k = own; k < toks.length && toks[k].e <= t.start; k++) {
    const w = toks[k];
    if (w.k === 'punct' && w.t !== '-' && w.t !== "'" && w.t !== '’') return false;
    if (!/^(that|which|who|whom|where)$/.test(w.l)) continue;
    const p = toks[k - 1];
    // "the 2% that was set in 2014" (right after the figure's phrase) and "said that …" keep the time
    if (k === own || !p || p.k !== 'word' || /^(said|says|say|told|reported|warned|added|noted|announced|estimated|claimed|believes|believe|so|such|now|than|and|or|but)$/.test(p.l)) return false;
    // an object relative with its own subject ("that Manila grounded …", "which the army built …"); a subject relative
    // ("an exercise that began on Sunday") dates the predicate the figure takes part in
    const n = toks[k + 1];
    return !!n && n.k === 'word' && ((n.cap && n.l !== 'i') || /^(he|she|they|we|it|the|its|their|his|her)$/.test(n.l)) && !/^(is|was|are|were|has|had|have)$/.test(n.l);
  }
  return false;
}

/** A time inside an object relative clause ("that Manila grounded … in 1999") that a comma closes before the figure. */
function relativeBefore(toks: Tok[], tk: number, figTs: number): boolean {
  let comma = -1;
  for (let k = tk + 1; k < figTs; k++) if (toks[k].t === ',') { comma = k; break; }
  if (comma < 0) return false;
  for (let k = tk - 1; k >= 1 && tk - k <= 12; k--) {
    const w = toks[k];
    if (w.k === 'punct' && w.t !== '-' && w.t !== "'" && w.t !== '’') return false;
    if (!/^(that|which|whom)$/.test(w.l)) continue;
    const p = toks[k - 1];
    const n = toks[k + 1];
    if (!p || p.k !== 'word' || p.cap || /^(said|says|say|told|reported|warned|added|noted|announced|estimated|claimed|believes|believe|so|such|now|than|and|or|but)$/.test(p.l)) return false;
    return !!n && n.k === 'word' && ((n.cap && n.l !== 'i') || /^(he|she|they|we|it|the|its|their|his|her)$/.test(n.l));
  }
  return false;
}

/** "Under a law approved by the cabinet in August, …": a time in a sentence opener that modifies the opener's noun. */
function openerModifierTime(toks: Tok[], tk: number, figTs: number): boolean {
  if (!/^(under|despite|amid|unlike|like)$/.test(toks[0]?.l ?? '')) return false;
  let comma = -1;
  for (let k = 1; k < toks.length; k++) if (toks[k].t === ',') { comma = k; break; }
  if (comma < 0 || tk > comma || figTs <= comma) return false;
  for (let k = 1; k < tk; k++) if (toks[k].k === 'word' && !toks[k].cap && /(ed|signed|agreed|brokered|passed)$/.test(toks[k].l)) return true;
  return false;
}

/** "will stay closed", "would be signed": a modal in the verb's own clause (up to four words back). */
function futureBefore(toks: Tok[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (toks[k].k === 'punct') return false;
    if (/^(will|would|shall|could|might|should|'ll|wo)$/.test(toks[k].l)) return true;
  }
  return false;
}

/** A past participle right after the counted noun ("councils hit by", "homes damaged in") opens a modifier. */
function participleModifier(toks: Tok[], m: Mention, t: TimeRef): boolean {
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
function baselineIntro(toks: Tok[], x: Mention): boolean {
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
function laterCoordinate(toks: Tok[], from: number, to: number): boolean {
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k];
    if (w.s < from || w.e > to) continue;
    if (w.l === 'since' && /^(has|have|had)$/.test(toks[k - 1]?.l ?? '') && !/^\d/.test(toks[k + 1]?.t ?? '')) return true;
    if (w.l === 'and' && /^(has|have|had|then|later|subsequently|to|will)$/.test(toks[k + 1]?.l ?? '')) return true;
  }
  return false;
}

function laterPredicate(toks: Tok[], m: Mention, t: TimeRef, mentions: Mention[]): boolean {
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

function toAttribution(a: FoundAttribution | null): Attribution | null {
  return a ? { speaker: a.speaker, role: a.role } : null;
}

/** "crowns", "pesos", "rupees": the ISO code from the article's country words (default: first listed). */
function resolveCurrency(unit: string | null, text: string, cache: Map<string, string>): string | null {
  if (unit === null || unit[0] !== '~') return unit;
  let code = cache.get(unit);
  if (code === undefined) {
    const opts = AMBIGUOUS_CURRENCY[unit] ?? [];
    code = opts.find(([re]) => re === null || re.test(text))?.[1] ?? unit.slice(1).toUpperCase();
    cache.set(unit, code);
  }
  return code;
}

/**
 * How each sentence is analysed: `analyze` is the extractor's own step. The default runs it; tests wrap it (for instance
 * to make one sentence fail and see that the others still come out).
 */
export type SentenceStep = (sentence: Sentence, index: number, analyze: (sentence: Sentence) => void) => void;
const ANALYZE: SentenceStep = (sentence, _index, analyze) => analyze(sentence);

/** The spans a claim's trace is read from: its figure (or clause), its speaker, its time. */
type Anchors = Map<ExtractedClaim, Array<readonly [number, number]>>;

export function extractClaims(text: string, opts: ExtractOptions = {}, step: SentenceStep = ANALYZE): ExtractedClaim[] {
  return opts.trace ? traceExtraction(text, opts, step).claims : runPipeline(text, opts, step, null);
}

/** Extraction with the rule trace on: every claim carries `rules`, and every firing is returned (eval, CLI, tests). */
export function traceExtraction(text: string, opts: ExtractOptions = {}, step: SentenceStep = ANALYZE): { claims: ExtractedClaim[]; firings: Firing[] } {
  const anchors: Anchors = new Map();
  const { result: claims, firings } = withTrace(() => runPipeline(text, opts, step, anchors));
  for (const c of claims) c.rules = rulesTouching(firings, anchors.get(c) ?? [[c.start, c.end]]);
  return { claims, firings };
}

function anchorSpans(c: ExtractedClaim, speaker: { s: number; e: number } | null): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [c.quantity ? [c.quantity.start, c.quantity.end] : [c.start, c.end]];
  if (speaker) spans.push([speaker.s, speaker.e]);
  if (c.timeRef) spans.push([c.timeRef.start, c.timeRef.end]);
  return spans;
}

function runPipeline(text: string, opts: ExtractOptions, step: SentenceStep, anchors: Anchors | null): ExtractedClaim[] {
  const pub = ymdOf(opts.publishedAt ?? new Date());
  const curCache = new Map<string, string>();
  // the last counted figure, for "Police put the figure at 40,000" in the next sentence
  let lastCount: { category: ClaimCategory; unit: string | null } | null = null;
  // a quoted statement whose quote may go on in the next sentence ("…," Banda told Reuters. "Some walked for hours.")
  let lastQuote: { attr: FoundAttribution; end: number; closing: boolean } | null = null;
  // a quotation left open at the end of the previous sentence (same paragraph)
  let quoteOpen = false;
  let prevEnd = 0;
  const claims: ExtractedClaim[] = [];
  const mem = newMemory();
  let firstSentence = true;
  // inside a block of navigation links (after "Read more:", "Keep reading" … up to a blank line)
  let navBlock = false;
  let navEnd = 0;
  const analyze = (sent: Sentence): void => {
    if (navBlock && (/\n[ \t]*\n/.test(text.slice(navEnd, sent.start)) || /[.!?"”]\s*$/.test(sent.text))) navBlock = false;
    if (isNavHeader(sent.text)) {
      navBlock = true;
      navEnd = sent.end;
      return;
    }
    if (navBlock) {
      navEnd = sent.end;
      return;
    }
    if (isBoilerplate(sent.text)) return;
    const toks = tokenize(text, sent.start, sent.end);
    if (toks.length < 3) {
      firstSentence = false;
      return;
    }
    const claimsBefore = claims.length;
    const mentions = findMentions(toks);
    noteNames(toks, text, mem);
    const found = findAttributions(toks, text, mem);
    const attr = mainAttribution(found);
    // a quotation that goes on: "…," Mota said. "A nurse spends close to 60% of her pay on rent." / Whitfield said: "Every
    // one is a person in pain. This funding will help carry out 2 million operations."
    const sameParagraph = !text.slice(prevEnd, sent.start).includes('\n');
    if (!sameParagraph) quoteOpen = false;
    const fullyQuoted = /^["“]/.test(sent.text) && /["”]$/.test(sent.text);
    // (1.14) a new paragraph that is only a quotation right after a paragraph ending '…," the source said.' goes on with
    // that speaker (wire style: a quote split across paragraphs)
    const nextParagraphQuote: boolean = !sameParagraph && fullyQuoted && lastQuote !== null && lastQuote.end === prevEnd && lastQuote.closing
      && /^[ \t]*\n[ \t]*\n[ \t]*$/.test(text.slice(prevEnd, sent.start));
    const carried: FoundAttribution | null = !attr && lastQuote !== null && ((sameParagraph && (fullyQuoted || quoteOpen)) || nextParagraphQuote) ? lastQuote.attr : null;
    const openBefore = quoteOpen;
    for (const tk of toks) {
      if (tk.t === '“') quoteOpen = true;
      else if (tk.t === '”') quoteOpen = false;
      else if (tk.t === '"') quoteOpen = !quoteOpen;
    }
    prevEnd = sent.end;
    let times: TimeRef[] | null = null;
    const getTimes = () => (times ??= findTimes(sent.text, sent.start, pub));
    const usedTimes = new Set<TimeRef>();
    let emitted = 0;
    const cl = mentions.length ? clauses(toks, mentions, getTimes()) : [];
    let prevM: Mention | null = null;
    let prevTime: TimeRef | null = null;
    for (const m of mentions) {
      const mAttr = attributionFor(found, m, toks) ?? (found.length === 0 ? carried : null);
      let cls = m.unspecified ? unspecifiedClass(toks, m, mentions) : classify(toks, m, mentions);
      if (cls.unit === null && cls.category === 'quantity_other' && lastCount && refersBack(toks, m)) cls = lastCount;
      if (!m.currency && !m.percent && cls.unit !== null) lastCount = cls;
      // "one soldier" is only worth a claim as a harm or displacement figure
      if (when(LONE_ONE_NEEDS_HARM, m.word && m.value === 1 && !m.percent && !m.currency && cls.category !== 'casualties' && cls.category !== 'displacement', m.s, m.e)) continue;
      if (figureInNonFactualClause(toks, m, !!mAttr, text)) continue;
      // a conversion in parentheses ("41.3 billion crowns ($4.3 billion)") has the time of the figure it converts
      const conv = toks[m.ts - 1]?.t === '(' && prevM !== null && prevM.te === m.ts - 1;
      let timeRef: TimeRef | null = conv ? prevTime : pickTime(toks, cl, m, getTimes(), mentions, mAttr ? mAttr.verbIdx : -1, text, sent.start);
      // (1.14) "more than 40 million tons in the first half of the year, up 9% from the same period of 2024, X said on July 2": a
      // change right after a level shares the level's time unless it has one of its own
      if (prevM && prevTime && m.percent && !prevM.percent && prevM.te <= m.ts - 2 && toks[m.ts - 2]?.t === ',' && /^(up|down)$/.test(toks[m.ts - 1]?.l ?? '')
        && !toks.slice(prevM.te, m.ts - 2).some((x) => /^[,;:.]$/.test(x.t))) {
        const own = timeRef !== null && timeRef.start >= m.e && !toks.some((x) => x.s >= m.e && x.e <= timeRef!.start && x.t === ',');
        if (!own) timeRef = prevTime;
      }
      prevM = m;
      prevTime = timeRef;
      if (timeRef && m.percent) timeRef = rateMonth(timeRef);
      if (timeRef) usedTimes.add(timeRef.from === null ? timeRef : getTimes().find((x) => x.start === timeRef!.start) ?? timeRef);
      const subject = subjectOf(toks, m, text);
      const location = locationOf(toks, m, text, getTimes());
      const sc = scoreClaim(cls.category, m, !!mAttr, !!timeRef, subject, toks, spokenText(text));
      claims.push({
        text: sent.text, start: sent.start, end: sent.end, category: cls.category,
        quantity: {
          text: text.slice(m.s, m.e), start: m.s, end: m.e, value: m.value, low: m.low, high: m.high,
          unit: cls.category === 'money' ? resolveCurrency(cls.unit, text, curCache) : cls.unit, qualifier: m.unspecified ? null : m.qualifier,
        },
        subject, location, timeRef, attribution: toAttribution(mAttr),
        checkworthiness: sc.score, checkworthinessReasons: sc.reasons,
      });
      if (anchors) anchors.set(claims[claims.length - 1], anchorSpans(claims[claims.length - 1], mAttr));
      emitted++;
    }
    // dated events ("annexed the Crimean Peninsula from Ukraine in 2014")
    let events = 0;
    if (hasEventVerb(toks)) {
      const speechVerbs = new Set(found.map((f) => f.verbIdx));
      for (const ev of findEvents(toks, text, getTimes(), mentions, usedTimes, speechVerbs)) {
        const subject = ev.subject;
        const sc = scoreClaim('event', null, !!attr, true, subject, toks, spokenText(text));
        claims.push({
          text: text.slice(ev.s, ev.e), start: ev.s, end: ev.e, category: 'event', quantity: null, subject,
          location: null, timeRef: ev.time, attribution: toAttribution(attr), checkworthiness: sc.score,
          checkworthinessReasons: sc.reasons,
        });
        if (anchors) anchors.set(claims[claims.length - 1], anchorSpans(claims[claims.length - 1], attr));
        events++;
      }
    }
    // attributed positions without a figure
    // headlines (no closing punctuation) are not statements
    const quoteGoesOn: boolean = carried !== null;
    let stAttr: FoundAttribution | null = quoteGoesOn ? lastQuote!.attr : attr;
    // a stance without a speech verb: "Russia criticized the format", "the African Union called for a ceasefire"
    if (!stAttr && emitted === 0 && events === 0) stAttr = mainAttribution(findAttributions(toks, text, mem, true));
    const negated = stAttr !== null && !quoteGoesOn && stAttr.verbIdx > 0 && /^(not|never|n't|nor)$/.test(toks[stAttr.verbIdx - 1].l);
    // this sentence's speaker goes on into the next one when it opens a quotation or leaves one open
    lastQuote = (attr ?? carried) && (/^["“]/.test(sent.text) || quoteOpen || (openBefore && carried) || (openBefore && attr)) ? { attr: (attr ?? carried)!, end: sent.end, closing: !!attr && /["”][^"”]*\b(said|says|told|added|wrote)\b[^"”]*[.]$/.test(sent.text) } : null;
    // headlines (no closing punctuation) are statements only as the article's title with a present-tense speech
    // verb: "Mediterranean crossings fall but deaths rise, UN says"
    const closed = /[.!?"”’')]$/.test(sent.text) || (firstSentence && stAttr !== null && /^(says|say)$/.test(toks[stAttr.verbIdx]?.l ?? ''));
    firstSentence = false;
    // "Pyongyang has not confirmed the deployment" is not a position; "Hill conceded shortly before midnight" has no content
    if (emitted === 0 && events === 0 && stAttr && !negated && closed && (quoteGoesOn || hasContent(toks, stAttr, getTimes()))) {
      const t = getTimes();
      const timeRef = t.find((x) => x.date !== null || x.from !== null) ?? null;
      const sc = scoreClaim('statement', null, true, !!timeRef, null, toks, spokenText(text));
      claims.push({
        text: sent.text, start: sent.start, end: sent.end, category: 'statement', quantity: null, subject: null,
        location: null, timeRef, attribution: toAttribution(stAttr), checkworthiness: sc.score, checkworthinessReasons: sc.reasons,
      });
      if (anchors) anchors.set(claims[claims.length - 1], anchorSpans(claims[claims.length - 1], stAttr));
    }
    // a sentence with no figure and no speaker that asserts a checkable fact ("X voted against the bill")
    const fact = claims.length === claimsBefore ? factualStatement(toks, sent, getTimes, text) : null;
    if (fact) claims.push(fact);
    if (fact && anchors) anchors.set(fact, [[fact.start, fact.end]]);
    notePersons(toks, text, mem);
    // (1.17) a later pronoun refers to the sentence's said/told speaker, not to the subject of another reporting verb
    // ("Yemen has recorded …, the World Health Organization said …. …, it said." → the WHO)
    const memAttr = attr && /^(recorded|reported|registered|counted|announced)$/.test(toks[attr.verbIdx]?.l ?? '')
      ? found.find((f) => !f.media && f !== attr && /^(said|says|told|tells)$/.test(toks[f.verbIdx]?.l ?? '')) ?? attr : attr;
    if (memAttr) remember(mem, memAttr);
  };
  splitSentences(text).forEach((sent, index) => {
    const before = claims.length;
    try {
      step(sent, index, analyze);
    } catch (err) {
      // One sentence the rules cannot handle must not cost the article its other claims: drop what this sentence
      // produced, report it, go on. Without a handler the error propagates (tests want to see it).
      claims.length = before;
      if (!opts.onSentenceError) throw err;
      opts.onSentenceError({ index, start: sent.start, end: sent.end, error: err instanceof Error ? err : new Error(String(err)) });
    }
  });
  return claims;
}

/**
 * The attribution that covers a figure: "X said <figure>" covers what follows the verb, a closing
 * "..., X said." covers what precedes it, "according to X" covers the sentence. Said/told/according to
 * outrank other reporting verbs; news agencies rank last.
 */
function attributionFor(found: FoundAttribution[], m: Mention, toks: Tok[]): FoundAttribution | null {
  let best: FoundAttribution | null = null;
  let bestScore = -1;
  for (const a of found) {
    // the figure describes the speaker ("Most of the 21 economists polled by Reuters had expected ...")
    if (m.e > a.s && m.s < a.e) continue;
    const after = a.verbIdx >= m.te;
    const covers = a.whole || (after ? !!a.tail || a.s >= m.e && toks[a.verbIdx + 1]?.l !== 'that' && false : a.verbIdx < m.ts);
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

const NO_CONTENT = new Set(['shortly', 'soon', 'later', 'earlier', 'before', 'after', 'midnight', 'noon', 'tonight', 'late', 'early', 'again', 'too', 'also', 'then', 'on', 'in', 'at', 'the', 'a', 'an', 'by', 'this', 'that', 'last', 'night', 'morning', 'evening', 'afternoon', 'day', 'today', 'yesterday', 'publicly', 'quickly', 'immediately', 'afterwards', 'afterward']);

/**
 * A statement says something: besides the speaker and the verb there is a complement or a reported clause.
 * "Hill conceded shortly before midnight." (only time words after the verb, nothing before the speaker) has none.
 */
function hasContent(toks: Tok[], a: FoundAttribution, times: TimeRef[]): boolean {
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

/** A comma followed by a conjunction or subordinator between two token positions (the second starts a new clause). */
function clauseBreak(toks: Tok[], from: number, pos: number): boolean {
  for (let k = from + 1; k < toks.length && toks[k].s < pos; k++) {
    if (toks[k].t === ';') return true;
    if (toks[k].t === ',' && /^(while|whereas|but|and|although|though)$/.test(toks[k + 1]?.l ?? '')) return true;
  }
  return false;
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

function unspecifiedClass(toks: Tok[], m: Mention, all: Mention[]): { category: ClaimCategory; unit: string | null } {
  const c = classify(toks, m, all);
  return c;
}

const NOT_SUPERLATIVE = /^(interest|protest|arrest|request|forest|west|test|harvest|contest|suggest|invest|guest|chest|quest|rest|nest|manifest|unrest|conquest|inquest|priest|honest|modest|latest)$/;
/** "the largest exchange since …", "the deadliest day since …": a superlative just before `since` (a record compared over a span; an
 * ordinal is not one: "the first sign of movement since negotiations collapsed in October" dates a recent event). */
function superlativeBefore(toks: Tok[], since: number): boolean {
  for (let k = since - 1; k >= 0 && since - k <= 5; k--) {
    const l = toks[k].l;
    if (/^[,;:.]$/.test(toks[k].t)) return false;
    if (toks[k - 1]?.l === 'the' || toks[k - 1]?.l === 'its' || toks[k - 2]?.l === 'the') {
      if ((/[a-z]{2}est$/.test(l) && !NOT_SUPERLATIVE.test(l)) || /^(most|least|worst|best|biggest|highest|lowest)$/.test(l)) return true;
    }
  }
  return false;
}

/** A participle after "<noun>," that closes before the clause's own verb: "The swap, agreed at talks last week, is …". */
function reducedRelative(toks: Tok[], i: number): boolean {
  for (let k = i + 1; k < toks.length && k - i <= 14; k++) {
    if (toks[k].t === ',') {
      const n = toks[k + 1];
      // the main clause goes on after the closing comma with a verb ("is meant", "was signed", "will")
      return !!n && n.k === 'word' && !n.cap && /^(is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|came|comes|went|remains|remained|took|takes)$/.test(n.l);
    }
    if (/^[;:.]$/.test(toks[k].t)) return false;
  }
  return false;
}

function hasEventVerb(toks: Tok[]): boolean {
  for (const t of toks) if (EVENT_VERBS.has(t.l)) return true;
  return false;
}

interface EventFound {
  s: number;
  e: number;
  time: TimeRef;
  subject: string | null;
}

/** An event verb with an explicit date (year, month, day, weekday) in the same clause, not already used by a figure. */
function findEvents(toks: Tok[], text: string, times: TimeRef[], mentions: Mention[], used: Set<TimeRef>, speechVerbs: Set<number>): EventFound[] {
  const out: EventFound[] = [];
  // (a duration is no date: "who had been held for 430 days")
  const explicitAll = times.filter((t) => (t.date !== null || t.from !== null) && !isDuration(t) && !/^(for|over|during|within|throughout|across|in) (the )?(past |last |next |coming )?(\d[\d,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few) (hours?|days?|weeks?|months?|years?|decades?|nights?)\b/i.test(t.text) && /\d|day\b|January|February|March|April|May|June|July|August|September|October|November|December|yesterday|last|week|month|year/i.test(t.text));
  if (explicitAll.length === 0) return out;
  let quote = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t === '"' ) quote = !quote;
    if (t.t === '“') quote = true;
    if (t.t === '”') quote = false;
    if (quote || !EVENT_VERBS.has(t.l) || speechVerbs.has(i) || (i === 0 && t.cap)) continue;
    // "ruled out talks", "scheduled to meet": not the verb's own event
    if ((t.l === 'ruled' && toks[i + 1]?.l === 'out') || (t.l === 'scheduled' && toks[i + 1]?.l === 'to')) continue;
    // "Under legislation approved by the cabinet in August, …": a participle in an opener modifies its noun
    if (openerModifierTime(toks, i + 1, toks.length)) continue;
    // "schools will stay closed until Feb. 19", "is expected to sign on Monday": not (yet) an event
    if (futureBefore(toks, i)
      || (toks[i - 1]?.l === 'to' && /^(expected|set|due|plans|planned|scheduled|going|likely|poised|about)$/.test(toks[i - 2]?.l ?? ''))) continue;
    // "The swap, agreed at direct talks in Istanbul last week, is meant to …": a participle set off after a noun modifies
    // it (a reduced relative clause), it is not the sentence's event
    if (toks[i - 1]?.t === ',' && toks[i - 2]?.k === 'word' && !toks[i - 2].cap && /ed$/.test(t.l) && /^(at|in|by|during|under|on|after|before|last|earlier|this)$/.test(toks[i + 1]?.l ?? '')
      && !/^(and|but|then|also)$/.test(toks[i - 2].l) && reducedRelative(toks, i)) continue;
    // "figures released by the police last week", "a survey published Wednesday": the source's date, not an event
    if (/^(figures|data|statistics|survey|poll|study|report|estimates|results|numbers|research|analysis|assessment|review|audit|census|tally)$/.test(toks[i - 1]?.l ?? '')) continue;
    // clause bounds
    let a = i;
    while (a > 0 && !CLAUSE_PUNCT.has(toks[a - 1].t) && toks[a - 1].l !== 'when' && toks[a - 1].l !== 'while') a--;
    let b = i;
    // (a date's comma stays: "on Nov. 19, 2023")
    const dateComma = (q: number) => toks[q].t === ',' && toks[q - 1]?.k === 'num' && /^(19|20)\d\d$/.test(toks[q + 1]?.t ?? '');
    while (b < toks.length - 1 && (!CLAUSE_PUNCT.has(toks[b + 1].t) || dateComma(b + 1)) && toks[b + 1].l !== 'when' && toks[b + 1].l !== 'while' && !(toks[b + 1].t === '.' && b + 2 >= toks.length)) b++;
    const cs = toks[a].s;
    const ce = toks[b].e;
    // a date taken by a figure is not an event's (the corpus convention); "since negotiations collapsed in October"
    // with no figure: the date inside the since-clause dates its verb
    const explicit = explicitAll.flatMap((x) => {
      if (used.has(x)) return [];
      const inner = sinceInner(x);
      // ("since records began in 2006" is an idiom, not an event; "the largest exchange since the full-scale invasion began
      // in February 2022" is a superlative's comparison baseline, not an event)
      if (/^since\b/i.test(x.text) && superlativeBefore(toks, tokAt(toks, x.start))) return [];
      if (inner && x.start < toks[i].s && x.end >= toks[i].e && inner.start >= toks[i].e && !/^(records?|record-keeping)$/.test(toks[i - 1]?.l ?? '')) return [inner];
      return [x];
    });
    // a time that dates a speech verb before the event verb is the statement's date, not the event's:
    // "the ministry said on Wednesday its forces had captured the village"
    // ("said in a statement last week that …", "told state media on Monday")
    const datesSpeech = (x: TimeRef) => [...speechVerbs].some((v) => {
      if (v >= i) return false;
      const xt = tokAt(toks, x.start);
      if (Math.abs(xt - v) <= 2) return true;
      if (xt < v || xt - v > 7) return false;
      for (let q = v + 1; q < xt; q++) if (!/^(in|a|an|on|to|the|statement|emailed|written|joint|post|interview|briefing|video|address|speech|reporters|journalists|state|media|television|x|telegram|facebook)$/.test(toks[q].l)) return false;
      return true;
    });
    const tm = explicit.find((x) => x.start >= toks[i].e && x.end <= ce + 1) ?? explicit.find((x) => x.start >= cs && x.end <= toks[i].s && !datesSpeech(x));
    if (!tm) continue;
    if (out.some((o) => o.time === tm)) continue;
    // the claim: from the clause start (or the subject) to the end of the time reference
    const e = Math.max(tm.end, toks[i].e);
    let s = cs;
    // drop a leading connective
    let k = a;
    while (k < i && /^(and|but|before|after|as|then|also)$/.test(toks[k].l)) k++;
    s = toks[k].s;
    // subject: capitalised run right before the verb (skipping auxiliaries)
    let j = i - 1;
    while (j >= a && SUBJ_SKIP.has(toks[j].l)) j--;
    let subject: string | null = null;
    if (j >= a) {
      if (toks[j].l === 'it' || toks[j].l === 'they') {
        // the nearest named actor to the left: "moves Russia made before it annexed ..."
        for (let q = j - 1; q >= 0; q--) {
          if (isCapNP(toks[q]) && q > 0 && !/^(The|A|An)$/.test(toks[q].t)) {
            const r = capRunLeft(toks, q);
            if (r) subject = text.slice(toks[r[0]].s, toks[r[1]].e);
            break;
          }
        }
      } else {
        const r = capRunLeft(toks, j);
        if (r) subject = text.slice(toks[r[0]].s, toks[r[1]].e);
      }
    }
    out.push({ s, e: Math.min(e, text.length), time: tm, subject });
    used.add(tm);
  }
  return out;
}
