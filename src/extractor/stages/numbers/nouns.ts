/** The counted noun phrase after a number: its head ("4,012 U.S. adults" -> adults), modifiers and extent. */
import { DISPLACE_NOUNS, KILL_NOUNS, WOUND_NOUNS } from '../../resources/harm.js';
import { MONTHS, WEEKDAYS } from '../../resources/calendar.js';
import { NP_STOP, TIME_UNITS } from '../../resources/lexicon.js';
import { PERSON_NOUNS } from '../../resources/people.js';
import { TROOP_NOUNS } from '../../resources/military.js';
import { IRREGULAR_VERBS, LY_NOUNS, PARTICIPLE_UNITS, SMALL_DETS } from '../../resources/number-context.js';
import type { Tok } from '../tokens/index.js';
import type { NounPhrase } from './types.js';

/** A lowercase plural noun token ("children", "sites", "personnel"). */
function pluralNounTok(x: Tok | undefined): boolean {
  return !!x && x.k === 'word' && !x.cap && (/[^su]s$/.test(x.l) || /^(people|men|women|children|personnel)$/.test(x.l))
    && !NP_STOP.has(x.l) && !IRREGULAR_VERBS.has(x.l) && !(x.l in MONTHS) && !(x.l in WEEKDAYS);
}

/** Noun phrase after a quantity: returns head noun and extent. */
export function nounAfter(toks: Tok[], j: number, allowOf: boolean): NounPhrase | null {
  let k = j;
  if (toks[k]?.l === 'of' && allowOf) {
    k++;
    if (toks[k] && (SMALL_DETS.has(toks[k].l) || toks[k].l === 'them')) {
      if (toks[k].l === 'them') return null;
      k++;
      // "12 of its planned 70 convoys": a part of a number, the noun is the whole's (handled by the caller)
      if (toks[k]?.k === 'num' || (toks[k]?.k === 'word' && !toks[k].cap && toks[k + 1]?.k === 'num')) return null;
    }
  }
  const mods: string[] = [];
  let head: Tok | null = null;
  let headIdx = -1;
  let headText = '';
  let count = 0;
  // "4,012 U.S. adults", "300 U.N. peacekeepers": a dotted country abbreviation is a modifier
  if (toks[k]?.t.length === 1 && toks[k].cap && toks[k + 1]?.t === '.' && !toks[k + 1].sp && toks[k + 2]?.t.length === 1 && toks[k + 2].cap && !toks[k + 2].sp && toks[k + 3]?.t === '.' && toks[k + 4]?.k === 'word' && !toks[k + 4].cap) {
    mods.push(`${toks[k].l}.${toks[k + 2].l}.`);
    k += 4;
  }
  // "four partly occupied Ukrainian regions", "300 newly trained soldiers": an adverb and the participle it modifies
  // are modifiers, not the counted noun
  if (toks[k]?.k === 'word' && /[a-z]{3}ly$/.test(toks[k].l) && !LY_NOUNS.has(toks[k].l) && toks[k + 1]?.k === 'word' && /(ed|en|ing)$/.test(toks[k + 1].l)
    && toks[k + 2]?.k === 'word' && !NP_STOP.has(toks[k + 2].l) && !IRREGULAR_VERBS.has(toks[k + 2].l)) {
    mods.push(toks[k].l, toks[k + 1].l);
    k += 2;
  }
  // scare quotes around the counted noun: '27 "terrorists" were arrested'
  if ((toks[k]?.t === '"' || toks[k]?.t === '“') && toks[k + 1]?.k === 'word' && !toks[k + 1].cap && /s$/.test(toks[k + 1].l) && (toks[k + 2]?.t === '"' || toks[k + 2]?.t === '”')) k++;
  // (1.15) a quoted number before its noun: '"several hundred" troops', '"around 30" Russians' (a closing quote glued to the
  // number, a word after a space)
  if ((toks[k]?.t === '"' || toks[k]?.t === '”') && !toks[k].sp && toks[k - 1]?.k !== 'punct' && toks[k + 1]?.k === 'word' && toks[k + 1].sp
    && (!toks[k + 1].cap ? /[^su]s$|^(people|men|women|children|personnel)$/.test(toks[k + 1].l) : /(ians|ans|ese)$/.test(toks[k + 1].l))) k++;
  // (1.15) a model designation before the noun is a modifier: "18 CV90 infantry fighting vehicles", "six F-16 fighter jets"
  if (toks[k]?.k === 'word' && /^[A-Z]{1,4}$/.test(toks[k].t)) {
    let e = k + 1;
    if (toks[e]?.t === '-' && !toks[e].sp) e++;
    if (toks[e]?.k === 'num' && !toks[e].sp && toks[e + 1]?.k === 'word' && toks[e + 1].sp && !toks[e + 1].cap && !NP_STOP.has(toks[e + 1].l) && !IRREGULAR_VERBS.has(toks[e + 1].l)) {
      mods.push(toks.slice(k, e + 1).map((x) => x.t).join(''));
      k = e + 1;
    }
  }
  // "14 more bodies", "two more soldiers": "more" belongs to the phrase when a noun follows
  if (toks[k]?.l === 'more' && toks[k + 1]?.k === 'word' && !NP_STOP.has(toks[k + 1].l) && !IRREGULAR_VERBS.has(toks[k + 1].l)) k++;
  while (k < toks.length && count < 4) {
    const t = toks[k];
    if (t.k !== 'word') break;
    // (1.15) an acronym between a modifier and a plural noun is a modifier: "9,000 suspected IS fighters"
    if (count > 0 && /^[A-Z]{2,5}$/.test(t.t) && pluralNounTok(toks[k + 1])) {
      mods.push(t.t);
      k++;
      continue;
    }
    // hyphenated compounds are one word: "walk-in", "Russian-backed"
    let e = k;
    let w = t.l;
    while (toks[e + 1]?.t === '-' && !toks[e + 1].sp && toks[e + 2] && !toks[e + 2].sp && toks[e + 2].k === 'word') {
      w += '-' + toks[e + 2].l;
      e += 2;
    }
    const isCompound = e > k;
    if (!isCompound) {
      if (NP_STOP.has(t.l) && !(count === 0 && (t.l === 'killed' || t.l === 'wounded' || t.l === 'injured' || t.l === 'dead'))) break;
      if (t.l in MONTHS && t.cap) break;
      if (t.l in WEEKDAYS) break;
      if (IRREGULAR_VERBS.has(t.l)) break;
      // "-ing" opens the phrase only as a modifier: "polling stations", "trucking company owners"
      const nounNext = (x: Tok | undefined) => !!x && x.k === 'word' && !x.cap && !NP_STOP.has(x.l) && !IRREGULAR_VERBS.has(x.l) && !/(ed|ing|ly)$/.test(x.l);
      if (count === 0 && /ing$/.test(t.l) && !PERSON_NOUNS.has(t.l) && !(nounNext(toks[k + 1]) && (/[^su]s$/.test(toks[k + 1].l) || (nounNext(toks[k + 2]) && /[^su]s$/.test(toks[k + 2].l))))) break;
      if (count > 0 && /(ed|ing)$/.test(t.l) && !TROOP_NOUNS.has(t.l) && !PERSON_NOUNS.has(t.l)
        && !(/ing$/.test(t.l) && toks[k + 1]?.k === 'word' && !toks[k + 1].cap && /[^su]s$/.test(toks[k + 1].l) && !NP_STOP.has(toks[k + 1].l) && !IRREGULAR_VERBS.has(toks[k + 1].l) && count < 3)) break;
      if (count > 0 && /ly$/.test(t.l)) break;
      // (1.14) "the 2,500 originally pledged": an adverb and a participle with no noun after them are no unit
      if (count === 0 && /ly$/.test(t.l) && !PERSON_NOUNS.has(t.l) && /ed$/.test(toks[k + 1]?.l ?? '') && !(toks[k + 2]?.k === 'word' && !toks[k + 2].cap && !NP_STOP.has(toks[k + 2].l))) break;
      // "degrees Celsius" keeps "degrees"; "ethnic Armenians" is a demonym after a modifier
      if (count > 0 && t.cap && head && !head.cap && !/(ians|ans|ese|is)$/.test(t.l)) break;
    }
    if (head) mods.push(headText);
    head = toks[e];
    headText = w;
    headIdx = e;
    count++;
    k = e + 1;
    const l = toks[e].l;
    // a following plural noun makes a compound ("police officers", "measles cases")
    const nx = toks[k];
    const nextPlural = !!nx && nx.k === 'word' && !nx.cap && /[^su]s$/.test(nx.l) && !NP_STOP.has(nx.l) && !IRREGULAR_VERBS.has(nx.l) && !(nx.l in MONTHS) && (count < 3 || (count === 3 && /ed$/.test(mods[0] ?? ''))) && !TIME_UNITS.has(l);
    if (nextPlural) continue;
    // "2,400 nurse training places": a person noun that modifies an -ing + plural compound is not the head
    const modifiesCompound = !!nx && nx.k === 'word' && !nx.cap && /ing$/.test(nx.l) && !!toks[k + 1] && toks[k + 1].k === 'word' && !toks[k + 1].cap && /[^su]s$/.test(toks[k + 1].l) && !NP_STOP.has(toks[k + 1].l) && count < 3;
    if (modifiesCompound && !TIME_UNITS.has(l) && !/[^su]s$/.test(l)) continue;
    if (
      TROOP_NOUNS.has(l) || PERSON_NOUNS.has(l) || KILL_NOUNS.has(l) || WOUND_NOUNS.has(l) ||
      DISPLACE_NOUNS.has(l) || TIME_UNITS.has(l) || l === 'casualties'
      // (1.14) a measure ends the phrase: "roughly 200 km west of the island"
      || (count === 1 && /^(km|kilometres|kilometers|miles|mi|metres|meters|kg|kilograms|tonnes|tons|hectares|acres|feet|ft|nautical)$/.test(l) && /^(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|inland|offshore|away|long|wide|high|deep)$/.test(toks[k]?.l ?? ''))
    ) break;
    // a participle head ("26 trapped", "300 injured") or a plural noun ends the phrase; a passive with an agent
    // ("up to 10,000 fired by Russia") counts an elided noun, not the participle (states and harm verbs stay)
    if (!isCompound && count === 1 && /ed$/.test(l)) {
      const stateLike = PARTICIPLE_UNITS.test(l) || KILL_NOUNS.has(l) || WOUND_NOUNS.has(l) || DISPLACE_NOUNS.has(l);
      if (toks[k]?.l === 'by' && !stateLike) return null;
      // (1.15) an adjective in -ed before a noun: "5,000 malnourished children", "100 suspected chemical weapons sites",
      // "three armoured personnel carriers" (states and harm participles stay the unit: "300 injured")
      const modTok = (x: Tok | undefined) => !!x && x.k === 'word' && !x.cap && !NP_STOP.has(x.l) && !IRREGULAR_VERBS.has(x.l) && !/ly$/.test(x.l);
      if (!stateLike && (pluralNounTok(toks[k]) || (/^[A-Z]{2,5}$/.test(toks[k]?.t ?? '') && pluralNounTok(toks[k + 1]))
        || (modTok(toks[k]) && pluralNounTok(toks[k + 1])))) continue;
      break;
    }
    if (/[^su]s$/.test(l) && l.length > 3) break;
  }
  if (!head) return null;
  return { head: headText, idx: headIdx, end: headIdx + 1, mods };
}
