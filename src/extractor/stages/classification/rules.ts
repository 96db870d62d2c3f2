/**
 * The classification's configuration: what decides a figure's category and unit, in the order tried. The first rule
 * that answers wins; a figure no rule answers for is quantity_other counted in its own noun (or in nothing).
 */
import { CROWD_SIZE, STRONG_GROUP, VAGUE_PEOPLE } from '../counted/crowds.js';
import { IMPLIED_UNIT, INHERITED_NOUN, MEASURE, MOVER_SUBJECT, PEOPLE_UNIT, TROOP_CONTEXT, TROOPS } from '../counted/units.js';
import {
  ATTACHED_HARM, HARM_MODIFIER, HARM_NOUN, MISSING_PEOPLE, PART_OF_HARM_FIGURE, SHARED_HARM, STATE_OF_BARE_FIGURE,
  TALLY_CONTEXT, TALLY_CONTEXT_PEOPLE,
} from '../outcome/figure.js';
import { BASELINE_UNIT, MONEY, PERCENTAGE } from './kinds.js';

export const CLASSIFY_RULES = [
  MONEY,
  PERCENTAGE,
  CROWD_SIZE,
  STRONG_GROUP,
  // what happened to the people counted outranks what they are ("2,000 soldiers were wounded" is casualties)
  PART_OF_HARM_FIGURE,
  HARM_NOUN,
  HARM_MODIFIER,
  ATTACHED_HARM,
  SHARED_HARM,
  TROOPS,
  // a bare figure: its unit is named elsewhere
  STATE_OF_BARE_FIGURE,
  TROOP_CONTEXT,
  TALLY_CONTEXT,
  MEASURE,
  IMPLIED_UNIT,
  BASELINE_UNIT,
  MOVER_SUBJECT,
  VAGUE_PEOPLE,
  INHERITED_NOUN,
  // a person figure
  MISSING_PEOPLE,
  TALLY_CONTEXT_PEOPLE,
  PEOPLE_UNIT,
] as const;
