/**
 * Worker thread entry: runs the extractor off the main event loop (see ExtractorPool). One request at a time;
 * a sentence that throws is skipped and reported with its rule trace, so only a runaway article (killed by the pool) costs the whole job.
 */
import { parentPort } from 'node:worker_threads';
import { extractClaims, type ExtractedClaim } from '../extractor/index.js';
import { extractArticleText } from './extract-article-text.js';
import { CLAIMS_PER_MESSAGE, READY, type SkippedSentence, type ThreadRequest, type ThreadResponse } from './extractor-thread-protocol.js';

if (!parentPort) throw new Error('extractor/thread.js is a worker thread entry point, not a module to import');
const port = parentPort;

const send = (res: ThreadResponse) => port.postMessage(res);

/** The claims of the current request, handed out part by part. */
let pending: { id: number; claims: ExtractedClaim[]; skipped: SkippedSentence[]; sent: number } | null = null;

function sendNext(): void {
  if (!pending) return;
  const { id, claims, skipped, sent } = pending;
  if (sent < claims.length) {
    pending.sent += CLAIMS_PER_MESSAGE;
    send({ id, part: claims.slice(sent, sent + CLAIMS_PER_MESSAGE) });
  } else {
    pending = null;
    send({ id, ok: true, skipped });
  }
}

port.on('message', (req: ThreadRequest) => {
  if ('next' in req) {
    if (pending?.id === req.id) sendNext();
    return;
  }
  try {
    const { claims, skipped } = extractArticleText(req.text, req.publishedAt === null ? undefined : new Date(req.publishedAt), undefined, req.timeZone);
    pending = { id: req.id, claims, skipped, sent: 0 };
    sendNext();
  } catch (err) {
    send({ id: req.id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});

// A first small extraction compiles the hot paths (a cold isolate is several times slower on its first article).
extractClaims('Russia has moved an estimated 100,000 troops to its border, officials said on Tuesday.', { publishedAt: new Date(0) });
port.postMessage(READY);
