/**
 * The named rules of the claims stage built here (figures.ts keeps claims.lone-one-needs-harm), in the order they
 * are tried: a figure's subject and location, dated events (what is not an event, which date an event takes),
 * statements (carried quotations, stances, what is not a position).
 */
import { defineRule } from '../../pipeline/rule.js';

const rule = (id: string, summary: string, fires: string, doesNotFire: string) =>
  defineRule({ id: `claims.${id}`, stage: 'claims', summary, examples: { fires: [fires], doesNotFire: [doesNotFire] } });

// subject and location of a figure
export const SUBJECT_NAME = rule('subject-name', 'A figure\'s subject is the capitalised noun phrase before its verb ("Russia has deployed 10,000 troops").',
  'Russia has deployed 10,000 troops.', 'They have deployed 10,000 troops.');
export const SUBJECT_NOT_OBJECT = rule('subject-not-object', 'A name right after a preposition is an object, not the subject ("Flights to Kyiv carried 400 people").',
  'Flights to Kyiv carried 400 people.', 'Ukraine received 400 tanks.');
export const LOCATION_PLACE = rule('location-place', 'A place phrase after a preposition in the figure\'s clause, ending on a name or a place noun, is its location.',
  'Some 300 people fled to the border region.', 'Some 300 people fled quickly.');

// dated events: what is not an event
export const EVENT_PHRASAL = rule('event-phrasal', '"ruled out", "scheduled to": the verb names no event of its own.',
  'The minister ruled out talks on Monday.', 'The court ruled on the case on Monday.');
export const EVENT_OPENER_MODIFIER = rule('event-opener-modifier', '"Under a law approved in August, …": a participle in an opener modifies its noun.',
  'Under a law approved by parliament in August, the army grew.', 'Parliament approved a law in August.');
export const EVENT_NOT_YET = rule('event-not-yet', '"will stay closed until …", "is expected to sign on Monday": a future or planned verb is not (yet) an event.',
  'Schools in the region will stay closed until Friday.', 'Schools in the region closed on Friday.');
export const EVENT_REDUCED_RELATIVE = rule('event-reduced-relative', '"The swap, agreed at talks last week, is meant to …": a participle set off after a noun modifies it.',
  'The swap, agreed at talks in Oslo last week, is meant to free the prisoners.', 'The swap was agreed at talks in Oslo last week.');
export const EVENT_SOURCE_PARTICIPLE = rule('event-source-participle', '"figures released last week": the date of a source, not an event.',
  'Figures released last week show a decline in arrests.', 'Police released the suspects last week.');
// dated events: which date
export const EVENT_SUPERLATIVE_SINCE = rule('event-superlative-since', '"the largest swap since the war began in 2022": a superlative\'s baseline, not an event.',
  'It was the largest prisoner swap since the war began in 2022.', 'Talks have stalled since the war began in 2022.');
export const EVENT_SINCE_INNER = rule('event-since-inner', '"since negotiations collapsed in October": the date inside a since-clause dates its verb.',
  'Talks have stalled since negotiations collapsed in October.', 'Negotiations collapsed in October.');
export const EVENT_STATEMENT_DATE = rule('event-statement-date', '"the ministry said on Wednesday its forces had captured the village": the time dates the statement, not the event.',
  'The ministry said on Wednesday its forces had captured the village.', 'Its forces captured the village on Wednesday, the ministry said.');
export const DATED_EVENT = rule('dated-event', 'An event verb with an explicit date in its clause, not taken by a figure, is an event claim.',
  'Russia annexed the peninsula in 2014.', 'Russia annexed the peninsula.');

// statements
export const QUOTE_CARRIED = rule('quote-carried', 'A quotation that goes on into the next sentence (or paragraph) keeps its speaker.',
  '"We will rebuild," the mayor said. "The town deserves better."', '"We will rebuild," the mayor said. The town deserves better.');
export const STANCE = rule('stance', 'A stance without a speech verb ("Russia criticized the format") is a position when the sentence has no figure or event.',
  'Russia criticized the format of the talks.', 'The format of the talks was criticized.');
export const STATEMENT_NEGATED = rule('statement-negated', '"The army has not confirmed the report": a negated verb states no position.',
  'The army has not confirmed the report.', 'The army has confirmed the report.');
export const STATEMENT_HEADLINE = rule('statement-headline', 'A line without closing punctuation is a headline, a statement only as the title with "says".',
  'Senior minister said the plan would go ahead', 'Crossings fall but deaths rise, UN says');
export const STATEMENT_NO_CONTENT = rule('statement-no-content', '"Hill conceded shortly before midnight.": only time words besides the speaker and verb.',
  'The governor conceded shortly before midnight.', 'The governor conceded that the vote was lost.');
export const STATEMENT = rule('statement', 'An attributed position without a figure or event is a statement claim.',
  'The minister said the plan would go ahead.', 'The plan would go ahead.');
