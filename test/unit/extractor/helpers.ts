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

/** Figures of texts published at `pub`: all of them, their quoted texts, and the one whose text includes a phrase. */
export function figuresAt(pub: Date) {
  const q = (s: string) => quantities(s, pub);
  const texts = (s: string) => q(s).map((x) => x.quantity!.text);
  const find = (s: string, qtext: string) => {
    const c = q(s).find((x) => x.quantity!.text.includes(qtext));
    if (!c) throw new Error(`no quantity ${qtext} in ${s}: ${texts(s).join(' | ')}`);
    return c;
  };
  return { q, texts, find };
}
