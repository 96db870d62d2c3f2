/**
 * The splitter's decisions at a full stop, question or exclamation mark followed by a space: each rule says the
 * sentence goes on ('join') or ends ('split'), or has no opinion. stages/segmentation/rules.ts orders them; the first
 * opinion wins, and a mark nobody objects to ends the sentence.
 */
import { defineRule, type Rule } from '../../pipeline/rule.js';
import { ABBREVIATIONS_BEFORE_NUMBER, NO_BREAK_ABBREVIATIONS, OPENING_MARKS, SENTENCE_STARTERS } from '../../resources/segmentation.js';

/** A . ! ? (or a run of them, with closing quotes) where a sentence may end. */
export interface StopMark {
  text: string;
  /** the first . ! ? of the run */
  at: number;
  /** after the run and its closing quotes or brackets */
  end: number;
  /** the first character after the spaces that follow (a newline or the end of the text never gets here) */
  next: number;
  /** a lone period (no run, no closing quote): the only kind an abbreviation can end with */
  lonePeriod: boolean;
  /** the word before a lone period ('' otherwise, or when longer than 64 characters) */
  wordBefore: string;
  /** the letters that start the next word, lowercase */
  nextWord: string;
}

export type Boundary = 'join' | 'split' | undefined;
export type BoundaryRule = Rule<(m: StopMark) => Boundary>;

const isDigit = (c: string) => c >= '0' && c <= '9';
const isUpperAscii = (c: string) => c >= 'A' && c <= 'Z';
const isDottedAbbreviation = (w: string) => /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(w);

export const LOWERCASE_GOES_ON = defineRule({
  id: 'segmentation.lowercase-goes-on',
  stage: 'segmentation',
  summary: 'A stop followed by a word in lower case (or a symbol) does not end the sentence ("approx. forty", "p.m. on").',
  examples: {
    fires: ['The ferry left at 6 p.m. on Friday with 210 passengers aboard.'],
    doesNotFire: ['The ferry left with 210 passengers. It docked at noon.'],
  },
  apply: (m: StopMark): Boundary => {
    const c = m.text[m.next];
    return isUpperAscii(c) || isDigit(c) || OPENING_MARKS.includes(c) ? undefined : 'join';
  },
}) satisfies BoundaryRule;

export const TITLE_ABBREVIATION = defineRule({
  id: 'segmentation.title-abbreviation',
  stage: 'segmentation',
  summary: 'A title or common abbreviation ("Gen.", "Dr.", "St.", "vs.") does not end the sentence.',
  examples: {
    fires: ['Dr. Okafor treated 35 patients at the clinic on Monday.'],
    doesNotFire: ['The doctor treated 35 patients. Okafor went home.'],
  },
  apply: (m: StopMark): Boundary => (m.lonePeriod && NO_BREAK_ABBREVIATIONS.has(m.wordBefore.toLowerCase()) ? 'join' : undefined),
}) satisfies BoundaryRule;

export const ABBREVIATION_BEFORE_NUMBER = defineRule({
  id: 'segmentation.abbreviation-before-number',
  stage: 'segmentation',
  summary: 'A month abbreviation or "No." before a number does not end the sentence ("Feb. 12", "No. 4").',
  examples: {
    fires: ['The council met on Feb. 12 and approved 14 new bus routes.'],
    doesNotFire: ['The council approved 14 new bus routes in Feb. The plan starts soon.'],
  },
  apply: (m: StopMark): Boundary =>
    m.lonePeriod && ABBREVIATIONS_BEFORE_NUMBER.has(m.wordBefore.toLowerCase()) && isDigit(m.text[m.next]) ? 'join' : undefined,
}) satisfies BoundaryRule;

export const INITIAL = defineRule({
  id: 'segmentation.initial',
  stage: 'segmentation',
  summary: 'A single capital before a period is an initial, not a sentence end ("J. Okafor").',
  examples: {
    fires: ['Inspector P. Varga said 12 cars were towed overnight.'],
    doesNotFire: ['Inspector Varga said 12 cars were towed. Owners paid fines.'],
  },
  apply: (m: StopMark): Boundary => (m.lonePeriod && /^[A-Z]$/.test(m.wordBefore) ? 'join' : undefined),
}) satisfies BoundaryRule;

export const DOTTED_ABBREVIATION_BEFORE_OPENER = defineRule({
  id: 'segmentation.dotted-abbreviation-before-opener',
  stage: 'segmentation',
  summary: 'A dotted abbreviation ("U.S.", "U.K.") followed by a typical sentence opener ("The", "It", "However") ends the sentence.',
  examples: {
    fires: ['The delegation spent 9 days in the U.K. They flew home on Sunday.'],
    doesNotFire: ['The U.K. Treasury set aside 9 billion pounds for the plan.'],
  },
  apply: (m: StopMark): Boundary => (m.lonePeriod && isDottedAbbreviation(m.wordBefore) && SENTENCE_STARTERS.has(m.nextWord) ? 'split' : undefined),
}) satisfies BoundaryRule;

export const DOTTED_ABBREVIATION = defineRule({
  id: 'segmentation.dotted-abbreviation',
  stage: 'segmentation',
  summary: 'A dotted abbreviation ("U.S.", "U.N.", "a.m.") does not end the sentence unless a sentence opener follows.',
  examples: {
    fires: ['The U.N. Security Council met 3 times this week.'],
    doesNotFire: ['The Security Council met 3 times this week. Nothing was agreed.'],
  },
  apply: (m: StopMark): Boundary => (m.lonePeriod && isDottedAbbreviation(m.wordBefore) ? 'join' : undefined),
}) satisfies BoundaryRule;
