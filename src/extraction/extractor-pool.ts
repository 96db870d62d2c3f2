import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/config.js';
import type { ExtractedClaim } from '../extractor/index.js';
import { READY, type ExtractRequest, type SkippedSentence, type ThreadRequest, type ThreadResponse } from './extractor-thread-protocol.js';

export interface PoolResult {
  claims: ExtractedClaim[];
  skipped: SkippedSentence[];
  /** How long the request waited for a thread, ms: not the article's own time (ExtractionService leaves it out of its budget). */
  waitedMs?: number;
}


/** When an article was published and the zone its publisher writes in (relative dates resolve there). */
export interface PublicationTime {
  publishedAt: Date | null;
  timeZone: string | null;
}
/** The article ran past its budget (EXTRACTION_TIMEOUT_MS) at `stage`. Retrying would time out again. */
export class ExtractionTimeoutError extends Error {
  readonly code = 'extraction_timeout';
  constructor(
    readonly budgetMs: number,
    readonly stage: string,
  ) {
    super(`the article took longer than its ${budgetMs} ms budget (EXTRACTION_TIMEOUT_MS), stopped while ${stage}`);
    this.name = 'ExtractionTimeoutError';
  }
}

interface Task {
  req: ExtractRequest;
  /** claims received so far */
  claims: ExtractedClaim[];
  timeoutMs: number;
  budgetMs: number;
  resolve: (r: PoolResult) => void;
  reject: (e: Error) => void;
  queuedAt: number;
  waitedMs?: number;
}

interface Slot {
  worker: Worker;
  /** loaded and warmed up (it posted READY) */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

/** EXTRACTOR_THREADS, or (0) the cores but one, from 1 to WORKER_CONCURRENCY. */
export function extractorThreads(config: Pick<AppConfig, 'EXTRACTOR_THREADS' | 'WORKER_CONCURRENCY'>, cores = availableParallelism()): number {
  return config.EXTRACTOR_THREADS > 0 ? config.EXTRACTOR_THREADS : Math.max(1, Math.min(config.WORKER_CONCURRENCY, cores - 1));
}

/**
 * Runs the extractor in worker threads, so that no article, however long or odd, blocks the event loop that serves
 * HTTP and renews BullMQ locks, and so that an article past its time budget can be stopped (a thread can be terminated
 * mid-computation; a function on the main thread cannot).
 *
 * A pool of long-lived threads rather than a thread per job: starting a thread and loading the extractor into it
 * costs about 0.3 s (plus the JIT warm-up of a cold isolate), ten times the extraction of a typical article. The pool
 * holds at most extractorThreads() threads (EXTRACTOR_THREADS), started on first use; a thread
 * that times out or dies is dropped and replaced on the next request. More concurrent callers than threads wait in line;
 * their budget starts when a thread takes them.
 */
@Injectable()
export class ExtractorPool implements OnApplicationShutdown {
  private readonly logger = new Logger(ExtractorPool.name);
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private readonly size: number;
  private readonly budgetMs: number;
  private nextId = 1;
  private closed = false;
  private drained: (() => void) | null = null;

  constructor(config: AppConfig) {
    this.size = extractorThreads(config);
    this.budgetMs = config.EXTRACTION_TIMEOUT_MS;
  }

  /**
   * Extracts in a thread; past `timeoutMs` of the thread's work the thread is terminated and this rejects with
   * ExtractionTimeoutError (reported against `budgetMs`, the article's whole budget, of which this may be the rest).
   */
  extract(text: string, published: Date | null | PublicationTime, timeoutMs = this.budgetMs, budgetMs = this.budgetMs): Promise<PoolResult> {
    const { publishedAt, timeZone } = published === null || published instanceof Date ? { publishedAt: published, timeZone: null } : published;
    return new Promise<PoolResult>((resolve, reject) => {
      this.waiting.push({ req: { id: this.nextId++, text, publishedAt: publishedAt?.getTime() ?? null, timeZone }, claims: [], timeoutMs, budgetMs, resolve, reject, queuedAt: performance.now() });
      this.dispatch();
    });
  }

