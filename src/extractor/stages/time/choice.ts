/**
 * The time a figure refers to: a time in the same clause (a following one when it directly modifies the figure,
 * else a preceding one); else a sentence-opening time ("Since 2020, ..."); else the date of the statement
 * that reports it ("..., the ministry said on Wednesday"); else none.
 */
import { when } from '../../pipeline/trace.js';
import { NOW_WORDS } from '../../resources/clauses.js';
import type { TimeRef } from '../../types.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { tokAt } from '../segmentation/token-positions.js';
import {
  baselineIntro, isSpeechVerbTok, laterCoordinate, laterPredicate, openerModifierTime, participleModifier, relativeBefore,
  relativeOnLaterNoun, sourceOrAheadTime,
} from './choice-guards.js';
import * as R from './choice-rules.js';
import { isBaseline, isDuration, isUnresolved, rateMonth } from './time.js';

/** What the choice looks at: the sentence's tokens and clauses, the figure, the times and figures around it. */
export interface TimeChoice {
  toks: Tok[];
  /** clause index per token (clauses.ts) */
  cl: number[];
  m: Mention;
  mentions: Mention[];
  /** the times that can date a figure (usableTimes) */
  usable: TimeRef[];
  /** token index of the reporting verb that covers the figure, or -1 */
  attrVerb: number;
}

/** Times that can date a figure: not inside a figure, resolved or a real dateless reference, not a baseline. */
export function usableTimes(times: TimeRef[], mentions: Mention[], text: string, sentStart: number): TimeRef[] {
  return times.filter(
    (t) => !mentions.some((x) => x.s < t.end && t.start < x.e) && (t.date !== null || t.from !== null || t.to !== null || isUnresolved(t))
      && !when(R.BASELINE_EXCLUDED, isBaseline(text.slice(sentStart), t, sentStart), t.start, t.end),
  );
}

function nowBetween(toks: Tok[], a: number, b: number): boolean {
  for (let k = 0; k < toks.length; k++) if (toks[k].s >= a && toks[k].e <= b && NOW_WORDS.has(toks[k].l)) return true;
  return false;
}

/** A time after the figure in its clause that belongs to something else. */
function afterBlocked(c: TimeChoice, t: TimeRef, apposComma: Tok | undefined): boolean {
  const { toks, m, mentions } = c;
  const ts = t.start;
  const te = t.end;
  // a figure in between blocks only when it is a comparison baseline ("3.9 percent from 3.8 percent in March")
  const sameKind = (x: Mention) => x.percent === m.percent && x.currency === m.currency && (x.noun === null || x.noun === m.noun);
  if (when(R.BASELINE_BETWEEN, mentions.some((x) => x !== m && x.s >= m.e && x.s < t.start && ((sameKind(x) && /^(from|than|with|versus|vs)$/.test(toks[x.ts - 1]?.l ?? '')) || baselineIntro(toks, x))), ts, te)) return true;
  if (when(R.NOW_BETWEEN, nowBetween(toks, m.e, t.start), ts, te)) return true;
  // (1.14) "… 'around 30' Russians had been killed and that several wounded men were flown … on Thursday night": a second
  // coordinated that-clause has its own time
  if (when(R.SECOND_THAT_CLAUSE, toks.some((x, k) => x.s >= m.e && x.e <= t.start && x.l === 'that' && toks[k - 1]?.l === 'and'), ts, te)) return true;
  // (1.14) "Nearly 1.3 million people have been forced …, a record and a 24% increase since December": a time after an
  // appositive figure set off by a comma is that figure's (the earliest such comma after the figure decides: any later
  // figure after it qualifies)
  if (when(R.APPOSITIVE_FIGURE, !!apposComma && mentions.some((x) => x.s >= apposComma.e && x.e <= t.start), ts, te)) return true;
  // "12 local councils hit hardest by flooding last winter": the time of a participle modifying the noun
  if (when(R.PARTICIPLE_MODIFIER, participleModifier(toks, m, t), ts, te)) return true;
  // the time belongs to a later predicate: "a €2bn plan that aims to build 26,000 homes by 2030",
  // "..., bringing the total since 2022 to 730,000"
  if (when(R.LATER_PREDICATE, laterPredicate(toks, m, t, mentions), ts, te)) return true;
  // "a dozen marines aboard a warship that Manila grounded on the reef in 1999": a relative clause on a later noun
  return when(R.RELATIVE_ON_LATER_NOUN, relativeOnLaterNoun(toks, m, t), ts, te);
}

