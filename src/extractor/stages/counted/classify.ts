/**
 * Category and unit of a quantity: what is counted (the noun) kept apart from the event (the verb).
 * "2,000 soldiers were wounded" is casualties/wounded, "100,000 troops" is troop_count.
 */
import {
  CASUALTY_WORDS, CIVIL_PERSONNEL_MODS, DISPLACE_NOUNS, DISPLACE_WORDS, KILL_NOUNS, KILL_WORDS, PERSON_NOUNS,
  TROOP_NOUNS, WOUND_NOUNS, WOUND_WORDS,
} from '../../resources/lexicon.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../segmentation/text.js';
import type { ClaimCategory } from '../../types.js';

export interface Classified {
  category: ClaimCategory;
  unit: string | null;
}

const NON_HARM_NOUN = /^(homes?|houses?|buildings?|tanks?|vehicles?|cars?|trucks?|aircraft|planes?|jets?|ships?|vessels?|boats?|hectares?|acres?|schools?|hospitals?|bridges?|roads?|shops?|businesses|structures?|km|miles?|metres?|meters?|tons?|tonnes?|rounds?|shells?|missiles?|drones?|rockets?|cases?|votes?|jobs?)$/;
const LINKS = new Set(['to', 'at', 'of', 'were', 'was', 'are', 'is', 'included', 'including', 'include', 'includes', 'among', 'reached', 'hit', 'climbed', 'rose']);

type Harm = 'killed' | 'wounded' | 'displaced' | 'casualties';

const AUX = new Set([
  'have', 'has', 'had', 'were', 'was', 'are', 'is', 'been', 'being', 'be', 'reportedly', 'also', 'now', 'already',
  'so', 'far', 'since', 'all', 'later', 'either', 'both', 'feared', 'believed', 'confirmed', 'reported', 'thought',
  'who', 'that', 'had', 'say', 'said', 'to', 'left', 'found', 'presumed', 'likely', 'probably', 'officially', 'were',
  'in', 'the', 'attack', 'strike', 'fighting', 'or', 'seriously', 'internally', 'temporarily', 'forcibly',
  'permanently', 'now', 'under', 'newly', 'recently', 'still', 'being', 'got', 'get', 'reported', 'critically', 'severely', 'badly', 'slightly',
  // "17 people had been brought dead to the hospital", "were pronounced dead"
  'brought', 'pronounced', 'declared',
]);
const LEFT_GAP = new Set([
  'at', 'least', 'more', 'than', 'some', 'about', 'around', 'nearly', 'almost', 'an', 'estimated', 'over', 'up', 'to',
  'as', 'many', 'roughly', 'approximately', 'another', 'a', 'further', 'additional', 'least', 'fewer', 'less', 'well',
  'just', 'close', 'of', 'the', 'some', 'over', 'only', 'upwards', 'no', '"', '“',
  // (1.15) "displaced a record 1.3 million people"
  'record',
]);

function harmOf(l: string): Harm | null {
  if (KILL_WORDS.has(l)) return 'killed';
  if (WOUND_WORDS.has(l)) return 'wounded';
  if (CASUALTY_WORDS.has(l)) return 'casualties';
  if (DISPLACE_WORDS.has(l)) return 'displaced';
  return null;
}

function blocked(k: number, self: Mention, all: Mention[]): boolean {
  for (const m of all) if (m !== self && k >= m.ns && k < m.ne) return true;
  return false;
}

