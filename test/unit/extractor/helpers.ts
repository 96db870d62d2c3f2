import { extractClaims, type ExtractedClaim } from '../../../src/extractor/index.js';

export const PUB = new Date('2022-01-19T12:00:00Z'); // a Wednesday

export function claims(text: string, pub: Date = PUB): ExtractedClaim[] {
  return extractClaims(text, { publishedAt: pub });
}
export function quantities(text: string, pub: Date = PUB): ExtractedClaim[] {
  return claims(text, pub).filter((c) => c.quantity !== null);
}
export function one(text: string, pub: Date = PUB): ExtractedClaim {
  const q = quantities(text, pub);
  if (q.length !== 1) throw new Error(`expected 1 quantity in ${JSON.stringify(text)}, got ${q.map((c) => c.quantity!.text).join(' | ')}`);
  return q[0];
}

/**
 * Figures of texts published at `pub`: all of them, their quoted texts, the one whose text includes a phrase, that
 * one's [category, unit], and its time as [text, from, to] (a dateless time repeats its date).
 */
export function figuresAt(pub: Date) {
  const q = (s: string) => quantities(s, pub);
  const texts = (s: string) => q(s).map((x) => x.quantity!.text);
  const find = (s: string, qtext: string) => {
    const c = q(s).find((x) => x.quantity!.text.includes(qtext));
    if (!c) throw new Error(`no quantity ${qtext} in ${s}: ${texts(s).join(' | ')}`);
    return c;
  };
  const unitOf = (s: string, qtext: string) => [find(s, qtext).category, find(s, qtext).quantity!.unit];
  const spanOf = (s: string, qtext: string) => {
    const t = find(s, qtext).timeRef;
    return t ? [t.text, t.from ?? t.date, t.to ?? t.date] : null;
  };
  return { q, texts, find, unitOf, spanOf };
}
