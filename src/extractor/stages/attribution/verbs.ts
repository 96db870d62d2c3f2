/** Is this token a speech verb here? Spellings that are nouns, weak verbs without a speech context, stance verbs. */
import {
  CALL_VERBS, CHARACTERISE_VERBS, CLAIM_TO_VERBS, CONTINUATION_VERBS, CORE_SPEECH, FINDING_VERBS, PARTICLE_STANCE_VERBS,
  PUT_AT_VERBS, REPORTING_VERBS, SPEECH_NOUN_SPELLINGS, SPEECH_NOUNS_AS_OBJECT, SPEECH_VERBS, STANCE_PARTICLES, STANCE_VERBS,
  WEAK_SPEECH,
} from '../../resources/speech-verbs.js';
import { CALLED_OBJECTS, NOUN_DETS, NOUN_FOLLOWERS, OBJECT_PREPOSITIONS, PRONOUNS, SPEECH_VENUE, TIME_FOLLOW, TOLL_NOUNS } from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { Tok } from '../tokens/index.js';
import { isWeekday, low } from './tokens.js';
import { NONE, type Decision, type VerbSite } from './types.js';

/** Every spelling some attribution rule may take as its verb ("according" aside): other tokens are skipped at once. */
export const CANDIDATE_VERBS = new Set([
  ...SPEECH_VERBS, 'claim', ...REPORTING_VERBS, ...WEAK_SPEECH, ...FINDING_VERBS, ...STANCE_VERBS, ...CALL_VERBS, ...CHARACTERISE_VERBS,
]);

/**
 * A speech-verb spelling that is a noun or part of a name here: "Neither claim could be verified" (a determiner
 * before it), "the United States." (capitalised inside a sentence that is not in title case).
 */