  /**
   * Starts the threads now rather than on the first articles (the worker process calls it at boot): each thread loads
   * the extractor and warms its cold isolate (READY), which on a busy machine took seconds of both cores while the
   * first articles waited. Idle threads do not keep the process alive.
   */
  warm(): void {
    if (this.closed) return;
    while (this.slots.length < this.size) this.spawn();
  }

  /**
   * Lets running extractions finish (each is bounded by its budget), then stops the threads. Work is still accepted
   * afterwards, on a fresh thread that stops when done: Nest may run this hook before the BullMQ workers' own, and a
   * queue worker finishing its last job must not fail it (refusing made the job fail twice and the article with it).
   */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.busy() > 0 || this.waiting.length > 0) await new Promise<void>((r) => (this.drained = r));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private busy(): number {
    return this.slots.filter((s) => s.task !== null).length;
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.find((s) => s.ready && s.task === null);
      if (!slot) {
        // threads still starting take the waiting tasks when they are ready
        let starting = this.slots.filter((s) => !s.ready).length;
        while (starting < this.waiting.length && this.slots.length < this.size) {
          this.spawn();
          starting++;
        }
        return;
      }
      this.run(slot, this.waiting.shift()!);
    }
    if (this.drained && this.busy() === 0) this.drained();
    // once shut down, a thread that is done has no next job
    if (this.closed) for (const s of this.slots.filter((x) => x.ready && x.task === null)) this.retire(s, new Error('stopped'));
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task;
    task.waitedMs = performance.now() - task.queuedAt;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.logger.warn(`extraction request ${task.req.id} passed its ${task.timeoutMs} ms: terminating its thread`);
      this.retire(slot, new ExtractionTimeoutError(task.budgetMs, 'extracting (the thread was stopped)'));
    }, task.timeoutMs);
    slot.worker.postMessage(task.req);
  }

  private spawn(): Slot {
    // (a starting or working thread keeps the process alive; an idle one does not)
    const worker = new Worker(threadScript());
    const slot: Slot = { worker, ready: false, task: null, timer: null };
    worker.on('message', (res: ThreadResponse | typeof READY) => {
      if (res === READY) {
        slot.ready = true;
        this.dispatch();
        if (!slot.task) worker.unref();
        return;
      }
      const task = slot.task;
      if (!task || task.req.id !== res.id) return;
      if ('part' in res) {
        for (const c of res.part) task.claims.push(c);
        slot.worker.postMessage({ id: res.id, next: true } satisfies ThreadRequest);
        return;
      }
      this.finish(slot);
      if (res.ok) task.resolve({ claims: task.claims, skipped: res.skipped, waitedMs: task.waitedMs });
      else task.reject(new Error(res.error));
      this.dispatch();
    });
    // An uncaught error or an exit (out of memory, say) ends the thread: fail its task, replace it on the next request.
    worker.on('error', (err) => this.retire(slot, err));
    worker.on('exit', (code) => this.retire(slot, new Error(`extractor thread exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
  }

  /** Drops a thread (terminating it if it still runs) and fails the task it held. */
  private retire(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const task = slot.task;
    this.finish(slot);
    slot.worker.removeAllListeners('message');
    void slot.worker.terminate();
    task?.reject(err);
    // A thread that dies before it is ready would die again (a broken build, say): fail the waiting work, do not respawn.
    if (!slot.ready) for (const w of this.waiting.splice(0)) w.reject(err);
    this.dispatch();
  }
}

let script: URL | null = null;

/**
 * The thread's entry file. From dist/ (production) it sits next to this module. Under Jest this module
 * runs from src/ through ts-jest, which does not transpile worker thread entry files: the thread then loads the
 * compiled copy in dist/, which `npm test` builds first.
 */
function threadScript(): URL {
  if (script) return script;
  const beside = new URL('./extractor-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return (script = beside);
  const compiled = new URL('../../dist/src/extraction/extractor-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return (script = compiled);
  throw new Error(`extractor thread entry not found at ${fileURLToPath(beside)} nor ${fileURLToPath(compiled)}: run npm run build`);
}
