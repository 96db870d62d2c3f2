/**
 * Sentence splitting and tokenisation with exact UTF-16 offsets into the article text.
 */
import { SENTENCE_STARTERS } from '../../resources/lexicon.js';

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export type TokKind = 'num' | 'word' | 'punct';

export interface Tok {
  /** surface text */
  t: string;
  /** lowercase */
  l: string;
  s: number;
  e: number;
  k: TokKind;
  /** whitespace (or start) before the token */
  sp: boolean;
  /** starts with an uppercase letter */
  cap: boolean;
}

/** Abbreviations after which a period never ends a sentence. */
const NO_BREAK = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'adm', 'sen', 'rep', 'gov', 'st', 'prof',
  'rev', 'fig', 'approx', 'mt', 'ft', 'ave', 'blvd', 'jr', 'sr', 'brig', 'cmdr', 'cpl', 'pvt', 'gens', 'reps',
  'sens', 'govs', 'messrs', 'vs', 'v', 'pres', 'supt', 'insp', 'det', 'hon', 'est', 'cf', 'al', 'e.g', 'i.e', 'etc.,',
]);
const MONTH_ABBR = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos']);

const BOILERPLATE: RegExp[] = [
  /^oops\b/i,
  /something went wrong/i,
  /please try again/i,
  /^(share|tweet|email|e-mail|print|copy link|save|comment|comments|advertisement|subscribe|sign up|sign in|log in|read more|click here|follow us|related|recommended|more from|watch|listen|image|photo|video|getty images|reuters photo|ap photo)\b[\s:.!]*$/i,
  /^(share|follow|subscribe)( (this|on|us|to))?\b.{0,40}$/i,
  /^(by|written by|reporting by|editing by|additional reporting by)\s+[A-Z][\w.'’-]+(\s+(and\s+)?[A-Z][\w.'’-]+){0,5}\.?$/,
  // bylines with a title or desk: "By Tom Ashworth, Local Democracy Reporter", "By Dr. Hannah Reid, Health Reporter"
  /^by\s+(?:(?:dr|prof)\.?\s+)?\p{Lu}[\p{L}.'’-]+(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]+){0,4},\s+[\p{L} .'’&-]{2,60}$/u,
  // navigation lines: "Read more: …", "Related: …", "See also: …", "Watch: …"
  /^(read more|read also|related|see also|also read|more on this( story)?|watch|listen|recommended|further reading|more from [\w ]+)\s*[:|]/i,
  // list widgets and counters: "list of 4 items", "list 1 of 4", "► Ukraine hits …", "1,284 views", "Comments (12)"
  /^list (of \d+ items|\d+ of \d+)\b/i,
  /^[►▶»]/,
  /\b[\d,.]+k?\s+(views|reads|shares)\s*$/i,
  /^comments?\s*\(\d+\)$/i,
  /all rights reserved/i,
  /©|\(c\)\s*\d{4}/i,
  /^(photo|image|file photo|credit)\s*:/i,
  /contributed (to )?(this )?report/i,
  /^(updated|published|posted|last updated)\b.{0,60}$/i,
  /cookies?\b.*\b(accept|consent|policy)/i,
  /^(sign up|subscribe) (for|to) /i,
  /newsletter/i,
  /^\d+\s*(min|mins|minute|minutes)\.?\s+read$/i,
  // (1.14) audio players: "Listen to this article | 4 mins", "Listen · 5 min"
  /^listen( to this (article|story))?\s*[|·•:-]?\s*\d+\s*(min|mins|minutes?)\.?$/i,
  /^(photo|image|slide|picture|video)s?\s*\d+\s*(of|\/)\s*\d+/i,
  /^\d+\s*(of|\/)\s*\d+$/,
  /^(copyright|\(c\))\b/i,
  /^(this (story|article) has been (updated|corrected))/i,
];

/**
 * A header that opens a block of navigation links ("Read more:", "Read also", "Keep reading", "More on this story",
 * "Most read", "Related Topics", "Suggested Topics"): the lines after it, up to a blank line, are headlines of other pages.
 */
const NAV_HEADER = /^(read more|read also|also read|see also|related( (topics|stories|articles|content|coverage|links))?|more on this( story)?|more stories|keep reading|most read|most viewed|most popular|popular now|suggested( topics| reading)?|explore more on these topics|recommended( stories)?|top stories|latest stories|you may also like|further reading)\s*:?$/i;
export function isNavHeader(s: string): boolean {
  return NAV_HEADER.test(s.trim());
}

export function isBoilerplate(s: string): boolean {
  const t = s.trim();
  if (t.length === 0) return true;
  for (const re of BOILERPLATE) if (re.test(t)) return true;
  return false;
}

function isUpper(c: string): boolean {
  return c >= 'A' && c <= 'Z';
}
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\f' || c === '\v';
}

/**
 * The longest sentence the rules see. Several rules compare every figure of a sentence with every token or time of it,
 * so their cost grows with the square (or cube) of a sentence's length: a run-on "sentence" (a table flattened into one
 * line, a list of 50,000 numbers, a text without full stops) could hold the extractor for minutes. Longer sentences
 * are cut into pieces of at most this many characters, at a clause boundary where there is one. News sentences are far
 * shorter (the longest of the 1,368 in the labeled sets has 325 characters), so this changes nothing on real copy.
 */
