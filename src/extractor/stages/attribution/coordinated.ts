/** "Zelenskyy thanked Britain and said …": a speech verb coordinated with the clause's first verb shares its subject. */
import { COORDINATED_SPEECH } from '../../resources/speech-verbs.js';
import { CONNECTIVES, COORDINATION_BREAKS, NOT_FIRST_VERB, PRONOUNS } from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import type { Tok } from '../tokens/index.js';
import { aliasOf } from './memory.js';
import { npRight } from './noun-phrases.js';
import { splitRole } from './roles.js';
import { hasOrgHead, isMedia, low } from './tokens.js';
import { NONE, type Decision, type Span, type VerbSite } from './types.js';

export const COORDINATED_SUBJECT = defineRule({
  id: 'attribution.coordinated-subject',
  stage: 'attribution',
  summary: '"X <verb>ed … and said …": the second verb shares the subject of the first and speaks for what follows.',
  examples: {
    fires: ['Mayor Ines Castro visited the shelter and said 200 beds were ready.'],
    doesNotFire: ['Mayor Ines Castro visited the shelter, which staff said had 200 beds.'],
  },
  apply: coordinatedSubjectRule,
});

/**
 * The subject of the sentence's first verb when "and <speech verb>" at `and` continues its predicate. Null when
 * another clause, a quotation or a second subject intervenes.
 */
function coordinatedSubject(toks: Tok[], and: number): Span | null {
  let a = 0;
  while (a < and && CONNECTIVES.has(toks[a].l) && !toks[a].cap) a++;
  const np = npRight(toks, a);
  if (!np || np[1] >= and - 2) return null;
  if (np[0] === np[1] && PRONOUNS.has(toks[np[0]].l)) return null;
  const v = toks[np[1] + 1];
  // the first verb right after the subject: a lowercase past or present form
  if (!v || v.k !== 'word' || v.cap || !/(ed|s)$/.test(v.l) || NOT_FIRST_VERB.has(v.l)) return null;
  for (let k = np[1] + 2; k < and; k++) {
    const x = toks[k];
    if (/^[,;:"“”(—–]$/.test(x.t) || COORDINATION_BREAKS.has(x.l)) return null;
  }
  return and - np[1] > 10 ? null : np;
}

/** Rule unit: settles "and <speech verb>" when the clause's subject carries over (NONE when that subject is no speaker). */
export function coordinatedSubjectRule(site: VerbSite): Decision {
  const { toks, text, mem, i } = site;
  if (site.stance || low(toks, i - 1) !== 'and' || !COORDINATED_SPEECH.has(toks[i].l)) return undefined;
  const co = coordinatedSubject(toks, i - 1);
  if (!co) return undefined;
  const r = splitRole(toks, co[0], co[1], text, mem);
  if (!(r.person || /\p{Lu}/u.test(r.speaker) || hasOrgHead(toks, co[0], co[1]))) return NONE;
  const ra = aliasOf(r, toks, co, mem);
  return { speaker: ra.speaker, role: ra.role, person: r.person, verbIdx: i, media: isMedia(ra.speaker), s: toks[co[0]].s, e: toks[co[1]].e, coord: true };
}
