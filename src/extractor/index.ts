/**
 * The extractor's public surface. Pure, synchronous and deterministic given `publishedAt`: no I/O, no framework.
 * Inside: `pipeline/` (the run, named rules, the trace), `stages/` (one folder per stage, each with its rules),
 * `resources/` (vocabulary shared by the stages).
 */
export * from './types.js';
export { EXTRACTOR_VERSION, extractClaims, traceExtraction, type SentenceStep } from './pipeline/extract.js';
export { allRules, ruleById, STAGES, type RuleInfo, type Stage } from './pipeline/rule.js';
export { traceUntilError, type Firing } from './pipeline/trace.js';
export { isSupportedLanguage, SUPPORTED_LANGUAGES } from './languages.js';
export { splitSentences, type Sentence } from './stages/segmentation/index.js';
export { isPersonNoun } from './resources/people.js';
