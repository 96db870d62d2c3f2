/**
 * What the stage remembers across an article's sentences: the last speaker (for "he said"), full names (for a later
 * "Dahl said"), and the heads of named organisations (for "the group said").
 */
import { ROLE_WORDS } from '../../resources/lexicon.js';
import { ALIAS_HEADS, ARTICLES, CONNECTIVES, DETS } from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { Attribution } from '../../types.js';
import type { Tok } from '../tokens/index.js';
import { isPlainName } from './tokens.js';
import type { FoundAttribution, Speaker, Span, SpeakerMemory } from './types.js';

export const SURNAME_MEMORY = defineRule({
  id: 'attribution.surname-memory',
  stage: 'attribution',
  summary: 'A surname alone is the full name seen earlier in the article: "Finance Minister Ola Brenne …. Brenne said …".',
  examples: {
    fires: ['Finance Minister Ola Brenne visited the port on Monday. Brenne said 300 jobs would go.'],
    doesNotFire: ['Finance Minister Ola Brenne visited the port on Monday. Haldor said 300 jobs would go.'],
  },
});

export const ORGANISATION_ALIAS = defineRule({
  id: 'attribution.organisation-alias',
  stage: 'attribution',
  summary: 'A bare "the group", "the agency" is the named organisation with that head seen earlier: "the Riverside Tenants Union … the union said".',
  examples: {
    fires: ['The Riverside Tenants Union said rents rose last year. The union said 400 families were evicted.'],
    doesNotFire: ['The Riverside Tenants Union said rents rose last year. The council said 400 families were evicted.'],
  },
});

export function newMemory(): SpeakerMemory {
  return { lastPerson: null, lastAny: null, names: new Map(), aliases: new Map() };
}

/** The full name and role remembered for a surname, or undefined. */
export function knownName(mem: SpeakerMemory, surname: string, s: number, e: number): Attribution | undefined {
  const known = mem.names.get(surname);
  return when(SURNAME_MEMORY, !!known, s, e) ? known : undefined;
}

/** "the group said" after "the Sudan Doctors Network" was introduced as a group: the organisation's name. */
export function aliasOf(r: Speaker, toks: Tok[], np: Span, mem: SpeakerMemory): { speaker: string; role: string | null } {
  if (r.person || np[1] !== np[0] + 1 || toks[np[0]].l !== 'the') return r;
  const key = ALIAS_HEADS.get(toks[np[1]].l);
  const at = key ? mem.aliases.get(key) : undefined;
  return at && when(ORGANISATION_ALIAS, true, toks[np[0]].s, toks[np[1]].e) ? { speaker: at.speaker, role: at.role } : r;
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

/** The speaker "he"/"she" (the last person) or "they"/"it"/"we" (the last speaker) stands for. */
export function pronounReferent(mem: SpeakerMemory, pronoun: string): Attribution | null {
  return pronoun === 'he' || pronoun === 'she' ? mem.lastPerson : mem.lastAny;
}

/** A capitalised word that can open a person's name (not a title, organisation word, connective or determiner). */
function opensName(t: Tok): boolean {
  return isPlainName(t) && !CONNECTIVES.has(t.l) && !DETS.has(t.l);
}

/** End (exclusive) of the run of name words from i. */
function nameRunEnd(toks: Tok[], i: number): number {
  let k = i;
  while (k < toks.length && isPlainName(toks[k])) k++;
  return k;
}

/** Register full names ("challenger Elin Dahl") so a later surname ("Dahl said") resolves to the person. */
export function noteNames(toks: Tok[], text: string, mem: SpeakerMemory): void {
  for (let i = 0; i < toks.length; i++) {
    if (!opensName(toks[i])) continue;
    const k = nameRunEnd(toks, i);
    const len = k - i;
    const prev = toks[i - 1];
    const next = toks[k];
    if (len >= 2 && len <= 3 && !(prev && prev.t === '.') && !(next && next.cap) && !(prev && prev.cap)) {
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
  noteSubjectPerson(toks, text, mem);
  for (let i = 0; i < toks.length - 2; i++) {
    const t = toks[i];
    if (!(t.cap && ROLE_WORDS.has(t.l))) continue;
    let j = i + 1;
    while (j < toks.length && toks[j].cap && ROLE_WORDS.has(toks[j].l)) j++;
    const k = nameRunEnd(toks, j);
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

/** A named person as the subject of the sentence: "Council member Raj Patel, 51, voted against it." */
function noteSubjectPerson(toks: Tok[], text: string, mem: SpeakerMemory): void {
  for (let i = 0; i < Math.min(toks.length, 5); i++) {
    if (!opensName(toks[i])) continue;
    const k = nameRunEnd(toks, i);
    const next = toks[k];
    // (1.17) a name after a determiner is a place or an organisation ("The United States, previously …, has ended")
    if (i > 0 && ARTICLES.has(toks[i - 1].l)) return;
    if (k - i >= 2 && k - i <= 3 && next && (next.t === ',' || (next.k === 'word' && !next.cap))) {
      const known = mem.names.get(toks[k - 1].l);
      mem.lastPerson = known ?? { speaker: text.slice(toks[i].s, toks[k - 1].e), role: i > 0 ? text.slice(toks[0].s, toks[i - 1].e) : null };
    }
    return;
  }
}

