/** A study, poll or report as the source: "The survey found …", "A poll by Northpoint last month found …". */
import { MONTHS } from '../../resources/calendar.js';
import { FINDING_VERBS } from '../../resources/speech-verbs.js';
import { BY_FROM, DETS, RELATIVES_AND_SAID, STUDY_DETS, STUDY_NOUNS, STUDY_OPENERS, STUDY_SOURCE_DETS } from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import type { Tok } from '../tokens/index.js';
import { npLoose, npRight } from './noun-phrases.js';
import { splitRole } from './roles.js';
import { hasCap, isMedia, isNameTok, low } from './tokens.js';
import type { Decision, Span, VerbSite } from './types.js';

export const STUDY_SUBJECT = defineRule({
  id: 'attribution.study-subject',
  stage: 'attribution',
  summary: 'A study that is the subject of "found/shows/suggests" is the source: "The survey found 31% of tenants …".',
  examples: {
    fires: ['The survey found that 31% of tenants had moved twice.'],
    doesNotFire: ['The inspectors found 31 tenants in the building.', 'The report that found 31% of tenants had moved was withdrawn.'],
  },
  apply: studySubjectRule,
});

export const STUDY_SOURCE = defineRule({
  id: 'attribution.study-source',
  stage: 'attribution',
  summary: 'The named author of a study that "found/shows" is the source: "A poll by Northpoint last month found 54% …".',
  examples: {
    fires: ['A poll by Northpoint last month found 54% of voters backed the plan.'],
    doesNotFire: ['A poll last month found 54% of voters backed the plan.'],
  },
  apply: studySourceRule,
});

/** Index after openers like "But", "Overall," that may precede a study's determiner. */
function afterOpeners(toks: Tok[], verb: number): number {
  let k = 0;
  while (k < verb && STUDY_OPENERS.has(toks[k].l)) k += toks[k + 1]?.t === ',' ? 2 : 1;
  return k;
}

/** Index of the study noun after the determiner at k (up to two words between), or -1. */
function studyNounAfter(toks: Tok[], k: number): number {
  let q = k + 1;
  // (1.17) also a capitalised source before the noun: "A UNHCR survey published last month found", "A UNICEF assessment …"
  for (let n = 0; n < 2 && toks[q] && toks[q].k === 'word' && !STUDY_NOUNS.has(toks[q].l); n++) q++;
  return toks[q] && STUDY_NOUNS.has(toks[q].l) ? q : -1;
}

/** A sentence whose subject is a study: "The survey found …" → [start, noun] of "The survey". */
function studySubject(toks: Tok[], verb: number): Span | null {
  const k = afterOpeners(toks, verb);
  if (!toks[k] || !STUDY_DETS.has(toks[k].l)) return null;
  const q = studyNounAfter(toks, k);
  if (q < 0 || q >= verb) return null;
  // the verb belongs to the study, not to a relative clause ("The report that found …"), and the study's source is
  // not named ("A survey of 1,200 firms by the British Chambers of Commerce found")
  for (let x = q + 1; x < verb; x++) {
    if (RELATIVES_AND_SAID.has(toks[x].l)) return null;
    const n1 = toks[x + 1];
    if (BY_FROM.has(toks[x].l) && n1 && ((isNameTok(n1) && !(n1.l.replace('.', '') in MONTHS)) || (DETS.has(n1.l) && isNameTok(toks[x + 2])))) return null;
  }
  return [k, q];
}

/** "A poll by YouGov last month found": the source named right after the study noun that is the verb's subject. */
function studySource(toks: Tok[], verb: number): Span | null {
  const k = afterOpeners(toks, verb);
  if (!toks[k] || !STUDY_SOURCE_DETS.has(toks[k].l)) return null;
  const q = studyNounAfter(toks, k);
  if (q < 0 || !BY_FROM.has(low(toks, q + 1))) return null;
  const np = npRight(toks, q + 2) ?? npLoose(toks, q + 2);
  if (!np || !hasCap(toks, np[0], np[1]) || np[1] >= verb) return null;
  for (let x = np[1] + 1; x < verb; x++) {
    if (RELATIVES_AND_SAID.has(toks[x].l) || toks[x].l === 'of' || (toks[x].k === 'num' && !/^(19|20)\d\d$/.test(toks[x].t))) return null;
  }
  return np;
}

/** Rule unit: the study itself as the subject of a finding verb. */
export function studySubjectRule(site: VerbSite): Decision {
  const { toks, text, i } = site;
  if (site.stance || !FINDING_VERBS.has(toks[i].l)) return undefined;
  const st = studySubject(toks, i);
  if (!st) return undefined;
  return { speaker: text.slice(toks[st[0]].s, toks[st[1]].e), role: null, person: false, verbIdx: i, media: false, s: toks[st[0]].s, e: toks[st[1]].e };
}

/** Rule unit: the named author of the study that is the subject of a finding verb. */
export function studySourceRule(site: VerbSite): Decision {
  const { toks, text, mem, i } = site;
  if (site.stance || !FINDING_VERBS.has(toks[i].l)) return undefined;
  const by = studySource(toks, i);
  if (!by) return undefined;
  const r = splitRole(toks, by[0], by[1], text, mem);
  return { ...r, verbIdx: i, media: isMedia(r.speaker), s: toks[by[0]].s, e: toks[by[1]].e };
}
