/**
 * The named rules of the time choice (choice.ts), in the order they are tried: which times can date a figure,
 * what blocks a time after or before the figure in its clause, how the nearest ones are weighed, and the fallbacks.
 */
import { defineRule } from '../../pipeline/rule.js';

const rule = (id: string, summary: string, fires: string, doesNotFire: string) =>
  defineRule({ id: `time.${id}`, stage: 'time', summary, examples: { fires: [fires], doesNotFire: [doesNotFire] } });

// which times can date a figure
export const BASELINE_EXCLUDED = rule('choice-baseline-excluded', 'A comparison baseline ("from April", "than in 2019", "compared with the same month last year") dates no figure.',
  'Prices fell 2 percent from April.', 'Prices fell 2 percent in April.');

// a time in the figure's clause that belongs to something else
export const SOURCE_RELEASE = rule('choice-source-release', '"estimates published last week", "ahead of exercises next month": the time of a source or of the noun after "ahead of".',
  'Estimates published last week put the force at 3,000 troops.', 'The force grew to 3,000 troops last week.');
export const BASELINE_BETWEEN = rule('choice-baseline-between', 'A baseline figure between a figure and a later time takes the time ("rose to 3.9% from 3.8% in March").',
  'Unemployment rose to 3.9 percent from 3.8 percent in March.', 'Unemployment rose to 3.9 percent in March.');
export const NOW_BETWEEN = rule('choice-now-between', '"now", "currently" between a time and a figure: the figure is of the present.',
  'Inflation was 9% in 2022 and is now 3%.', 'Inflation was 9% in 2022 and 3% in 2023.');
export const SECOND_THAT_CLAUSE = rule('choice-second-that-clause', '(1.14) A second coordinated that-clause ("… and that …") has its own time.',
  'He said 30 soldiers had been killed and that several men were flown out on Thursday.', 'He said 30 soldiers had been killed on Thursday.');
export const APPOSITIVE_FIGURE = rule('choice-appositive-figure', '(1.14) A time after an appositive figure set off by a comma (", a 24% increase since …") is that figure\'s.',
  'About 900 homes were damaged, a rise and a 12% jump since January.', 'About 900 homes were damaged since January.');
export const PARTICIPLE_MODIFIER = rule('choice-participle-modifier', 'A participle after the counted noun ("councils hit by flooding last winter") has the time, not the figure.',
  'Funds went to each of 12 councils hit by flooding last winter.', 'Funds went to 12 councils last winter.');
export const LATER_PREDICATE = rule('choice-later-predicate', 'A later predicate with its own figure ("a plan that aims to build 26,000 homes by 2030", ", bringing the total …") takes the time.',
  'The council approved a $2 billion plan that aims to build 26,000 homes by 2030.', 'The council will build 26,000 homes by 2030.');
export const RELATIVE_ON_LATER_NOUN = rule('choice-relative-on-later-noun', 'An object relative clause on a later noun ("a ship that the navy grounded in 1999") has its own time.',
  'A dozen marines live aboard a ship that the navy grounded on the reef in 1999.', 'A dozen marines live aboard a ship that sank in 1999.');
export const OPENER_MODIFIER = rule('choice-opener-modifier', '"Under a law approved in August, …": a time in an opener modifies the opener\'s noun.',
  'Under a law approved by parliament in August, about 20,000 volunteers joined the army.', 'In August, about 20,000 volunteers joined the army.');
export const RELATIVE_BEFORE = rule('choice-relative-before', 'A time closing an object relative clause before a comma ("a ship that the navy grounded in 1999, about 200 km …") is not the next figure\'s.',
  'Marines guard a ship that the navy grounded in 1999, about 200 km west of the port.', 'The navy grounded a ship on the reef in 1999, about 200 km west of the port.');
export const LATER_COORDINATE = rule('choice-later-coordinate', '"peaked at 4.3% in October and has since eased to 3.2%": a later coordinated predicate is not dated by the earlier time.',
  'Inflation peaked at 4.3% in October and has since eased to 3.2%.', 'Inflation eased to 3.2% in October.');
export const BASELINE_TIME = rule('choice-baseline-time', 'The time right after a baseline figure ("from 2.1 billion a year earlier") is the baseline\'s.',
  'Profit rose to 3 billion from 2.1 billion a year earlier, lifting the margin to 8.7%.', 'Profit rose to 3 billion a year earlier.');

// weighing the nearest time after and before the figure
export const CALENDAR_AFTER_DURATION = rule('choice-calendar-after-duration', '"seen within 18 weeks in January": a calendar time right after a bare duration is the figure\'s.',
  'Only 60% of patients were seen within 18 weeks in January.', 'Only 60% of patients were seen within 18 weeks.');
export const NOUN_MODIFIER_BEFORE = rule('choice-noun-modifier-before', 'A time that modifies the figure\'s noun ("third-quarter revenue of 41.3 billion crowns") wins over a later one.',
  'Third-quarter revenue of 41.3 billion crowns was reported on Thursday.', 'Revenue of 41.3 billion crowns was reported on Thursday.');
export const SPEECH_DATE_LOSES = rule('choice-speech-date-loses', '(1.14) A preceding time that dates the speech verb ("said on Saturday") loses to a time after the figure.',
  'Rebels said on Saturday they had killed 47 soldiers in an ambush earlier in the week.', 'Rebels said on Saturday they had killed 47 soldiers.');
export const FOLLOWING_TIME = rule('choice-following-time', 'The nearest time after the figure in its clause (within 45 characters, or when none precedes) dates it.',
  'Some 300 people died last week.', 'Last week, some 300 people died.');
export const PRECEDING_TIME = rule('choice-preceding-time', 'Else the nearest time before the figure in its clause dates it.',
  'In 2024 the firm hired 300 workers.', 'The firm hired 300 workers in 2024.');

// fallbacks outside the figure's clause
export const WHEN_CLAUSE = rule('choice-when-clause', 'A when-clause right after the figure\'s clause dates it, unless it has a figure of its own.',
  'At least 11 were wounded when troops fired on their positions last year.', 'At least 11 were wounded last year.');
export const OPENING_TIME = rule('choice-opening-time', 'A sentence-opening time clause ("Since 2020, …", "In June alone, …") dates the figures after it.',
  'Since 2020, the economy has added 2 million jobs.', 'The economy has added 2 million jobs since 2020.');
export const STATEMENT_DATE = rule('choice-statement-date', 'Else the date of the statement that reports the figure ("…, the ministry said on Wednesday").',
  'The army has 5,000 troops in the region, the ministry said on Wednesday.', 'The army has 5,000 troops in the region, the ministry said.');

// with the previous figure in mind
export const CONVERSION_SHARES_TIME = rule('choice-conversion-shares-time', 'A conversion in parentheses ("41.3 billion crowns ($4.3 billion)") has the time of the figure it converts.',
  'Revenue was 41.3 billion crowns ($4.3 billion) in 2025.', 'Revenue was 41.3 billion crowns in 2025.');
export const CHANGE_SHARES_LEVEL_TIME = rule('choice-change-shares-level-time', '(1.14) A change right after a level (", up 9% from …") shares the level\'s time unless it has its own.',
  'Output reached 40 million tons in the first half, up 9% from a year earlier.', 'Output reached 40 million tons in the first half.');
export const RATE_FINAL_MONTH = rule('choice-rate-final-month', 'A rate "in the year to October" is the October reading: its final month (a flow keeps the twelve months).',
  'Inflation was 3.1% in the year to January.', 'Losses were $3 million in the year to January.');
