/** The segmentation stage: sentences, and the filters that drop page furniture. */
export { splitSentences, type Sentence } from './sentences.js';
export { MAX_SENTENCE_CHARS } from './layout.js';
export { isBoilerplate, isNavHeader } from './filters.js';
export { BOILERPLATE_RULES, BOUNDARY_RULES } from './rules.js';