/** A time before the figure in its clause that belongs to something else. */
function beforeBlocked(c: TimeChoice, t: TimeRef, tk: number): boolean {
  const { toks, m, mentions } = c;
  const ts = t.start;
  const te = t.end;
  if (when(R.NOW_BETWEEN, nowBetween(toks, t.end, m.s), ts, te)) return true;
  // "Under legislation approved by the cabinet in August, about 20,000 volunteers …": the opener's noun has the time
  if (when(R.OPENER_MODIFIER, openerModifierTime(toks, tk, m.ts), ts, te)) return true;
  // "… aboard a warship that Manila grounded on the reef in 1999, about 200 km west of …": the time closes an object
  // relative clause before a comma; the figure after the comma is not its
  if (when(R.RELATIVE_BEFORE, relativeBefore(toks, tk, m.ts), ts, te)) return true;
  // "peaked at 4.3% in October 2023 and has since eased to 3.2%": a later coordinated predicate
  if (when(R.LATER_COORDINATE, laterCoordinate(toks, t.end, m.s), ts, te)) return true;
  // "from 2.1 billion a year earlier, lifting the margin to 8.7%": the time of a baseline is not another figure's
  return when(R.BASELINE_TIME, mentions.some((x) => x !== m && x.e <= t.start && t.start - x.e <= 2 && baselineIntro(toks, x)), ts, te);
}

interface Nearest {
  after: TimeRef | null;
  afterD: number;
  before: TimeRef | null;
  beforeD: number;
}

/** The nearest unblocked time after and before the figure in its own clause. */
function nearestInClause(c: TimeChoice): Nearest {
  const { toks, cl, m } = c;
  const mc = cl[m.ns];
  const n: Nearest = { after: null, afterD: Infinity, before: null, beforeD: Infinity };
  // the first ", a …" / ", up …" after the figure: it sets off an appositive figure
  const apposComma = toks.find((y, k) => y.s >= m.e && y.t === ',' && /^(a|an|up|down)$/.test(toks[k + 1]?.l ?? ''));
  for (const t of c.usable) {
    const tk = tokAt(toks, t.start);
    if (cl[tk] !== mc) continue;
    // "according to NATO estimates published last week": the source's release date; "ahead of joint exercises next
    // month": the time of the noun after 'ahead of'
    if (when(R.SOURCE_RELEASE, sourceOrAheadTime(toks, tk), t.start, t.end)) continue;
    if (t.start >= m.e) {
      if (afterBlocked(c, t, apposComma)) continue;
      // "12 of its planned 70 convoys had reached … in December": a part is as near as the whole's noun
      const me = m.nounIdx >= m.te && toks[m.nounIdx] && toks[m.nounIdx].e <= t.start ? toks[m.nounIdx].e : m.e;
      const d = t.start - me;
      if (d < n.afterD) {
        n.afterD = d;
        n.after = t;
      }
    } else if (t.end <= m.s) {
      if (beforeBlocked(c, t, tk)) continue;
      const d = m.s - t.end;
      if (d < n.beforeD) {
        n.beforeD = d;
        n.before = t;
      }
    }
  }
  return n;
}

/** Between the nearest time after and before the figure in its clause. */
function preferInClause(c: TimeChoice, n: Nearest): TimeRef | null | undefined {
  const { toks, cl, m } = c;
  let { after } = n;
  const { before, afterD, beforeD } = n;
  // "seen within 18 weeks in January 2025": a calendar time right after a bare duration is the figure's
  if (after && isDuration(after)) {
    const a = after;
    const cal = c.usable.find((t) => t !== a && t.start >= a.end && t.start - a.end <= 25 && !isDuration(t) && cl[tokAt(toks, t.start)] === cl[m.ns]);
    if (cal && when(R.CALENDAR_AFTER_DURATION, true, cal.start, cal.end)) after = cal;
  }
  // "second-quarter revenue of 41.3 billion crowns … on Thursday": a time that modifies the figure's noun wins
  if (before && after && beforeD <= 30) {
    const between = toks.filter((x) => x.s >= before.end && x.e <= m.s);
    if (when(R.NOUN_MODIFIER_BEFORE, between.length <= 3 && between.some((x) => x.l === 'of') && between.every((x) => x.k === 'word'), before.start, before.end)) return before;
  }
  // (1.14) "rebels said on Saturday they had killed 47 … in an ambush earlier in the week": a preceding time that dates the
  // speech verb loses to a time in the figure's own clause after it
  if (after && before && c.attrVerb >= 0) {
    const bk = tokAt(toks, before.start);
    if (when(R.SPEECH_DATE_LOSES, bk > c.attrVerb && bk - c.attrVerb <= 2 && before.end <= m.s && isSpeechVerbTok(toks[c.attrVerb]), before.start, before.end)) return after;
  }
  if (after && when(R.FOLLOWING_TIME, afterD <= 45 || !before, after.start, after.end)) return after;
  if (before && when(R.PRECEDING_TIME, true, before.start, before.end)) return before;
  return undefined;
}

/**
 * "At least 11 were wounded when Israeli forces fired on their positions last year": a when-clause right after the
 * figure's clause (no comma) dates it, unless it has a figure of its own.
 */
