/**
 * A hand-written bilingual glossary of news and fact-check vocabulary: a post in Spanish, French, German,
 * Portuguese, Italian or Dutch shares almost no stems with the English claims it may repeat, so its words are also
 * read as English ("banco central" → "central bank", "Mindestlohn" → "minimum wage"). General vocabulary only, from
 * no benchmark set. Pure, no database, no dependencies beyond figures.ts's language test.
 *
 * The vocabulary is in ./glossary-vocabulary.ts: one row per concept, the English words first, then each language's
 * forms. Rules kept there: content words only; no form that is also a common English word of another meaning
 * ("kind", "brand", "war", "also") or a function word of one of the languages; a spelling with two meanings in two
 * languages is left out (AMBIGUOUS).
 */
import { FOREIGN_FUNCTION_WORDS, otherLanguage } from './figures.js';
import { AMBIGUOUS, COMPOUND_PARTS, CONCEPTS, LANGUAGES, type Language } from './glossary-vocabulary.js';

/** Lower case, accents and ligatures off: "Ministère" and "ministere", "Straße" and "strasse" are one key. */
export function normalizeForGloss(text: string): string {
  const lower = text.toLowerCase();
  // Most of a post is ASCII: the Unicode passes only when needed (they cost more than the rest of the gloss).
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .replace(LIGATURES, (c) => LIGATURE[c])
    .normalize('NFD')
    .replace(MARKS, '');
}
const NON_ASCII = /[^\x00-\x7f]/;
const LIGATURES = /[ßœæ]/g;
const LIGATURE: Record<string, string> = { ß: 'ss', œ: 'oe', æ: 'ae' };
const MARKS = /[\u0300-\u036f]+/g;
/** Words of a normalized text: runs of Latin letters (what is left of the six languages once accents are off). */
const WORD = /[a-z\u00df-\u00f6\u00f8-\u024f]+/g;
const tokensOf = (normalized: string): string[] => normalized.match(WORD) ?? [];

/** "prohibid{o,a,os}" → prohibido, prohibida, prohibidos; several braces multiply. */
export function expandForms(form: string): string[] {
  const m = /\{([^{}]*)\}/.exec(form);
  if (!m) return [form];
  const head = form.slice(0, m.index);
  const tail = form.slice(m.index + m[0].length);
  return m[1].split(',').flatMap((alt) => expandForms(head + alt + tail));
}

interface Glossary {
  /** Single words: normalized form → English. */
  words: Map<string, string>;
  /** Phrases of two or more tokens, keyed by their tokens joined with a space. */
  phrases: Map<string, string>;
  /** For each first token of a phrase, the longest phrase (in tokens) that starts with it. */
  phraseStarts: Map<string, number>;
  /** German and Dutch compound parts (with the single words of those languages), for the compound fallback. */
  parts: Map<string, string>;
  /** The first letters (MIN_PART of them) of every part: a word that starts otherwise is no compound of them. */
  partStarts: Set<string>;
  /** The longest part, in letters. */
  longestPart: number;
  /** Per language: concepts with at least one form, and the number of forms after expansion. */
  counts: Record<Language, { concepts: number; entries: number }>;
  /** Keys met with two different English readings (in two languages or two rows): left out; should be none. */
  conflicts: string[];
}

function build(): Glossary {
  const seen = new Map<string, string>();
  const conflicted = new Set<string>();
  const counts = Object.fromEntries(LANGUAGES.map((l) => [l, { concepts: 0, entries: 0 }])) as Glossary['counts'];
  const compoundWords = new Map<string, string>();
  for (const [english, ...columns] of CONCEPTS) {
    columns.forEach((column, i) => {
      const language = LANGUAGES[i];
      const forms = column.split('|').map((f) => f.trim()).filter((f) => f.length > 0).flatMap(expandForms);
      if (forms.length === 0) return;
      counts[language].concepts++;
      counts[language].entries += forms.length;
      for (const form of forms) {
        const key = tokensOf(normalizeForGloss(form)).join(' ');
        if (key.length === 0 || AMBIGUOUS.has(key)) continue;
        const before = seen.get(key);
        if (before !== undefined && before !== english) conflicted.add(key);
        else seen.set(key, english);
        if ((language === 'de' || language === 'nl') && !key.includes(' ')) compoundWords.set(key, english);
      }
    });
  }
  const words = new Map<string, string>();
  const phrases = new Map<string, string>();
  const phraseStarts = new Map<string, number>();
  for (const [key, english] of seen) {
    if (conflicted.has(key)) continue;
    const tokens = key.split(' ');
    if (tokens.length === 1) {
      words.set(key, english);
      continue;
    }
    phrases.set(key, english);
    phraseStarts.set(tokens[0], Math.max(phraseStarts.get(tokens[0]) ?? 0, tokens.length));
  }
  const parts = new Map<string, string>();
  for (const [key, english] of compoundWords) if (key.length >= MIN_PART && !conflicted.has(key)) parts.set(key, english);
  for (const [part, english] of Object.entries(COMPOUND_PARTS)) parts.set(normalizeForGloss(part), english);
  const partStarts = new Set([...parts.keys()].map((p) => p.slice(0, MIN_PART)));
  const longestPart = Math.max(...[...parts.keys()].map((p) => p.length));
  return { words, phrases, phraseStarts, parts, partStarts, longestPart, counts, conflicts: [...conflicted].sort() };
}

