/** Refiners of a mention: rules that settle what a parsed number is about once its neighbours are known. */
import { defineRule } from '../../pipeline/rule.js';

export const NAME_NUMBER = defineRule({
  id: 'numbers.name-number',
  stage: 'numbers',
  summary: 'A small number after a capitalised name word is part of the name ("the Arrow 3 system", "Nord Stream 2").',
  examples: { fires: ['Engineers tested the Arrow 3 system near 40 homes.'], doesNotFire: ['Engineers tested 3 systems near 40 homes.'] },
});
export const UNSPECIFIED = defineRule({
  id: 'numbers.unspecified',
  stage: 'numbers',
  summary: '"an unspecified number of troops" is a mention without a value.',
  examples: { fires: ['An unspecified number of troops crossed the river.'], doesNotFire: ['A number of troops crossed the river.'] },
});
export const MULTIPLIER = defineRule({
  id: 'numbers.multiplier',
  stage: 'numbers',
  summary: '"five times that amount", "three times as many" is a multiplier, no figure.',
  examples: { fires: ['The flood cost five times that amount in 2020.'], doesNotFire: ['The flood hit five times in 2020.'] },
});
export const STRONG_GROUP = defineRule({
  id: 'numbers.strong-group',
  stage: 'numbers',
  summary: '"a 1,000-strong force": the number is the size of the group named by the noun.',
  examples: { fires: ['A 1,000-strong force entered the town.'], doesNotFire: ['A force of 1,000 entered the town.'] },
});
export const MAGNITUDE = defineRule({
  id: 'numbers.magnitude',
  stage: 'numbers',
  summary: '"a magnitude 6.4 earthquake": the number is on the magnitude scale.',
  examples: { fires: ['A magnitude 6.4 earthquake struck the coast.'], doesNotFire: ['A 6.4 metre wave struck the coast.'] },
});
export const FORECAST_SUBJECT = defineRule({
  id: 'numbers.forecast-subject',
  stage: 'numbers',
  summary: '"the 170,000 economists had forecast": the noun is the subject of a relative clause, not what is counted.',
  examples: { fires: ['Hiring fell below the 170,000 economists had forecast.'], doesNotFire: ['Hiring fell below 170,000 jobs.'] },
});
export const COUNT_BEFORE_CALIBRE = defineRule({
  id: 'numbers.count-before-calibre',
  stage: 'numbers',
  summary: '"300,000 155mm shells": the count takes the noun after the calibre.',
  examples: { fires: ['The plant made 300,000 155mm shells last year.'], doesNotFire: ['The plant made 300,000 shells last year.'] },
});
export const ELIDED_POINTS = defineRule({
  id: 'numbers.elided-points',
  stage: 'numbers',
  summary: '"4.5 points" after "percentage points" in the same sentence is in percentage points.',
  examples: { fires: ['Support fell 2 percentage points in May and 4.5 points in June.'], doesNotFire: ['The team scored 45 points in June.'] },
});
export const PART_OF_WHOLE = defineRule({
  id: 'numbers.part-of-whole',
  stage: 'numbers',
  summary: '"won 26 of their 38 games": the part takes the noun of the whole.',
  examples: { fires: ['The club won 26 of their 38 games.'], doesNotFire: ['The club won 26 games.'] },
});
export const VAGUE_BEFORE_VERB = defineRule({
  id: 'numbers.vague-before-verb',
  stage: 'numbers',
  summary: '"Tens of thousands rally": a singular word after a vague amount is a verb; the people are implied.',
  examples: { fires: ['Tens of thousands rally in the capital.'], doesNotFire: ['Tens of thousands of people marched in the capital.'] },
});
export const DURATION = defineRule({
  id: 'numbers.duration',
  stage: 'numbers',
  summary: 'A number of time units after a temporal word is a period, not a quantity ("for three years", "two weeks ago"); prison terms stay.',
  examples: { fires: ['The plant was closed for three years.'], doesNotFire: ['The judge sentenced him to three years in prison.'] },
});
export const PART_OF_EARLIER = defineRule({
  id: 'numbers.part-of-earlier',
  stage: 'numbers',
  summary: 'A bare word number that is a part or margin of an earlier figure ("three of them", "four ahead of").',
  examples: { fires: ['Eleven people were hurt, three of them seriously.'], doesNotFire: ['Eleven people were hurt on Sunday.'] },
});
export const WORD_NUMBER_NEEDS_NOUN = defineRule({
  id: 'numbers.word-number-needs-noun',
  stage: 'numbers',
  summary: 'A small word number without a counted noun or a harm verb after it is no figure ("the score was two").',
  examples: { fires: ['At the break the score was two.'], doesNotFire: ['At the break two players left.'] },
});
export const RATE_BASE = defineRule({
  id: 'numbers.rate-base',
  stage: 'numbers',
  summary: '"12.5 cases per 100,000 people": the base of the rate belongs to the figure.',
  examples: { fires: ['The city logged 12.5 cases per 100,000 people.'], doesNotFire: ['The city logged 12.5 cases a day.'] },
});