function whenClauseTime(c: TimeChoice): TimeRef | null {
  const { toks, cl, m, mentions } = c;
  const mc = cl[m.ns];
  for (let w = m.te; w < toks.length; w++) {
    if (cl[w] !== mc && toks[w].l !== 'when') break;
    if (toks[w].l !== 'when') continue;
    if (toks[w - 1]?.k !== 'word') break;
    const wc = cl[w];
    if (mentions.some((x) => x !== m && cl[x.ts] === wc)) break;
    const t = c.usable.find((x) => cl[tokAt(toks, x.start)] === wc && !sourceOrAheadTime(toks, tokAt(toks, x.start)));
    return t && when(R.WHEN_CLAUSE, true, t.start, t.end) ? t : null;
  }
  return null;
}

/** Sentence-opening time clause: "Since the pandemic low in 2020, the economy has ...". */
function openingTime(c: TimeChoice): TimeRef | null {
  const { toks, cl, m } = c;
  const first = c.usable.find((t) => cl[tokAt(toks, t.start)] === 0);
  if (!first || cl[m.ns] === 0) return null;
  for (let k = 0; k < toks.length && cl[k] === 0; k++) {
    const tk = toks[k];
    // (1.14) "In June alone, …", "Late on Friday night, …"
    if (tk.t === ',' || (tk.s >= first.start && tk.e <= first.end) || /^(and|but|so|yet|also|alone|only|late|early|in|on|during|over|at)$/.test(tk.l)) continue;
    return null;
  }
  return when(R.OPENING_TIME, true, first.start, first.end) ? first : null;
}

/** The date of the statement that reports the figure ("said on Wednesday", "on Monday announced"). */
function statementDate(c: TimeChoice): TimeRef | null {
  const { toks, cl, m, mentions, attrVerb } = c;
  const vc = cl[attrVerb];
  let best: TimeRef | null = null;
  let bd = Infinity;
  for (const t of c.usable) {
    const tk = tokAt(toks, t.start);
    if (cl[tk] !== vc || cl[tk] === cl[m.ns]) continue;
    const d = Math.abs(tk - attrVerb);
    // only a time that dates the statement itself
    if (d > 6 || mentions.some((x) => x.ts < Math.max(tk, attrVerb) && x.te > Math.min(tk, attrVerb))) continue;
    if (d < bd) {
      bd = d;
      best = t;
    }
  }
  return best && when(R.STATEMENT_DATE, true, best.start, best.end) ? best : null;
}

/** The time of a figure (see the file comment). */
export function pickTime(c: TimeChoice): TimeRef | null {
  const inClause = preferInClause(c, nearestInClause(c));
  if (inClause !== undefined) return inClause;
  const w = whenClauseTime(c);
  if (w) return w;
  const o = openingTime(c);
  if (o) return o;
  return c.attrVerb >= 0 ? statementDate(c) : null;
}

/** The previous figure of the sentence and the time it took. */
export interface PreviousFigure {
  m: Mention;
  time: TimeRef | null;
}

/**
 * A figure's time, with the figure before it in mind: a conversion in parentheses ("41.3 billion crowns ($4.3
 * billion)") has the time of the figure it converts; a change right after a level shares the level's time.
 * Returns the time as chosen (before rateMonth, for the next figure) and as reported.
 */
export function timeForFigure(c: TimeChoice, prev: PreviousFigure | null): { chosen: TimeRef | null; reported: TimeRef | null } {
  const { toks, m } = c;
  const conv = prev !== null && when(R.CONVERSION_SHARES_TIME, toks[m.ts - 1]?.t === '(' && prev.m.te === m.ts - 1, m.s, m.e);
  let timeRef: TimeRef | null = conv ? prev.time : pickTime(c);
  // (1.14) "more than 40 million tons in the first half of the year, up 9% from the same period of 2024, X said on July 2": a
  // change right after a level shares the level's time unless it has one of its own
  if (prev && prev.time && m.percent && !prev.m.percent && prev.m.te <= m.ts - 2 && toks[m.ts - 2]?.t === ',' && /^(up|down)$/.test(toks[m.ts - 1]?.l ?? '')
    && !toks.slice(prev.m.te, m.ts - 2).some((x) => /^[,;:.]$/.test(x.t))) {
    const t = timeRef;
    const own = t !== null && t.start >= m.e && !toks.some((x) => x.s >= m.e && x.e <= t.start && x.t === ',');
    if (when(R.CHANGE_SHARES_LEVEL_TIME, !own, m.s, m.e)) timeRef = prev.time;
  }
  const reported = timeRef && m.percent ? rateMonth(timeRef) : timeRef;
  if (reported && reported !== timeRef && !when(R.RATE_FINAL_MONTH, true, reported.start, reported.end)) return { chosen: timeRef, reported: timeRef };
  return { chosen: timeRef, reported };
}
