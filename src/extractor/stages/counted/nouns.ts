/** What kind of noun a figure counts: troops, people, a crowd. */
import { CIVIL_PERSONNEL_MODS, TROOP_NOUNS } from '../../resources/military.js';
import { CROWD_WORDS, DEMONYM_ENDING, PERSON_NOUNS, ROLE_PERSON_NOUNS } from '../../resources/people.js';
import type { Mention } from '../numbers/numbers.js';
import type { Tok } from '../segmentation/text.js';

export function isTroopNoun(m: Mention): boolean {
  const n = m.noun;
  if (!n) return false;
  // "medical personnel", "embassy staff" are not troops
  if (n === 'personnel' || n === 'staff') return !m.nounMods.some((x) => CIVIL_PERSONNEL_MODS.has(x));
  if (n === 'forces') return true;
  if (n === 'members' && m.nounMods.includes('service')) return true;
  if (n === 'boots') return false;
  return TROOP_NOUNS.has(n);
}

export function isPersonNoun(toks: Tok[], m: Mention): boolean {
  const n = m.noun;
  if (!n) return false;
  if (PERSON_NOUNS.has(n) || ROLE_PERSON_NOUNS.has(n)) return true;
  // demonyms: "Ukrainians", "Syrians", "Afghans"
  const t = toks[m.nounIdx];
  return !!t && t.cap && DEMONYM_ENDING.test(n);
}

/** "a crowd of 31,442", "put the crowd at 45,000": the figure counts people. */
export function crowdLeft(toks: Tok[], m: Mention): boolean {
  let j = m.ts - 1;
  if (!toks[j] || !/^(at|of|was|were|as)$/.test(toks[j].l)) return false;
  j--;
  return !!toks[j] && CROWD_WORDS.has(toks[j].l);
}
