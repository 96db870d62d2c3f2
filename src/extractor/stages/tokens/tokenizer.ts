/**
 * Tokenisation of a sentence with exact UTF-16 offsets into the article text: numbers (with their separators), words
 * (with inner apostrophes, and an Arabic name particle kept on its name), and single punctuation characters.
 */
import { NAME_PARTICLES } from '../../resources/segmentation.js';

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

// (1.17) an Arabic name particle stays on its name: "al-Mansouri", "el-Sisi", "bin-Salman" (a capital after the hyphen)
const TOKEN_RE = new RegExp(
  `(\\d+(?:[.,]\\d+)*)|((?:(?:${NAME_PARTICLES.join('|')})-(?=[A-Z]))?[A-Za-zÀ-ÖØ-öø-ÿ\\u0100-\\u024F\\u1E00-\\u1EFF]+(?:['’][A-Za-z]+)*)|(\\S)`,
  'g',
);

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
