/**
 * The attribution stage's configuration: the rules tried on each candidate verb, in order. The first rule that
 * settles the verb (an attribution, or NONE: no speaker here) ends the search; undefined passes to the next rule.
 * The sub-rules that these call (noun phrases, memory, coverage) are listed after them for reference.
 */
import type { Rule } from '../../pipeline/rule.js';
import { ACCORDING_TO, NAMED_AFTER_DESCRIPTION, SOURCE_BEHIND_OUTPUT } from './according-to.js';
import { APPOSITIVE_ORGANISATION, APPOSITIVE_PERSON } from './appositive.js';
import { COORDINATED_SUBJECT } from './coordinated.js';
import { CLOSING_ATTRIBUTION } from './coverage.js';
import { SKIP_AGE_AND_ADDRESS, SKIP_PARENTHESIS } from './left-context.js';
import { ORGANISATION_ALIAS, SURNAME_MEMORY } from './memory.js';
import { MEDIA_RANKING } from './ranking.js';
import { FAMILIAR_SOURCE, GROUP_IN_PLACE, STATE_MEDIA } from './noun-phrases.js';
import { APPOSITIVE_ROLE, NEITHER_NOR, PRONOUN_SPEAKER, REPORTING_VERB_NAMED_SOURCE, SAID_AFTER } from './said-after.js';
import { SAID_BEFORE, SAID_BEFORE_ROLE_NAME, STANCE_OBJECT } from './said-before.js';
import { STUDY_SOURCE, STUDY_SUBJECT } from './study.js';
import type { Decision, VerbSite } from './types.js';
import { SPEECH_CONTEXT, STANCE_PASS, VERB_SPELLING_IS_NOUN } from './verbs.js';

export type VerbRule = Rule<(site: VerbSite) => Decision>;

/** Tried in this order on every candidate verb of a sentence. */
export const VERB_RULES: readonly VerbRule[] = [
  ACCORDING_TO,
  STUDY_SUBJECT,
  STUDY_SOURCE,
  SPEECH_CONTEXT,
  COORDINATED_SUBJECT,
  APPOSITIVE_ORGANISATION,
  APPOSITIVE_PERSON,
  REPORTING_VERB_NAMED_SOURCE,
  PRONOUN_SPEAKER,
  NEITHER_NOR,
  STANCE_OBJECT,
  SAID_BEFORE_ROLE_NAME,
  SAID_BEFORE,
  SAID_AFTER,
];

/** Rules the verb rules call on the way (recorded with when()), and the sentence-level ones. */
export const SUB_RULES = [
  VERB_SPELLING_IS_NOUN, STANCE_PASS, SOURCE_BEHIND_OUTPUT, NAMED_AFTER_DESCRIPTION, SKIP_PARENTHESIS, SKIP_AGE_AND_ADDRESS,
  FAMILIAR_SOURCE, STATE_MEDIA, GROUP_IN_PLACE, SURNAME_MEMORY, ORGANISATION_ALIAS, APPOSITIVE_ROLE, CLOSING_ATTRIBUTION,
  MEDIA_RANKING,
] as const;
