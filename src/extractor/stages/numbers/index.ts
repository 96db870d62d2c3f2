/** The number mentions stage: what other stages use. rules.ts is loaded first (it holds the ordered rule lists). */
import './rules.js';

export { findMentions } from './mentions.js';
export { parseAmount } from './amount.js';
export { parseCardinal, parseDigits, isNumWord } from './cardinal.js';
export { nounAfter } from './nouns.js';
export { qualifierBefore } from './qualifiers.js';
export type { Amount, Cardinal, Mention } from './types.js';
