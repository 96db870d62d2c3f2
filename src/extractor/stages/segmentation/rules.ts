/**
 * The segmentation stage's configuration: the order in which the splitter's rules are asked about a stop, and the
 * order in which the boilerplate filters are tried on a sentence.
 */
import {
  ABBREVIATION_BEFORE_NUMBER,
  DOTTED_ABBREVIATION,
  DOTTED_ABBREVIATION_BEFORE_OPENER,
  INITIAL,
  LOWERCASE_GOES_ON,
  TITLE_ABBREVIATION,
  type BoundaryRule,
} from './boundaries.js';
import {
  BYLINE,
  COPYRIGHT_NOTICE,
  ERROR_BANNER,
  NAVIGATION_LINK,
  PAGE_STAMP,
  PICTURE_CREDIT,
  READING_TIME,
  SIGN_UP_PROMPT,
  WIDGET_COUNTER,
  WIDGET_LABEL,
  type BoilerplateRule,
} from './boilerplate.js';

/** Asked in order at each stop followed by a space; the first opinion wins, none means the sentence ends. */
export const BOUNDARY_RULES: readonly BoundaryRule[] = [
  LOWERCASE_GOES_ON,
  TITLE_ABBREVIATION,
  ABBREVIATION_BEFORE_NUMBER,
  INITIAL,
  DOTTED_ABBREVIATION_BEFORE_OPENER,
  DOTTED_ABBREVIATION,
];

/** Tried in order on each sentence; the first that matches drops it. */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  ERROR_BANNER,
  WIDGET_LABEL,
  BYLINE,
  NAVIGATION_LINK,
  WIDGET_COUNTER,
  COPYRIGHT_NOTICE,
  PICTURE_CREDIT,
  PAGE_STAMP,
  SIGN_UP_PROMPT,
  READING_TIME,
];
