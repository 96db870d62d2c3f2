/**
 * Attribution: who says it. "X said", "said X", "X told reporters", "according to X", "X estimated",
 * with the speaker's role split off ("Deputy Foreign Minister Sergei Ryabkov") and pronouns resolved
 * to the previous speaker ("he told reporters").
 */
import { MEDIA, MONTHS, ORG_NOUNS, ROLE_WORDS, STRONG_SPEECH, WEAK_SPEECH, WEEKDAYS } from '../../resources/lexicon.js';
import type { Tok } from '../segmentation/text.js';
import type { Attribution } from '../../types.js';

export interface FoundAttribution extends Attribution {
  /** token index of the verb (or "according") */
  verbIdx: number;
  person: boolean;
  media: boolean;
  /** start/end char offsets of the speaker phrase */
  s: number;
  e: number;
  /** 2 = said/told/according to/estimated, 1 = other reporting verbs */
  prio?: number;
  /** the verb ends the sentence ("..., the ministry said on Tuesday."): it covers what comes before */
  tail?: boolean;
  /** "according to X" covers the whole sentence */
  whole?: boolean;
  /** resolved from he/she/they */
  pronoun?: boolean;
  /** the second of two verbs sharing a subject ("Zelenskyy thanked Britain and said …"): speaks only for what follows */
  coord?: boolean;
}

