/**
 * Attribution: who says it. "X said", "said X", "X told reporters", "according to X", "X estimated", with the
 * speaker's role split off ("Deputy Foreign Minister Sergei Ryabkov") and pronouns resolved to the previous speaker
 * ("he told reporters"). The rules are in rules.ts, in the order they are tried; the vocabulary in
 * resources/speech-verbs.ts and resources/speakers.ts.
 */
export { findAttributions } from './find.js';
export { mainAttribution } from './ranking.js';
export { newMemory, noteNames, notePersons, remember } from './memory.js';
export { isTitleCase } from './tokens.js';
export type { FoundAttribution, SpeakerMemory } from './types.js';
export { notAVerb } from './verbs.js';
