/** The unit of a bare figure named elsewhere: before it ("cases pass 12,000"), in the subject of its verb, or in a compared figure. */
import { CROWD_WORDS, GATHER_VERBS } from '../../resources/people.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { SAID_SAYS } from '../../resources/speech-verbs.js';

const LEVEL_VERBS = new Set([
  'pass', 'passes', 'passed', 'top', 'tops', 'topped', 'exceed', 'exceeds', 'exceeded', 'surpass', 'surpasses', 'surpassed',
  'reach', 'reaches', 'reached', 'hit', 'hits', 'rose', 'rise', 'rises', 'climb', 'climbs', 'climbed', 'jump', 'jumps',
  'jumped', 'fell', 'fall', 'falls', 'total', 'totals', 'totalled', 'totaled', 'stood', 'stand', 'stands', 'near', 'nears',
  'neared', 'approach', 'approaches', 'approached', 'soar', 'soars', 'soared', 'surge', 'surges', 'surged', 'number', 'numbered',
]);
const MOVE_VERBS = new Set([
  'rose', 'risen', 'fell', 'fallen', 'increased', 'decreased', 'dropped', 'climbed', 'grew', 'grown', 'jumped', 'declined',
  'surged', 'plunged', 'slid', 'shrank', 'swelled', 'soared', 'tumbled', 'slipped', 'dipped', 'sank', 'reached', 'hit',
  'totalled', 'totaled', 'stood', 'topped', 'passed', 'exceeded',
]);
const NOT_PLURAL_NOUN = /^(this|has|was|its|his|hers|ours|theirs|yes|as|is|us|thus|plus|news)$/;
const MONEY_PLURALS = /^(this|has|was|its|his|hers|ours|theirs|yes|thus|plus|news|prices|rates|sales|costs|earnings|revenues|profits|exports|imports|shares|stocks|wages|rents)$/;
const MONTH_NAMES = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
const BASELINE_WORDS = /^(from|than|versus|vs)$/;

/** A crowd noun, gathering verb or turnout before/after the bare figure: people. */
function crowdPeople(toks: Tok[], m: Mention): boolean {
  const k = m.ts - 1;
  let j = k;
  // "the crowd at", "turnout of", "attendance was"
  if (toks[j] && /^(at|of|was|were|as|to)$/.test(toks[j].l)) j--;
  if (toks[j] && CROWD_WORDS.has(toks[j].l) && toks[j + 1] && /^(at|of|was|were|as)$/.test(toks[j + 1].l)) return true;
  // "more than 200,000 took part", "about 5,000 attended"
  const r = toks[m.te];
  const next = toks[m.te + 1]?.l;
  return !!r && (GATHER_VERBS.has(r.l) || (/^(took|take|takes)$/.test(r.l) && next === 'part') || (/^(turned|turn)$/.test(r.l) && next === 'out'));
}

/**
 * A bare number whose unit is named before it: "Police put the crowd at 45,000" (people), "Cholera cases pass
 * 12,000" (cases), "Sales rose to 3.9 million" (sales).
 */
export function impliedUnitLeft(toks: Tok[], m: Mention): string | null {
  if (crowdPeople(toks, m)) return 'people';
  let k = m.ts - 1;
  if (LEVEL_VERBS.has(toks[m.ts]?.l ?? '')) k = m.ts; // the verb was read as a qualifier ("pass 12,000")
  else if (toks[k] && /^(to|at)$/.test(toks[k].l)) k--;
  if (!toks[k] || !LEVEL_VERBS.has(toks[k].l)) return null;
  k--;
  while (toks[k] && /^(has|have|had|now|already|officially|just|will|would|could|may)$/.test(toks[k].l)) k--;
  const n = toks[k];
  if (!n || n.k !== 'word' || !/[^su]s$/.test(n.l) || n.l.length < 4 || NOT_PLURAL_NOUN.test(n.l)) return null;
  if (toks[k - 1]?.t === '.' && toks[k - 2]?.k === 'word') return null;
  // capitalised only because it opens the sentence or headline: fine; a name ("Mercedes") is not a unit
  if (n.cap && k > 0 && !(toks[k - 1]?.k === 'word' && toks[k - 1].cap) && toks[k - 1]?.k !== 'word') return null;
  return n.l;
}

