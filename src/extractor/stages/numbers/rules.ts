/**
 * The number mentions stage, in order. A sentence's tokens are read left to right (mentions.ts): tallies are skipped,
 * names are skipped, range words are tried, then AMOUNT_PARSERS at the token (the first that recognises its form
 * decides), the NOT_A_QUANTITY filters on the number found, a range after it, and the refiners of the mention.
 */
import type { AmountParser } from './amount-forms.js';
import { CENTS, DEGREES, GLUED_MEASURE, GLUED_TEMPERATURE, ONE_IN_N, PLAIN_NUMBER, RATE_PER } from './amount-forms.js';
import * as notQuantities from './not-quantities.js';
import type { NotAQuantityRule } from './not-quantities.js';
import { FRACTION, NEGATIVE } from './shares.js';
import { SEVERAL_SCALE, VAGUE_PLURAL } from './vague.js';

/** Number forms, tried in this order at each token. */
export const AMOUNT_PARSERS: readonly AmountParser[] = [
  NEGATIVE, FRACTION, VAGUE_PLURAL, SEVERAL_SCALE, GLUED_TEMPERATURE, GLUED_MEASURE, ONE_IN_N, RATE_PER, CENTS, DEGREES, PLAIN_NUMBER,
];

/** "Not a quantity": any one of these excludes the number. */
export const NOT_A_QUANTITY: readonly NotAQuantityRule[] = [
  notQuantities.GLUED_TO_WORD, notQuantities.AFTER_SYMBOL, notQuantities.CLOCK_OR_SLASH,
  notQuantities.PHONE_NUMBER, notQuantities.LEADING_ZERO, notQuantities.DIGIT_GROUP_SEQUENCE, notQuantities.SCHOOL_YEAR,
  notQuantities.SEASON_SECOND_YEAR, notQuantities.PHONE_LINE, notQuantities.STREET_ADDRESS, notQuantities.AGE,
  notQuantities.PARENTHESISED_NUMERAL, notQuantities.UPDATE_MARKER, notQuantities.IDENTIFIER_PREFIX, notQuantities.TIME_OF_DAY,
  notQuantities.DAY_OF_MONTH, notQuantities.YEAR,
  notQuantities.COMPOUND_ADJECTIVE, notQuantities.FREQUENCY,
];
