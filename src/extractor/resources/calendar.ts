/** Calendar vocabulary: month and weekday names, and number words in time phrases (stages/time). */

/** Month names and abbreviations (lowercase, without the dot) to 1-12. */
export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};
/** Weekday names (lowercase) to 0 (Sunday) - 6. */
export const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
/** A month name as written in text: full, or abbreviated with a dot ("Jan.", "Sept."). */
export const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
/** A weekday name as written in text. */
export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** A count in a time phrase: digits, number words up to ninety-nine, "a", "several", "a few", "a couple of". */
export const TIME_COUNT_RE = '(?:\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|several|a few|a couple of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine))';
/** Quarter and half ordinals to their number ("final quarter" = the fourth). */
export const PERIOD_ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4 };
/** Seasons to their months (northern hemisphere; winter runs December-February). */
export const SEASON_MONTHS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 2] };
/**
 * Words that make a clause future ("will", "plans to", "expected to", "forecasts"); "forecast" as a noun ("revised its
 * growth forecast ... from 3.6 per cent in November") is not.
 */
export const FUTURE_RE = /\b(will|'ll|shall|could be|is to|are to|plans? to|planned|scheduled|expected to|due to|set to|upcoming|to be held|would|expects?|(?<!\b(?:its|the|a|their|his|her|our|growth|previous|earlier|latest|new|inflation|official|budget|economic|own|revenue|sales|profit|earnings|weather|central)\s)forecasts?|predicts?|is going to|are going to)\b/i;
/** Sports words that make "the second half" a match half, not a half-year. */
export const MATCH_WORDS = /\b(goals?|scored?|scoring|minutes?|match|game|half-time|kick-?off|innings|quarterback|penalty|penalties|striker|referee)\b/i;