export function notAVerb(toks: Tok[], i: number, titleCase: boolean): boolean {
  const t = toks[i];
  if (!t) return false;
  if (NOUN_DETS.has(low(toks, i - 1)) && SPEECH_NOUN_SPELLINGS.has(t.l)) return true;
  if (t.cap && i > 0 && !titleCase && !/^["“‘'(—–-]$/.test(toks[i - 1].t)) return true;
  // "declined to comment on the Lithuanian estimate.": the object of a preposition, ending the sentence, is a noun
  if (SPEECH_NOUNS_AS_OBJECT.has(t.l) && (!toks[i + 1] || /^[.,;!?)"”]$/.test(toks[i + 1].t)) && objectOfPreposition(toks, i)) return true;
  // "Foreign demand is part of the picture", "the warning was ignored": a noun before a verb
  return !CORE_SPEECH.has(t.l) && NOUN_FOLLOWERS.has(low(toks, i + 1)) && i > 0 && toks[i - 1].k === 'word' && !PRONOUNS.has(toks[i - 1].l);
}

/** A determiner (or possessive) within three tokens before i, itself after a preposition: "on the Lithuanian estimate". */
function objectOfPreposition(toks: Tok[], i: number): boolean {
  for (let d = i - 1; d >= Math.max(1, i - 3); d--) {
    if (NOUN_DETS.has(toks[d].l) || /['’]s$/.test(toks[d].l)) return OBJECT_PREPOSITIONS.has(low(toks, d - 1));
  }
  return false;
}

/** A speech verb in a speech context: strong verbs anywhere, weak ones before that/punctuation/a time/a venue. */
export function isSpeechAt(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!t || (!SPEECH_VERBS.has(t.l) && t.l !== 'claim')) return false;
  if (!WEAK_SPEECH.has(t.l)) return true;
  const n = toks[i + 1];
  if (!n) return true;
  if (n.l === 'that' || n.t === ',' || n.t === '.' || n.t === '"' || n.t === '“' || n.t === ':' || n.t === ';') return true;
  if (n.l === 'in' && low(toks, i + 2) === 'a' && SPEECH_VENUE.test(low(toks, i + 3))) return true;
  if (n.l === 'on' && isWeekday(low(toks, i + 2))) return true;
  if (isWeekday(n.l) || TIME_FOLLOW.has(n.l)) return true;
  if (CLAIM_TO_VERBS.has(t.l) && n.l === 'to') return true;
  if (PUT_AT_VERBS.has(t.l) && toks.slice(i + 1, i + 6).some((x) => x.l === 'at')) return true;
  return n.l === 'the' && TOLL_NOUNS.has(low(toks, i + 2));
}

/**
 * Whether a verb can attribute at all: a speech verb in context attributes outright (false); a weak or reporting verb
 * without one only to a pronoun or a named subject (true, "conditional"); anything else not at all (null).
 */
export function conditionalSpeech(toks: Tok[], i: number): boolean | null {
  if (isSpeechAt(toks, i)) return false;
  const l = low(toks, i);
  // weak verbs at the end of the sentence or before a comma are fine when the subject is a pronoun or NP right before
  const commaOk = WEAK_SPEECH.has(l) && SPEECH_VERBS.has(l) && (toks[i - 1]?.t === ',' || (toks[i - 2]?.t === ',' && PRONOUNS.has(low(toks, i - 1))));
  if (commaOk) return false;
  // reporting verbs with a named source ("The Pentagon on Monday announced ..."), or any weak verb after he/she/they
  return REPORTING_VERBS.has(l) || (WEAK_SPEECH.has(l) && !CONTINUATION_VERBS.has(l)) ? true : null;
}

/** "called it \"a big win\"", "described Russia as a threat": a characterisation is a stance. */
export function characterises(toks: Tok[], i: number): boolean {
  const l = low(toks, i);
  return (CALL_VERBS.has(l) && CALLED_OBJECTS.has(low(toks, i + 1)) && toks.slice(i + 2, i + 5).some((x) => /^["“]$/.test(x.t)))
    || (CHARACTERISE_VERBS.has(l) && toks.slice(i + 1, i + 7).some((x) => x.l === 'as'));
}

/** A stance verb ("criticized", "called for", "lashed out"): the verbs of the second pass over a sentence without figures. */
export function isStanceVerb(toks: Tok[], i: number): boolean {
  const l = low(toks, i);
  return STANCE_VERBS.has(l) && (!PARTICLE_STANCE_VERBS.has(l) || STANCE_PARTICLES.has(low(toks, i + 1)));
}

export const VERB_SPELLING_IS_NOUN = defineRule({
  id: 'attribution.verb-spelling-is-noun',
  stage: 'attribution',
  summary: 'A speech-verb spelling after a determiner, before a verb or as a preposition\'s object is a noun: "Neither claim could be verified".',
  examples: {
    fires: ['Neither claim could be verified, and 40 people remain missing.'],
    doesNotFire: ['The group claims 40 people remain missing.'],
  },
});

export const SPEECH_CONTEXT = defineRule({
  id: 'attribution.speech-verb-in-context',
  stage: 'attribution',
  summary: 'A weak or reporting verb without a speech context after it ("reported 40 cases") attributes only to a pronoun or a named subject; other verbs not at all.',
  examples: {
    fires: ['The clinic reported 40 new cases on the island.'],
    doesNotFire: ['The clinic said 40 new cases were found on the island.'],
  },
  apply: speechContext,
});

/** Rule unit (gate): sets the site's `conditional`, or settles a verb that cannot attribute here (NONE). */
function speechContext(site: VerbSite): Decision {
  if (site.stance) {
    site.conditional = true;
    return undefined;
  }
  const c = conditionalSpeech(site.toks, site.i);
  const t = site.toks[site.i];
  if (!when(SPEECH_CONTEXT, c !== false, t.s, t.e)) return undefined;
  if (c === null) return NONE;
  site.conditional = true;
  return undefined;
}

export const STANCE_PASS = defineRule({
  id: 'attribution.stance-without-speech-verb',
  stage: 'attribution',
  summary: 'In a sentence without figures, a stance verb makes an attributed statement: "The council criticized the timetable".',
  examples: {
    fires: ['The Harbour Council criticized the new ferry timetable.'],
    doesNotFire: ['The Harbour Council discussed the new ferry timetable.'],
  },
});
