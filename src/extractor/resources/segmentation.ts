/**
 * Vocabulary of the sentence splitter (stages/segmentation). Lowercase, without the final period.
 */

/** Titles and abbreviations after which a period never ends a sentence ("Gen. Ruiz", "approx. 40"). */
export const NO_BREAK_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'adm', 'sen', 'rep', 'gov', 'st', 'prof',
  'rev', 'fig', 'approx', 'mt', 'ft', 'ave', 'blvd', 'jr', 'sr', 'brig', 'cmdr', 'cpl', 'pvt', 'gens', 'reps',
  'sens', 'govs', 'messrs', 'vs', 'v', 'pres', 'supt', 'insp', 'det', 'hon', 'est', 'cf', 'al', 'e.g', 'i.e', 'etc.,',
]);

/** Abbreviations that end no sentence when a number follows: months ("Jan. 5") and "No. 10". */
export const ABBREVIATIONS_BEFORE_NUMBER = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos']);

/** Words that open a sentence: after a dotted abbreviation ("U.S.") one of these starts a new sentence. */
export const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'in', 'on', 'at', 'this', 'that',
  'these', 'those', 'there', 'its', 'his', 'her', 'their', 'our', 'meanwhile', 'however', 'after', 'before', 'when',
  'while', 'as', 'if', 'some', 'many', 'most', 'officials', 'yet', 'still', 'since', 'so', 'for', 'last', 'earlier',
  'later', 'according', 'asked', 'both', 'neither', 'no', 'not', 'one', 'other', 'others', 'such', 'what', 'why',
  'how', 'who', 'where', 'although', 'though', 'despite', 'instead', 'also', 'then', 'now', 'today', 'separately',
]);

/** Characters that close a sentence-ending mark: the sentence ends after them ('"Is it over?" he asked'). */
export const CLOSING_MARKS = '"\'”’)]»';
/** Characters that may open a sentence besides capitals and digits. */
export const OPENING_MARKS = '"“‘\'([';
/** Bullets stripped from the start of a sentence. */
export const BULLETS = '•·*▪';

/** Name particles that stay on the name they join: "al-Mansouri", "el-Sisi", "bin-Salman" (tokens stage). */
export const NAME_PARTICLES = ['al', 'el', 'bin', 'ibn', 'abu'];