/** Harm verb attached to the quantity: "killed more than 14,000", "2,000 soldiers were wounded", "300 dead". */
function attachedHarm(toks: Tok[], m: Mention, all: Mention[]): Harm | null {
  // left side first: an active verb right before the qualifier ("killing at least 112 people")
  let k = m.ts - 1;
  let steps = 0;
  while (k >= 0 && steps < 4) {
    const t = toks[k];
    const h = harmOf(t.l);
    // "the army lost 11 soldiers" is killed; a war-long tally ("Russia had lost 462,980 troops since the start of the
    // invasion") counts losses, killed and wounded together (as "losses at N personnel")
    if ((t.l === 'lost' || t.l === 'lose' || t.l === 'losing') && !blocked(k, m, all) && m.noun && (PERSON_NOUNS.has(m.noun) || TROOP_NOUNS.has(m.noun))) return (m.value ?? m.low ?? m.high ?? 0) >= 1000 ? 'casualties' : 'killed';
    // "put Russian losses at 1,530 personnel": losses in people are killed and wounded together
    if (t.l === 'losses' && !blocked(k, m, all) && m.noun && (PERSON_NOUNS.has(m.noun) || TROOP_NOUNS.has(m.noun))) return 'casualties';
    if (h && !blocked(k, m, all)) {
      if (t.l === 'toll' || t.l === 'deaths' || t.l === 'fatalities' || t.l === 'dead' || t.l === 'casualties' || t.l === 'refugees' || t.l === 'evacuees' || t.l === 'lives' || t.l === 'death') break; // nouns: handled by context
      return h;
    }
    // (1.15) "moved a record 138,000 people from 282 villages … to temporary shelters"
    if (/^(moved|relocated|evacuated|resettled|bused|bussed|transferred)$/.test(t.l) && !blocked(k, m, all)
      && toks.slice(m.te, m.te + 14).some((x) => /^(shelters?|camps?|safety)$/.test(x.l))) return 'displaced';
    if (!LEFT_GAP.has(t.l)) break;
    k--;
    steps++;
  }
  // right side: after the noun (or number), skip auxiliaries
  k = m.te;
  steps = 0;
  // "several hundred are believed to have been killed"
  while (k < toks.length && steps < 7) {
    const t = toks[k];
    // an appositive share between commas: "1.9 million people, about 90% of the population, have been displaced"
    if (t.t === ',' && steps === 0) {
      let c = k + 1;
      while (c < toks.length && c - k < 10 && toks[c].t !== ',') c++;
      if (toks[c]?.t === ',' && all.some((x) => x !== m && x.percent && x.s >= toks[k].e && x.e <= toks[c].s)) {
        k = c + 1;
        continue;
      }
    }
    // (1.15) an appositive breakdown with no figure: "At least 63 people, most of them women and children, died"
    if (t.t === ',' && steps === 0 && /^(most|many|some|all|mostly|including|among|half)$/.test(toks[k + 1]?.l ?? '')) {
      let c = k + 1;
      while (c < toks.length && c - k < 10 && toks[c].t !== ',' && toks[c].t !== '.') c++;
      if (toks[c]?.t === ',' && !all.some((x) => x !== m && x.s >= toks[k].e && x.e <= toks[c].s)) {
        k = c + 1;
        steps++;
        continue;
      }
    }
    // a place after the noun: "60,000 residents of northern Israel have been displaced", "2,000 soldiers in Ukraine were wounded"
    if (steps === 0 && m.noun && k === m.nounIdx + 1 && /^(of|in|from|across)$/.test(t.l)) {
      let c = k + 1;
      while (c < toks.length && c - k <= 3 && toks[c].k === 'word' && !toks[c].cap && /^(the|northern|southern|eastern|western|central|north|south|east|west|occupied|rural|coastal|border)$/.test(toks[c].l)) c++;
      const c0 = c;
      while (c < toks.length && c - c0 < 4 && toks[c].k === 'word' && toks[c].cap) c++;
      // a group after 'of the': "more than 330 members of the force have died", "12 members of the crew were injured"
      if (c === c0 && t.l === 'of' && c > k + 1 && /^(force|mission|unit|army|contingent|crew|team|battalion|brigade|group|police|military|delegation|convoy)$/.test(toks[c]?.l ?? '')) c++;
      if (c > c0 && !blocked(c, m, all)) {
        k = c;
        steps++;
        continue;
      }
    }
    if (blocked(k, m, all)) break;
    const h = harmOf(t.l);
    if (h) {
      if (t.l === 'lives' || t.l === 'toll' || t.l === 'death') {
        k++;
        steps++;
        continue;
      }
      return h;
    }
    if (t.l === 'lost' && toks[k + 1]?.l === 'their' && toks[k + 2]?.l === 'lives') return 'killed';
    // "four officers suffered minor injuries", "sustained burns"
    if (/^(suffered|suffer|suffering|sustained|sustain|received)$/.test(t.l) && toks.slice(k + 1, k + 4).some((x) => /^(injuries|injury|wounds|burns|fractures)$/.test(x.l))) return 'wounded';
    if (t.l === 'forced' && (toks[k + 1]?.l === 'from' || toks[k + 1]?.l === 'out' || toks[k + 1]?.l === 'to')) return 'displaced';
    // "driven more than 12 million from their homes", "chased 3,000 families out of their homes"
    if ((t.l === 'from' || (t.l === 'out' && toks[k + 1]?.l === 'of')) && toks.slice(k + 1, k + 4).some((x) => x.l === 'homes' || x.l === 'home')) return 'displaced';
    if ((t.l === 'left' || t.l === 'lost') && toks[k + 1]?.l === 'their' && toks[k + 2]?.l === 'homes') return 'displaced';
    // "500,000 people are sheltering (in the camp)"; not "sheltering from the rain"
    if ((t.l === 'sheltering' || t.l === 'camped' || t.l === 'camping') && !/^(from|under)$/.test(toks[k + 1]?.l ?? '')) return 'displaced';
    if ((t.l === 'sought' || t.l === 'seeking' || t.l === 'sheltering') && (toks[k + 1]?.l === 'refuge' || toks[k + 1]?.l === 'shelter' || toks[k + 1]?.l === 'asylum')) return 'displaced';
    if (t.l === 'crossed' && toks[k + 1]?.l === 'into') return 'displaced';
    if (/^(moved|relocated|resettled|rehoused|taken|bused|bussed|transferred|sent)$/.test(t.l) && toks.slice(k + 1, k + 5).some((x) => /^(shelters?|camps?|safety|evacuation)$/.test(x.l))) return 'displaced';
    if (t.l === 'left' && toks[k + 1]?.l === 'homeless') return 'displaced';
    // (1.15) an adverb before the participle: "two people were lightly wounded", "were fatally shot"
    if (!AUX.has(t.l) && !(steps > 0 && t.k === 'word' && /[a-z]{3}ly$/.test(t.l) && toks[k + 1] && !!harmOf(toks[k + 1].l))) break;
    k++;
    steps++;
  }
  return null;
}

