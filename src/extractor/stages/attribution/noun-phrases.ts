/**
 * Speaker phrases: the noun phrase left of a verb ("the Foreign Ministry said"), right of it ("said Sergei Ryabkov"),
 * a loose source phrase ("figures from the property portal Idealista"), and the split of a phrase into role and name.
 */
import { ORG_NOUNS } from '../../resources/lexicon.js';
import {
  ANONYMOUS_SOURCES, BROADCAST_NOUNS, BROADCAST_OWNERS, CONNECTIVES, DETS, DIRECTION_NAMES, FAMILIAR_OBJECT_STOP,
  FAMILIAR_PREPOSITIONS, FAMILIAR_WORDS, HYPHEN_MODIFIERS, KNOWLEDGE_MODIFIERS, LOOSE_STOP, MEMBER_COUNTS, MEMBER_DETS,
  MEMBER_GROUPS, NP_ATTACH, NP_JOIN, PERSON_HEADS, PLACE_PREPOSITIONS, PLACE_WORDS, PLACED_GROUPS, POLLED_BY, PRONOUNS,
  SOURCE_MODIFIERS,
} from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { Tok } from '../tokens/index.js';
import { isNameOrTitle, isNameTok, low, pluralPerson } from './tokens.js';
import type { Span } from './types.js';

export const FAMILIAR_SOURCE = defineRule({
  id: 'attribution.familiar-source',
  stage: 'attribution',
  summary: 'An anonymous source is a speaker: "a source familiar with the talks said", "two officials with knowledge of the plan said".',
  examples: {
    fires: ['A person familiar with the bid said the offer was 40 million euros.'],
    doesNotFire: ['A person at the club said the offer was 40 million euros.'],
  },
});

export const STATE_MEDIA = defineRule({
  id: 'attribution.state-media',
  stage: 'attribution',
  summary: 'A broadcaster named by its owner is a source: "state television reported", "state-run radio said".',
  examples: {
    fires: ['State television said 14 people died in the flood.'],
    doesNotFire: ['Local television said 14 people died in the flood.'],
  },
});

export const GROUP_IN_PLACE = defineRule({
  id: 'attribution.group-in-place',
  stage: 'attribution',
  summary: 'A plural group with a short place phrase is a speaker: "officials on both sides said", "residents in Gaza say".',
  examples: {
    fires: ['Residents in the area said 30 homes were flooded.'],
    doesNotFire: ['Residents said 30 homes were flooded.'],
  },
});

/** "a source familiar with the deal", "people briefed on the talks", "two officials with knowledge of the plan". */
function familiarLeft(toks: Tok[], j: number): Span | null {
  for (let k = j - 1; k >= Math.max(0, j - 7); k--) {
    const h = anonymousHead(toks, k);
    if (h < 0) continue;
    if (!ANONYMOUS_SOURCES.has(toks[h].l)) return null;
    // the object runs to j: determiner + nouns only
    for (let q = k + 2; q <= j; q++) if (toks[q]?.k !== 'word' || FAMILIAR_OBJECT_STOP.has(toks[q].l)) return null;
    let st = h;
    while (st > 0 && (DETS.has(toks[st - 1].l) || SOURCE_MODIFIERS.has(toks[st - 1].l) || toks[st - 1].k === 'num')) st--;
    return [st, j];
  }
  return null;
}

/** Index of the noun before "familiar with" / "with knowledge of" at k, or -1. */
function anonymousHead(toks: Tok[], k: number): number {
  const l = toks[k].l;
  if (FAMILIAR_WORDS.has(l) && FAMILIAR_PREPOSITIONS.has(low(toks, k + 1))) return k - 1;
  if (l !== 'knowledge' || low(toks, k + 1) !== 'of') return -1;
  let h = k - 1;
  while (h >= 0 && KNOWLEDGE_MODIFIERS.has(toks[h].l)) h--;
  return h;
}

