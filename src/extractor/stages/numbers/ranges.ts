/** Ranges ("between 10 and 20", "10-15", "two or three") and tallies that are no range ("9-4", "voted 151 to 11"). */
import { defineRule } from '../../pipeline/rule.js';
import { RANGE_SEPS } from '../../resources/number-context.js';
import type { Tok } from '../tokens/index.js';
import { parseAmount } from './amount.js';
import { parseDigits } from './cardinal.js';
import { nounAfter } from './nouns.js';
import { at, mkMention, round, type Amount, type Mention, type NounPhrase } from './types.js';

export const RANGE_BETWEEN = defineRule({
  id: 'numbers.range-between',
  stage: 'numbers',
  summary: '"between A and B" is a range.',
  examples: { fires: ['Between 40 and 60 boats were lost.'], doesNotFire: ['Talks between the two sides failed.'] },
});
export const RANGE_SEPARATOR = defineRule({
  id: 'numbers.range-separator',
  stage: 'numbers',
  summary: '"A to B", "A-B", "A or B" is a range when A < B and both are the same kind of amount.',
  examples: { fires: ['Some 10-15 boats were lost.', 'Two or three boats were lost.'], doesNotFire: ['The score was 15-10 in the end.', 'Sales fell 41% to 4.2 billion crowns.'] },
});
export const SCORE_TALLY = defineRule({
  id: 'numbers.score-tally',
  stage: 'numbers',
  summary: 'A dashed pair with the larger number first is a score or tally ("won 9-4"): neither is a quantity.',
  examples: { fires: ['The home side won 9-4 before 20,000 fans.'], doesNotFire: ['The home side won before 20,000 fans.'] },
});
export const VOTE_TALLY = defineRule({
  id: 'numbers.vote-tally',
  stage: 'numbers',
  summary: 'A vote tally written with "to": "voted 151 to 11", "by 62 votes to 31", "a vote of 98 to 52".',
  examples: { fires: ['The assembly voted 151 to 11 for the bill.'], doesNotFire: ['The assembly has 151 members.'] },
});

/** "between A and B": a range mention at token i, null when not one. */
export function rangeWordMention(toks: Tok[], i: number): Mention | null {
  const a = parseAmount(toks, i + 1);
  if (a && toks[a.end]?.l === 'and') {
    const b = parseAmount(toks, a.end + 1);
    if (at(RANGE_BETWEEN, !!b && !a.vague && !b.vague, toks, i, b?.end ?? i + 1)) return rangeMention(toks, i, a, b as Amount);
  }
  return null;
}

/** "14,200 to 14,400", "10-15", "two or three": the amount a at i followed by a separator and another amount. */
export function separatorRange(toks: Tok[], i: number, a: Amount): Mention | null {
  const sep = toks[a.end];
  if (!sep || !RANGE_SEPS.has(sep.l) || a.vague || sep.l === 'and') return null;
  const b = parseAmount(toks, a.end + 1);
  const hyphen = sep.t === '-' || sep.t === '–' || sep.t === '—';
  if (!b || b.vague || (hyphen && sep.t === '—' && sep.sp)) return null;
  const av = a.value as number;
  const bv = b.value as number;
  const aScaled = a.scale === 1 && b.scale > 1 && av <= b.base ? av * b.scale : av;
  let isRange = aScaled < bv;
  if (sep.l === 'or' && !(a.word && b.word) && !(a.scale > 1 || b.scale > 1)) isRange = isRange && bv - aScaled <= Math.max(2, aScaled);
  // both ends must be the same kind of amount ("5% to $7 billion" is not a range)
  if ((a.percent && b.currency) || (a.currency && b.percent) || (a.currency && b.currency && a.currency !== b.currency)) isRange = false;
  // "fell 41% to 4.2 billion crowns", "rose 12% to 1,200": an explicit percent followed by a non-percent level;
  // "rose by 1.2 percentage points to 15%": a change then a level
  if ((a.percent && !b.percent) || a.change) isRange = false;
  return at(RANGE_SEPARATOR, isRange, toks, i, b.end) ? rangeMention(toks, i, a, b) : null;
}

export function rangeMention(toks: Tok[], ts: number, a: Amount, b: Amount): Mention {
  let av = a.value as number;
  const bv = b.value as number;
  if (a.scale === 1 && b.scale > 1 && av <= b.base) av *= b.scale;
  const currency = a.currency ?? b.currency;
  const percent = a.percent || b.percent;
  const end = b.end;
  let noun: NounPhrase | null = null;
  if (!currency && !percent) noun = nounAfter(toks, end, true);
  const te = noun ? noun.end : end;
  return mkMention(toks, ts, te, a.start, b.end, {
    value: null, low: round(Math.min(av, bv)), high: round(Math.max(av, bv)), qualifier: 'range', currency, percent,
    word: a.word, noun: noun?.head ?? null, nounIdx: noun?.idx ?? -1, nounMods: noun?.mods ?? [],
  });
}

/** Tokens to skip at i when a tally starts there (0 when none): "9-4", "voted 151 to 11". */
export function tallyAt(toks: Tok[], i: number): number {
  const t0 = toks[i];
  if (t0.k !== 'num') return 0;
  if (at(VOTE_TALLY, isTallyTo(toks, i), toks, i, i + 3)) return toks[i + 1]?.l === 'votes' ? 4 : 3;
  if (toks[i + 1]?.t === '-' && !toks[i + 1].sp && toks[i + 2]?.k === 'num' && !toks[i + 2].sp) {
    const a = parseDigits(t0.t);
    const b = parseDigits(toks[i + 2].t);
    if (at(SCORE_TALLY, a !== null && b !== null && a >= b && !/^(19|20)\d\d$/.test(t0.t), toks, i, i + 3)) return 3;
  }
  return 0;
}

/** (1.16) "voted 151 to 11", "voted 62 to 31 on Tuesday", "approved by 62 votes to 31", "a vote of 98 to 52". */
function isTallyTo(toks: Tok[], i: number): boolean {
  const withVotes = toks[i + 1]?.l === 'votes';
  const to = toks[i + (withVotes ? 2 : 1)];
  const b = toks[i + (withVotes ? 3 : 2)];
  if (!to || !/^(to|against)$/.test(to.l) || !b || b.k !== 'num') return false;
  if (toks[i + (withVotes ? 4 : 3)]?.k === 'word' && /^(scale|million|billion|thousand|percent)$/.test(toks[i + (withVotes ? 4 : 3)].l)) return false;
  if (!/^\d{1,3}$/.test(toks[i].t) || !/^\d{1,3}$/.test(b.t)) return false;
  const p1 = toks[i - 1]?.l ?? '';
  const p2 = toks[i - 2]?.l ?? '';
  if (/^(voted|vote|votes|voting)$/.test(p1)) return true;
  if (p1 === 'of' && /^(vote|votes|margin)$/.test(p2)) return true;
  if (p1 === 'by' && (withVotes || /^(voted|vote|votes|passed|approved|adopted|rejected|backed|defeated|carried)$/.test(p2))) return true;
  return withVotes;
}
