/**
 * Benchmarks. `npm run bench` runs every registered benchmark (or those named on the command line:
 * `node dist/bench/run.js extraction-throughput`).
 *
 * To add one: export `benchmarks: Benchmark[]` from a file named `bench/<name>.bench.ts`; run.ts imports every
 * `*.bench.js` next to it at start-up (e.g. an HTTP or database benchmark), so this file need not change.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractClaims, splitSentences } from '../src/extractor/index.js';
import { loadCorpus } from './corpus.js';

export interface BenchResult {
  name: string;
  /** metric name -> value (numbers are printed with units in the name, e.g. "sentences/s") */
  metrics: Record<string, number | string>;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult> | BenchResult;
}

/** Run fn repeatedly for at least `ms` milliseconds after a warm-up; returns iterations and elapsed ms. */
export function timeLoop(fn: () => void, ms = 2000, warmup = 300): { iterations: number; elapsed: number } {
  const w0 = performance.now();
  while (performance.now() - w0 < warmup) fn();
  let iterations = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    fn();
    iterations++;
    elapsed = performance.now() - t0;
  }
  return { iterations, elapsed };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const extractionThroughput: Benchmark = {
  name: 'extraction-throughput',
  description: 'extractClaims over the labeled corpus, one core (single thread)',
  run() {
    const corpus = loadCorpus();
    const sentences = corpus.reduce((n, a) => n + splitSentences(a.text).length, 0);
    const words = corpus.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
    let claims = 0;
    const { iterations, elapsed } = timeLoop(() => {
      for (const a of corpus) claims += extractClaims(a.text, { publishedAt: new Date(a.publishedAt) }).length;
    });
    const sec = elapsed / 1000;
    return {
      name: this.name,
      metrics: {
        articles: corpus.length,
        sentences,
        words,
        'sentences/s': Math.round((sentences * iterations) / sec),
        'articles/s': Math.round((corpus.length * iterations) / sec),
        'words/s': Math.round((words * iterations) / sec),
        'claims/article': +(claims / iterations / corpus.length).toFixed(2),
      },
    };
  },
};

/** A 2,000-word article built from the corpus texts (so it stays news-like). */
export function article2000(): string {
  const corpus = loadCorpus();
  const parts: string[] = [];
  let words = 0;
  for (let i = 0; words < 2000; i++) {
    const t = corpus[i % corpus.length].text;
    parts.push(t);
    words += t.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

const longArticle: Benchmark = {
  name: 'article-2000-words',
  description: 'latency of extractClaims on one 2,000-word article (median of 50 runs after warm-up)',
  run() {
    const text = article2000();
    const pub = new Date('2024-01-15T12:00:00Z');
    for (let i = 0; i < 20; i++) extractClaims(text, { publishedAt: pub });
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      extractClaims(text, { publishedAt: pub });
      times.push(performance.now() - t0);
    }
    return {
      name: this.name,
      metrics: {
        words: text.split(/\s+/).length,
        sentences: splitSentences(text).length,
        'median ms': +median(times).toFixed(2),
        'p95 ms': +[...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)].toFixed(2),
      },
    };
  },
};

const coldStart: Benchmark = {
  name: 'extraction-cold',
  description: 'first call in a fresh process is slower (JIT); measured here only if run first',
  run() {
    const text = article2000();
    const t0 = performance.now();
    extractClaims(text, { publishedAt: new Date('2024-01-15T12:00:00Z') });
    return { name: this.name, metrics: { 'first call ms (may be warm if not first)': +(performance.now() - t0).toFixed(2) } };
  },
};

export const benchmarks: Benchmark[] = [coldStart, extractionThroughput, longArticle];

async function discover(): Promise<Benchmark[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const extra: Benchmark[] = [];
  for (const f of readdirSync(here).filter((x) => x.endsWith('.bench.js')).sort()) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { benchmarks?: Benchmark[] };
    if (Array.isArray(mod.benchmarks)) extra.push(...mod.benchmarks);
  }
  return extra;
}

export async function runAll(names: string[] = []): Promise<BenchResult[]> {
  const all = [...benchmarks, ...(await discover())];
  const chosen = names.length ? all.filter((b) => names.includes(b.name)) : all;
  const results: BenchResult[] = [];
  for (const b of chosen) {
    const r = await b.run();
    results.push(r);
    console.log(`\n## ${b.name} — ${b.description}`);
    for (const [k, v] of Object.entries(r.metrics)) console.log(`  ${k.padEnd(40)} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`);
  }
  return results;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  console.log(`node ${process.version}, single thread`);
  await runAll(process.argv.slice(2).filter((a) => !a.startsWith('-')));
}