/** Noun phrase ending at token index j (inclusive), walking left, not before lo. */
export function npLeft(toks: Tok[], j: number, lo: number): Span | null {
  if (j >= toks.length) return null;
  const fam = familiarLeft(toks, j);
  if (fam && fam[0] >= lo && when(FAMILIAR_SOURCE, true, toks[fam[0]].s, toks[fam[1]].e)) return fam;
  // "…, the U.N. said": the abbreviation's final dot right before the verb
  if (j - 2 >= lo && toks[j]?.t === '.' && toks[j - 1].k === 'word' && toks[j - 1].cap && toks[j - 1].t.length <= 2 && toks[j - 2].t === '.') {
    const r = npLeft(toks, j - 1, lo);
    return r ? [r[0], j] : null;
  }
  // "state television reported", "state-run radio said" (a named broadcaster; "local television reported" stays vague)
  if (j - 1 >= lo && BROADCAST_NOUNS.has(low(toks, j)) && BROADCAST_OWNERS.has(toks[j - 1].l) && when(STATE_MEDIA, true, toks[j - 1].s, toks[j].e)) {
    const r = npLeft(toks, j - 1, lo);
    return r ? [r[0], j] : [j - 1, j];
  }
  const placed = groupInPlace(toks, j, lo);
  if (placed && when(GROUP_IN_PLACE, true, toks[placed[0]].s, toks[placed[1]].e)) return placed;
  return walkLeft(toks, j, lo);
}

/** "officials on both sides said", (1.14) "rebels in northern Mali said", "officials in Gaza say". */
function groupInPlace(toks: Tok[], j: number, lo: number): Span | null {
  let q = j;
  let named = false;
  while (q >= lo && j - q < 4 && toks[q]?.k === 'word' && ((!toks[q].cap && PLACE_WORDS.has(toks[q].l)) || (isNameTok(toks[q]) && (named = true)) || DIRECTION_NAMES.has(toks[q].t))) q--;
  if (q < j && q - 1 >= lo && PLACE_PREPOSITIONS.has(toks[q].l) && (!named || toks[j].cap) && PLACED_GROUPS.has(toks[q - 1].l)) {
    const r = npLeft(toks, q - 1, lo);
    if (r) return [r[0], j];
  }
  return null;
}

/** A word that heads or continues a speaker phrase walking left. */
function npWord(toks: Tok[], k: number, start: number): boolean {
  const t = toks[k];
  return t.k === 'word' && (isNameOrTitle(t) || PERSON_HEADS.has(t.l) || pluralPerson(t.l) || (start >= 0 && low(toks, k + 1) === 'for' && /s$/.test(t.l)));
}

/** The plain walk: names, titles, organisation and person nouns, joined by of/for/the/and/'s/abbreviation dots. */
function walkLeft(toks: Tok[], j: number, lo: number): Span | null {
  let k = j;
  let start = -1;
  let content = 0;
  while (k >= lo) {
    const t = toks[k];
    if (npWord(toks, k, start)) {
      start = k;
      content++;
      k--;
      continue;
    }
    // (1.14) "Tuareg-led rebels", "Iran-backed militias": a name + '-led/-backed' modifier before the head
    if (start >= 0 && t.k === 'word' && !t.cap && HYPHEN_MODIFIERS.has(t.l) && toks[k - 1]?.t === '-' && !toks[k - 1].sp && isNameTok(toks[k - 2])) {
      start = k - 2;
      k -= 3;
      continue;
    }
    // "analysts polled by Reuters", "economists surveyed by Bloomberg"
    if (start >= 0 && t.l === 'by' && POLLED_BY.has(low(toks, k - 1)) && toks[k - 2] && (ORG_NOUNS.has(toks[k - 2].l) || pluralPerson(toks[k - 2].l))) {
      k -= 2;
      continue;
    }
    if (start >= 0 && (NP_JOIN.has(t.l) || t.t === '’' || t.t === "'")) {
      const step = joinLeft(toks, k);
      if (step > 0) {
        k -= step;
        continue;
      }
      if (step === 0) start = k;
      break;
    }
    if (start < 0 && PRONOUNS.has(t.l)) return [k, k];
    break;
  }
  if (start < 0 || content === 0) return null;
  return trimStart(toks, start, j);
}