const STATES = new Set(['missing', 'trapped', 'unaccounted', 'detained', 'arrested', 'hospitalized', 'hospitalised', 'stranded', 'rescued', 'captured', 'abducted', 'kidnapped', 'jailed', 'imprisoned', 'infected', 'sick', 'ill']);

/** "41 are missing", "26 remain trapped": the state is the unit when no noun is counted. */
function stateAfter(toks: Tok[], m: Mention): string | null {
  for (let k = m.te, n = 0; k < toks.length && n < 3; k++, n++) {
    const l = toks[k].l;
    if (STATES.has(l)) return l;
    if (!/^(are|were|is|was|remain|remained|remains|still|have|has|had|been|being|reported|also)$/.test(l)) return null;
  }
  return null;
}

/** Context noun in the same clause left of the number: "the death toll rose to 300", "troop numbers reached 190,000". */
function contextLeft(toks: Tok[], m: Mention, all: Mention[]): 'killed' | 'wounded' | 'displaced' | 'casualties' | 'troops' | null {
  for (let k = m.ts - 1, steps = 0; k >= 0 && steps < 9; k--, steps++) {
    const t = toks[k];
    if (t.t === ';' || t.t === ':' || t.t === '(' || t.t === '—') break;
    if (t.t === ',' && !(toks[k + 1] && /^(and|but)$/.test(toks[k + 1].l) === false && steps < 2)) break;
    if (blocked(k, m, all)) break;
    if (t.l === 'toll' || t.l === 'deaths' || t.l === 'fatalities') {
      // "injury toll" vs "death toll"
      if (toks[k - 1]?.l === 'injury') return 'wounded';
      return 'killed';
    }
    if (t.l === 'dead' || t.l === 'killed') return 'killed';
    if (t.l === 'injured' || t.l === 'wounded' || t.l === 'injuries') return 'wounded';
    if (t.l === 'casualties') return 'casualties';
    if (t.l === 'refugees' || t.l === 'displaced' || t.l === 'evacuees' || t.l === 'evacuated' || t.l === 'fled') return 'displaced';
    if (t.l === 'troops' || t.l === 'troop' || t.l === 'soldiers' || t.l === 'forces' || t.l === 'personnel') return 'troops';
  }
  // right side without noun: "... 300, the ministry said" no; "300 killed" covered by attachedHarm
  return null;
}

