/** A speaker phrase split into role and name: "Deputy Foreign Minister Sergei Ryabkov" → role + "Sergei Ryabkov". */
import { ROLE_WORDS } from '../../resources/lexicon.js';
import { DETS, HEAD_END_PREPOSITIONS, PERSON_HEADS } from '../../resources/speakers.js';
import type { Tok } from '../tokens/index.js';
import { knownName } from './memory.js';
import { isNameTok, isPlainName } from './tokens.js';
import type { Speaker, SpeakerMemory } from './types.js';

/** Split toks[a..b] into role + name; a single known surname becomes the full name seen earlier. */
export function splitRole(toks: Tok[], a: number, b: number, text: string, mem: SpeakerMemory): Speaker {
  const slice = (x: number, y: number) => text.slice(toks[x].s, toks[y].e);
  // name = trailing capitalised non-role, non-org tokens
  let k = b;
  while (k >= a && isPlainName(toks[k])) k--;
  const nameStart = k + 1;
  const nameLen = b - nameStart + 1;
  const hasRoleBefore = k >= a && (ROLE_WORDS.has(toks[k].l) || (toks[k].t === '.' && ROLE_WORDS.has(toks[k - 1]?.l + '.')));
  // a single capitalised token after an org phrase ("the Kremlin") is not a person
  if (nameLen >= 1 && nameLen <= 4 && (hasRoleBefore || (nameLen >= 2 && k < a)) && !(nameLen === 1 && !hasRoleBefore)) {
    let name = slice(nameStart, b);
    let role: string | null = k >= a ? slice(a, k).replace(/^(the|a|an)\s+/i, '') : null;
    const known = nameLen === 1 ? knownName(mem, name.toLowerCase(), toks[b].s, toks[b].e) : undefined;
    if (known) {
      name = known.speaker;
      role = role ?? known.role;
    }
    return { speaker: name, role, person: true };
  }
  if (a === b && isNameTok(toks[a])) {
    const known = knownName(mem, toks[a].l, toks[a].s, toks[a].e);
    if (known) return { speaker: known.speaker, role: known.role, person: true };
  }
  return { speaker: slice(a, b), role: null, person: personHead(toks, a, b) };
}

/**
 * "a senior Russian official", "the spokesman": a singular person noun heads the phrase (a preposition opening the
 * phrase, as in a byline "By Julia Payne and …", is not the end of its head).
 */
function personHead(toks: Tok[], a: number, b: number): boolean {
  let hb = b;
  for (let q = a + 1; q <= b; q++) {
    if (HEAD_END_PREPOSITIONS.has(toks[q].l)) {
      hb = q - 1;
      break;
    }
  }
  const head = toks[hb].l;
  return (ROLE_WORDS.has(head) || PERSON_HEADS.has(head)) && !head.endsWith('s');
}

/** The role in an appositive ("Ryabkov, head of the delegation, said"): up to 8 tokens, no age, no determiner. */
export function appositiveRole(toks: Tok[], a: number, b: number, text: string): string | null {
  if (a > b) return null;
  if (a === b && toks[a].k === 'num') return null; // an age: Zelenskyy, 44, said
  let s = a;
  if (DETS.has(toks[s].l)) s++;
  if (s > b) return null;
  const e = Math.min(b, s + 7);
  return text.slice(toks[s].s, toks[e].e);
}