/**
 * At a joiner k with phrase to its right: how far to step left to go on (> 0), 0 to stop with the phrase starting
 * at the determiner k, -1 to stop before k.
 */
function joinLeft(toks: Tok[], k: number): number {
  const t = toks[k];
  const p = toks[k - 1];
  // U.S. / U.N. abbreviations
  if (t.t === '.' && p && p.k === 'word' && p.t.length <= 3 && p.cap) return 1;
  if (DETS.has(t.l)) {
    // "a spokesman for the hospital association": keep walking over "for the"
    const w2 = toks[k - 2];
    if (p && NP_ATTACH.has(p.l) && w2 && w2.k === 'word' && (isNameOrTitle(w2) || PERSON_HEADS.has(w2.l) || /s$/.test(w2.l))) return 2;
    return 0;
  }
  if (p && p.k === 'word' && (isNameOrTitle(p) || (t.t === '.' && p.cap))) return 1;
  return -1;
}

/** Drops leading joiners and sentence connectives ("But Ryabkov said") and takes back a determiner. */
function trimStart(toks: Tok[], start: number, j: number): Span {
  while (start < j && CONNECTIVES.has(toks[start].l)) start++;
  while (start < j && (toks[start].l === 'of' || toks[start].l === 'and' || toks[start].t === '-' || toks[start].t === '.')) start++;
  if (toks[start - 1] && DETS.has(toks[start - 1].l) && !DETS.has(toks[start].l)) start--;
  return [start, j];
}

/** Noun phrase starting at token i, walking right (for "said X", "according to X"). */
export function npRight(toks: Tok[], i: number): Span | null {
  if (i < 0) return null;
  // (1.14) "said one of the observers", "one of the negotiators told Reuters"
  const member = toks[i + 3];
  if (MEMBER_COUNTS.has(low(toks, i)) && low(toks, i + 1) === 'of' && MEMBER_DETS.has(low(toks, i + 2)) && member && !member.cap && (pluralPerson(member.l) || MEMBER_GROUPS.has(member.l))) return [i, i + 3];
  let k = i;
  let end = -1;
  if (DETS.has(low(toks, k))) k++;
  while (k < toks.length) {
    const t = toks[k];
    if (t.k === 'word' && isNameOrTitle(t)) {
      end = k;
      k++;
      continue;
    }
    if (end < 0 || !(NP_JOIN.has(t.l) || t.t === '.' || t.t === '’' || t.t === "'")) break;
    const n = toks[k + 1];
    if (t.t === '.' && toks[k - 1]?.t.length <= 2 && toks[k - 1]?.cap) {
      // abbreviation dot (U.N.): go on into the next word, or end the phrase with the dot
      if (n && n.k === 'word' && (!n.sp || isNameTok(n) || ORG_NOUNS.has(n.l))) {
        k++;
        continue;
      }
      end = k;
      break;
    }
    if (!n || n.k !== 'word' || !(isNameOrTitle(n) || DETS.has(n.l))) break;
    k += DETS.has(n.l) ? 2 : 1;
  }
  return end < 0 ? null : [i, end];
}

/**
 * A looser noun phrase after "figures from" / "data by": "the system", "the property portal Idealista".
 * Determiner + up to five words, ending at punctuation or a function word.
 */
export function npLoose(toks: Tok[], i: number): Span | null {
  if (i < 0) return null;
  let k = i;
  if (DETS.has(low(toks, k))) k++;
  let end = -1;
  for (let n = 0; k < toks.length && n < 5; k++, n++) {
    const t = toks[k];
    if (t.k !== 'word' || LOOSE_STOP.has(t.l) || (/(ed|ly)$/.test(t.l) && !t.cap)) break;
    end = k;
  }
  return end >= 0 ? [i, end] : null;
}