const LEVEL_VERBS = new Set([
  'pass', 'passes', 'passed', 'top', 'tops', 'topped', 'exceed', 'exceeds', 'exceeded', 'surpass', 'surpasses', 'surpassed',
  'reach', 'reaches', 'reached', 'hit', 'hits', 'rose', 'rise', 'rises', 'climb', 'climbs', 'climbed', 'jump', 'jumps',
  'jumped', 'fell', 'fall', 'falls', 'total', 'totals', 'totalled', 'totaled', 'stood', 'stand', 'stands', 'near', 'nears',
  'neared', 'approach', 'approaches', 'approached', 'soar', 'soars', 'soared', 'surge', 'surges', 'surged', 'number', 'numbered',
]);
const CROWD_WORDS = new Set(['crowd', 'crowds', 'turnout', 'attendance', 'protesters', 'demonstrators', 'marchers', 'participants', 'gathering', 'rally', 'march', 'protest', 'demonstration', 'audience']);

/**
 * A bare number whose unit is named before it: "Police put the crowd at 45,000" (people), "Cholera cases pass
 * 12,000" (cases), "Sales rose to 3.9 million" (sales).
 */
function impliedUnitLeft(toks: Tok[], m: Mention): string | null {
  let k = m.ts - 1;
  // "the crowd at", "turnout of", "attendance was"
  let j = k;
  if (toks[j] && /^(at|of|was|were|as|to)$/.test(toks[j].l)) j--;
  if (toks[j] && CROWD_WORDS.has(toks[j].l) && j < k + 1) {
    if (toks[j + 1] && /^(at|of|was|were|as)$/.test(toks[j + 1].l)) return 'people';
  }
  // "more than 200,000 took part", "about 5,000 attended"
  const r = toks[m.te];
  if (r && (/^(attended|marched|protested|gathered|rallied|demonstrated)$/.test(r.l) || (/^(took|take|takes)$/.test(r.l) && toks[m.te + 1]?.l === 'part') || (/^(turned|turn)$/.test(r.l) && toks[m.te + 1]?.l === 'out'))) return 'people';
  if (LEVEL_VERBS.has(toks[m.ts]?.l ?? '')) k = m.ts; // the verb was read as a qualifier ("pass 12,000")
  else if (toks[k] && /^(to|at)$/.test(toks[k].l)) k--;
  if (!toks[k] || !LEVEL_VERBS.has(toks[k].l)) return null;
  k--;
  while (toks[k] && /^(has|have|had|now|already|officially|just|will|would|could|may)$/.test(toks[k].l)) k--;
  const n = toks[k];
  if (!n || n.k !== 'word' || !/[^su]s$/.test(n.l) || n.l.length < 4 || /^(this|has|was|its|his|hers|ours|theirs|yes|as|is|us|thus|plus|news)$/.test(n.l)) return null;
  if (toks[k - 1]?.t === '.' && toks[k - 2]?.k === 'word') return null;
  if (n.cap && k > 0 && !(toks[k - 1]?.k === 'word' && toks[k - 1].cap)) {
    // capitalised only because it opens the sentence or headline: fine; a name ("Mercedes") is not a unit
    if (k !== 0 && toks[k - 1]?.k !== 'word') return null;
  }
  return n.l;
}

function harmResult(h: Harm): Classified {
  if (h === 'displaced') return { category: 'displacement', unit: 'displaced' };
  if (h === 'casualties') return { category: 'casualties', unit: 'casualties' };
  return { category: 'casualties', unit: h };
}