/**
 * A bare comparison baseline takes the category and unit of the figure it is compared with: "operating profit rose to
 * 3.6 billion crowns from 2.1 billion" (SEK), "the toll rose to 68 from 54" (killed), "5.1%, up from 4.4" (percent).
 */
export function baselineOf(toks: Tok[], m: Mention, all: Mention[]): Mention | null {
  if (m.currency || m.percent || m.noun || m.measure || m.vague || m.unspecified) return null;
  const p = toks[m.ts - 1]?.l ?? '';
  const compared = (p === 'with' || p === 'to') && /^(compared|comparison|against)$/.test(toks[m.ts - 2]?.l ?? '');
  if (!BASELINE_WORDS.test(p) && !compared && !(p === 'against' && toks[m.ts - 2]?.t === ',')) return null;
  // a percentage change is not the figure a large level is compared with: "11,240 pupils, down 3% from 11,590"
  const v = m.value ?? m.low ?? m.high ?? 0;
  const prev = [...all].reverse().find((x) => x !== m && x.e <= m.s && !(x.percent && v > 100));
  if (!prev || prev.unspecified) return null;
  return prev;
}

/** The movement verb left of the figure in its clause (-1 when a stop word, name or quote comes first). */
function moverVerb(toks: Tok[], m: Mention): number {
  for (let k = m.ts - 1, steps = 0; k >= 0 && steps < 16; k--, steps++) {
    const t = toks[k];
    if (t.t === ';' || t.t === ':' || t.t === '"' || t.t === '“' || t.t === '”') return -1;
    if (MOVE_VERBS.has(t.l)) return k;
    if (t.k === 'word' && t.cap && !MONTH_NAMES.test(t.t)) return -1;
    if (SAID_SAYS.has(t.l) || /^(and|but|while|which|who|that|when)$/.test(t.l)) return -1;
  }
  return -1;
}

/**
 * A bare level or change after a movement verb takes the verb's subject noun: "the number of patients ... has fallen
 * by 210,000 since September, to 3.1 million" (patients), "burglaries in Hartfield fell 12% in 2024, to 640" (burglaries).
 */
export function moverSubject(toks: Tok[], m: Mention, all: Mention[]): string | null {
  const v = moverVerb(toks, m);
  if (v < 0) return null;
  // every figure between the verb and this one is a bare number or a change (no other counted noun)
  if (all.some((x) => x !== m && x.ts > v && x.te <= m.ts && (x.noun || x.currency))) return null;
  // "the number of patients waiting … has fallen"
  for (let q = v - 1; q >= 1 && q >= v - 16; q--) {
    if (/^(number|count|total)$/.test(toks[q].l) && toks[q + 1]?.l === 'of' && /^(the|a)$/.test(toks[q - 1]?.l ?? '')) {
      const n = toks[q + 2];
      return n && n.k === 'word' && !n.cap && /[^su]s$/.test(n.l) && n.l.length > 3 ? n.l : null;
    }
  }
  let s = v - 1;
  while (s >= 0 && /^(has|have|had|been|now|also|already|just|sharply|steadily|slightly|further)$/.test(toks[s].l)) s--;
  // skip a place after the noun: "burglaries in Hartfield fell"
  if (s >= 2 && toks[s].cap && /^(in|across|at)$/.test(toks[s - 1].l)) s -= 2;
  const n = toks[s];
  if (!n || n.k !== 'word' || n.cap || !/[^su]s$/.test(n.l) || n.l.length < 5 || MONEY_PLURALS.test(n.l)) return null;
  return n.l;
}
