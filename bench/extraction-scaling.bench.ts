/**
 * Extraction time against input size for the shapes that used to stall it (bench/pathological.ts): each shape at 1x,
 * 2x, 4x and 8x its base size. Linear cost shows as a flat time per unit and a ratio 8x/1x near 8 (it was ~60 to
 * ~300 for the list and the run-on sentence before sentences were capped). `node dist/bench/run.js extraction-scaling`
 */
import { extractClaims } from '../src/extractor/index.js';
import { SHAPES, type Shape } from './pathological.js';
import type { Benchmark } from './run.js';

const PUB = new Date('2026-11-25T09:00:00Z');
const STEPS = [1, 2, 4, 8];
const CASES: Array<{ shape: Shape; base: number }> = [
  { shape: SHAPES.list, base: 1000 },
  { shape: SHAPES.runOn, base: 20_000 },
  { shape: SHAPES.sentences, base: 6250 },
  { shape: SHAPES.singleLine, base: 237_500 },
];

/** The fastest of three runs: on a shared machine the minimum is the better estimate of the cost itself. */
function timeOf(text: string): number {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    extractClaims(text, { publishedAt: PUB });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const scaling: Benchmark = {
  name: 'extraction-scaling',
  description: 'extractClaims time by input size (1x 2x 4x 8x) for the shapes of issue 9; linear = flat µs per unit',
  run() {
    const metrics: Record<string, number | string> = {};
    for (const { shape, base } of CASES) {
      // warm-up (JIT) on this shape, so that the 1x size does not pay for compiling its paths
      for (let r = 0; r < 3; r++) extractClaims(shape.make(base), { publishedAt: PUB });
      const ms: number[] = [];
      for (const k of STEPS) {
        const size = base * k;
        const t = timeOf(shape.make(size));
        ms.push(t);
        metrics[`${shape.name}, ${size.toLocaleString('en-US')} ${shape.unit}: ms`] = +t.toFixed(1);
        metrics[`${shape.name}, ${size.toLocaleString('en-US')} ${shape.unit}: µs per ${shape.unit.replace(/s$/, '')}`] = +((t * 1000) / size).toFixed(2);
      }
      metrics[`${shape.name}: time 8x / time 1x (8 = linear)`] = +(ms[ms.length - 1] / ms[0]).toFixed(1);
    }
    return { name: this.name, metrics };
  },
};

const MB = 1024 * 1024;
const MEGABYTE_STEPS = [0.5, 1, 2];

/** Single-line texts of 0.5, 1 and 2 MB with no sentence end (issue 11: "a 2 MB single-line text finishes in seconds"). */
const megabytes: Benchmark = {
  name: 'extraction-megabytes',
  description: 'extractClaims on 0.5 / 1 / 2 MB single-line texts without punctuation (with and without numbers); linear = ratio 2 MB / 0.5 MB near 4',
  run() {
    const metrics: Record<string, number | string> = {};
    for (const shape of [SHAPES.unpunctuated, SHAPES.unpunctuatedNumbers]) {
      extractClaims(shape.make(0.1 * MB), { publishedAt: PUB }); // warm-up (JIT)
      const ms: number[] = [];
      for (const size of MEGABYTE_STEPS) {
        const text = shape.make(size * MB);
        const t0 = performance.now();
        extractClaims(text, { publishedAt: PUB });
        const t = performance.now() - t0;
        ms.push(t);
        metrics[`${shape.name}, ${size} MB: ms`] = +t.toFixed(0);
      }
      metrics[`${shape.name}: time 2 MB / time 0.5 MB (4 = linear)`] = +(ms[ms.length - 1] / ms[0]).toFixed(2);
    }
    return { name: this.name, metrics };
  },
};

export const benchmarks: Benchmark[] = [scaling, megabytes];
