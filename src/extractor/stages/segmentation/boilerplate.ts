/**
 * Boilerplate filters: sentences that are page furniture (banners, buttons, bylines, credits, counters) and not
 * article text are dropped before any rule reads them. One rule per kind; the patterns are in resources/boilerplate.ts.
 */
import { defineRule, type Rule } from '../../pipeline/rule.js';
import * as furniture from '../../resources/boilerplate.js';

/** Takes the trimmed sentence text. */
export type BoilerplateRule = Rule<(sentence: string) => boolean>;

const anyOf = (patterns: readonly RegExp[]) => (s: string) => patterns.some((re) => re.test(s));

export const ERROR_BANNER = defineRule({
  id: 'segmentation.error-banner',
  stage: 'segmentation',
  summary: 'Drops the error banner of a page that failed to load ("Oops!", "Something went wrong", "Please try again").',
  examples: {
    fires: ['Something went wrong loading 3 comments.\nThe bridge reopened after 40 days of repairs.'],
    doesNotFire: ['The bridge reopened after 40 days of repairs went wrong twice.'],
  },
  apply: anyOf(furniture.ERROR_BANNERS),
}) satisfies BoilerplateRule;

export const WIDGET_LABEL = defineRule({
  id: 'segmentation.widget-label',
  stage: 'segmentation',
  summary: 'Drops a button or label alone on its line ("Share", "Advertisement", "Getty Images") and short share/follow prompts.',
  examples: {
    fires: ['Advertisement\nThe bridge reopened after 40 days of repairs.'],
    doesNotFire: ['The advertisement ran 40 times in a week, the station said.'],
  },
  apply: anyOf(furniture.WIDGET_LABELS),
}) satisfies BoilerplateRule;

export const BYLINE = defineRule({
  id: 'segmentation.byline',
  stage: 'segmentation',
  summary: 'Drops bylines and reporting credits ("By Ana Ruiz", "By Dr. Ana Ruiz, Science Editor", "… contributed to this report").',
  examples: {
    fires: ['By Marta Oyelaran and Ivo Brandt\nThe bridge reopened after 40 days of repairs.', 'The bridge reopened after 40 days of repairs.\nIvo Brandt contributed to this report.'],
    doesNotFire: ['By Friday the bridge had reopened after 40 days of repairs.'],
  },
  apply: anyOf(furniture.BYLINES),
}) satisfies BoilerplateRule;

export const NAVIGATION_LINK = defineRule({
  id: 'segmentation.navigation-link',
  stage: 'segmentation',
  summary: 'Drops a link to another page after a navigation label ("Read more: …", "Related: …", "Watch: …").',
  examples: {
    fires: ['Read more: Ten bridges that need repairs\nThe bridge reopened after 40 days of repairs.'],
    doesNotFire: ['Read more than 40 reports on the bridge, the council told residents.'],
  },
  apply: anyOf(furniture.NAVIGATION_LINKS),
}) satisfies BoilerplateRule;

export const WIDGET_COUNTER = defineRule({
  id: 'segmentation.widget-counter',
  stage: 'segmentation',
  summary: 'Drops list widgets and counters ("list of 4 items", "► …", "2,310 views", "Comments (7)").',
  examples: {
    fires: ['2,310 views\nThe bridge reopened after 40 days of repairs.'],
    doesNotFire: ['The video of the bridge had 2,310 views by Monday, the council said.'],
  },
  apply: anyOf(furniture.WIDGET_COUNTERS),
}) satisfies BoilerplateRule;

export const COPYRIGHT_NOTICE = defineRule({
  id: 'segmentation.copyright-notice',
  stage: 'segmentation',
  summary: 'Drops copyright notices ("© 2026 …", "All rights reserved").',
  examples: {
    fires: ['The bridge reopened after 40 days of repairs.\n© 2026 Riverside Gazette Ltd'],
    doesNotFire: ['The bridge reopened after 40 days of repairs, a copy of the council report shows.'],
  },
  apply: anyOf(furniture.COPYRIGHT),
}) satisfies BoilerplateRule;

export const PICTURE_CREDIT = defineRule({
  id: 'segmentation.picture-credit',
  stage: 'segmentation',
  summary: 'Drops picture credits and gallery counters ("Photo: …", "Image 3 of 12").',
  examples: {
    fires: ['Photo: Council handout\nThe bridge reopened after 40 days of repairs.'],
    doesNotFire: ['A photo showed the bridge reopened after 40 days of repairs.'],
  },
  apply: anyOf(furniture.PICTURE_CREDITS),
}) satisfies BoilerplateRule;

export const PAGE_STAMP = defineRule({
  id: 'segmentation.page-stamp',
  stage: 'segmentation',
  summary: 'Drops the page\'s time stamps and correction notices ("Updated 2 hours ago", "This article has been corrected").',
  examples: {
    fires: ['Updated 2 hours ago\nThe bridge reopened after 40 days of repairs.'],
    doesNotFire: ['Engineers updated the bridge over 40 days of repairs, the council said on Monday.'],
  },
  apply: anyOf(furniture.PAGE_STAMPS),
}) satisfies BoilerplateRule;

export const SIGN_UP_PROMPT = defineRule({
  id: 'segmentation.sign-up-prompt',
  stage: 'segmentation',
  summary: 'Drops cookie banners and newsletter prompts ("Sign up for our morning briefing", "We use cookies …").',
  examples: {
    fires: ['Get the 5 biggest stories every morning in our newsletter.\nThe bridge reopened after 40 days of repairs.'],
    doesNotFire: ['Residents signed up 40 volunteers to clean the bridge, the council said.'],
  },
  apply: anyOf(furniture.SIGN_UP_PROMPTS),
}) satisfies BoilerplateRule;

export const READING_TIME = defineRule({
  id: 'segmentation.reading-time',
  stage: 'segmentation',
  summary: 'Drops reading times and audio players ("4 min read", "Listen to this article | 6 mins").',
  examples: {
    fires: ['4 min read\nThe bridge reopened after 40 days of repairs.'],
    doesNotFire: ['Commuters read the notice for 4 minutes before the bridge reopened.'],
  },
  apply: anyOf(furniture.READING_TIME),
}) satisfies BoilerplateRule;

export const NAVIGATION_BLOCK = defineRule({
  id: 'segmentation.navigation-block',
  stage: 'segmentation',
  summary: 'A header such as "Most read" or "Related stories" opens a block of other pages\' headlines, skipped up to a blank line.',
  examples: {
    fires: ['The bridge reopened after 40 days of repairs.\n\nMost read\nCity bans 12 buses from centre\nMayor quits after 3 years'],
    doesNotFire: ['The bridge reopened after 40 days of repairs.\n\nMost readers said the 12 buses were late.'],
  },
});
