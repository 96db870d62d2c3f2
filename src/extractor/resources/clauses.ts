/** Vocabulary for clause boundaries (stages/time/clauses.ts, stages/claims/events.ts). */

/** Punctuation that closes a clause. */
export const CLAUSE_PUNCT = new Set([',', ';', '—', '–', ':', '(', ')']);
/** Subordinators that open a new clause ("… after the talks collapsed"). */
export const SUBORDINATORS = new Set(['after', 'before', 'when', 'until', 'once', 'because', 'while', 'whereas', 'although', 'though', 'unless']);
/** Words that set the present against an earlier time ("up from 3% in 2020 and now 5%"). */
export const NOW_WORDS = new Set(['now', 'currently', 'presently']);