const CORE = new Set(['said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'stated', 'states', 'estimated', 'estimates', 'according', 'wrote', 'writes', 'tweeted']);
const TIME_FOLLOW = new Set(['last', 'this', 'earlier', 'yesterday', 'today', 'on', 'in', 'late', 'early', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'overnight', 'previously', 'recently']);
const REPORTING = new Set(['estimates', 'believes', 'accused', 'accuses', 'accuse', 'alleged', 'alleges', 'announced', 'announces', 'reported', 'reports', 'confirmed', 'confirms', 'recorded', 'records', 'found', 'finds', 'claimed', 'claims', 'claim', 'estimate', 'counted', 'registered', 'tallied', 'calculated', 'projected', 'projects', 'forecast', 'forecasts', 'predicted', 'predicts', 'showed', 'shows', 'documented', 'expected', 'anticipated', 'show']);

export interface SpeakerMemory {
  lastPerson: Attribution | null;
  lastAny: Attribution | null;
  /** full names seen: surname (lowercase) -> attribution */
  names: Map<string, Attribution>;
  /** generic heads of named organisations seen ("group" -> the Sudan Doctors Network), for "the group said" */
  aliases: Map<string, Attribution>;
}

export function newMemory(): SpeakerMemory {
  return { lastPerson: null, lastAny: null, names: new Map(), aliases: new Map() };
}

const GENERIC_SOURCES = new Set(['statement', 'breakdown', 'assessment', 'estimates', 'figures', 'data', 'report', 'statistics', 'numbers', 'tallies', 'tally', 'count', 'calculations', 'survey', 'study', 'analysis', 'records', 'projections', 'estimate', 'research']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
const SKIP_LEFT = new Set(['also', 'later', 'earlier', 'previously', 'has', 'have', 'had', 'recently', 'repeatedly', 'separately', 'publicly', 'again', 'further', 'then', 'once', 'had', 'last', 'week', 'on', 'yesterday', 'today', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'previously', 'privately', 'reportedly', 'initially', 'already', 'now', 'has', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'not', 'had', 'officially', 'late', 'this',
  // "has since warned", "have long argued", "has repeatedly denied"
  'since', 'long', 'consistently', 'frequently', 'often', 'always', 'openly', 'formally', 'flatly', 'strongly',
  'sharply', 'firmly', 'quickly', 'swiftly', 'immediately', 'subsequently', 'originally', 'jointly', 'explicitly',
  'similarly', 'likewise', 'privately', 'loudly', 'bluntly', 'pointedly']);
const CONNECTIVES = new Set(['but', 'and', 'so', 'yet', 'meanwhile', 'however', 'still', 'also', 'in', 'on', 'at', 'then', 'now', 'as', 'while', 'when', 'after', 'before', 'if', 'because', 'although', 'though', 'separately', 'later', 'earlier', 'today', 'yesterday']);
const NP_JOIN = new Set(['of', 'for', 'the', 'and', "'s", '’s', 'at', 'on', '-', '.', '&']);
const DETS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
const NOT_SPEAKER = new Set([
  'i', 'you', 'this', 'that', 'which', 'who', 'what', 'there', 'data', 'the', 'a', 'an', 'study', 'report', 'analysis',
  'it', 'one', 'some', 'many', 'most', 'others', 'all', 'neither', 'either', 'each', 'none', 'nobody', 'everyone',
  'someone', 'anyone', 'both',
]);
const ORG_HEADS = new Set([
  'ministry', 'agency', 'department', 'office', 'service', 'commission', 'council', 'committee', 'organization',
  'organisation', 'group', 'military', 'army', 'navy', 'police', 'government', 'house', 'kremlin', 'pentagon',
  'press', 'bank', 'fund', 'nations', 'union', 'court', 'board', 'center', 'centre', 'institute', 'bureau', 'forces', 'force', 'headquarters',
  'command', 'administration', 'authority', 'authorities', 'officials', 'company', 'corporation', 'inc', 'times',
  'post', 'news', 'party', 'parliament', 'congress', 'senate', 'assembly', 'alliance', 'nato', 'un', 'who', 'imf',
  'coalition', 'association', 'federation', 'foundation', 'network', 'guard', 'corps', 'embassy', 'mission',
  'cabinet', 'secretariat', 'presidency', 'unicef', 'unhcr', 'statistics', 'census', 'monitor', 'observatory',
]);

const NOUN_DETS = new Set(['neither', 'either', 'the', 'a', 'an', 'this', 'that', 'each', 'every', 'no', 'any', 'its', 'their', 'his', 'her', 'our', 'whose', 'such', 'these', 'those', 'both']);

/**
 * A speech-verb spelling that is a noun or part of a name here: "Neither claim could be verified" (a determiner
 * before it), "the United States." (capitalised inside a sentence that is not in title case).
 */
export function notAVerb(toks: Tok[], i: number, titleCase: boolean): boolean {
  const t = toks[i];
  if (NOUN_DETS.has(toks[i - 1]?.l ?? '') && /^(claim|claims|estimate|estimates|report|reports|forecast|forecasts|warning|statement|states|finds|records|projections|projects)$/.test(t.l)) return true;
  if (t.cap && i > 0 && !titleCase && !/^["“‘'(—–-]$/.test(toks[i - 1].t)) return true;
  // "declined to comment on the Lithuanian estimate.": the object of a preposition, ending the sentence, is a noun
  if (/^(claim|estimate|report|forecast|warning|statement|assessment|count|tally)$/.test(t.l) && (!toks[i + 1] || /^[.,;!?)"”]$/.test(toks[i + 1].t))) {
    for (let d = i - 1; d >= Math.max(1, i - 3); d--) {
      if (NOUN_DETS.has(toks[d].l) || /['’]s$/.test(toks[d].l)) {
        if (/^(on|of|for|with|about|to|in|from|by|against|over|at|into|under|despite|after|before)$/.test(toks[d - 1].l)) return true;
        break;
      }
    }
  }
  // "Foreign demand is part of the picture", "the warning was ignored": a noun before a verb
  if (!CORE.has(t.l) && /^(is|was|are|were|will|would|can|could|remains|remain|seems|has)$/.test(toks[i + 1]?.l ?? '') && i > 0 && toks[i - 1].k === 'word' && !PRONOUNS.has(toks[i - 1].l)) return true;
  return false;
}

/** Most words capitalised: a headline in title case ("Russia Says It Will Not Invade"). */
export function isTitleCase(toks: Tok[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of toks) {
    if (t.k !== 'word' || t.t.length < 4) continue;
    words++;
    if (t.cap) caps++;
  }
  return words >= 3 && caps / words > 0.6;
}

function isSpeechAt(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!STRONG_SPEECH.has(t.l) && t.l !== 'claim') return false;
  if (!WEAK_SPEECH.has(t.l)) return true;
  // weak verbs need a speech context after them
  const n = toks[i + 1];
  if (!n) return true;
  if (n.l === 'that' || n.t === ',' || n.t === '.' || n.t === '"' || n.t === '“' || n.t === ':' || n.t === ';') return true;
  if (n.l === 'in' && toks[i + 2]?.l === 'a' && /statement|report|post|tweet|interview|briefing/.test(toks[i + 3]?.l ?? '')) return true;
  if (n.l === 'on' && (toks[i + 2]?.l ?? '') in WEEKDAYS) return true;
  if (n.l in WEEKDAYS) return true;
  if (TIME_FOLLOW.has(n.l)) return true;
  if ((t.l === 'claim' || t.l === 'claims' || t.l === 'claimed') && n.l === 'to') return true;
  if ((t.l === 'put' || t.l === 'puts') && toks.slice(i + 1, i + 6).some((x) => x.l === 'at')) return true;
  if (n.l === 'the' && (toks[i + 2]?.l === 'death' || toks[i + 2]?.l === 'toll' || toks[i + 2]?.l === 'number')) return true;
  // "..., he added." with the verb at the end or preceded by a comma + NP
  return false;
}

function isMonthTok(t: Tok | undefined): boolean {
  return !!t && t.k === 'word' && t.l in MONTHS && (t.cap || t.l.length > 3);
}

/** Tolerates an index past either end (undefined), as every look-ahead and look-behind here may produce one. */
function isNameTok(t: Tok | undefined): boolean {
  return !!t && t.k === 'word' && (t.cap || NAME_PARTICLE.test(t.t)) && !(t.l in MONTHS && t.l.length > 3) && !(t.l in WEEKDAYS);
}
/** (1.17) Arabic name particles glued to a capitalised name: "Ahmed al-Mansouri", "Abdel Fattah el-Sisi". */
const NAME_PARTICLE = /^(al|el|bin|ibn|abu)-\p{Lu}/u;

/** Noun phrase ending at token index j (inclusive), walking left. */
/** "commanders", "governors", "witnesses": plurals of person and role nouns. */
function pluralPerson(l: string): boolean {
  if (!l.endsWith('s') || l.length < 5) return false;
  const a = l.slice(0, -1);
  const b = l.endsWith('es') ? l.slice(0, -2) : a;
  return (ROLE_WORDS.has(a) && !ROLE_MODIFIERS.has(a)) || PERSON_HEADS.has(a) || PERSON_HEADS.has(b);
}
/** Title words that are not people on their own ("island states", "health ministers" keeps "ministers"). */
const ROLE_MODIFIERS = new Set(['state', 'foreign', 'defense', 'defence', 'interior', 'finance', 'health', 'press', 'economy', 'trade', 'energy', 'agriculture', 'education', 'environment', 'labor', 'labour', 'transport', 'commerce', 'staff', 'vice', 'prime', 'deputy', 'chief', 'head', 'justice', 'major', 'general', 'chair', 'speaker', 'fellow', 'king', 'queen', 'prince', 'dean']);

/** "a source familiar with the deal", "people briefed on the talks", "two officials with knowledge of the plan". */
function familiarLeft(toks: Tok[], j: number): [number, number] | null {
  for (let k = j - 1; k >= Math.max(0, j - 7); k--) {
    const l = toks[k].l;
    let h = -1;
    if ((l === 'familiar' || l === 'close' || l === 'briefed' || l === 'involved' || l === 'aware') && /^(with|to|on|in|of)$/.test(toks[k + 1]?.l ?? '')) h = k - 1;
    else if (l === 'knowledge' && toks[k + 1]?.l === 'of') {
      h = k - 1;
      while (h >= 0 && /^(with|direct|detailed|some)$/.test(toks[h].l)) h--;
    }
    if (h < 0) continue;
    if (!/^(source|sources|person|people|official|officials|diplomat|diplomats|executive|executives|banker|bankers|insider|insiders|aide|aides|adviser|advisers)$/.test(toks[h].l)) return null;
    // the object runs to j: determiner + nouns only
    for (let q = k + 2; q <= j; q++) if (toks[q].k !== 'word' || (SPEECH_STOP.has(toks[q].l))) return null;
    let st = h;
    while (st > 0 && (DETS.has(toks[st - 1].l) || /^(two|three|four|several|other|senior|western|european)$/.test(toks[st - 1].l) || toks[st - 1].k === 'num')) st--;
    return [st, j];
  }
  return null;
}
const SPEECH_STOP = new Set(['said', 'says', 'told', 'that', 'and', 'but', 'who', 'which', 'was', 'were', 'is', 'are']);

function npLeft(toks: Tok[], j: number, lo: number): [number, number] | null {
  const fam = familiarLeft(toks, j);
  if (fam && fam[0] >= lo) return fam;
  // "…, the U.N. said": the abbreviation's final dot right before the verb
  if (j - 2 >= lo && toks[j]?.t === '.' && toks[j - 1].k === 'word' && toks[j - 1].cap && toks[j - 1].t.length <= 2 && toks[j - 2].t === '.') {
    const r = npLeft(toks, j - 1, lo);
    return r ? [r[0], j] : null;
  }
  // "state television reported", "state-run radio said" (a named broadcaster; "local television reported" stays vague)
  if (j - 1 >= lo && /^(television|tv|radio|broadcaster|media)$/.test(toks[j]?.l ?? '') && /^(state|state-run|public|national)$/.test(toks[j - 1].l)) {
    const r = npLeft(toks, j - 1, lo);
    return r ? [r[0], j] : [j - 1, j];
  }
  // "officials on both sides said", "residents in the area say": a plural person or organisation noun with a short place phrase
  {
    let q = j;
    // (1.14) also a named place with an optional direction adjective: "rebels in northern Mali said", "officials in Gaza say"
    let named = false;
    while (q >= lo && j - q < 4 && toks[q].k === 'word' && ((!toks[q].cap && /^(both|all|the|sides?|ground|area|region|city|town|border|country|front|scene|camp|camps|zone|north|south|east|west|northern|southern|eastern|western|central)$/.test(toks[q].l)) || (isNameTok(toks[q]) && (named = true)) || /^(Northern|Southern|Eastern|Western|Central)$/.test(toks[q].t))) q--;
    if (q < j && q - 1 >= lo && /^(on|in|at|from|across|along|near)$/.test(toks[q].l) && (!named || toks[j].cap) && /^(officials|residents|witnesses|sources|diplomats|commanders|authorities|medics|doctors|rescuers|activists|workers|people|leaders|observers|monitors|rebels|militants|insurgents|separatists|police|protesters|villagers|lawmakers|prosecutors|investigators|fighters)$/.test(toks[q - 1].l)) {
      const r = npLeft(toks, q - 1, lo);
      if (r) return [r[0], j];
    }
  }
  let k = j;
  let start = -1;
  let content = 0;
  while (k >= lo) {
    const t = toks[k];
    if (t.k === 'word' && (isNameTok(t) || ORG_NOUNS.has(t.l) || ROLE_WORDS.has(t.l) || PERSON_HEADS.has(t.l) || pluralPerson(t.l) || (start >= 0 && toks[k + 1]?.l === 'for' && /s$/.test(t.l)))) {
      start = k;
      content++;
      k--;
      continue;
    }
    // (1.14) "Tuareg-led rebels", "Iran-backed militias": a name + '-led/-backed' modifier before the head
    if (start >= 0 && t.k === 'word' && !t.cap && /^(led|backed|based|run|allied|aligned|controlled|funded)$/.test(t.l) && toks[k - 1]?.t === '-' && !toks[k - 1].sp && toks[k - 2] && isNameTok(toks[k - 2])) {
      start = k - 2;
      k -= 3;
      continue;
    }
    // "analysts polled by Reuters", "economists surveyed by Bloomberg"
    if (start >= 0 && t.l === 'by' && /^(polled|surveyed|interviewed|consulted|quoted|cited|canvassed)$/.test(toks[k - 1]?.l ?? '') && toks[k - 2] && (ORG_NOUNS.has(toks[k - 2].l) || pluralPerson(toks[k - 2].l))) {
      k -= 2;
      continue;
    }
    if (start >= 0 && (NP_JOIN.has(t.l) || t.t === '’' || t.t === "'")) {
      // join only if more NP continues to the left
      const p = toks[k - 1];
      if (t.t === '.' && p && p.k === 'word' && p.t.length <= 3 && p.cap) {
        // U.S. / U.N. abbreviations
        k--;
        continue;
      }
      if (DETS.has(t.l)) {
        // "a spokesman for the hospital association": keep walking over "for the"
        const j2 = toks[k - 1];
        const w2 = toks[k - 2];
        if (j2 && (j2.l === 'for' || j2.l === 'of' || j2.l === 'at' || j2.l === 'by' || j2.l === 'from') && w2 && w2.k === 'word' && (isNameTok(w2) || ORG_NOUNS.has(w2.l) || ROLE_WORDS.has(w2.l) || PERSON_HEADS.has(w2.l) || /s$/.test(w2.l))) {
          k -= 2;
          continue;
        }
        start = k;
        break;
      }
      if (p && p.k === 'word' && (isNameTok(p) || ORG_NOUNS.has(p.l) || ROLE_WORDS.has(p.l) || (t.t === '.' && p.cap))) {
        k--;
        continue;
      }
      break;
    }
    if (start < 0 && PRONOUNS.has(t.l)) return [k, k];
    break;
  }
  if (start < 0 || content === 0) return null;
  // drop leading joiners and sentence connectives ("But Ryabkov said")
  while (start < j && CONNECTIVES.has(toks[start].l)) start++;
  while (start < j && (toks[start].l === 'of' || toks[start].l === 'and' || toks[start].t === '-' || toks[start].t === '.')) start++;
  if (toks[start - 1] && DETS.has(toks[start - 1].l) && !DETS.has(toks[start].l)) start--;
  return [start, j];
}

/** Noun phrase starting at token i, walking right (for "said X", "according to X"). */
function npRight(toks: Tok[], i: number): [number, number] | null {
  // (1.14) "said one of the observers", "one of the negotiators told Reuters"
  if (/^(one|two|three|some|several|many|most)$/.test(toks[i]?.l ?? '') && toks[i + 1]?.l === 'of' && /^(the|its|their)$/.test(toks[i + 2]?.l ?? '') && toks[i + 3] && !toks[i + 3].cap && (pluralPerson(toks[i + 3].l) || /^(observers|monitors|negotiators|investigators|organisers|organizers|mediators|inspectors|delegates)$/.test(toks[i + 3].l))) return [i, i + 3];
  let k = i;
  let end = -1;
  if (toks[k] && DETS.has(toks[k].l)) k++;
  while (k < toks.length) {
    const t = toks[k];
    if (t.k === 'word' && (isNameTok(t) || ORG_NOUNS.has(t.l) || ROLE_WORDS.has(t.l))) {
      end = k;
      k++;
      continue;
    }
    if (end >= 0 && (NP_JOIN.has(t.l) || t.t === '.' || t.t === '’' || t.t === "'")) {
      const n = toks[k + 1];
      if (t.t === '.' && toks[k - 1]?.t.length <= 2 && toks[k - 1]?.cap && !(n && n.sp && n.cap && toks[k - 1]?.t.length > 1 && false)) {
        // abbreviation dot (U.N.)
        if (n && (n.k === 'word') && (!n.sp || isNameTok(n) || ORG_NOUNS.has(n.l))) {
          k++;
          continue;
        }
        end = k; // include final dot of "U.N."
        break;
      }
      if (n && n.k === 'word' && (isNameTok(n) || ORG_NOUNS.has(n.l) || DETS.has(n.l) || ROLE_WORDS.has(n.l))) {
        k++;
        if (DETS.has(n.l)) k++;
        continue;
      }
      break;
    }
    break;
  }
  if (end < 0) return null;
  return [i, end];
}

/**
 * A looser noun phrase after "figures from" / "data by": "the system", "the property portal Idealista".
 * Determiner + up to five words, ending at punctuation or a function word.
 */
function npLoose(toks: Tok[], i: number): [number, number] | null {
  let k = i;
  if (toks[k] && DETS.has(toks[k].l)) k++;
  let end = -1;
  for (let n = 0; k < toks.length && n < 5; k++, n++) {
    const t = toks[k];
    if (t.k !== 'word' || LOOSE_STOP.has(t.l) || /(ed|ly)$/.test(t.l) && !t.cap) break;
    end = k;
  }
  return end >= 0 ? [i, end] : null;
}
const LOOSE_STOP = new Set(['of', 'in', 'on', 'at', 'for', 'to', 'from', 'by', 'with', 'and', 'or', 'but', 'that', 'which', 'who', 'said', 'says', 'show', 'shows', 'showed', 'published', 'released', 'last', 'this', 'next', 'since', 'as', 'than', 'while', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'will', 'would']);

/** Split "Deputy Foreign Minister Sergei Ryabkov" into role + name. */
function splitRole(toks: Tok[], a: number, b: number, text: string, mem: SpeakerMemory): { speaker: string; role: string | null; person: boolean } {
  const slice = (x: number, y: number) => text.slice(toks[x].s, toks[y].e);
  // name = trailing capitalised non-role, non-org tokens
  let k = b;
  while (k >= a && isNameTok(toks[k]) && !ROLE_WORDS.has(toks[k].l) && !ORG_HEADS.has(toks[k].l) && !ORG_NOUNS.has(toks[k].l)) k--;
  // allow name particles / hyphenated names
  const nameStart = k + 1;
  const nameLen = b - nameStart + 1;
  const hasRoleBefore = k >= a && (ROLE_WORDS.has(toks[k].l) || toks[k].t === '.' && ROLE_WORDS.has(toks[k - 1]?.l + '.'));
  const allCaps = (x: number, y: number) => {
    for (let q = x; q <= y; q++) if (!isNameTok(toks[q])) return false;
    return true;
  };
  if (nameLen >= 1 && nameLen <= 4 && (hasRoleBefore || (nameLen >= 2 && k < a))) {
    // a single capitalised token after an org phrase ("the Kremlin") is not a person
    if (!(nameLen === 1 && !hasRoleBefore) && allCaps(nameStart, b)) {
      let name = slice(nameStart, b);
      let role: string | null = k >= a ? slice(a, k).replace(/^(the|a|an)\s+/i, '') : null;
      if (nameLen === 1) {
        const known = mem.names.get(name.toLowerCase());
        if (known) {
          name = known.speaker;
          role = role ?? known.role;
        }
      }
      return { speaker: name, role, person: true };
    }
  }
  if (a === b && isNameTok(toks[a])) {
    const known = mem.names.get(toks[a].l);
    if (known) return { speaker: known.speaker, role: known.role, person: true };
  }
  // "a senior Russian official", "the spokesman": a singular person noun heads the phrase
  // (a preposition opening the phrase, as in a byline "By Julia Payne and …", is not the end of its head)
  let hb = b;
  for (let q = a + 1; q <= b; q++) if (/^(for|of|at|from|by)$/.test(toks[q].l)) {
    hb = q - 1;
    break;
  }
  const head = toks[hb].l;
  const person = (ROLE_WORDS.has(head) || PERSON_HEADS.has(head)) && !head.endsWith('s');
  return { speaker: slice(a, b), role: null, person };
}

const PERSON_HEADS = new Set(['diplomat', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'source', 'witness', 'resident', 'analyst', 'expert', 'researcher', 'commander', 'officer', 'doctor', 'nurse', 'survivor', 'lawmaker', 'negotiator', 'envoy']);

function appositiveRole(toks: Tok[], a: number, b: number, text: string): string | null {
  if (a > b) return null;
  if (a === b && toks[a].k === 'num') return null; // an age: Zelenskyy, 44, said
  let s = a;
  if (DETS.has(toks[s].l)) s++;
  if (s > b) return null;
  // keep the head of the appositive: up to 8 tokens
  const e = Math.min(b, s + 7);
  return text.slice(toks[s].s, toks[e].e);
}

function isMedia(s: string): boolean {
  const l = s.toLowerCase().replace(/^the /, '');
  return MEDIA.some((m) => l === m || l === m.replace(/^the /, ''));
}

/** Find attributions in one sentence's tokens. */
/**
 * Verbs of a stance rather than of speech: they make an attributed statement when a sentence has no figure ("Russia
 * criticized the format", "the African Union called for a ceasefire", "Outside experts urged caution") but never
 * attribute a figure ("The EU condemned the attack that killed 12 people" does not make the EU the source of 12).
 */
const STANCE = new Set([
  'urged', 'urges', 'urge', 'warned', 'warns', 'warn', 'criticized', 'criticised', 'criticizes', 'criticises', 'criticize',
  'criticise', 'condemned', 'condemns', 'condemn', 'rejected', 'rejects', 'reject', 'dismissed',
  'dismisses', 'welcomed', 'welcomes', 'welcome', 'praised', 'praises', 'demanded', 'demands', 'demand', 'called', 'calls',
  'call', 'threatened', 'threatens', 'threaten', 'vowed', 'vows', 'vow', 'pledged', 'pledges', 'promised', 'promises',
  'accused', 'accuses', 'accuse', 'blamed', 'blames', 'blame', 'defended', 'defends', 'insisted', 'insist', 'questioned',
  'questions', 'disputed', 'disputes', 'dispute', 'appealed', 'appeals', 'declared', 'declares', 'argued', 'argue',
  'maintain', 'believe', 'fear', 'hope', 'expect', 'doubt', 'doubts', 'doubted', 'opposed', 'opposes', 'oppose',
  'backed', 'backs', 'endorsed', 'endorses', 'acknowledged', 'acknowledge', 'admitted', 'admits', 'admit', 'conceded',
  'cautioned', 'cautions', 'predicted', 'predict', 'signaled', 'signalled', 'signals', 'hailed', 'hails', 'slammed',
  'slams', 'lashed', 'decried', 'decries', 'protested', 'stressed', 'stresses', 'reiterated', 'reaffirmed', 'reaffirms',
]);

export function findAttributions(toks: Tok[], text: string, mem: SpeakerMemory, stance = false): FoundAttribution[] {
  const out: FoundAttribution[] = [];
  // (1.14) a sentence that closes a quotation opened in the previous sentence ('They came up the valley," the source
  // said.'): an odd number of straight quotes whose first one follows punctuation starts inside the quotation
  const straight = toks.filter((x) => x.t === '"');
  const firstQ = toks.findIndex((x) => x.t === '"');
  let quote = straight.length % 2 === 1 && firstQ > 0 && /^[,.?!]$/.test(toks[firstQ - 1].t) && toks[0].t !== '"';
  const inQuote: boolean[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t === '“') quote = true;
    else if (t.t === '”') quote = false;
    else if (t.t === '"') quote = !quote;
    inQuote.push(quote);
  }
  const titleCase = isTitleCase(toks);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (inQuote[i] && t.t !== '"' && t.t !== '”') continue;
    if (t.l !== 'according' && notAVerb(toks, i, titleCase)) continue;
    // "called it \"a big win\"", "described Russia as a threat": a characterisation is a stance
    const characterises = (/^(call|calls|called)$/.test(t.l) && /^(it|this|that|them|him|her|the)$/.test(toks[i + 1]?.l ?? '') && toks.slice(i + 2, i + 5).some((x) => /^["“]$/.test(x.t)))
      || (/^(described|describes|branded|brands|labelled|labeled)$/.test(t.l) && toks.slice(i + 1, i + 7).some((x) => x.l === 'as'));
    if (stance && !characterises && !(STANCE.has(t.l) && (!/^(call|calls|called|appealed|appeals|lashed)$/.test(t.l) || /^(for|on|out)$/.test(toks[i + 1]?.l ?? '')))) continue;
    if (t.l === 'according' && toks[i + 1]?.l === 'to') {
      let np = npRight(toks, i + 2);
      if (np && np[0] === np[1] - 0 && GENERIC_SOURCES.has(toks[np[1]].l) && /^(by|from|of)$/.test(toks[np[1] + 1]?.l ?? '')) {
        const more = npRight(toks, np[1] + 2) ?? npLoose(toks, np[1] + 2);
        if (more) np = [np[0], more[1]];
      } else if (np && np[1] === np[0] + 1 && DETS.has(toks[np[0]].l) && GENERIC_SOURCES.has(toks[np[1]].l) && /^(by|from|of)$/.test(toks[np[1] + 1]?.l ?? '')) {
        const more = npRight(toks, np[1] + 2) ?? npLoose(toks, np[1] + 2);
        if (more) np = [np[0], more[1]];
      }
      // "according to early figures from the broker Lockwood Re", "according to a national survey published Wednesday by
      // the nonprofit Brightline Health Foundation": the source named after by/from
      if (!np || GENERIC_SOURCES.has(toks[np[1]].l) || np[1] === np[0]) {
        let q = i + 2;
        if (toks[q] && DETS.has(toks[q].l)) q++;
        for (let adj = 0; adj < 3 && toks[q]?.k === 'word' && !toks[q].cap && !GENERIC_SOURCES.has(toks[q].l) && !LOOSE_STOP.has(toks[q].l); adj++) q++;
        if (toks[q] && (GENERIC_SOURCES.has(toks[q].l) || /^(poll|results|figures|statement|statements)$/.test(toks[q].l))) {
          let r = q + 1;
          // (1.14) "according to a statement from the Haitian National Police", "a tally kept by Japan's defence ministry"
          for (let hops = 0; hops < 5 && r < toks.length && (/^(published|released|compiled|conducted|issued|kept|maintained|out|on|last|this|week|month|today|yesterday)$/.test(toks[r].l) || toks[r].l in WEEKDAYS); hops++) r++;
          if (/^(by|from)$/.test(toks[r]?.l ?? '')) {
            const more = npRight(toks, r + 1) ?? npLoose(toks, r + 1);
            if (more && hasCap(toks, more[0], more[1])) np = more;
          }
        }
      }
      if (!np) {
        // "according to unofficial results", "according to a plea agreement unsealed Thursday", "according to the
        // accounting firm Deloitte"
        const loose = npLoose(toks, i + 2);
        if (loose && toks[loose[1]].k === 'word' && (/s$|ment$|ing$|^(count|tally|data|plan|report|study|survey|poll|filing|complaint|indictment|list|statement|document|estimate)$/.test(toks[loose[1]].l) || isNameTok(toks[loose[1]])) && !/^(the|a|an)$/.test(toks[loose[1]].l)) np = loose;
      }
      // "according to the UN refugee agency, UNHCR", "According to Ukraine's human rights ombudsman, Dmytro Lubinets, …": a
      // description, then the name set off by commas
      if (np && toks[np[1]].k === 'word' && !toks[np[1]].cap && toks[np[1] + 1]?.t === ',') {
        let e = np[1] + 2;
        while (e < toks.length && isNameTok(toks[e]) && e - np[1] < 7) e++;
        if (e > np[1] + 2 && (e >= toks.length || /^[,.;]$/.test(toks[e].t))) {
          const named: [number, number] = [np[1] + 2, e - 1];
          const r = splitRole(toks, named[0], named[1], text, mem);
          out.push({ speaker: r.speaker, role: text.slice(toks[np[0]].s, toks[np[1]].e).replace(/^(the|a|an)\s+/i, ''), person: r.person, verbIdx: i, media: isMedia(r.speaker), s: toks[named[0]].s, e: toks[named[1]].e });
          continue;
        }
      }
      if (np) {
        const r = splitRole(toks, np[0], np[1], text, mem);
        out.push({ ...r, ...aliasOf(r, toks, np, mem), verbIdx: i, media: isMedia(r.speaker), s: toks[np[0]].s, e: toks[np[1]].e });
      }
      continue;
    }
    if (!stance && /^(found|finds|show|shows|showed|suggests|suggested|concluded|concludes)$/.test(t.l)) {
      const st = studySubject(toks, i);
      if (st) {
        out.push({ speaker: text.slice(toks[st[0]].s, toks[st[1]].e), role: null, person: false, verbIdx: i, media: false, s: toks[st[0]].s, e: toks[st[1]].e });
        continue;
      }
      // "A poll by YouGov last month found …", "A report from the Institute for the Study of War shows …": the named source
      const by = studySource(toks, i);
      if (by) {
        const r = splitRole(toks, by[0], by[1], text, mem);
        out.push({ ...r, verbIdx: i, media: isMedia(r.speaker), s: toks[by[0]].s, e: toks[by[1]].e });
        continue;
      }
    }
    let conditional = stance;
    if (!stance && !isSpeechAt(toks, i)) {
      // weak verbs at the end of the sentence or before a comma are fine when the subject is a pronoun or NP right before
      const commaOk = WEAK_SPEECH.has(t.l) && STRONG_SPEECH.has(t.l) && (toks[i - 1]?.t === ',' || (toks[i - 2]?.t === ',' && toks[i - 1] && PRONOUNS.has(toks[i - 1].l)));
      if (!commaOk) {
        // reporting verbs with a named source ("The Pentagon on Monday announced ..."), or any weak verb after he/she/they
        if (!(REPORTING.has(t.l) || (WEAK_SPEECH.has(t.l) && t.l !== 'added' && t.l !== 'adds'))) continue;
        conditional = true;
      }
    }
    // "Zelenskyy thanked Britain and said …": a speech verb coordinated with the clause's first verb shares its subject
    if (!stance && toks[i - 1]?.l === 'and' && /^(said|says|told|tells|added|adds|warned|warns|insisted|insists|stressed|stresses)$/.test(t.l)) {
      const co = coordinatedSubject(toks, i - 1);
      if (co) {
        const r = splitRole(toks, co[0], co[1], text, mem);
        if (r.person || /\p{Lu}/u.test(r.speaker) || hasOrgHead(toks, co[0], co[1])) {
          const ra = aliasOf(r, toks, co, mem);
          out.push({ speaker: ra.speaker, role: ra.role, person: r.person, verbIdx: i, media: isMedia(ra.speaker), s: toks[co[0]].s, e: toks[co[1]].e, coord: true });
        }
        continue;
      }
    }
    // left NP (skip adverbs / time words)
    let j = i - 1;
    while (j >= 0 && (SKIP_LEFT.has(toks[j].l) || toks[j].l in WEEKDAYS)) j--;
    // "Council leader Priya Nair (52) said", "The World Food Programme (WFP) said": skip the parenthesis
    if (j > 1 && toks[j].t === ')') {
      let p = j - 1;
      while (p > 0 && toks[p].t !== '(' && j - p <= 5) p--;
      if (toks[p].t === '(' && p > 0 && toks[p - 1].k === 'word') {
        j = p - 1;
        while (j >= 0 && (SKIP_LEFT.has(toks[j].l) || toks[j].l in WEEKDAYS)) j--;
      }
    }
    // "Sarah Jones, 34, of 12 Elm Road, Leeds, said": skip an age, an address and its town set off by commas
    if (j > 2 && toks[j].t === ',') {
      const segs: Array<[number, number]> = [];
      let e = j;
      for (let n = 0; n < 4; n++) {
        let c = e - 1;
        while (c >= 0 && toks[c].t !== ',' && e - c < 9) c--;
        if (c < 1 || toks[c].t !== ',') break;
        segs.push([c + 1, e - 1]);
        e = c;
      }
      const isAge = ([a, b]: [number, number]) => a === b && toks[a].k === 'num' && (parseFloat(toks[a].t) || 0) < 120;
      const isAddr = ([a, b]: [number, number]) => /^(of|from)$/.test(toks[a].l) && toks.slice(a, b + 1).some((x) => x.k === 'num');
      const isTown = ([a, b]: [number, number]) => b - a <= 1 && toks.slice(a, b + 1).every((x) => isNameTok(x));
      let skip = 0;
      if (segs[0] && isTown(segs[0]) && segs[1] && isAddr(segs[1])) skip = 2;
      else if (segs[0] && isAddr(segs[0])) skip = 1;
      if (skip && segs[skip] && isAge(segs[skip])) skip++;
      else if (!skip && segs[0] && isAge(segs[0]) && !segs[1]) skip = 1;
      if (skip) j = segs[skip - 1][0] - 2;
    }
    // "INE figures show": the name before a generic source noun
    if (j > 0 && GENERIC_SOURCES.has(toks[j].l) && isNameTok(toks[j - 1]) && !DETS.has(toks[j - 1].l)) j--;
    let roleFromAppos: string | null = null;
    if (j >= 0 && toks[j].t === ',') {
      // appositive: "Ryabkov, head of the delegation, repeated"
      let c = j - 1;
      while (c >= 0 && toks[c].t !== ',' && !inQuote[c] && j - c < 30) c--;
      if (c >= 0 && toks[c].t === ',' && j - c > 1) {
        // (1.14) "The far-right Alternative for Germany (AfD), now the largest opposition party, accused": skip the acronym
        let pe = c - 1;
        if (toks[pe]?.t === ')' && toks[pe - 2]?.t === '(' && /^[A-Z][A-Za-z]{1,7}$/.test(toks[pe - 1].t)) pe -= 3;
        const np = npLeft(toks, pe, 0);
        const appos = npLeft(toks, j - 1, c + 1);
        // (1.14) "The ship's operator, Greece-based Aegean Bulk, said": a '-based' modifier before the name
        const basedAt = isNameTok(toks[c + 1]) && toks[c + 2]?.t === '-' && /^(based|headquartered|registered)$/.test(toks[c + 3]?.l ?? '') && c + 4 < j ? c + 4 : -1;
        const based = !!appos && basedAt > 0 && appos[0] <= basedAt;
        const apposPerson = appos && (appos[0] === c + 1 || based) ? splitRole(toks, based ? basedAt : appos[0], appos[1], text, mem) : null;
        const before = np ? splitRole(toks, np[0], np[1], text, mem) : null;
        const beforeIsName = !!before && before.person && /^[A-Z][\w'’.-]+(\s[A-Z][\w'’.-]+)+$/.test(before.speaker);
        // "A doctors' group, the Sudan Doctors Network, said": a generic description, then the organisation's name
        // (1.14) also a possessive description: "The ship's operator, Greece-based Aegean Bulk, said"
        const genericBefore = !!before && !before.person && (/^(a|an)\s/i.test(before.speaker) || /^the\s\p{Ll}+['’]s\s\p{Ll}+$/u.test(before.speaker)) && !hasCap(toks, np![0] + 1, np![1]);
        // "The U.N. agency for Palestinian refugees, UNRWA, estimates": an acronym after a description of the organisation
        const acronymAppos = !!before && !before.person && !!appos && appos[0] === appos[1] && appos[0] === c + 1 && /^[A-Z]{3,}$/.test(toks[appos[0]].t) && /^(the|a|an)\s/i.test(before.speaker) && hasOrgHead(toks, np![0], np![1]);
        if (apposPerson && !apposPerson.person && (genericBefore || acronymAppos || (based && !!before && !before.person)) && /^(the\s)?[A-Z]/.test(apposPerson.speaker) && hasCap(toks, appos![0], appos![1]) && appos![1] === j - 1) {
          const head = toks[np![1]].l;
          const at = { speaker: apposPerson.speaker, role: null };
          if (ALIAS_HEADS.has(head)) mem.aliases.set(head, at);
          out.push({ speaker: apposPerson.speaker, role: text.slice(toks[np![0]].s, toks[np![1]].e).replace(/^(a|an)\s+/i, ''), person: false, verbIdx: i, media: false, s: toks[appos![0]].s, e: toks[appos![1]].e });
          continue;
        }
        if (apposPerson && apposPerson.person && /^\p{Lu}/u.test(apposPerson.speaker) && !beforeIsName) {
          // "A spokesman for the other side, Col. Idris Baig, said": the appositive names the speaker
          const role = apposPerson.role ?? (np ? text.slice(toks[np[0]].s, toks[c - 1].e).replace(/^(a|an|the)\s+/i, '') : null);
          out.push({ speaker: apposPerson.speaker, role, person: true, verbIdx: i, media: false, s: toks[appos![0]].s, e: toks[appos![1]].e });
          continue;
        }
        if (np && np[0] <= np[1] && !(np[0] === np[1] && PRONOUNS.has(toks[np[0]].l))) {
          roleFromAppos = appositiveRole(toks, c + 1, j - 1, text);
          j = pe;
        }
      }
    }
    let np = j >= 0 && toks[j].t !== ',' ? npLeft(toks, j, 0) : null;
    if (conditional) {
      const pron = !!np && np[0] === np[1] && PRONOUNS.has(toks[np[0]].l) && toks[np[0]].l !== 'it';
      const named = !!np && !pron && (REPORTING.has(t.l) || stance) && (hasCap(toks, np[0], np[1]) || hasOrgHead(toks, np[0], np[1]) || (stance && hasOrgNoun(toks, np[0], np[1])));
      if (!pron && !named) {
        // "The survey found that …", "The poll of 4,012 U.S. adults, conducted online …, found that 31% …"
        const st = !stance && /^(found|finds|show|shows|showed|suggests|suggested|concluded|concludes)$/.test(t.l) ? studySubject(toks, i) : null;
        if (st) out.push({ speaker: text.slice(toks[st[0]].s, toks[st[1]].e), role: null, person: false, verbIdx: i, media: false, s: toks[st[0]].s, e: toks[st[1]].e });
        continue;
      }
      if (!np) continue;
      // a stance needs the speaker as the subject of its clause ("the man who criticized" is not one)
      if (stance) {
        const b = toks[np[0] - 1];
        if (b && !(b.k === 'punct' && /^[,;:—–"“”(]$/.test(b.t)) && !/^(and|but|so|yet|meanwhile|however|also|then|now|separately|still)$/.test(b.l)) continue;
      }
    }
    if (np && np[0] === np[1] && PRONOUNS.has(toks[np[0]].l)) {
      const p = toks[np[0]].l;
      const ref = p === 'he' || p === 'she' ? mem.lastPerson : p === 'it' ? (mem.lastAny && !mem.lastPerson?.speaker ? mem.lastAny : mem.lastAny) : mem.lastAny;
      if (ref) {
        out.push({ speaker: ref.speaker, role: ref.role, verbIdx: i, person: p === 'he' || p === 'she', media: false, s: toks[np[0]].s, e: toks[np[0]].e, pronoun: true });
      }
      continue;
    }
    if (np) {
      const first = toks[np[0]];
      if (np[0] === np[1] && NOT_SPEAKER.has(first.l)) np = null;
    }
    // (1.14) "Neither the government nor the ministry responded to requests for comment": no speaker
    if (np && (toks[np[0] - 1]?.l === 'nor' || toks[np[0]]?.l === 'neither')) continue;
    if (!np) {
      // (1.14) a transitive stance or accusation verb takes an object, not an inverted speaker ("…, accused government forces of …")
      if (/^(accus|blam|urg|critici[sz]|condemn|prais|thank|welcom|defend)/.test(t.l)) continue;
      // inverted: "..., said Sergei Ryabkov, deputy foreign minister."
      let r0 = npRight(toks, i + 1);
      // "said chief forecaster Paul Gundersen", "said manager Claire Donnelly": lowercase role words, then the name
      {
        let q = r0 ? r0[1] + 1 : i + 1;
        const q0 = q;
        while (q < toks.length && q - q0 < 3 && toks[q].k === 'word' && !toks[q].cap && !/^(and|of|for|the|a|an|in|at|on|who|that|to|he|she|it|they|was|is)$/.test(toks[q].l)) q++;
        if (q > q0 && isNameTok(toks[q]) && isNameTok(toks[q + 1] ?? toks[q]) && (toks[i - 1]?.t === ',' || toks[i - 1]?.t === '"' || toks[i - 1]?.t === '”')) {
          let e = q;
          while (e + 1 < toks.length && isNameTok(toks[e + 1])) e++;
          if (e > q) {
            out.push({ speaker: text.slice(toks[q].s, toks[e].e), role: text.slice(toks[i + 1].s, toks[q - 1].e), person: true, verbIdx: i, media: false, s: toks[i + 1].s, e: toks[e].e });
            continue;
          }
        }
      }
      if (r0 && (toks[i - 1]?.t === ',' || toks[i - 1]?.t === '"' || toks[i - 1]?.t === '”' || i === 0)) {
        const r = splitRole(toks, r0[0], r0[1], text, mem);
        let role = r.role;
        if (!role && toks[r0[1] + 1]?.t === ',') {
          let e = r0[1] + 2;
          while (e < toks.length && toks[e].t !== ',' && toks[e].t !== '.' && e - r0[1] < 12) e++;
          role = appositiveRole(toks, r0[1] + 2, e - 1, text);
        }
        out.push({ speaker: r.speaker, role, person: r.person, verbIdx: i, media: isMedia(r.speaker), s: toks[r0[0]].s, e: toks[r0[1]].e });
      }
      continue;
    }
    const r = splitRole(toks, np[0], np[1], text, mem);
    if (!r.person && !/\p{Lu}/u.test(r.speaker) && !hasOrgNoun(toks, np[0], np[1]) && !/\b(familiar|briefed|involved|close|aware|knowledge)\b/.test(r.speaker)) continue;
    const ra = aliasOf(r, toks, np, mem);
    out.push({ speaker: ra.speaker, role: ra.role ?? roleFromAppos, person: r.person, verbIdx: i, media: isMedia(ra.speaker), s: toks[np[0]].s, e: toks[np[1]].e });
  }
  for (const a of out) {
    const v = toks[a.verbIdx];
    a.prio = CORE.has(v.l) ? 2 : 1;
    a.whole = v.l === 'according';
    // tail: nothing but time words / a short phrase after the verb, or the speaker phrase comes after a comma
    let k = a.verbIdx + 1;
    let n = 0;
    let figureAfter = false;
    // a date after the verb is not a figure: "…, Unicef said on 14 March 2025."
    const dateNum = (q: number) => toks[q].k === 'num' && (isMonthTok(toks[q - 1]) || isMonthTok(toks[q + 1]) || (toks[q - 1]?.t === '.' && isMonthTok(toks[q - 2])) || (/^(19|20)\d\d$/.test(toks[q].t) && (isMonthTok(toks[q - 1]) || isMonthTok(toks[q - 2]) || toks[q - 1]?.l === 'in')));
    while (k < toks.length) {
      if (toks[k].k === 'num' && !dateNum(k)) figureAfter = true;
      n++;
      k++;
    }
    const afterComma = toks[a.verbIdx - 1]?.t === ',' || toks[a.verbIdx - 1]?.t === '"' || toks[a.verbIdx - 1]?.t === '”';
    const npAfterComma = (() => {
      let q = a.verbIdx - 1;
      while (q >= 0 && toks[q].e > a.s) q--;
      // "…, research firm Canalys estimated, …": lowercase descriptors before the name
      for (let d = 0; d < 3 && q >= 0 && toks[q].k === 'word' && !toks[q].cap; d++) q--;
      return q >= 0 && (toks[q].t === ',' || toks[q].t === '"' || toks[q].t === '”');
    })();
    // the verb closes the sentence or the clause: "..., the commission said on Monday, defeating ..."
    let q2 = a.verbIdx + 1;
    let hops = 0;
    while (q2 < toks.length && hops < 6 && (TIME_FOLLOW.has(toks[q2].l) || isMonthTok(toks[q2]) || dateNum(q2) || (toks[q2].t === '.' && isMonthTok(toks[q2 - 1])) || /^(reporters|journalists|a|an|statement|briefing|interview|news|conference|the|told|him|her|them|us|state|media|television|tv|radio|emailed|written)$/.test(toks[q2].l))) {
      q2++;
      hops++;
    }
    const verbEnds = q2 >= toks.length || /^[,.;:!?"”]$/.test(toks[q2].t);
    // "…, and Russia said it had received the same number", "…, although aid agencies say only a fraction …": a new clause
    // led by a conjunction, with a complement after its verb, speaks only for what follows
    let sp = a.verbIdx - 1;
    while (sp >= 0 && toks[sp].e > a.s) sp--;
    const conjLed = sp >= 1 && /^(and|but|although|though|while|whereas)$/.test(toks[sp].l) && toks[sp - 1].t === ',' && !verbEnds;
    // "…, the commission told state media on Monday, a figure the opposition dismissed", "…, the ministry said in a statement
    // carried by the state news agency": a speaker after a comma with no figure after the verb closes what precedes it
    a.tail = !conjLed && !a.coord && ((verbEnds && (afterComma || npAfterComma || !figureAfter)) || (!figureAfter && n <= 8) || (!figureAfter && (afterComma || npAfterComma)));
  }
  return out;
}

/**
 * The subject of the sentence's first verb when "and <speech verb>" at `and` continues its predicate: "Zelenskyy
 * thanked Britain and said …" → [Zelenskyy]. Null when another clause, a quotation or a second subject intervenes.
 */
function coordinatedSubject(toks: Tok[], and: number): [number, number] | null {
  let a = 0;
  while (a < and && CONNECTIVES.has(toks[a].l) && !toks[a].cap) a++;
  const np = npRight(toks, a);
  if (!np || np[1] >= and - 2) return null;
  if (np[0] === np[1] && PRONOUNS.has(toks[np[0]].l)) return null;
  const v = toks[np[1] + 1];
  // the first verb right after the subject: a lowercase past or present form
  if (!v || v.k !== 'word' || v.cap || !/(ed|s)$/.test(v.l) || /^(is|was|has|as|us|its|this|his)$/.test(v.l)) return null;
  for (let k = np[1] + 2; k < and; k++) {
    const x = toks[k];
    if (/^[,;:"“”(—–]$/.test(x.t) || /^(who|which|that|while|when|because|after|before|but|and|said|says)$/.test(x.l)) return null;
  }
  if (and - np[1] > 10) return null;
  return np;
}

const STUDY_NOUNS = /^(poll|survey|study|report|analysis|research|review|audit|census|paper|trial|investigation|inquiry|assessment)$/;
/** A sentence whose subject is a study: "The survey found …" → [start, noun] of "The survey". */
function studySubject(toks: Tok[], verb: number): [number, number] | null {
  let k = 0;
  while (k < verb && /^(but|and|yet|however|meanwhile|overall)$/.test(toks[k].l)) k += toks[k + 1]?.t === ',' ? 2 : 1;
  if (!toks[k] || !/^(the|a|an|this|that|its|their|our|his|her)$/.test(toks[k].l)) return null;
  let q = k + 1;
  // (1.17) also a capitalised source before the noun: "A UNHCR survey published last month found", "A UNICEF assessment …"
  for (let n = 0; n < 2 && toks[q] && toks[q].k === 'word' && !STUDY_NOUNS.test(toks[q].l); n++) q++;
  if (!toks[q] || !STUDY_NOUNS.test(toks[q].l) || q >= verb) return null;
  // the verb belongs to the study, not to a relative clause ("The report that found …")
  // ("A survey of 1,200 firms by the British Chambers of Commerce found": the source is named)
  for (let x = q + 1; x < verb; x++) {
    if (/^(that|which|who|said|says)$/.test(toks[x].l)) return null;
    const n1 = toks[x + 1];
    if (/^(by|from)$/.test(toks[x].l) && n1 && ((isNameTok(n1) && !(n1.l.replace('.', '') in MONTHS)) || (DETS.has(n1.l) && toks[x + 2] && isNameTok(toks[x + 2])))) return null;
  }
  return [k, q];
}

/** "A poll by YouGov last month found": the source named right after the study noun that is the verb's subject. */
function studySource(toks: Tok[], verb: number): [number, number] | null {
  let k = 0;
  while (k < verb && /^(but|and|yet|however|meanwhile|overall)$/.test(toks[k].l)) k += toks[k + 1]?.t === ',' ? 2 : 1;
  if (!toks[k] || !/^(the|a|an|this|that|its|their|our|his|her|new|latest)$/.test(toks[k].l)) return null;
  let q = k + 1;
  for (let n = 0; n < 2 && toks[q] && toks[q].k === 'word' && !STUDY_NOUNS.test(toks[q].l); n++) q++;
  if (!toks[q] || !STUDY_NOUNS.test(toks[q].l) || !/^(by|from)$/.test(toks[q + 1]?.l ?? '')) return null;
  const np = npRight(toks, q + 2) ?? npLoose(toks, q + 2);
  if (!np || !hasCap(toks, np[0], np[1]) || np[1] >= verb) return null;
  for (let x = np[1] + 1; x < verb; x++) if (/^(that|which|who|said|says|of)$/.test(toks[x].l) || toks[x].k === 'num' && !/^(19|20)\d\d$/.test(toks[x].t)) return null;
  return np;
}

function hasCap(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (isNameTok(toks[k]) && !DETS.has(toks[k].l) && !CONNECTIVES.has(toks[k].l)) return true;
  return false;
}

function hasOrgHead(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (ORG_HEADS.has(toks[k].l)) return true;
  return false;
}

function hasOrgNoun(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if ((ORG_NOUNS.has(toks[k].l) || PERSON_HEADS.has(toks[k].l) || pluralPerson(toks[k].l)) && !DETS.has(toks[k].l)) return true;
  return false;
}

/** Pick the main attribution of a sentence: a non-media speaker first. */
export function mainAttribution(found: FoundAttribution[]): FoundAttribution | null {
  if (found.length === 0) return null;
  return found.find((f) => !f.media) ?? found[0];
}

/** Generic organisation heads that a bare "the <head>" can refer back to; synonyms share an entry. */
const ALIAS_HEADS = new Map<string, string>([
  ['agency', 'agency'], ['organization', 'agency'], ['organisation', 'agency'], ['body', 'agency'], ['programme', 'agency'], ['program', 'agency'],
  ['group', 'group'], ['network', 'group'], ['coalition', 'group'], ['alliance', 'group'], ['association', 'group'], ['federation', 'group'],
  ['charity', 'group'], ['union', 'union'], ['company', 'company'], ['firm', 'company'], ['club', 'club'], ['commission', 'commission'],
  ['ministry', 'ministry'], ['office', 'office'], ['department', 'department'], ['bureau', 'bureau'], ['authority', 'authority'],
  ['council', 'council'], ['committee', 'committee'], ['court', 'court'], ['board', 'board'], ['institute', 'institute'], ['bank', 'bank'],
  ['fund', 'fund'], ['monitor', 'monitor'], ['observatory', 'monitor'], ['mission', 'mission'],
]);

/** "the group said" after "the Sudan Doctors Network" was introduced as a group: the organisation's name. */
function aliasOf(r: { speaker: string; role: string | null; person: boolean }, toks: Tok[], np: [number, number], mem: SpeakerMemory): { speaker: string; role: string | null } {
  if (r.person || np[1] !== np[0] + 1 || toks[np[0]].l !== 'the') return r;
  const key = ALIAS_HEADS.get(toks[np[1]].l);
  const at = key ? mem.aliases.get(key) : undefined;
  return at ? { speaker: at.speaker, role: at.role } : r;
}

/** A named organisation speaker ("the World Health Organization", "the Milwaukee Election Commission") registers its head. */
function noteAlias(mem: SpeakerMemory, at: Attribution): void {
  const words = at.speaker.split(/\s+/);
  if (!words.some((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && /^(The|A|An)$/.test(w)))) return;
  // only the literal head: "the commission" after "the Milwaukee Election Commission"; "the agency" after "the World
  // Food Programme" keeps its own phrase (the corpus convention)
  for (const w of words) {
    const l = w.toLowerCase().replace(/[’']s$/, '');
    if (ALIAS_HEADS.get(l) === l) mem.aliases.set(l, at);
  }
}

export function remember(mem: SpeakerMemory, a: FoundAttribution): void {
  const at = { speaker: a.speaker, role: a.role };
  if (!a.person && !a.pronoun && !a.media) noteAlias(mem, at);
  mem.lastAny = at;
  if (a.person) {
    mem.lastPerson = at;
    const parts = a.speaker.split(/\s+/);
    if (parts.length >= 2) mem.names.set(parts[parts.length - 1].toLowerCase(), at);
  }
}

/** Register full names ("challenger Elin Dahl") so a later surname ("Dahl said") resolves to the person. */
export function noteNames(toks: Tok[], text: string, mem: SpeakerMemory): void {
  for (let i = 0; i < toks.length; i++) {
    if (!isNameTok(toks[i]) || ROLE_WORDS.has(toks[i].l) || ORG_HEADS.has(toks[i].l) || ORG_NOUNS.has(toks[i].l) || CONNECTIVES.has(toks[i].l) || DETS.has(toks[i].l)) continue;
    let k = i;
    while (k < toks.length && isNameTok(toks[k]) && !ROLE_WORDS.has(toks[k].l) && !ORG_HEADS.has(toks[k].l) && !ORG_NOUNS.has(toks[k].l)) k++;
    const len = k - i;
    const prev = toks[i - 1];
    const next = toks[k];
    if (len >= 2 && len <= 3 && !(prev && prev.t === '.' ) && !(next && next.cap) && !(prev && prev.cap)) {
      const surname = toks[k - 1].l;
      if (!mem.names.has(surname)) {
        let role: string | null = null;
        let r = i;
        while (r > 0 && toks[r - 1].k === 'word' && (ROLE_WORDS.has(toks[r - 1].l) || toks[r - 1].cap) && i - r < 5) r--;
        if (r < i) role = text.slice(toks[r].s, toks[i - 1].e);
        mem.names.set(surname, { speaker: text.slice(toks[i].s, toks[k - 1].e), role });
      }
    }
    i = k;
  }
}

/** Remember people introduced with a title ("U.S. Secretary of State Antony Blinken was in Kyiv") for later pronouns. */
export function notePersons(toks: Tok[], text: string, mem: SpeakerMemory): void {
  // a named person as the subject of the sentence: "Council member Raj Patel, 51, voted against it."
  for (let i = 0; i < Math.min(toks.length, 5); i++) {
    if (!isNameTok(toks[i]) || ROLE_WORDS.has(toks[i].l) || ORG_HEADS.has(toks[i].l) || ORG_NOUNS.has(toks[i].l) || CONNECTIVES.has(toks[i].l) || DETS.has(toks[i].l)) continue;
    let k = i;
    while (k < toks.length && isNameTok(toks[k]) && !ROLE_WORDS.has(toks[k].l) && !ORG_HEADS.has(toks[k].l) && !ORG_NOUNS.has(toks[k].l)) k++;
    const next = toks[k];
    // (1.17) a name after a determiner is a place or an organisation ("The United States, previously …, has ended")
    if (i > 0 && /^(the|a|an)$/.test(toks[i - 1].l)) break;
    if (k - i >= 2 && k - i <= 3 && next && (next.t === ',' || (next.k === 'word' && !next.cap))) {
      const known = mem.names.get(toks[k - 1].l);
      mem.lastPerson = known ?? { speaker: text.slice(toks[i].s, toks[k - 1].e), role: i > 0 ? text.slice(toks[0].s, toks[i - 1].e) : null };
    }
    break;
  }
  for (let i = 0; i < toks.length - 2; i++) {
    const t = toks[i];
    if (!(t.cap && ROLE_WORDS.has(t.l))) continue;
    let j = i + 1;
    while (j < toks.length && toks[j].cap && ROLE_WORDS.has(toks[j].l)) j++;
    let k = j;
    while (k < toks.length && isNameTok(toks[k]) && !ROLE_WORDS.has(toks[k].l) && !ORG_HEADS.has(toks[k].l) && !ORG_NOUNS.has(toks[k].l)) k++;
    if (k - j >= 2 && k - j <= 4) {
      let rs = i;
      while (rs > 0 && (toks[rs - 1].cap || toks[rs - 1].t === '.' || toks[rs - 1].l === 'of') && toks[rs - 1].k !== 'num' && i - rs < 5) rs--;
      while (rs < i && (toks[rs].l === 'of' || toks[rs].t === '.' || DETS.has(toks[rs].l))) rs++;
      const at = { speaker: text.slice(toks[j].s, toks[k - 1].e), role: text.slice(toks[rs].s, toks[j - 1].e) };
      mem.lastPerson = at;
      mem.names.set(toks[k - 1].l, at);
      i = k;
    }
  }
}
