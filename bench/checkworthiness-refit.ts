/**
 * What the debate set says the sentence weights should be: a logistic regression (CFS against the rest) over the
 * sentence features of stages/checkworthiness/features.ts plus "has a figure claim", fitted on the dev split by
 * gradient descent with a small L2 penalty. Prints each fitted coefficient next to the hand-set weight in weights.ts.
 * The coefficients are log-odds, not score points: read their sign and order, not their size, and keep the news
 * sets' golden files and floors in view before moving a weight.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/checkworthiness-refit.js [--split=dev|check|all]
 */
import { SENTENCE_WEIGHTS, moodReasons, readSentence } from '../src/extractor/stages/checkworthiness/index.js';
import { tokenize } from '../src/extractor/stages/tokens/index.js';
import { extractClaims } from '../src/extractor/index.js';
import { loadDebates } from './checkworthiness.js';

const FEATURES = ['has_figure', ...Object.keys(SENTENCE_WEIGHTS)] as const;

function vector(text: string): number[] {
  const on = new Set<string>(moodReasons(readSentence(tokenize(text, 0, text.length)).whole));
  if (extractClaims(text).some((c) => c.quantity !== null)) on.add('has_figure');
  return FEATURES.map((f) => (on.has(f) ? 1 : 0));
}

export function fit(xs: number[][], ys: number[], l2 = 0.01, steps = 4000, rate = 0.5): { bias: number; w: number[] } {
  const w = new Array<number>(xs[0].length).fill(0);
  let bias = 0;
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(w.length).fill(0);
    let gb = 0;
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(bias + x.reduce((s, v, j) => s + v * w[j], 0))));
      const err = p - ys[i];
      gb += err;
      x.forEach((v, j) => (g[j] += err * v));
    });
    bias -= (rate * gb) / xs.length;
    w.forEach((_, j) => (w[j] -= rate * (g[j] / xs.length + l2 * w[j])));
  }
  return { bias, w };
}

const isMain = process.argv[1]?.endsWith('checkworthiness-refit.js');
if (isMain) {
  const split = process.argv.find((a) => a.startsWith('--split='))?.split('=')[1] ?? 'dev';
  const rows = loadDebates().filter((s) => split === 'all' || s.split === split);
  const { bias, w } = fit(rows.map((s) => vector(s.text)), rows.map((s) => (s.label === 'CFS' ? 1 : 0)));
  console.log(`logistic regression, CFS vs rest, ${rows.length} sentences (${split}); bias ${bias.toFixed(2)}`);
  console.log('feature                    fitted (log-odds)   hand-set weight');
  FEATURES.forEach((f, j) => {
    const hand = f in SENTENCE_WEIGHTS ? String(SENTENCE_WEIGHTS[f as keyof typeof SENTENCE_WEIGHTS]) : '(category base)';
    console.log(`${f.padEnd(26)} ${w[j].toFixed(2).padStart(8)}            ${hand}`);
  });
}
