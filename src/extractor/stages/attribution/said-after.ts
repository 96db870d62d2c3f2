/**
 * The speaker before the verb: "The ministry said", "Deputy Mayor Tomas Vell told reporters", "he said" (resolved to
 * the last speaker), and the gate for weak and reporting verbs ("The Coast Guard reported 12 rescues").
 */
import { REPORTING_VERBS } from '../../resources/speech-verbs.js';
import { ANONYMOUS_WORDING, CLAUSE_OPENERS, PRONOUNS } from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import { leftSubject, speakerLeft } from './left-context.js';
import { aliasOf, pronounReferent } from './memory.js';
import { splitRole } from './roles.js';
import { hasCap, hasOrgHead, hasOrgNoun, isMedia, low } from './tokens.js';
import { NONE, type Decision, type VerbSite } from './types.js';

export const REPORTING_VERB_NAMED_SOURCE = defineRule({
  id: 'attribution.reporting-verb-named-source',
  stage: 'attribution',
  summary: 'A reporting verb without a speech context attributes only to a named subject or a pronoun: "The Coast Guard reported 12 rescues".',
  examples: {
    fires: ['The Coast Guard reported 12 rescues on the lake.'],
    doesNotFire: ['The Coast Guard said 12 people were rescued on the lake.', 'The boats reported 12 rescues on the lake.'],
  },
  apply: reportingVerbNamedSource,
});

export const PRONOUN_SPEAKER = defineRule({
  id: 'attribution.pronoun',
  stage: 'attribution',
  summary: '"he/she said" is the last person quoted or introduced; "they/it/we said" the last speaker.',
  examples: {
    fires: ['Mayor Ivar Lunde spoke on Friday. He said 30 cranes would be replaced.'],
    doesNotFire: ['Mayor Ivar Lunde said 30 cranes would be replaced.'],
  },
  apply: pronounSpeaker,
});

export const NEITHER_NOR = defineRule({
  id: 'attribution.neither-nor',
  stage: 'attribution',
  summary: '"Neither the club nor the league responded": a negated subject is no speaker.',
  examples: {
    fires: ['Neither the club nor the ministry said how many of the 300 fans were banned.'],
    doesNotFire: ['The ministry said how many of the 300 fans were banned.'],
  },
  apply: neitherNor,
});

export const SAID_AFTER = defineRule({
  id: 'attribution.said-after',
  stage: 'attribution',
  summary: 'The named person or organisation before a speech verb is the speaker: "The ferry operator said", "Mayor Ines Castro told reporters".',
  examples: {
    fires: ['The ferry operator said 40 crossings were cancelled.', 'Mayor Ines Castro told reporters 200 beds were ready.'],
    doesNotFire: ['Some said 40 crossings were cancelled.', '"Forty crossings were cancelled," said the operator\'s notice board.'],
  },
  apply: saidAfter,
});

export const APPOSITIVE_ROLE = defineRule({
  id: 'attribution.appositive-role',
  stage: 'attribution',
  summary: 'An appositive after the speaker is the role: "Hanne Moe, head of the port, said".',
  examples: {
    fires: ['Hanne Moe, head of the port, said 12 ships were turned away.'],
    doesNotFire: ['Port head Hanne Moe said 12 ships were turned away.'],
  },
});

/**
 * Rule unit (gate): a weak or reporting verb without a speech context ("conditional") needs a pronoun or a named
 * subject; a stance's subject must open its clause ("the man who criticized" is not one). NONE settles the verb.
 */
export function reportingVerbNamedSource(site: VerbSite): Decision {
  if (!site.conditional) return undefined;
  const { toks, i, stance } = site;
  const { np } = leftSubject(site);
  if (!np) return NONE;
  const pron = np[0] === np[1] && PRONOUNS.has(toks[np[0]].l) && toks[np[0]].l !== 'it';
  const named = !pron && (REPORTING_VERBS.has(toks[i].l) || stance) && (hasCap(toks, np[0], np[1]) || hasOrgHead(toks, np[0], np[1]) || (stance && hasOrgNoun(toks, np[0], np[1])));
  if (!pron && !named) return NONE;
  if (stance) {
    const b = toks[np[0] - 1];
    if (b && !(b.k === 'punct' && /^[,;:—–"“”(]$/.test(b.t)) && !CLAUSE_OPENERS.has(b.l)) return NONE;
  }
  if (named) when(REPORTING_VERB_NAMED_SOURCE, true, toks[np[0]].s, toks[i].e);
  return undefined;
}

/** Rule unit: "he said", "they told reporters": the remembered speaker (NONE when there is none yet). */
export function pronounSpeaker(site: VerbSite): Decision {
  const { toks, mem, i } = site;
  const { np } = leftSubject(site);
  if (!np || np[0] !== np[1] || !PRONOUNS.has(toks[np[0]].l)) return undefined;
  const p = toks[np[0]].l;
  const ref = pronounReferent(mem, p);
  if (!ref) return NONE;
  return { speaker: ref.speaker, role: ref.role, verbIdx: i, person: p === 'he' || p === 'she', media: false, s: toks[np[0]].s, e: toks[np[0]].e, pronoun: true };
}

/** Rule unit: (1.14) "Neither the government nor the ministry responded to requests for comment": no speaker. */
export function neitherNor(site: VerbSite): Decision {
  const np = speakerLeft(site, leftSubject(site).np);
  if (!np) return undefined;
  const { toks, i } = site;
  return when(NEITHER_NOR, low(toks, np[0] - 1) === 'nor' || low(toks, np[0]) === 'neither', toks[np[0]].s, toks[i].e) ? NONE : undefined;
}

/** Rule unit: the subject phrase before the verb, split into role and name (NONE when it is no speaker). */
export function saidAfter(site: VerbSite): Decision {
  const { toks, text, mem, i } = site;
  const { np: subject, roleFromAppos } = leftSubject(site);
  const np = speakerLeft(site, subject);
  if (!np) return undefined;
  const r = splitRole(toks, np[0], np[1], text, mem);
  if (!r.person && !/\p{Lu}/u.test(r.speaker) && !hasOrgNoun(toks, np[0], np[1]) && !ANONYMOUS_WORDING.test(r.speaker)) return NONE;
  const ra = aliasOf(r, toks, np, mem);
  const role = ra.role ?? (when(APPOSITIVE_ROLE, roleFromAppos !== null, toks[np[0]].s, toks[i].e) ? roleFromAppos : null);
  return { speaker: ra.speaker, role, person: r.person, verbIdx: i, media: isMedia(ra.speaker), s: toks[np[0]].s, e: toks[np[1]].e };
}
