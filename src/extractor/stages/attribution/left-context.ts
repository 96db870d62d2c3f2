/**
 * What stands left of a verb: the subject phrase after skipping adverbs and time words ("the ministry on Monday said"),
 * a parenthesis ("Priya Nair (52) said"), an age and an address set off by commas, and an appositive between commas
 * ("Ryabkov, head of the delegation, said"). Computed once per verb and shared by the rules that read it.
 */
import { ADDRESS_PREPOSITIONS, BASED_MODIFIERS, DETS, GENERIC_SOURCES, NOT_SPEAKER, PRONOUNS, SKIP_LEFT } from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { Tok } from '../tokens/index.js';
import { npLeft } from './noun-phrases.js';
import { appositiveRole, splitRole } from './roles.js';
import { hasCap, hasOrgHead, isNameTok, isWeekday, low } from './tokens.js';
import type { Speaker, Span, VerbSite } from './types.js';

export const SKIP_PARENTHESIS = defineRule({
  id: 'attribution.skip-parenthesis',
  stage: 'attribution',
  summary: 'A parenthesis between the speaker and the verb is skipped: "Council leader Mira Holt (52) said", "the Regional Water Board (RWB) said".',
  examples: {
    fires: ['Council leader Mira Holt (52) said 40 homes were lost.'],
    doesNotFire: ['Council leader Mira Holt said 40 homes were lost.'],
  },
});

export const SKIP_AGE_AND_ADDRESS = defineRule({
  id: 'attribution.skip-age-and-address',
  stage: 'attribution',
  summary: 'An age and an address set off by commas are skipped: "Tom Brekke, 61, of 4 Mill Lane, Dunmore, said".',
  examples: {
    fires: ['Tom Brekke, 61, of 4 Mill Lane, Dunmore, said the rent rose by 20 percent.'],
    doesNotFire: ['Tom Brekke said the rent rose by 20 percent.'],
  },
});

/** An appositive between commas left of the verb: "<before>, <appos>, said". */
export interface Appositive {
  /** the comma that opens it */
  c: number;
  /** last token of the phrase before it (after an acronym in parentheses) */
  pe: number;
  np: Span | null;
  appos: Span | null;
  /** the appositive read as a speaker (when it starts the appositive, or after a "-based" modifier) */
  apposSpeaker: Speaker | null;
  before: Speaker | null;
  based: boolean;
}

export interface LeftContext {
  /** last token of the subject phrase (before skipped words), -1 if none */
  j: number;
  appositive: Appositive | null;
  /** memo of leftSubject */
  subject?: { np: Span | null; roleFromAppos: string | null };
}

function skipAdverbs(toks: Tok[], j: number): number {
  while (j >= 0 && (SKIP_LEFT.has(toks[j].l) || isWeekday(toks[j].l))) j--;
  return j;
}

/** The left context of the site's verb (memoised on the site). */
export function leftContext(site: VerbSite): LeftContext {
  if (site.left) return site.left as LeftContext;
  const { toks } = site;
  let j = skipAdverbs(toks, site.i - 1);
  // "Council leader Priya Nair (52) said", "The World Food Programme (WFP) said": skip the parenthesis
  if (j > 1 && toks[j].t === ')') {
    let p = j - 1;
    while (p > 0 && toks[p].t !== '(' && j - p <= 5) p--;
    if (toks[p].t === '(' && p > 0 && toks[p - 1].k === 'word' && when(SKIP_PARENTHESIS, true, toks[p].s, toks[j].e)) j = skipAdverbs(toks, p - 1);
  }
  if (j > 2 && toks[j].t === ',') j = skipAgeAndAddress(toks, j);
  // "INE figures show": the name before a generic source noun
  if (j > 0 && GENERIC_SOURCES.has(toks[j].l) && isNameTok(toks[j - 1]) && !DETS.has(toks[j - 1].l)) j--;
  const left: LeftContext = { j, appositive: j >= 0 && toks[j].t === ',' ? appositiveAt(site, j) : null };
  site.left = left;
  return left;
}

/** "Sarah Jones, 34, of 12 Elm Road, Leeds, said": the comma before the speaker's name, or j unchanged. */
function skipAgeAndAddress(toks: Tok[], j: number): number {
  const segs: Span[] = [];
  let e = j;
  for (let n = 0; n < 4; n++) {
    let c = e - 1;
    while (c >= 0 && toks[c].t !== ',' && e - c < 9) c--;
    if (c < 1 || toks[c].t !== ',') break;
    segs.push([c + 1, e - 1]);
    e = c;
  }
  const isAge = ([a, b]: Span) => a === b && toks[a].k === 'num' && (parseFloat(toks[a].t) || 0) < 120;
  const isAddr = ([a, b]: Span) => ADDRESS_PREPOSITIONS.has(toks[a].l) && toks.slice(a, b + 1).some((x) => x.k === 'num');
  const isTown = ([a, b]: Span) => b - a <= 1 && toks.slice(a, b + 1).every((x) => isNameTok(x));
  let skip = 0;
  if (segs[0] && isTown(segs[0]) && segs[1] && isAddr(segs[1])) skip = 2;
  else if (segs[0] && isAddr(segs[0])) skip = 1;
  if (skip && segs[skip] && isAge(segs[skip])) skip++;
  else if (!skip && segs[0] && isAge(segs[0]) && !segs[1]) skip = 1;
  if (!skip || !when(SKIP_AGE_AND_ADDRESS, true, toks[segs[skip - 1][0]].s, toks[j].e)) return j;
  return segs[skip - 1][0] - 2;
}

