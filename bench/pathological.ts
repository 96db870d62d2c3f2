/**
 * Article shapes that outside testing found to stall the extractor (issue 9), as generators of any size, shared by
 * the scaling benchmark (bench/extraction-scaling.bench.ts) and the end-to-end test that feeds them to the worker.
 * Deterministic: the same size gives the same text.
 */
import { loadCorpus } from './corpus.js';

/** A varied 3-to-5-digit number for item i (so that no two neighbours read as one figure). */
const num = (i: number) => String(100 + ((i * 7919) % 90000));

export interface Shape {
  name: string;
  /** the unit that `size` counts */
  unit: string;
  make(size: number): string;
}

/** Words for the unpunctuated shapes, cycled with a stride so that the text does not repeat a short period. */
const WORDS = 'the harbour board said crews would inspect every pier along the northern shore before winter storms reached the coast while ferry operators asked for new berths and longer opening hours'.split(' ');

export const SHAPES: Record<'list' | 'sentences' | 'runOn' | 'singleLine' | 'unpunctuated' | 'unpunctuatedNumbers', Shape> = {
  /** One sentence listing `size` numbers: "… counts: 100, 8019, 15938, …." (1,000 numbers ≈ 6 KB). */
  list: {
    name: 'numbers in one list',
    unit: 'numbers',
    make: (size) => `The ministry published the following casualty counts by district: ${Array.from({ length: size }, (_, i) => num(i)).join(', ')}.`,
  },
  /** `size` short sentences with one number each. */
  sentences: {
    name: 'one number per sentence',
    unit: 'sentences',
    make: (size) => Array.from({ length: size }, (_, i) => `Officials said ${num(i)} people were displaced.`).join(' '),
  },
  /** One run-on sentence of about `size` characters, with figures, and no full stop. */
  runOn: {
    name: 'one sentence without a full stop',
    unit: 'chars',
    make: (size) => {
      const parts: string[] = [];
      let n = 0;
      for (let i = 0; n < size; i++) {
        const p = `the army moved ${num(i)} troops across the river and officials said ${num(i + 1)} people were displaced near the border`;
        parts.push(p);
        n += p.length + 5;
      }
      return parts.join(' and ').slice(0, size);
    },
  },
  /** News copy (the labeled corpus, repeated) on a single line of about `size` characters: no newline anywhere. */
  singleLine: {
    name: 'news copy on a single line',
    unit: 'chars',
    make: (size) => {
      const texts = loadCorpus().map((a) => a.text.replace(/\s*\n\s*/g, ' '));
      const parts: string[] = [];
      let n = 0;
      for (let i = 0; n < size; i++) {
        parts.push(texts[i % texts.length]);
        n += texts[i % texts.length].length + 1;
      }
      return parts.join(' ').slice(0, size);
    },
  },
  /** One line of about `size` characters of words with no punctuation at all: no sentence ends, no clause breaks. */
  unpunctuated: {
    name: 'one line without punctuation',
    unit: 'chars',
    make: (size) => unpunctuated(size, 0),
  },
  /** The same with a number every fourth word ("… crews 8019 would inspect …"). */
  unpunctuatedNumbers: {
    name: 'one line without punctuation, a number every 4 words',
    unit: 'chars',
    make: (size) => unpunctuated(size, 4),
  },
};

function unpunctuated(size: number, numberEvery: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const w = numberEvery > 0 && i % numberEvery === numberEvery - 1 ? num(i) : WORDS[(i * 7) % WORDS.length];
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ').slice(0, size);
}
