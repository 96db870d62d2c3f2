/** The outcome stage's configuration: its rules in the order they are tried at each token. */
import {
  CROSSED_INTO, DRIVEN_FROM_HOMES, FORCED_OUT, HARM_VERB_AFTER, LEFT_THEIR_HOMES, LOST_THEIR_LIVES,
  MOVED_TO_SHELTER_AFTER, SHELTERING, SOUGHT_REFUGE, SUFFERED_INJURIES, TO_DEATH,
} from './after.js';
import { DEATH_OF, HARM_VERB_BEFORE, LOSSES_IN_PEOPLE, LOST_PEOPLE, MOVED_TO_SHELTER } from './before.js';
import { APPOSITIVE_BREAKDOWN, APPOSITIVE_PART, APPOSITIVE_SHARE, INCLUDING_PHRASE, PLACE_AFTER_NOUN, VIOLENT_VERB_AND } from './skips.js';

/** Tried at each token walking left from the figure (through qualifiers and articles). */
export const BEFORE_FIGURE = [LOST_PEOPLE, LOSSES_IN_PEOPLE, HARM_VERB_BEFORE, MOVED_TO_SHELTER, DEATH_OF] as const;

/** Tried at each token walking right, before anything else: what the walk may jump over. */
export const SKIPS_AFTER_FIGURE = [
  APPOSITIVE_SHARE, APPOSITIVE_BREAKDOWN, APPOSITIVE_PART, INCLUDING_PHRASE, PLACE_AFTER_NOUN, VIOLENT_VERB_AND,
] as const;

/** Tried at each token walking right from the figure (through auxiliaries). */
export const AFTER_FIGURE = [
  HARM_VERB_AFTER, LOST_THEIR_LIVES, SUFFERED_INJURIES, FORCED_OUT, DRIVEN_FROM_HOMES, LEFT_THEIR_HOMES, SHELTERING,
  SOUGHT_REFUGE, CROSSED_INTO, MOVED_TO_SHELTER_AFTER, TO_DEATH,
] as const;