/** Words shorter than this are not split: compounds worth splitting are long. */
const MIN_COMPOUND = 10;
/** No part of a compound is shorter than this ("öl" is not split off). */
const MIN_PART = 3;
const MAX_PARTS = 3;

const GLOSSARY = build();

/** Counts per language and the keys left out as conflicting (for tests and reports). */
export function glossaryStats(): { counts: Glossary['counts']; conflicts: string[]; words: number; phrases: number; parts: number } {
  const { counts, conflicts, words, phrases, parts } = GLOSSARY;
  return { counts, conflicts, words: words.size, phrases: phrases.size, parts: parts.size };
}

/**
 * A German or Dutch compound read by its known parts ("Kinderarmut": "kinder" + "armut" → "children poverty"),
 * with the linking "s" between parts ("Flüchtlingslager"). Every part must be known, else nothing: a compound half
 * read is a compound misread. The longest first part is tried first.
 */
function splitCompound(word: string, depth = 0): string[] | null {
  const whole = depth > 0 ? GLOSSARY.parts.get(word) : undefined;
  if (whole !== undefined) return [whole];
  if (depth > MAX_PARTS - 2 || !GLOSSARY.partStarts.has(word.slice(0, MIN_PART))) return null;
  for (let cut = Math.min(word.length - MIN_PART, GLOSSARY.longestPart); cut >= MIN_PART; cut--) {
    const head = GLOSSARY.parts.get(word.slice(0, cut));
    if (head === undefined) continue;
    let rest = word.slice(cut);
    let tail = splitCompound(rest, depth + 1);
    if (tail === null && rest.startsWith('s') && rest.length > MIN_PART) {
      rest = rest.slice(1);
      tail = splitCompound(rest, depth + 1);
    }
    if (tail !== null) return [head, ...tail];
  }
  return null;
}

/**
 * The English words for the glossary entries found in a text of one of the six languages, in the order met, each once:
 * the longest phrase first, then the word, then (words of 10 letters or more) a German or Dutch compound's parts.
 * Words not in the glossary are dropped; '' when nothing is found.
 */
export function englishGloss(text: string): string {
  const tokens = tokensOf(normalizeForGloss(text));
  const out: string[] = [];
  const emitted = new Set<string>();
  const emit = (english: string) => {
    if (emitted.has(english)) return;
    emitted.add(english);
    out.push(english);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const longest = GLOSSARY.phraseStarts.get(token);
    if (longest !== undefined) {
      // The longest phrase that starts here: its key grows a token at a time.
      let key = token;
      let matched = 0;
      let english: string | undefined;
      for (let n = 2; n <= Math.min(longest, tokens.length - i); n++) {
        key += ' ' + tokens[i + n - 1];
        const found = GLOSSARY.phrases.get(key);
        if (found !== undefined) {
          matched = n;
          english = found;
        }
      }
      if (english !== undefined) {
        emit(english);
        i += matched - 1;
        continue;
      }
    }
    const english = GLOSSARY.words.get(token);
    if (english !== undefined) {
      emit(english);
      continue;
    }
    if (token.length >= MIN_COMPOUND) {
      const parts = splitCompound(token);
      if (parts !== null) emit(parts.join(' '));
    }
  }
  return out.join(' ');
}

/**
 * Function words that are not English words, beyond those figures.ts's otherLanguage counts: Dutch (which it does
 * not read) and common ones of the other five ("o governo ... de carros ... disse o ministro" has none of its words).
 */
