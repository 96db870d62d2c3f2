export { attachedHarm } from './attached.js';
export { contextLeft, negatedHarm, sharedHarm, stateAfter } from './context.js';
export { harmOf, harmResult, type Classified, type Harm } from './harm.js';
