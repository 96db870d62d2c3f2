/**
 * Attribution: who says it. "X said", "said X", "X told reporters", "according to X", "X estimated",
 * with the speaker's role split off ("Deputy Foreign Minister Sergei Ryabkov") and pronouns resolved
 * to the previous speaker ("he told reporters").
 */
import { MEDIA, MONTHS, ORG_NOUNS, ROLE_WORDS, STRONG_SPEECH, WEAK_SPEECH, WEEKDAYS } from './lexicon.js';
import type { Tok } from './text.js';
import type { Attribution } from './types.js';

export interface FoundAttribution extends Attribution {
  /** token index of the verb (or "according") */
  verbIdx: number;
  person: boolean;
  media: boolean;
  /** start/end char offsets of the speaker phrase */
  s: number;
  e: number;
}

export interface SpeakerMemory {
  lastPerson: Attribution | null;
  lastAny: Attribution | null;
  /** full names seen: surname (lowercase) -> attribution */
  names: Map<string, Attribution>;
}

export function newMemory(): SpeakerMemory {
  return { lastPerson: null, lastAny: null, names: new Map() };
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
const SKIP_LEFT = new Set(['also', 'later', 'earlier', 'previously', 'has', 'have', 'had', 'recently', 'repeatedly', 'separately', 'publicly', 'again', 'further', 'then', 'once', 'had', 'last', 'week', 'on', 'yesterday', 'today', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'previously', 'privately', 'reportedly', 'initially', 'already', 'now', 'has', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'not', 'had', 'officially', 'late', 'this']);
const CONNECTIVES = new Set(['but', 'and', 'so', 'yet', 'meanwhile', 'however', 'still', 'also', 'in', 'on', 'at', 'then', 'now', 'as', 'while', 'when', 'after', 'before', 'if', 'because', 'although', 'though', 'separately', 'later', 'earlier', 'today', 'yesterday']);
const NP_JOIN = new Set(['of', 'for', 'the', 'and', "'s", '’s', 'at', 'on', '-', '.', '&']);
const DETS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
const NOT_SPEAKER = new Set([
  'i', 'you', 'this', 'that', 'which', 'who', 'what', 'there', 'data', 'the', 'a', 'an', 'study', 'report', 'analysis',
  'it', 'one', 'some', 'many', 'most', 'others', 'all',
]);
const ORG_HEADS = new Set([
  'ministry', 'agency', 'department', 'office', 'service', 'commission', 'council', 'committee', 'organization',
  'organisation', 'group', 'military', 'army', 'navy', 'police', 'government', 'house', 'kremlin', 'pentagon',
  'press', 'bank', 'fund', 'nations', 'union', 'court', 'board', 'center', 'centre', 'institute', 'bureau', 'forces',
  'command', 'administration', 'authority', 'authorities', 'officials', 'company', 'corporation', 'inc', 'times',
  'post', 'news', 'party', 'parliament', 'congress', 'senate', 'assembly', 'alliance', 'nato', 'un', 'who', 'imf',
  'coalition', 'association', 'federation', 'foundation', 'network', 'guard', 'corps', 'embassy', 'mission',
  'cabinet', 'secretariat', 'presidency', 'unicef', 'unhcr', 'statistics', 'census', 'monitor', 'observatory',
]);

function isSpeechAt(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!STRONG_SPEECH.has(t.l)) return false;
  if (!WEAK_SPEECH.has(t.l)) return true;
  // weak verbs need a speech context after them
  const n = toks[i + 1];
  if (!n) return true;
  if (n.l === 'that' || n.t === ',' || n.t === '.' || n.t === '"' || n.t === '“' || n.t === ':' || n.t === ';') return true;
  if (n.l === 'in' && toks[i + 2]?.l === 'a' && /statement|report|post|tweet|interview|briefing/.test(toks[i + 3]?.l ?? '')) return true;
  if (n.l === 'on' && (toks[i + 2]?.l ?? '') in WEEKDAYS) return true;
  if (n.l in WEEKDAYS) return true;
  if (n.l === 'the' && (toks[i + 2]?.l === 'death' || toks[i + 2]?.l === 'toll' || toks[i + 2]?.l === 'number')) return true;
  // "..., he added." with the verb at the end or preceded by a comma + NP
  return false;
}

function isNameTok(t: Tok): boolean {
  return t.k === 'word' && t.cap && !(t.l in MONTHS && t.l.length > 3) && !(t.l in WEEKDAYS);
}

