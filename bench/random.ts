/** Seeded randomness for the benchmarks' generated data (mulberry32): the same seed gives the same data everywhere. */
export type Rnd = () => number;

export function prng(seed: number): Rnd {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** `count` made-up proper names of 2–3 of `syllables`, distinct, in the order drawn (the benchmarks' places and actors). */
export function madeUpNames(seed: number, count: number, syllables: readonly string[]): string[] {
  const r = prng(seed);
  const seen = new Set<string>();
  while (seen.size < count) {
    let w = '';
    for (let i = 0, n = 2 + Math.floor(r() * 2); i < n; i++) w += pick(r, syllables);
    seen.add(w[0].toUpperCase() + w.slice(1));
  }
  return [...seen];
}

/** Draws from `xs` with a Zipf law (the item of rank k with weight ∝ 1/k, the first most often): news names few places a lot. */
export function zipfSampler<T>(xs: readonly T[]): (r: Rnd) => T {
  const cdf = new Float64Array(xs.length);
  let s = 0;
  for (let i = 0; i < xs.length; i++) cdf[i] = s += 1 / (i + 1);
  for (let i = 0; i < cdf.length; i++) cdf[i] /= s;
  return (r) => {
    const u = r();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return xs[lo];
  };
}