/** The appositive that ends at the comma j: "Ryabkov, head of the delegation, said". */
function appositiveAt(site: VerbSite, j: number): Appositive | null {
  const { toks, text, mem, inQuote } = site;
  let c = j - 1;
  while (c >= 0 && toks[c].t !== ',' && !inQuote[c] && j - c < 30) c--;
  if (!(c >= 0 && toks[c].t === ',' && j - c > 1)) return null;
  // (1.14) "The far-right Alternative for Germany (AfD), now the largest opposition party, accused": skip the acronym
  let pe = c - 1;
  if (toks[pe]?.t === ')' && toks[pe - 2]?.t === '(' && /^[A-Z][A-Za-z]{1,7}$/.test(toks[pe - 1].t)) pe -= 3;
  const np = npLeft(toks, pe, 0);
  const appos = npLeft(toks, j - 1, c + 1);
  // (1.14) "The ship's operator, Greece-based Aegean Bulk, said": a '-based' modifier before the name
  const basedAt = isNameTok(toks[c + 1]) && toks[c + 2]?.t === '-' && BASED_MODIFIERS.has(low(toks, c + 3)) && c + 4 < j ? c + 4 : -1;
  const based = !!appos && basedAt > 0 && appos[0] <= basedAt;
  const apposSpeaker = appos && (appos[0] === c + 1 || based) ? splitRole(toks, based ? basedAt : appos[0], appos[1], text, mem) : null;
  const before = np ? splitRole(toks, np[0], np[1], text, mem) : null;
  return { c, pe, np, appos, apposSpeaker, before, based };
}

/** "A doctors' group, the Sudan Doctors Network, said": a description before, the organisation's name in the appositive. */
export function appositiveNamesOrganisation(toks: Tok[], ap: Appositive, j: number): boolean {
  const { np, appos, apposSpeaker, before, based } = ap;
  if (!apposSpeaker || apposSpeaker.person || !before || before.person || !np || !appos) return false;
  // (1.14) also a possessive description: "The ship's operator, Greece-based Aegean Bulk, said"
  const genericBefore = (/^(a|an)\s/i.test(before.speaker) || /^the\s\p{Ll}+['’]s\s\p{Ll}+$/u.test(before.speaker)) && !hasCap(toks, np[0] + 1, np[1]);
  // "The U.N. agency for Palestinian refugees, UNRWA, estimates": an acronym after a description of the organisation
  const acronymAppos = appos[0] === appos[1] && appos[0] === ap.c + 1 && /^[A-Z]{3,}$/.test(toks[appos[0]].t) && /^(the|a|an)\s/i.test(before.speaker) && hasOrgHead(toks, np[0], np[1]);
  return (genericBefore || acronymAppos || based) && /^(the\s)?[A-Z]/.test(apposSpeaker.speaker) && hasCap(toks, appos[0], appos[1]) && appos[1] === j - 1;
}

/** "A spokesman for the other side, Col. Idris Baig, said": the appositive names the speaker (unless a name came before). */
export function appositiveNamesPerson(ap: Appositive): boolean {
  const { apposSpeaker, before } = ap;
  const beforeIsName = !!before && before.person && /^[A-Z][\w'’.-]+(\s[A-Z][\w'’.-]+)+$/.test(before.speaker);
  return !!apposSpeaker && apposSpeaker.person && /^\p{Lu}/u.test(apposSpeaker.speaker) && !beforeIsName;
}

/** The subject phrase left of the verb, with the role an appositive gave it ("Ryabkov, head of the delegation, said"). */
export function leftSubject(site: VerbSite): { np: Span | null; roleFromAppos: string | null } {
  const { toks, text } = site;
  const left = leftContext(site);
  if (left.subject) return left.subject;
  const ap = left.appositive;
  let j = left.j;
  let roleFromAppos: string | null = null;
  if (ap && ap.np && ap.np[0] <= ap.np[1] && !(ap.np[0] === ap.np[1] && PRONOUNS.has(toks[ap.np[0]].l))) {
    roleFromAppos = appositiveRole(toks, ap.c + 1, j - 1, text);
    j = ap.pe;
  }
  left.subject = { np: j >= 0 && toks[j].t !== ',' ? npLeft(toks, j, 0) : null, roleFromAppos };
  return left.subject;
}

/** The subject as a speaker: a single word that is never one ("This said", "Some say") is none. */
export function speakerLeft(site: VerbSite, np: Span | null): Span | null {
  return np && np[0] === np[1] && NOT_SPEAKER.has(site.toks[np[0]].l) ? null : np;
}
