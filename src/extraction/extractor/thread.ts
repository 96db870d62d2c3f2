/**
 * Worker thread entry: runs the extractor off the main event loop (see ExtractorPool). One request at a time;
 * a sentence that throws is skipped and reported, so only a runaway article (killed by the pool) costs the whole job.
 */
import { parentPort } from 'node:worker_threads';
import { extractClaims } from './index.js';
import { READY, type SkippedSentence, type ThreadRequest, type ThreadResponse } from './thread-protocol.js';

if (!parentPort) throw new Error('extractor/thread.js is a worker thread entry point, not a module to import');
const port = parentPort;

port.on('message', (req: ThreadRequest) => {
  let res: ThreadResponse;
  try {
    const skipped: SkippedSentence[] = [];
    const claims = extractClaims(req.text, {
      publishedAt: req.publishedAt === null ? undefined : new Date(req.publishedAt),
      onSentenceError: (e) => skipped.push({ index: e.index, start: e.start, end: e.end, error: `${e.error.name}: ${e.error.message}` }),
    });
    res = { id: req.id, ok: true, claims, skipped };
  } catch (err) {
    res = { id: req.id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  port.postMessage(res);
});

// A first small extraction compiles the hot paths (a cold isolate is several times slower on its first article).
extractClaims('Russia has moved an estimated 100,000 troops to its border, officials said on Tuesday.', { publishedAt: new Date(0) });
port.postMessage(READY);
