/** The tokens stage: tokens of a sentence, and their part-of-speech tags (computed on demand). */
export { tokenize, type Tok, type TokKind } from './tokenizer.js';
export {
  isAdjectiveTag,
  isNominalTag,
  isNounTag,
  isNumberTag,
  isProperNounTag,
  isVerbOrAuxTag,
  isVerbTag,
  nounChunk,
  properNounRun,
  tagged,
  winkTags,
  type TaggedTok,
  type Upos,
} from './tags.js';