const MORE_FUNCTION_WORDS = new Set([
  'het', 'een', 'van', 'niet', 'voor', 'met', 'ook', 'maar', 'wordt', 'werd', 'werden', 'heeft', 'hebben', 'naar', 'bij',
  'deze', 'uit', 'door', 'worden', 'zijn', 'jaar', 'nog', 'geen', 'wel', 'dat', 'er', 'op', 'te', 'om', 'aan', 'hij',
  'zij', 'wij', 'ze', 'dan', 'meer', 'wat', 'ons', 'onze', 'sinds', 'tegen', 'tussen', 'volgens', 'tot', 'alle',
  'de', 'o', 'e', 'segundo', 'ao', 'pelo', 'pela', 'com', 'também', 'disse', 'foram', 'seu', 'sua', 'isso', 'esse', 'essa',
  'su', 'sus', 'como', 'más', 'hasta', 'desde', 'también', 'dijo', 'fueron', 'sobre',
  'avec', 'selon', 'ces', 'cette', 'mais', 'aussi', 'leur', 'qui', 'ne', 'pas', 'ont', 'été',
  'nel', 'della', 'dei', 'delle', 'degli', 'dal', 'dalla', 'alla', 'sul', 'questo', 'anche', 'hanno', 'stati', 'secondo',
  'ist', 'wird', 'werden', 'wurde', 'auch', 'nach', 'bei', 'sich', 'dass', 'laut', 'seit', 'einen', 'einem',
  'el', 'los', 'las', 'la', 'le', 'les', 'lo', 'il', 'una', 'der', 'das', 'und', 'den', 'dem', 'du', 'des', 'et', 'est', 'dans',
  'pour', 'sur', 'y', 'que', 'por', 'con', 'para', 'em', 'na', 'nos', 'os', 'da', 'dos', 'di', 'che', 'è', 'sono',
]);
const ENGLISH_COMMON = new Set([
  'the', 'and', 'of', 'to', 'is', 'was', 'that', 'for', 'with', 'on', 'by', 'it', 'this', 'are', 'have', 'has', 'from',
  'as', 'at', 'be', 'were', 'they', 'their', 'not', 'an', 'after', 'more', 'will', 'would', 'said', 'than', 'he', 'she',
  'his', 'her', 'which', 'who', 'been', 'had', 'but', 'or', 'its', 'about', 'into', 'over', 'out', 'up', 'we', 'you', 'there',
]);
function foreign(text: string): boolean {
  if (otherLanguage(text)) return true;
  let other = 0;
  let english = 0;
  let glossed = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (MORE_FUNCTION_WORDS.has(w) || FOREIGN_FUNCTION_WORDS.has(w)) other++;
    else if (ENGLISH_COMMON.has(w)) english++;
    // The glossary holds no English look-alike: its words are a short post's best sign of its language.
    else if (w.length >= 4 && GLOSSARY.words.has(normalizeForGloss(w))) glossed++;
  }
  return (other >= 2 && other > english) || (other + glossed >= 2 && glossed >= 1 && other + glossed > 2 * english);
}

/** The gloss of a post in another language; '' for an English one (its own words are the English already). */
export function glossFor(text: string): string {
  return foreign(text) ? englishGloss(text) : '';
}

/**
 * What a post in another language is compared by: its names (capitalised words that are neither the glossary's nor
 * function words: "Sorvenia", "Talvik") and its English gloss. Its other words cannot be in an English claim, and
 * counted among its words they would only dilute the words it shares. Null for an English text.
 */
export function glossedQuery(text: string): string | null {
  if (!foreign(text)) return null;
  const names = (text.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []).filter((w) => {
    const key = normalizeForGloss(w);
    return !MORE_FUNCTION_WORDS.has(key) && !GLOSSARY.words.has(key) && !GLOSSARY.phraseStarts.has(key) && !FOREIGN_FUNCTION_WORDS.has(w.toLowerCase());
  });
  return [...names.flatMap((w) => {
    const english = englishNameForm(w);
    return english === normalizeForGloss(w) ? [w] : [w, english];
  }), englishGloss(text)].join(' ').trim();
}

/**
 * A place name as English most often writes it: accents dropped, and a country's French, German or Dutch ending
 * ("-ie", "-ien", "-ië") as the English "-ia" ("Sorvénie", "Sorvenien" and "Sorvenia"; "Slovénie" and "Slovenia").
 * Lower-case.
 */
export function englishNameForm(name: string): string {
  const folded = normalizeForGloss(name);
  return folded.length >= 5 ? folded.replace(/(?:ien|ie)$/, 'ia') : folded;
}
