/** Token tests of the attribution stage. Every lookup tolerates an index past either end (undefined). */
import { MEDIA, ORG_NOUNS, ROLE_WORDS } from '../../resources/lexicon.js';
import { MONTHS, WEEKDAYS } from '../../resources/calendar.js';
import { CONNECTIVES, DETS, ORG_HEADS, PERSON_HEADS, ROLE_MODIFIERS } from '../../resources/speakers.js';
import type { Tok } from '../tokens/index.js';

/** The lowercase word at i, or '' past either end. */
export function low(toks: Tok[], i: number): string {
  return toks[i]?.l ?? '';
}

/** (1.17) Arabic name particles glued to a capitalised name: "Ahmed al-Mansouri", "Abdel Fattah el-Sisi". */
const NAME_PARTICLE = /^(al|el|bin|ibn|abu)-\p{Lu}/u;

export function isNameTok(t: Tok | undefined): boolean {
  return !!t && t.k === 'word' && (t.cap || NAME_PARTICLE.test(t.t)) && !(t.l in MONTHS && t.l.length > 3) && !(t.l in WEEKDAYS);
}

export function isMonthTok(t: Tok | undefined): boolean {
  return !!t && t.k === 'word' && t.l in MONTHS && (t.cap || t.l.length > 3);
}

/** A weekday name ("monday"). */
export function isWeekday(l: string): boolean {
  return l in WEEKDAYS;
}

/** A token that can be part of a name: capitalised, an organisation noun or a title. */
export function isNameOrTitle(t: Tok): boolean {
  return isNameTok(t) || ORG_NOUNS.has(t.l) || ROLE_WORDS.has(t.l);
}

/** A token that is not a title, an organisation head or noun: part of a person's name. */
export function isPlainName(t: Tok | undefined): boolean {
  return isNameTok(t) && !ROLE_WORDS.has(t!.l) && !ORG_HEADS.has(t!.l) && !ORG_NOUNS.has(t!.l);
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

/** "commanders", "governors", "witnesses": plurals of person and role nouns. */
export function pluralPerson(l: string): boolean {
  if (!l.endsWith('s') || l.length < 5) return false;
  const a = l.slice(0, -1);
  const b = l.endsWith('es') ? l.slice(0, -2) : a;
  return (ROLE_WORDS.has(a) && !ROLE_MODIFIERS.has(a)) || PERSON_HEADS.has(a) || PERSON_HEADS.has(b);
}

/** A capitalised name in toks[a..b] (not a determiner or connective). */
export function hasCap(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (isNameTok(toks[k]) && !DETS.has(toks[k].l) && !CONNECTIVES.has(toks[k].l)) return true;
  return false;
}

export function hasOrgHead(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (ORG_HEADS.has(low(toks, k))) return true;
  return false;
}

/** An organisation noun or a person noun in toks[a..b]: "the hospital", "medics". */
export function hasOrgNoun(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const l = low(toks, k);
    if ((ORG_NOUNS.has(l) || PERSON_HEADS.has(l) || pluralPerson(l)) && !DETS.has(l)) return true;
  }
  return false;
}

export function isMedia(s: string): boolean {
  const l = s.toLowerCase().replace(/^the /, '');
  return MEDIA.some((m) => l === m || l === m.replace(/^the /, ''));
}

/** A comma or closing quote: what sets off a closing "…, X said". */
export function isCommaOrCloseQuote(t: Tok | undefined): boolean {
  return !!t && (t.t === ',' || t.t === '"' || t.t === '”');
}

/** Per token: inside a quotation. (1.14) A sentence that closes a quotation opened before starts inside it. */
export function quoteMask(toks: Tok[]): boolean[] {
  const straight = toks.filter((x) => x.t === '"');
  const firstQ = toks.findIndex((x) => x.t === '"');
  let quote = straight.length % 2 === 1 && firstQ > 0 && /^[,.?!]$/.test(toks[firstQ - 1].t) && toks[0].t !== '"';
  const inQuote: boolean[] = [];
  for (const t of toks) {
    if (t.t === '“') quote = true;
    else if (t.t === '”') quote = false;
    else if (t.t === '"') quote = !quote;
    inQuote.push(quote);
  }
  return inQuote;
}
