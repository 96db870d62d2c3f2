/** The extraction thread pool on its own (the thread runs the compiled extractor from dist/: `npm test` builds first). */
import { afterEach, describe, expect, test } from '@jest/globals';
import { SHAPES } from '../../bench/pathological.js';
import type { AppConfig } from '../../src/config/config.js';
import { ExtractionTimeoutError, ExtractorPool, extractorThreads } from '../../src/extraction/extractor-pool.js';
import { extractClaims } from '../../src/extractor/index.js';

const PUB = new Date('2026-11-25T09:00:00Z');
const TEXT = 'Russia has moved an estimated 100,000 troops to its border with Ukraine, Western officials said on Tuesday.';

describe('extractorThreads', () => {
  test('by default the cores but one (the event loop keeps one), from 1 to the jobs run at once; EXTRACTOR_THREADS overrides', () => {
    expect(extractorThreads({ EXTRACTOR_THREADS: 0, WORKER_CONCURRENCY: 2 }, 2)).toBe(1);
    expect(extractorThreads({ EXTRACTOR_THREADS: 0, WORKER_CONCURRENCY: 2 }, 1)).toBe(1);
    expect(extractorThreads({ EXTRACTOR_THREADS: 0, WORKER_CONCURRENCY: 4 }, 8)).toBe(4);
    expect(extractorThreads({ EXTRACTOR_THREADS: 0, WORKER_CONCURRENCY: 8 }, 4)).toBe(3);
    expect(extractorThreads({ EXTRACTOR_THREADS: 3, WORKER_CONCURRENCY: 2 }, 2)).toBe(3);
  });
});

describe('ExtractorPool', () => {
  let pool: ExtractorPool | undefined;
  const start = (threads: number, budgetMs = 20000) => (pool = new ExtractorPool({ WORKER_CONCURRENCY: threads, EXTRACTOR_THREADS: threads, EXTRACTION_TIMEOUT_MS: budgetMs } as AppConfig));
  afterEach(async () => {
    await pool?.onApplicationShutdown();
    pool = undefined;
  });

  test('gives the same claims as the extractor in this thread, to more callers than it has threads', async () => {
    const p = start(2);
    const texts = [TEXT, SHAPES.sentences.make(3000), `${TEXT} About 1.5 million people have been displaced, the U.N. said.`, SHAPES.list.make(2500), TEXT];
    const results = await Promise.all(texts.map((t) => p.extract(t, PUB)));
    results.forEach((r, i) => {
      expect(r.skipped).toEqual([]);
      // (claims come back in parts of 1,000: SHAPES.sentences.make(3000) has 3,000)
      expect(r.claims).toEqual(extractClaims(texts[i], { publishedAt: PUB }));
    });
  }, 60000);

  test('a request waiting for the thread says how long it waited (not its article\'s own time), and its timeout starts when it is taken', async () => {
    const p = start(1);
    const t0 = performance.now();
    const [first, second] = await Promise.all([p.extract(SHAPES.sentences.make(2000), PUB), p.extract(TEXT, PUB, 2000)]);
    const firstTook = performance.now() - t0;
    expect(first.waitedMs).toBeLessThan(firstTook);
    // (the second waited for the first's whole extraction)
    expect(second.waitedMs!).toBeGreaterThan(first.waitedMs!);
    expect(second.waitedMs!).toBeGreaterThan(firstTook / 2);
    expect(second.claims.map((c) => c.quantity?.value)).toEqual([100000]);
  }, 60000);

  test('stops a thread past its budget with ExtractionTimeoutError, and serves the next request with a fresh one', async () => {
    const p = start(1, 5000);
    const slow = p.extract(SHAPES.singleLine.make(4_000_000), PUB, 300);
    await expect(slow).rejects.toBeInstanceOf(ExtractionTimeoutError);
    await expect(slow).rejects.toMatchObject({ code: 'extraction_timeout', budgetMs: 5000 });
    const next = await p.extract(TEXT, PUB);
    expect(next.claims.map((c) => c.quantity?.value)).toEqual([100000]);
  }, 60000);

  test('on shutdown, lets a running extraction finish; work that still comes (a queue worker finishing its last job) is done', async () => {
    const p = start(1);
    const running = p.extract(SHAPES.sentences.make(2000), PUB);
    await new Promise((r) => setTimeout(r, 50));
    await p.onApplicationShutdown();
    expect((await running).claims).toHaveLength(2000);
    expect((await p.extract(TEXT, PUB)).claims.map((c) => c.quantity?.value)).toEqual([100000]);
  }, 60000);
});
