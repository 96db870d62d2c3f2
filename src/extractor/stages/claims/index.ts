/** The claims stage: what the orchestrator (pipeline/extract.ts) imports. */
export { eventClaims } from './events.js';
export { figureClaims, type ArticleFigures } from './figures.js';
export type { ClaimSink, SentenceView } from './sentence.js';
export { QuoteCarry, statementClaim } from './statements.js';
