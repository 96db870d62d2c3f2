/**
 * Kept so that the modules that imported the splitter and the token type from here still build while the other
 * stages move: new code imports stages/segmentation/index.js (sentences, filters) and stages/tokens/index.js (tokens).
 */
export { isBoilerplate, isNavHeader, MAX_SENTENCE_CHARS, splitSentences, type Sentence } from './index.js';
export { tokenize, type Tok, type TokKind } from '../tokens/tokenizer.js';