function isTroopNoun(m: Mention): boolean {
  const n = m.noun;
  if (!n) return false;
  if (n === 'personnel' || n === 'staff') return !m.nounMods.some((x) => CIVIL_PERSONNEL_MODS.has(x));
  if (n === 'forces') return m.nounMods.length > 0 || true;
  if (n === 'members' && m.nounMods.includes('service')) return true;
  if (n === 'boots') return false;
  return TROOP_NOUNS.has(n);
}

function isPersonNoun(toks: Tok[], m: Mention): boolean {
  const n = m.noun;
  if (!n) return false;
  if (PERSON_NOUNS.has(n)) return true;
  // demonyms: "Ukrainians", "Syrians", "Afghans"
  const t = toks[m.nounIdx];
  if (t && t.cap && /(ans|ese|is|ers|ch|ks|gya|ds)$/.test(n)) return true;
  return false;
}

const FORCE_NOUNS = /^(force|forces|unit|units|contingent|brigade|battalion|army|garrison|division|detachment|regiment|corps|militia|task|squadron|company|deployment|mission)$/;
const CROWD_NOUNS = /^(crowd|mob|march|rally|protest|demonstration|gathering|procession|convoy|caravan|group)$/;

/** "a crowd of 31,442", "put the crowd at 45,000": the figure counts people. */
function crowdLeft(toks: Tok[], m: Mention): boolean {
  let j = m.ts - 1;
  if (!toks[j] || !/^(at|of|was|were|as)$/.test(toks[j].l)) return false;
  j--;
  return !!toks[j] && CROWD_WORDS.has(toks[j].l);
}

const BASELINE_WORDS = /^(from|than|versus|vs)$/;
/**
 * A bare comparison baseline takes the category and unit of the figure it is compared with: "operating profit rose to
 * 3.6 billion crowns from 2.1 billion" (SEK), "the toll rose to 68 from 54" (killed), "5.1%, up from 4.4" (percent).
 */
