/**
 * Part-of-speech tags (Universal POS) for a sentence's tokens, from wink-nlp's English model (the tagger that won
 * bench/nlp-base.ts: see notes there). Tagging costs about as much as a fifth of the rest of a sentence's analysis,
 * so it runs only when a rule asks for a sentence's tags (`tagged(toks, text)`), at most once per token array, and
 * the model loads on the first request.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { Model, PartOfSpeech, WinkMethods } from 'wink-nlp';
import type { Tok } from './tokenizer.js';

export type Upos = Exclude<PartOfSpeech, 'SPACE'>;

export interface TaggedTok extends Tok {
  pos: Upos;
}

let engine: WinkMethods | null = null;
/**
 * Loaded on the first request, not at import: the model takes most of a second to load, and an extraction whose
 * rules never ask for tags should not pay for it (nor need the package installed).
 */
function tagger(): WinkMethods {
  if (engine === null) {
    const require = createRequire(import.meta.url);
    const load = require('wink-nlp') as typeof winkNLP;
    // only the tagger: sentence breaking, entities and sentiment are not used and cost time
    engine = load(require('wink-eng-lite-web-model') as Model, ['pos']);
  }
  return engine;
}

/** Wink's tokens of `sentence` with their offsets in it and their tags. */
export function winkTags(sentence: string): Array<{ s: number; e: number; pos: Upos }> {
  const nlp = tagger();
  const doc = nlp.readDoc(sentence);
  const words = doc.tokens().out(nlp.its.value) as string[];
  const tags = doc.tokens().out(nlp.its.pos) as PartOfSpeech[];
  const out: Array<{ s: number; e: number; pos: Upos }> = [];
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const s = sentence.indexOf(words[i], at);
    if (s < 0) continue; // a token wink normalised (never seen on news copy): its neighbours still align
    at = s + words[i].length;
    const pos = tags[i];
    out.push({ s, e: at, pos: pos === 'SPACE' ? 'X' : pos });
  }
  return out;
}

/**
 * The tokens of one sentence (as tokenize returned them), each given the tag of the wink token that covers its first
 * character: "Turkey's" (one token here, two for wink) takes "Turkey"'s PROPN, "$" and "45" keep SYM and NUM.
 * Tags the array in place, once.
 */
export function tagged(toks: Tok[], text: string): TaggedTok[] {
  const out = toks as TaggedTok[];
  if (toks.length === 0 || out[0].pos !== undefined) return out;
  const base = toks[0].s;
  const tags = winkTags(text.slice(base, toks[toks.length - 1].e));
  let j = 0;
  for (const t of out) {
    const at = t.s - base;
    while (j < tags.length - 1 && tags[j].e <= at) j++;
    const w = tags[j];
    t.pos = w && w.s <= at && at < w.e ? w.pos : t.k === 'num' ? 'NUM' : t.k === 'punct' ? 'PUNCT' : 'X';
  }
  return out;
}

/** A main verb ("said", "estimate" in "Police estimate that …"); auxiliaries and modals are AUX. */
export const isVerbTag = (t: TaggedTok): boolean => t.pos === 'VERB';
/** A verb or an auxiliary/modal ("was", "will"). */
export const isVerbOrAuxTag = (t: TaggedTok): boolean => t.pos === 'VERB' || t.pos === 'AUX';
/** A name ("Vilnius", "Red Cross", "Tuesday"). */
export const isProperNounTag = (t: TaggedTok): boolean => t.pos === 'PROPN';
/** A common noun ("estimate" in "The estimate was revised"). */
export const isNounTag = (t: TaggedTok): boolean => t.pos === 'NOUN';
/** A noun of either kind. */
export const isNominalTag = (t: TaggedTok): boolean => t.pos === 'NOUN' || t.pos === 'PROPN';
export const isAdjectiveTag = (t: TaggedTok): boolean => t.pos === 'ADJ';
export const isNumberTag = (t: TaggedTok): boolean => t.pos === 'NUM';

/**
 * The run of proper nouns around token i, as [first, last] token indexes ("the [European Commission] said"),
 * joined over an inner "." or "-" ("U.S.", "Guinea-Bissau"); null when token i is not a proper noun.
 */
export function properNounRun(toks: TaggedTok[], i: number): [number, number] | null {
  if (!toks[i] || !isProperNounTag(toks[i])) return null;
  const joins = (k: number) => (toks[k]?.t === '.' || toks[k]?.t === '-') && !toks[k].sp && toks[k + 1] && !toks[k + 1].sp;
  let a = i;
  while (a > 0 && (isProperNounTag(toks[a - 1]) || (joins(a - 1) && toks[a - 2] && isProperNounTag(toks[a - 2])))) a -= isProperNounTag(toks[a - 1]) ? 1 : 2;
  let b = i;
  while (b + 1 < toks.length && (isProperNounTag(toks[b + 1]) || (joins(b + 1) && toks[b + 2] && isProperNounTag(toks[b + 2])))) b += isProperNounTag(toks[b + 1]) ? 1 : 2;
  return [a, b];
}

/**
 * The noun chunk whose head is token i (a noun), as [first, last]: determiners, numbers, adjectives and nouns before
 * it ("the [first three armoured brigades]"), the nouns of a compound after it. Null when token i is not a noun.
 */
export function nounChunk(toks: TaggedTok[], i: number): [number, number] | null {
  if (!toks[i] || !isNominalTag(toks[i])) return null;
  let b = i;
  while (b + 1 < toks.length && isNominalTag(toks[b + 1])) b++;
  let a = i;
  while (a > 0 && /^(NUM|ADJ|NOUN|PROPN)$/.test(toks[a - 1].pos)) a--;
  if (a > 0 && toks[a - 1].pos === 'DET') a--;
  return [a, b];
}