export const MAX_SENTENCE_CHARS = 1000;

/** Where to end the first piece of the over-long sentence text[a, b): after ';', else ',' ':' or a dash, else a space. */
function pieceEnd(text: string, a: number, b: number): number {
  const hi = Math.min(b, a + MAX_SENTENCE_CHARS);
  const lo = a + (MAX_SENTENCE_CHARS >> 1);
  for (const marks of [';', ',:—–']) {
    for (let i = hi - 1; i >= lo; i--) if (marks.includes(text[i]) && isSpace(text[i + 1] ?? ' ')) return i + 1;
  }
  for (let i = hi - 1; i >= lo; i--) if (isSpace(text[i])) return i + 1;
  // no break at all: cut, but never between the two halves of a surrogate pair
  const code = text.charCodeAt(hi - 1);
  return code >= 0xd800 && code <= 0xdbff ? hi - 1 : hi;
}

/**
 * Split into sentences (at most MAX_SENTENCE_CHARS each). Breaks on newlines and on . ! ? followed by whitespace and an uppercase letter,
 * digit, or opening quote — except after titles ("Gen."), month abbreviations before a day ("Jan. 5"),
 * initials ("J."), and dotted abbreviations ("U.S.") unless the next word is a typical sentence opener.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let segStart = 0;
  const n = text.length;
  const push = (a: number, b: number) => {
    // trim whitespace and bullets
    while (a < b && (isSpace(text[a]) || text[a] === '•' || text[a] === '·' || text[a] === '*' || text[a] === '▪')) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (b - a > MAX_SENTENCE_CHARS) {
      const cut = pieceEnd(text, a, b);
      push(a, cut);
      push(cut, b);
    } else if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
  };
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n') {
      push(segStart, i);
      segStart = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // extend over punctuation run and closing quotes/brackets
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < n && '"\'”’)]»'.includes(text[j])) j++;
    if (j < n && !isSpace(text[j])) {
      i = j - 1;
      continue;
    }
    // next non-space char
    let k = j;
    while (k < n && isSpace(text[k]) && text[k] !== '\n') k++;
    if (k >= n) {
      i = j - 1;
      continue;
    }
    if (text[k] === '\n') {
      i = j - 1;
      continue; // newline handles it
    }
    const nc = text[k];
    const opensLikeSentence = isUpper(nc) || (nc >= '0' && nc <= '9') || '"“‘\'(['.includes(nc);
    if (!opensLikeSentence) {
      i = j - 1;
      continue;
    }
    if (c === '.' && j === i + 1) {
      // word before the period
      let w = i;
      // (bounded: the words this looks for are short, and an unbounded walk made a long run of dotted text quadratic)
      while (w > segStart && i - w <= 64 && !isSpace(text[w - 1]) && !'("“'.includes(text[w - 1])) w--;
      const word = i - w > 64 ? '' : text.slice(w, i);
      const lw = word.toLowerCase();
      let nextWordEnd = k;
      while (nextWordEnd < n && /[A-Za-z]/.test(text[nextWordEnd])) nextWordEnd++;
      const nextWord = text.slice(k, nextWordEnd).toLowerCase();
      if (NO_BREAK.has(lw)) {
        i = j - 1;
        continue;
      }
      if (MONTH_ABBR.has(lw) && /[0-9]/.test(nc)) {
        i = j - 1;
        continue;
      }
      if (/^[A-Z]$/.test(word)) {
        // initial: "J. Smith"
        i = j - 1;
        continue;
      }
      if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) {
        // dotted abbreviation: U.S. / U.N. / a.m.
        if (!SENTENCE_STARTERS.has(nextWord)) {
          i = j - 1;
          continue;
        }
      }
    }
    push(segStart, j);
    segStart = j;
    i = j - 1;
  }
  push(segStart, n);
  return out;
}

// (1.17) an Arabic name particle stays on its name: "al-Mansouri", "el-Sisi", "bin-Salman" (a capital after the hyphen)
const TOKEN_RE = /(\d+(?:[.,]\d+)*)|((?:(?:al|el|bin|ibn|abu)-(?=[A-Z]))?[A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u024F\u1E00-\u1EFF]+(?:['’][A-Za-z]+)*)|(\S)/g;

/** Tokenise a span of text (offsets are absolute). */
export function tokenize(text: string, start = 0, end = text.length): Tok[] {
  const sub = text.slice(start, end);
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = -1;
  while ((m = TOKEN_RE.exec(sub)) !== null) {
    const t = m[0];
    const s = start + m.index;
    const k: TokKind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct';
    const c0 = t[0];
    out.push({
      t,
      l: t.toLowerCase(),
      s,
      e: s + t.length,
      k,
      sp: prevEnd < 0 || prevEnd !== m.index,
      // 'Čivilis', 'Łukasz', 'Şahin': capitals outside ASCII count
      cap: (c0 >= 'A' && c0 <= 'Z') || (c0 > '\u00bf' && c0 !== c0.toLowerCase()),
    });
    prevEnd = m.index + t.length;
  }
  return out;
}
