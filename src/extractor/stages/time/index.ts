/** The time stage: what other stages import. */
export { findTimes, isBaseline, isDuration, isStartDate, isUnresolved, iso, rateMonth, sinceInner, ymdIn, ymdOf, type YMD } from './time.js';
export { pickTime, timeForFigure, usableTimes, type PreviousFigure, type TimeChoice } from './choice.js';
export { clauses } from './clauses.js';
