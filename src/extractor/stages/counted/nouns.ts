/** What kind of noun a figure counts: troops, people, a crowd. */
import { CIVIL_PERSONNEL_MODS, TROOP_NOUNS } from '../../resources/military.js';
import { CROWD_WORDS, DEMONYM_ENDING, PERSON_NOUNS, ROLE_PERSON_NOUNS } from '../../resources/people.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import { harmOf } from '../outcome/harm.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';

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

/** A noun that names people (troops included) on its own, singular or plural. */
export function isPersonHead(l: string): boolean {
  return PERSON_NOUNS.has(l) || ROLE_PERSON_NOUNS.has(l) || TROOP_NOUNS.has(l) || SINGULAR_ROLES.has(l);
}
const SINGULAR_ROLES = new Set(['officer', 'soldier', 'civilian', 'policeman', 'policewoman', 'man', 'woman', 'boy', 'girl', 'child', 'person']);
/** Nouns the numbers stage may take for the head that are modifiers before a person noun ("2 civilian men"). */
const ATTRIBUTIVE = new Set(['police', 'civilian', 'army', 'military', 'security', 'militia', 'rebel', 'government', 'opposition', 'border']);
/** A lowercase word that is not itself a plural head ("armed", "police"; not "buses"). */
function modifierLike(t: Tok): boolean {
  return !t.cap && (ATTRIBUTIVE.has(t.l) || (!/s$/.test(t.l) && !isPersonHead(t.l)));
}
const NOT_A_MODIFIER = /^(were|was|are|is|have|has|had|who|that|and|or|of|in|on|at|to|from|by|with|for)$/;

export const HEAD_AFTER_MODIFIER = defineRule({
  id: 'counted.head-after-modifier',
  stage: 'counted',
  summary: 'The counted noun is the person noun a few words on: "1 police officer" counts officers, "Fourteen armed tribesmen" tribesmen.',
  examples: {
    fires: ['1 police officer was killed at the gate.', 'Fourteen armed tribesmen were killed near the dam.'],
    doesNotFire: ['1 police car was burned at the gate.', 'Fourteen tribesmen were killed near the dam.'],
  },
});

/** The figure with its head moved to a person noun up to 3 words after the noun the numbers stage took; else itself. */
export function withPersonHead(toks: Tok[], m: Mention): Mention {
  if (!m.noun || m.nounIdx < 0 || m.nounIdx + 1 !== m.te || !modifierLike(toks[m.nounIdx])) return m;
  for (let j = m.nounIdx + 1; j < toks.length && j <= m.nounIdx + 3; j++) {
    const t = toks[j];
    if (t.k !== 'word' || NOT_A_MODIFIER.test(t.l) || harmOf(t.l) || /ing$/.test(t.l)) return m;
    if (isPersonHead(t.l) && when(HEAD_AFTER_MODIFIER, true, m.s, m.e)) {
      return { ...m, noun: t.l, nounIdx: j, te: j + 1 };
    }
  }
  return m;
}