/** Noun phrase ending at token index j (inclusive), walking left. */
function npLeft(toks: Tok[], j: number, lo: number): [number, number] | null {
  let k = j;
  let start = -1;
  let content = 0;
  while (k >= lo) {
    const t = toks[k];
    if (t.k === 'word' && (isNameTok(t) || ORG_NOUNS.has(t.l) || ROLE_WORDS.has(t.l))) {
      start = k;
      content++;
      k--;
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
  const head = toks[b].l;
  const person = (ROLE_WORDS.has(head) || PERSON_HEADS.has(head)) && !head.endsWith('s');
  return { speaker: slice(a, b), role: null, person };
}

const PERSON_HEADS = new Set(['diplomat', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'source', 'witness', 'resident', 'analyst', 'expert', 'researcher', 'commander', 'officer', 'doctor', 'nurse', 'survivor', 'lawmaker', 'negotiator', 'envoy']);

function appositiveRole(toks: Tok[], a: number, b: number, text: string): string | null {
  if (a > b) return null;
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
export function findAttributions(toks: Tok[], text: string, mem: SpeakerMemory): FoundAttribution[] {
  const out: FoundAttribution[] = [];
  let quote = false;
  const inQuote: boolean[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t === '“') quote = true;
    else if (t.t === '”') quote = false;
    else if (t.t === '"') quote = !quote;
    inQuote.push(quote);
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (inQuote[i] && t.t !== '"' && t.t !== '”') continue;
    if (t.l === 'according' && toks[i + 1]?.l === 'to') {
      const np = npRight(toks, i + 2);
      if (np) {
        const r = splitRole(toks, np[0], np[1], text, mem);
        out.push({ ...r, verbIdx: i, media: isMedia(r.speaker), s: toks[np[0]].s, e: toks[np[1]].e });
      }
      continue;
    }
    if (!isSpeechAt(toks, i)) {
      // weak verbs at the end of the sentence or before a comma are fine when the subject is a pronoun or NP right before
      if (!(WEAK_SPEECH.has(t.l) && STRONG_SPEECH.has(t.l) && (toks[i - 1]?.t === ',' || (toks[i - 2]?.t === ',' && toks[i - 1] && PRONOUNS.has(toks[i - 1].l))))) continue;
    }
    // left NP (skip adverbs / time words)
    let j = i - 1;
    while (j >= 0 && (SKIP_LEFT.has(toks[j].l) || toks[j].l in WEEKDAYS)) j--;
    let roleFromAppos: string | null = null;
    if (j >= 0 && toks[j].t === ',') {
      // appositive: "Ryabkov, head of the delegation, repeated"
      let c = j - 1;
      while (c >= 0 && toks[c].t !== ',' && !inQuote[c] && j - c < 30) c--;
      if (c >= 0 && toks[c].t === ',' && j - c > 1) {
        const np = npLeft(toks, c - 1, 0);
        if (np && np[0] <= np[1] && !(np[0] === np[1] && PRONOUNS.has(toks[np[0]].l))) {
          roleFromAppos = appositiveRole(toks, c + 1, j - 1, text);
          j = c - 1;
        }
      }
    }
    let np = j >= 0 && toks[j].t !== ',' ? npLeft(toks, j, 0) : null;
    if (np && np[0] === np[1] && PRONOUNS.has(toks[np[0]].l)) {
      const p = toks[np[0]].l;
      const ref = p === 'he' || p === 'she' ? mem.lastPerson : p === 'it' ? (mem.lastAny && !mem.lastPerson?.speaker ? mem.lastAny : mem.lastAny) : mem.lastAny;
      if (ref) {
        out.push({ speaker: ref.speaker, role: ref.role, verbIdx: i, person: p === 'he' || p === 'she', media: false, s: toks[np[0]].s, e: toks[np[0]].e });
      }
      continue;
    }
    if (np) {
      const first = toks[np[0]];
      if (np[0] === np[1] && NOT_SPEAKER.has(first.l)) np = null;
    }
    if (!np) {
      // inverted: "..., said Sergei Ryabkov, deputy foreign minister."
      const r0 = npRight(toks, i + 1);
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
    if (!r.person && !/[A-Z]/.test(r.speaker) && !hasOrgNoun(toks, np[0], np[1])) continue;
    out.push({ speaker: r.speaker, role: r.role ?? roleFromAppos, person: r.person, verbIdx: i, media: isMedia(r.speaker), s: toks[np[0]].s, e: toks[np[1]].e });
  }
  return out;
}

function hasOrgNoun(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (ORG_NOUNS.has(toks[k].l) && !DETS.has(toks[k].l)) return true;
  return false;
}

/** Pick the main attribution of a sentence: a non-media speaker first. */
export function mainAttribution(found: FoundAttribution[]): FoundAttribution | null {
  if (found.length === 0) return null;
  return found.find((f) => !f.media) ?? found[0];
}

export function remember(mem: SpeakerMemory, a: FoundAttribution): void {
  const at = { speaker: a.speaker, role: a.role };
  mem.lastAny = at;
  if (a.person) {
    mem.lastPerson = at;
    const parts = a.speaker.split(/\s+/);
    if (parts.length >= 2) mem.names.set(parts[parts.length - 1].toLowerCase(), at);
  }
}

/** Remember people introduced with a title ("U.S. Secretary of State Antony Blinken was in Kyiv") for later pronouns. */
export function notePersons(toks: Tok[], text: string, mem: SpeakerMemory): void {
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