function baselineOf(toks: Tok[], m: Mention, all: Mention[]): Mention | null {
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

const MOVE_VERBS = new Set([
  'rose', 'risen', 'fell', 'fallen', 'increased', 'decreased', 'dropped', 'climbed', 'grew', 'grown', 'jumped', 'declined',
  'surged', 'plunged', 'slid', 'shrank', 'swelled', 'soared', 'tumbled', 'slipped', 'dipped', 'sank', 'reached', 'hit',
  'totalled', 'totaled', 'stood', 'topped', 'passed', 'exceeded',
]);
/**
 * A bare level or change after a movement verb takes the verb's subject noun: "the number of patients ... has fallen
 * by 210,000 since September, to 3.1 million" (patients), "burglaries in Hartfield fell 12% in 2024, to 640" (burglaries).
 */
function moverSubject(toks: Tok[], m: Mention, all: Mention[]): string | null {
  let k = m.ts - 1;
  let v = -1;
  for (let steps = 0; k >= 0 && steps < 16; k--, steps++) {
    const t = toks[k];
    if (t.t === ';' || t.t === ':' || t.t === '"' || t.t === '“' || t.t === '”') return null;
    if (MOVE_VERBS.has(t.l)) {
      v = k;
      break;
    }
    if (t.k === 'word' && t.cap && !/^(January|February|March|April|May|June|July|August|September|October|November|December)$/.test(t.t)) return null;
    if (/^(said|says|and|but|while|which|who|that|when)$/.test(t.l)) return null;
  }
  if (v < 0) return null;
  // every figure between the verb and this one is a bare number or a change (no other counted noun)
  if (all.some((x) => x !== m && x.ts > v && x.te <= m.ts && (x.noun || x.currency))) return null;
  // "the number of patients waiting … has fallen"
  for (let q = v - 1; q >= 1 && q >= v - 16; q--) {
    if (/^(number|count|total)$/.test(toks[q].l) && toks[q + 1]?.l === 'of' && /^(the|a)$/.test(toks[q - 1]?.l ?? '')) {
      const n = toks[q + 2];
      if (n && n.k === 'word' && !n.cap && /[^su]s$/.test(n.l) && n.l.length > 3) return n.l;
      return null;
    }
  }
  let s = v - 1;
  while (s >= 0 && /^(has|have|had|been|now|also|already|just|sharply|steadily|slightly|further)$/.test(toks[s].l)) s--;
  // skip a place after the noun: "burglaries in Hartfield fell"
  if (s >= 2 && toks[s].cap && /^(in|across|at)$/.test(toks[s - 1].l)) s -= 2;
  const n = toks[s];
  if (!n || n.k !== 'word' || n.cap || !/[^su]s$/.test(n.l) || n.l.length < 5 || /^(this|has|was|its|his|hers|ours|theirs|yes|thus|plus|news|prices|rates|sales|costs|earnings|revenues|profits|exports|imports|shares|stocks|wages|rents)$/.test(n.l)) return null;
  return n.l;
}

/**
 * A harm verb shared with an earlier person figure: the second of two coordinated objects ("killed 18 soldiers and 10
 * civilians") or a breakdown after a harm figure ("More than 450 people have been killed, most of them fighters but
 * also more than 80 civilians").
 */
function sharedHarm(toks: Tok[], m: Mention, all: Mention[]): Classified | null {
  const idx = all.indexOf(m);
  const prev = idx > 0 ? all[idx - 1] : null;
  if (!prev || prev.currency || prev.percent || !prev.noun) return null;
  const prevPerson = isTroopNoun(prev) || PERSON_NOUNS.has(prev.noun);
  if (!prevPerson) return null;
  const between = toks.slice(prev.te, m.ts).map((t) => t.l);
  let ok = false;
  // "18 soldiers and 10 civilians", "18 soldiers, 10 civilians and ..."
  if (between.length === 1 && /^(and|or|,)$/.test(between[0])) ok = true;
  // ", most of them fighters but also 80 civilians", ", among them 12 children": a breakdown set off by a comma
  else {
    const c = between.lastIndexOf(',');
    const seg = c >= 0 ? between.slice(c + 1) : [];
    const t = seg.findIndex((w) => w === 'them' || w === 'whom');
    if (c >= 0 && seg.length <= 8 && t > 0 && /^(of|among)$/.test(seg[t - 1]) && !between.slice(0, c).some((w) => w === ';' || w === '.')) ok = true;
  }
  if (!ok) return null;
  // the harm must belong to the earlier figure itself (a verb before it or right after it), not to a later predicate
  const pc = attachedHarm(toks, prev, all);
  if (!pc) return null;
  // "killed 18 soldiers and 10 civilians were wounded": a verb of its own after the second figure wins (handled above)
  const after = toks[m.te]?.l ?? '';
  if (/^(were|was|are|is|have|has|had)$/.test(after) && !(between.length > 1)) {
    const own = toks.slice(m.te, m.te + 4).some((t) => harmOf(t.l));
    if (own) return null;
  }
  return harmResult(pc);
}

export function classify(toks: Tok[], m: Mention, all: Mention[]): Classified {
  if (m.currency) return { category: 'money', unit: m.currency };
  if (m.percent) return { category: 'percentage', unit: 'percent' };
  const base = baselineOf(toks, m, all);
  if (base && (base.currency || base.percent)) return classify(toks, base, all);
  if (crowdLeft(toks, m) && (!m.noun || (/ed$/.test(m.noun) && m.nounIdx === m.ne))) return { category: 'quantity_other', unit: 'people' };
  const n = m.noun;
  if (m.strong) {
    // "a 1,000-strong force" / "a 5,000-strong crowd" / "a 300-strong workforce"
    const mil = m.nounMods.some((x) => /^(military|army|naval|troop|peacekeeping|infantry|armed|rapid|reaction|combat)$/.test(x));
    if (n && (FORCE_NOUNS.test(n) && (n !== 'company' || mil) || mil)) return { category: 'troop_count', unit: 'troops' };
    if (n && CROWD_NOUNS.test(n)) return { category: 'quantity_other', unit: 'people' };
    if (n === 'workforce' || n === 'staff') return { category: 'quantity_other', unit: 'workers' };
    return { category: 'quantity_other', unit: n };
  }
  // "killed 12 people, including three children": a part of a harm figure shares its category
  if (n && /^(including|among)$/.test(toks[m.ts - 1]?.l ?? '') && (isPersonNoun(toks, m) || isTroopNoun(m))) {
    const prev = [...all].reverse().find((x) => x !== m && x.e <= m.s && !x.currency && !x.percent);
    if (prev) {
      const pc = classify(toks, prev, all);
      if (pc.category === 'casualties' || pc.category === 'displacement') return pc;
    }
  }
  if (n) {
    if (KILL_NOUNS.has(n)) return n === 'lives' ? { category: 'casualties', unit: 'killed' } : { category: 'casualties', unit: 'killed' };
    if (WOUND_NOUNS.has(n)) return { category: 'casualties', unit: 'wounded' };
    if (CASUALTY_WORDS.has(n)) return { category: 'casualties', unit: 'casualties' };
    if (DISPLACE_NOUNS.has(n)) return { category: 'displacement', unit: 'displaced' };
  }
  const troop = isTroopNoun(m);
  const person = troop || isPersonNoun(toks, m);
  // (1.15) a displacement or harm participle before a person noun: "2,000 displaced families", "40 wounded soldiers"
  if (n && person && m.nounMods.length > 0) {
    const pm = m.nounMods.map((x) => (DISPLACE_NOUNS.has(x) || x === 'uprooted' ? 'displaced' : WOUND_NOUNS.has(x) ? 'wounded' : null)).find((x) => x);
    if (pm) return harmResult(pm);
  }
  // (1.15) "none of its 120 patients were hurt", "no one among the 21 crew was injured": a negated harm counts no one
  const negated = (() => {
    let k = m.ts - 1;
    if (toks[k] && /^(its|the|their|his|her|our)$/.test(toks[k].l)) k--;
    if (!toks[k] || !/^(of|among)$/.test(toks[k].l)) return false;
    return /^(none|neither)$/.test(toks[k - 1]?.l ?? '') || (toks[k - 1]?.l === 'one' && toks[k - 2]?.l === 'no');
  })();
  const h = negated ? null : attachedHarm(toks, m, all);
  if (h && (!n || person || !NON_HARM_NOUN.test(n))) return harmResult(h);
  if (person && !negated) {
    const shared = sharedHarm(toks, m, all);
    if (shared) return shared;
  }
  if (troop) return { category: 'troop_count', unit: 'troops' };
  if (!n) {
    const st = stateAfter(toks, m);
    if (st) return { category: 'quantity_other', unit: st };
    const c = contextLeft(toks, m, all);
    if (c === 'troops') return { category: 'troop_count', unit: 'troops' };
    if (c) return harmResult(c);
    if (m.measure) return { category: 'quantity_other', unit: m.measure };
    const implied = impliedUnitLeft(toks, m);
    if (implied) return { category: 'quantity_other', unit: implied };
    if (base) {
      const bc = classify(toks, base, all);
      if (bc.unit !== null) return bc;
    }
    const mover = moverSubject(toks, m, all);
    if (mover) return { category: 'quantity_other', unit: mover };
    if (m.vague && toks[m.te]?.k === 'word') return { category: 'quantity_other', unit: 'people' };
    // elided noun: "56,000 positions, while manufacturing lost about 8,000"; "2,000 soldiers ... and 2,000 more"
    const prev = [...all].reverse().find((x) => x !== m && x.e <= m.s && !x.currency && !x.percent && x.noun);
    if (prev) return classify(toks, prev, all);
    return { category: 'quantity_other', unit: null };
  }
  if (person) {
    // "At least 31 people remain missing / unaccounted for": a count of the missing
    const st = stateAfter(toks, { ...m, te: m.nounIdx + 1 });
    if (st === 'missing' || st === 'unaccounted') return { category: 'quantity_other', unit: 'missing' };
    // "the toll rose to 300 people", "among the wounded were three children"
    const c = contextLeft(toks, m, all);
    if (c && c !== 'troops' && m.nounIdx >= 0) {
      const between = toks.slice(Math.max(0, m.ts - 3), m.ts).map((t) => t.l);
      if (between.some((w) => LINKS.has(w))) return harmResult(c);
    }
    return { category: 'quantity_other', unit: n === 'persons' || n === 'person' ? 'people' : n };
  }
  return { category: 'quantity_other', unit: n };
}
