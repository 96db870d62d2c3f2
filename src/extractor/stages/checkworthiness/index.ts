/** The check-worthiness stage: a linear model over named features (weights.ts), sentence features (features.ts). */
export { scoreClaim, moodReasons, type Score } from './score.js';
export { readSentence, segmentAt, type Mood, type Segment, type SentenceReading } from './features.js';
export { CATEGORY_BASE, CONTEXT_WEIGHTS, FACTUAL_STATEMENT_BASE, FIGURE_WEIGHTS, SENTENCE_WEIGHTS } from './weights.js';
