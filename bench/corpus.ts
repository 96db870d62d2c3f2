/** Loading the labeled corpus in test/fixtures/corpus (shared by eval, bench and the library comparison). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GoldQuantityClaim {
  quantityText: string;
  /** which occurrence of quantityText in the text (0-based) */
  nth: number;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string | null;
  category: string;
  unit: string | null;
  speaker: string | null;
  timeRefText: string | null;
  timeFrom: string | null;
  timeTo: string | null;
}

export interface GoldOtherClaim {
  /** a distinctive substring of the statement / event */
  claimText: string;
  category: 'statement' | 'event';
  speaker: string | null;
  timeRefText: string | null;
  timeFrom: string | null;
  timeTo: string | null;
}

export interface Article {
  id: string;
  publishedAt: string;
  topic?: string;
  text: string;
  claims: GoldQuantityClaim[];
  other?: GoldOtherClaim[];
}

/** Find the repository root (works from src and from dist). */
export function repoRoot(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(d, 'package.json'))) return d;
    d = resolve(d, '..');
  }
  return process.cwd();
}

export function loadCorpus(dir = join(repoRoot(), 'test', 'fixtures', 'corpus')): Article[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Article);
}

/** Character offset of the nth occurrence of needle, or -1. */
export function nthIndexOf(text: string, needle: string, nth: number): number {
  let k = -1;
  for (let i = 0; i <= nth; i++) {
    k = text.indexOf(needle, k + 1);
    if (k < 0) return -1;
  }
  return k;
}
